"""Event trigger patterns: the analyst-editable TOML files in ``eventwire/data/patterns``.

Every ``*.toml`` file there (except ``cues.toml``) holds ``[[pattern]]`` entries
mapping verb, noun and adjective phrases to CAMEO codes; ``cues.toml`` holds the
cue words (light verbs, wrappers, negation, modality, speech) and the code maps
that turn an embedded action into an intent, threat, request or refusal. The
phrase syntax is documented in that folder's README. Loading checks every code
against the codebook, so a typo fails loudly with the file and entry named.
"""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import PatternError
from .codebook import Codebook, load_codebook

CUES_FILE = "cues.toml"
# Words that end a noun head: what follows is a required complement ("call for", "state of emergency").
PREPOSITIONS = frozenset("""for of with against on upon to toward towards into in at from by between over about
around behind near along off outside through""".split())


@dataclass(frozen=True)
class Pattern:
    """One trigger phrase coded as ``code``."""

    code: str
    kind: str  # "verb" | "noun" | "adj"
    head: str  # the trigger word (lemma or form)
    modifiers: tuple[str, ...]  # nouns: words that must modify the head on its left
    required: tuple[str, ...]  # words that must occur in the trigger's complement
    marked_prep: str | None  # the "+prep" whose object is the target
    target_preps: tuple[str, ...]  # prepositions that may introduce the target, in order
    where: str  # file and entry, for messages
    order: int  # position over all files: earlier wins ties

    @property
    def specificity(self) -> int:
        return 1 + len(self.modifiers) + len(self.required) + (1 if self.marked_prep else 0)


@dataclass
class PatternSet:
    """All patterns by trigger kind and head word, plus the cue words and code maps."""

    by_head: dict[str, dict[str, list[Pattern]]]
    cues: dict[str, Any]
    version: str
    files: list[str] = field(default_factory=list)

    def candidates(self, kind: str, words: tuple[str, ...]) -> list[Pattern]:
        table = self.by_head.get(kind, {})
        out: list[Pattern] = []
        for w in dict.fromkeys(words):
            out += table.get(w, [])
        return out

    def cue_set(self, *path: str) -> frozenset[str]:
        """The list at ``path`` in cues.toml as a set; a string there names another entry of the
        same table whose list it shares (``battle = "fight"``)."""
        node: Any = self.cues
        parent: Any = {}
        for p in path:
            parent, node = node, node.get(p, {}) if isinstance(node, dict) else {}
        if isinstance(node, str) and isinstance(parent, dict) and isinstance(parent.get(node), list):
            node = parent[node]
        return frozenset(node) if isinstance(node, list) else frozenset()

    def map_code(self, table: str, code: str) -> str | None:
        """The code ``code`` becomes under ``maps.TABLE`` (longest matching prefix)."""
        m = self.cues.get("maps", {}).get(table, {})
        for n in range(len(code), 0, -1):
            if code[:n] in m:
                return m[code[:n]]
        return None


def parse_phrase(kind: str, phrase: str) -> tuple[str, tuple[str, ...], tuple[str, ...], str | None]:
    """``"call +on"`` -> (head, modifiers, required, marked_prep)."""
    words = phrase.lower().split()
    if not words:
        raise ValueError("empty phrase")
    marked = None
    plain: list[str] = []
    for w in words:
        if w.startswith("+"):
            if marked is not None:
                raise ValueError(f"two target prepositions in '{phrase}'")
            marked = w[1:]
            plain.append(marked)
        else:
            plain.append(w)
    if kind == "noun":
        cut = next((i for i, w in enumerate(plain) if i > 0 and (w in PREPOSITIONS or w == marked)), len(plain))
        head, modifiers, rest = plain[cut - 1], tuple(plain[:cut - 1]), plain[cut:]
    else:
        head, modifiers, rest = plain[0], (), plain[1:]
    required = tuple(w for w in rest if w != marked)
    return head, modifiers, required, marked


def load_patterns_from(folder: Path | Any, codebook: Codebook | None = None) -> PatternSet:
    """Read every pattern file of ``folder`` (a path or importlib resource)."""
    codebook = codebook or load_codebook()
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    digest = hashlib.sha256()
    cues: dict[str, Any] = {}
    by_head: dict[str, dict[str, list[Pattern]]] = {"verb": {}, "noun": {}, "adj": {}}
    order = 0
    for f in files:
        text = f.read_text("utf-8")
        digest.update(f.name.encode() + b"\0" + text.encode("utf-8"))
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as e:
            raise PatternError(f"invalid TOML: {e}", input=f.name) from None
        if f.name == CUES_FILE:
            cues = data
            continue
        defaults = None
        for i, entry in enumerate(data.get("pattern", [])):
            where = f"{f.name}: pattern {i + 1}"
            code = str(entry.get("code", ""))
            if code not in codebook:
                raise PatternError(f"unknown CAMEO code '{code}'", input=where)
            for key, kind in (("verbs", "verb"), ("nouns", "noun"), ("adjectives", "adj")):
                for phrase in entry.get(key, []):
                    try:
                        head, mods, req, marked = parse_phrase(kind, phrase)
                    except ValueError as e:
                        raise PatternError(str(e), input=where) from None
                    if defaults is None:
                        defaults = {}
                    preps = tuple(entry.get("target", ())) or ()
                    p = Pattern(code, kind, head, mods, req, marked, preps, f"{where} ({phrase!r})", order)
                    order += 1
                    by_head[kind].setdefault(head, []).append(p)
    if not cues:
        raise PatternError(f"no {CUES_FILE} among the pattern files", input=str(folder))
    dflt = cues.get("defaults", {})
    for kind, table in by_head.items():
        fallback = tuple(dflt.get("noun_target" if kind == "noun" else "verb_target", ()))
        for head, pats in table.items():
            table[head] = [p if p.target_preps else _with_preps(p, fallback) for p in pats]
    for name in ("intent", "threat", "request", "reject"):
        for key, value in cues.get("maps", {}).get(name, {}).items():
            if value not in codebook:
                raise PatternError(f"maps.{name}: '{key}' maps to unknown CAMEO code '{value}'", input=CUES_FILE)
    return PatternSet(by_head, cues, digest.hexdigest()[:12], [f.name for f in files])


def _with_preps(p: Pattern, preps: tuple[str, ...]) -> Pattern:
    return Pattern(p.code, p.kind, p.head, p.modifiers, p.required, p.marked_prep, preps, p.where, p.order)


@lru_cache(maxsize=1)
def load_patterns() -> PatternSet:
    """The packaged pattern files (read once per process)."""
    return load_patterns_from(resources.files("eventwire.data.patterns"))
