"""The event coder: CAMEO/PLOVER events from the dependency parse.

- :mod:`.codebook`: CAMEO codes with Goldstein, QuadClass and PLOVER (data file);
- :mod:`.patterns`: the analyst-editable trigger patterns (TOML data files);
- :mod:`.coder`: finds triggers, their source and target actors, and codes events;
- :mod:`.modality`: negation, modality (planned, demanded, hypothetical, denied, reported).
"""
from .codebook import Codebook, load_codebook

__all__ = ["Codebook", "load_codebook"]
