"""Knowledge-base data files (see README.md); read with eventwire.actors.kb.load_kb()."""
