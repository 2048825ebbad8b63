"""Reader for the PolNeAR attribution corpus (brat standoff over plain-text articles).

Each ``ATTRIBUTIONS/NAME_ANNOTATOR.ann`` holds ``T`` lines (a span role,
character ranges into ``text/NAME.txt``, separated by ``;`` when
discontinuous) and ``E`` lines tying a Source, Cue and Content into one
attribution. Offsets are character offsets into the text file read as UTF-8
with newlines untouched. Articles annotated by several annotators are read
once (the first annotation file in name order).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import DataMissing

Ranges = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Ranges
    source: Ranges  # empty for attributions without a source
    cue: Ranges


@dataclass
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution]


_ANN_NAME = re.compile(r"^(?P<name>.+)_[0-9a-f]{4}\.ann$")


def iter_split(root: Path, split: str = "dev", limit: int | None = None) -> Iterator[GoldArticle]:
    """The articles of ``split`` under the PolNeAR folder ``root``, in name order."""
    ann_dir, text_dir = root / split / "attributions", root / split / "text"
    if not ann_dir.is_dir() or not text_dir.is_dir():
        raise DataMissing(f"PolNeAR split '{split}' not found (expected {split}/attributions and {split}/text)",
                          input=str(root))
    seen: set[str] = set()
    n = 0
    for ann in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(ann.name)
        name = m.group("name") if m else ann.stem
        txt = text_dir / f"{name}.txt"
        if name in seen or not txt.is_file():
            continue
        seen.add(name)
        with open(txt, encoding="utf-8", newline="") as fh:
            text = fh.read()
        yield GoldArticle(name, text, parse_ann(ann.read_text("utf-8")))
        n += 1
        if limit is not None and n >= limit:
            return


def parse_ann(ann: str) -> list[GoldAttribution]:
    """The attributions of one ``.ann`` file (those with a Content span)."""
    spans: dict[str, Ranges] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            kind, _, ranges = parts[1].partition(" ")
            try:
                spans[parts[0]] = [(int(a), int(b)) for a, b in
                                   (r.split() for r in ranges.split(";"))]
            except ValueError:
                continue
        elif parts[0].startswith("E"):
            roles = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                roles[role] = ref
            relations.append(roles)
    out = []
    for r in relations:
        content = spans.get(r.get("Content", ""))
        if not content:
            continue
        out.append(GoldAttribution(content, spans.get(r.get("Source", ""), []), spans.get(r.get("Cue", ""), [])))
    return out
