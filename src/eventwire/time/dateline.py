"""The publication date inferred from a dateline, only on strong evidence.

A full date with a year on its own near the top of the article ("June 6,
2005", "Tuesday, June 6, 2005", also with the time of day: "June 6, 2005,
1:35 pm"), opening a dateline ("WASHINGTON, June 6, 2005 (Reuters) -") or
in a web page's byline line ("Published: June 6, 2005", "Posted on Thu Jun
6, 2005 08:45 AM PDT", "UPDATED 06/06/2005 at 11:00 AM EDT", "8:13 AM PDT
6/6/2005", "on June 6, 2005 | Updated ...") is taken as the publication
date; anything weaker is not. The first such line wins: pages print when a
story was published before when it was last updated.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from .grammar import Context, find_candidates
from .lexicon import WEEKDAYS, ZONE

_FULL_DATE_RULES = {"iso", "month_day", "day_month", "numeric", "day_clock"}
_DATELINE_TAIL = re.compile(r"^\s*(?:\(|[-–—_]|$)")
_DATELINE_HEAD = re.compile(r"^\s*(?:[A-Z][A-Za-z .'-]{1,40},\s*)?(?:[A-Z][a-z]+\.?,\s*)?$")
# A byline's label ("Published:", "Last Updated on", "Story Created:"), a time of day with its zone
# ("8:13 AM PDT", "22:07 GMT,", "1052 GMT (1852 HKT),") and a weekday ("Fri", "MONDAY,") may stand
# before the date; a time of day or the next label may follow it ("at 4:31 AM", "| Updated ...").
_LABEL = (r"(?:(?:first|last|originally)\s+)?(?:published|posted|updated|created|story\s+created|edited|modified|dated)"
          r"(?:\s+time)?(?:\s+(?:on|at))?\s*:?")
_CLOCK = (rf"(?:\d{{1,2}}[:.]\s?\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?\s?m\b\.?)?|\d{{4}}(?=\s*{ZONE}))"
          r"(?:\s*(?-i:[A-Z]{2,5})\b)?(?:\s*\([^()]{1,20}\))?\s*,?")  # a zone, in capitals ("PDT", "UK")
_WEEKDAY = rf"(?:{'|'.join(sorted(WEEKDAYS, key=len, reverse=True))})\.?,?"  # "Fri", "MONDAY,", "Thurs."
_BYLINE_HEAD = re.compile(rf"^\s*(?:{_LABEL}|(?-i:on))?\s*(?:{_CLOCK})?\s*(?:{_WEEKDAY})?\s*$", re.I)
_BYLINE_TAIL = re.compile(r"^\s*[,|]?\s*(?:(?:at\s+)?\d{1,2}[:.]\s?\d{2}|(?:last\s+)?(?:updated|edited|modified)\b|hrs\b)",
                          re.I)


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
            if not (_DATELINE_HEAD.match(head) or _BYLINE_HEAD.match(head)):
                continue
            if not (_DATELINE_TAIL.match(tail) or _BYLINE_TAIL.match(tail)
                    or len(tail.strip()) <= 20 and not tail.strip()[:1].islower()):
                continue
            reading = c.rule.read(m, ctx)
            if reading is not None and reading.day is not None:
                return reading.day.isoformat()
    return None


# A date in a file's name or a page's address: "breitbart_2015-11-11_the-ninth.txt", "20151111-story.html",
# ".../2016/07/25/trump-speech". Year, month and day in that order, nothing else, as archives name them.
_NAME_DATE = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9A-Za-z])")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?:/|$)")


def date_in_address(path: str | None = None, url: str | None = None) -> str | None:
    """ISO date that an article's page address ("/2016/07/25/") or file name ("2015-11-11",
    "20151111") carries, or None: archives and scrapers name articles by the day they appeared,
    the evidence left when the text prints no dateline."""
    found = []
    if url:
        found += [(m.group(1), m.group(2), m.group(3)) for m in _URL_DATE.finditer(url)]
    if path:
        found += [(m.group(1), m.group(3), m.group(4)) for m in _NAME_DATE.finditer(PurePath(path).name)]
        found += [(m.group(1), m.group(2), m.group(3)) for m in _URL_DATE.finditer("/" + PurePath(path).as_posix())]
    for y, mo, d in found:
        try:
            return dt.date(int(y), int(mo), int(d)).isoformat()
        except ValueError:
            continue
    return None
