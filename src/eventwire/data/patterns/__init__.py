"""Event trigger patterns and cue words (TOML), read by eventwire.events.patterns."""
