"""Quotes and attribution: who said what, and according to whom.

- :mod:`.lexicon`: cue words grouped by meaning;
- :mod:`.frames`: attribution frames (source, cue, content) from the parse;
- :mod:`.speakers`: a source mention resolved to an actor, entity or antecedent;
- :mod:`.marks`: quotation marks paired into quoted stretches, bounded by paragraph;
- :mod:`.extract`: frames and quoted stretches turned into ``Quote`` records.

The per-sentence sourcing API other stages use lives in :mod:`eventwire.attribution`.
"""
