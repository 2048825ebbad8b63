"""The publication date inferred from a dateline, only on strong evidence.

A full date with a year on its own near the top of the article ("June 6,
2005", "Tuesday, June 6, 2005", also with the time of day: "June 6, 2005,
1:35 pm") or opening a dateline ("WASHINGTON, June 6,
2005 (Reuters) -") is taken as the publication date; anything weaker is not.
"""
from __future__ import annotations

import re

from .grammar import Context, find_candidates

_FULL_DATE_RULES = {"iso", "month_day", "day_month", "numeric", "day_clock"}
_DATELINE_TAIL = re.compile(r"^\s*(?:\(|[-–—_]|$)")
_DATELINE_HEAD = re.compile(r"^\s*(?:[A-Z][A-Za-z .'-]{1,40},\s*)?(?:[A-Z][a-z]+\.?,\s*)?$")


def infer_published(text: str, *, max_lines: int = 4) -> str | None:
    """ISO date from a dateline in the first lines of ``text``, or None."""
    ctx = Context(None)
    for line in text.lstrip().splitlines()[:max_lines]:
        if len(line) > 200:
            line = line[:200]
        for c in find_candidates(line):
            if c.rule.name not in _FULL_DATE_RULES:
                continue
            m = c.match
            if c.rule.name == "day_clock" and not m["cy"]:  # "May 2, 2013 1:35 pm", not "Friday 9 am"
                continue
            if c.rule.name in ("month_day", "day_month") and not (m["y"] or m["ya"]):
                continue
            head, tail = line[:c.start], line[c.end:]
            if not _DATELINE_HEAD.match(head):
                continue
            if not (_DATELINE_TAIL.match(tail) or len(tail.strip()) <= 20 and not tail.strip()[:1].islower()):
                continue
            reading = c.rule.read(m, ctx)
            if reading is not None and reading.day is not None:
                return reading.day.isoformat()
    return None
