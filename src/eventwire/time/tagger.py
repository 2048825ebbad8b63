"""Time expressions in a text, normalised against an anchor (the publication date)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .grammar import Context, Reading, find_candidates
from .tense import lexical_tense, parse_tense


# Rules that name a quarter or half outright; "the quarter", "a year earlier" refer back to it.
PERIOD_RULES = {"quarter", "quarter_code", "relative_quarter", "half", "year_period"}


@dataclass
class TimeMention:
    """One time expression: span, TIMEX3 type and value, position qualifier, and its day if it has one."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None = None
    day: dt.date | None = None


def as_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _breaks(text: str, sdoc) -> frozenset[int]:
    """Where no time expression may run across: sentence starts (from the parse, when there is one)
    and line starts ("... closed until Friday" ending a headline, "September 18, 2008" the date line
    under it)."""
    out = {m.end() for m in re.finditer(r"\n", text)}
    if sdoc is not None and sdoc.has_annotation("SENT_START"):
        out.update(sent.start_char for sent in sdoc.sents)
    return frozenset(out)


def tag(text: str, anchor: str | dt.date | None = None, *, sdoc=None) -> list[TimeMention]:
    """Find and normalise every time expression in ``text``.

    ``anchor`` is the publication date (ISO string or date); relative
    expressions get value None without it. ``sdoc``, a spaCy Doc over the same
    text, lets the clause's tense decide past or future readings.
    """
    tense = parse_tense(sdoc) if sdoc is not None else lexical_tense(text)
    ctx = Context(as_date(anchor), tense)
    out: list[TimeMention] = []
    for c in find_candidates(text, _breaks(text, sdoc)):
        try:
            reading = c.rule.read(c.match, ctx)
        except (OverflowError, ValueError):  # calendar arithmetic past year 1 or 9999 (a bogus anchor)
            reading = Reading("DATE", None)
        if reading is None:
            continue
        out.append(TimeMention(c.start, c.end, text[c.start:c.end], reading.type, reading.value, reading.mod,
                               reading.day))
        if reading.day is not None:
            ctx.ref_day = reading.day
        if reading.type == "DATE" and reading.value and reading.value[:1].isdigit():
            ctx.ref_value = reading.value
            if c.rule.name in PERIOD_RULES and re.fullmatch(r"\d{4}-[QH]\d", reading.value):
                ctx.ref_period = reading.value
    return out
