"""MEANTIME (CAT XML, token-based) articles rebuilt as plain text.

Used by benchmarks and evaluations that need real news text. Tokens are
joined with spaces except before closing punctuation and after opening
brackets/quotes; each original sentence ends with a newline when the next
sentence starts a new line in the source (title, date line, body).
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%",
                    "''", "'"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“"}


@dataclass
class MeantimeDoc:
    doc_id: str
    name: str
    url: str | None
    title: str
    date_line: str
    text: str  # body only (title and date line removed)
    path: Path


def _join(tokens: list[str]) -> str:
    out = ""
    for i, t in enumerate(tokens):
        if i and t not in _NO_SPACE_BEFORE and tokens[i - 1] not in _NO_SPACE_AFTER:
            out += " "
        out += t
    return out


def load_doc(path: Path) -> MeantimeDoc:
    root = ET.parse(path).getroot()
    sents: dict[int, list[str]] = {}
    for tok in root.iter("token"):
        sents.setdefault(int(tok.get("sentence")), []).append(tok.text or "")
    lines = [_join(sents[k]) for k in sorted(sents)]
    title = lines[0] if lines else ""
    date_line = lines[1] if len(lines) > 1 else ""
    body = " ".join(lines[2:])
    return MeantimeDoc(root.get("doc_id", path.stem), root.get("doc_name", path.stem), root.get("url"),
                       title, date_line, body, path)


def iter_corpus(data_dir: Path) -> list[MeantimeDoc]:
    """All MEANTIME English articles under ``data_dir/corpus/meantime``, sorted by path."""
    base = data_dir / "corpus" / "meantime" / "intra_cross-doc_annotation"
    return [load_doc(p) for p in sorted(base.glob("*/*.xml"))]
