"""Name keys: how a toponym as written and a gazetteer name meet.

One function, :func:`name_key`, used both by ``scripts/build_gazetteer.py``
when it writes the name index and by the matcher at run time, so the two can
never disagree. It folds case and diacritics (``São Paulo`` = ``Sao Paulo``),
drops periods (``U.S.`` = ``US``) and apostrophes inside a word (transliterations
write ``Ts'khinvali`` and ``Tskhinvali``), treats hyphens as spaces, and writes
``Saint``/``Ste`` as ``st``/``ste`` (``St. Petersburg`` = ``Saint Petersburg``).
"""
from __future__ import annotations

import re
import unicodedata

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "-": " ", "‐": " ", "–": " ", "‑": " "})
_DROP = re.compile(r"[.,()\"]")
_SPACE = re.compile(r"\s+")
_INNER_APOS = re.compile(r"(?<=\w)'(?=\w)")
_SAINT = re.compile(r"\b(saint|sainte|san|santa)\b")
_SAINT_SHORT = {"saint": "st", "sainte": "ste", "san": "san", "santa": "santa"}


def fold(text: str) -> str:
    """Lower case without diacritics: ``Zürich`` -> ``zurich``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def name_key(text: str) -> str:
    """The lookup key of a place name as written."""
    key = fold(text.translate(_APOS))
    key = _DROP.sub("", key)
    key = _SPACE.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    key = _INNER_APOS.sub("", key)  # "Ts'khinvali" = "Tskhinvali", "Cote d'Ivoire" = "Cote dIvoire"
    return _SAINT.sub(lambda m: _SAINT_SHORT[m.group(1)], key)
