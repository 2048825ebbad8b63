"""What to call an article where a list shows it: its title, else its first line that says something.

An article given without a title (plain text, a JSON record without one) often
opens with a dateline, a byline or a "Last Updated: ..." line, so its first line
names no happening. Its headline is then the first line of its text that holds
``MIN_WORDS`` words outside its time expressions and is not a web address: the
headline line itself when the text starts with one, else the lead sentence.
The store keeps it beside each article (``articles.headline``), and every
listing (stories, a story's articles, the web pages) shows it, so they agree.

The same test of a line picks the lead the story stage reads
(:func:`eventwire.stories.features.lead_span`).
"""
from __future__ import annotations

import re
from typing import Any

MIN_WORDS = 5  # words outside time expressions that make a line say something
MAX_CHARS = 200

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")
_ADDRESS = re.compile(r"^\s*(?:https?\s*:|www\s*\.)", re.I)


def says_something(text: str, piece: dict[str, Any], times: list[tuple[int, int]]) -> bool:
    """A headline or sentence, not a dateline, byline or "Posted: ..." line: it has ``MIN_WORDS``
    words outside its time expressions (``times``: their spans)."""
    start, end = piece["start"], piece["end"]
    inside = [(a, b) for a, b in times if a < end and start < b]
    n = sum(1 for m in _WORD.finditer(text, start, end)
            if not any(a <= m.start() < b for a, b in inside))
    return n >= MIN_WORDS


def pieces(text: str, sents: list[dict[str, Any]]) -> list[dict[str, int]]:
    """Sentences cut at line breaks too: a dateline or byline on its own line stays apart from the
    headline the sentence splitter glued it to."""
    out = []
    for s in sents:
        start = s["start"]
        for line in text[s["start"]:s["end"]].split("\n"):
            if line.strip():
                out.append({"start": start, "end": start + len(line)})
            start += len(line) + 1
    return out


def time_spans(rec: dict[str, Any]) -> list[tuple[int, int]]:
    """The spans of a record's time expressions."""
    return [(t["start"], t["end"]) for t in rec.get("times") or [] if t.get("start") is not None]


def headline(rec: dict[str, Any]) -> str:
    """The article's title (whitespace folded), else its first line that says something, else its
    first line; at most ``MAX_CHARS`` characters (an ellipsis marks a cut)."""
    title = " ".join(((rec.get("source") or {}).get("title") or "").split())
    if title:
        return _cut(title)
    text = rec.get("text") or ""
    times = time_spans(rec)
    for p in pieces(text, rec.get("sentences") or [{"start": 0, "end": len(text)}]):
        if says_something(text, p, times) and not _ADDRESS.match(text[p["start"]:p["end"]]):
            return _cut(" ".join(text[p["start"]:p["end"]].split()))
    return _cut(" ".join(text.strip().split("\n", 1)[0].split()))


def _cut(s: str) -> str:
    return s if len(s) <= MAX_CHARS else s[:MAX_CHARS - 1].rstrip() + "…"
