"""The rule grammar that finds time expressions in text and reads their meaning.

Rules are regular expressions built from the word tables in :mod:`.lexicon`,
each with a reader that turns a match into a :class:`Reading` (TIMEX3 type,
value and modifier). :func:`find_candidates` runs every rule over the text and
keeps the longest non-overlapping matches; :mod:`.tagger` then reads them left
to right, so anaphoric expressions ("that day", "a year earlier") can use the
last date mentioned.

Matching is case-insensitive except for month and weekday names, which news
capitalises ("May" the month, "may" the verb).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from . import calendar as cal
from .lexicon import (MONTH_FULL, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, PARTS_OF_DAY, SEASONS, WEEKDAY_FULL,
                      WEEKDAYS, ZONE, number_value, ordinal_value, unit_of)


@dataclass
class Reading:
    """What a matched expression means: TIMEX3 ``type``/``value`` and a ``mod``.

    ``day`` is the calendar day for day-level readings (used to date events
    and to anchor "that day").
    """

    type: str
    value: str | None
    mod: str | None = None
    day: dt.date | None = None


class Context:
    """What a reader needs besides the match: the anchor date, tense, the last date mentioned."""

    def __init__(self, anchor: dt.date | None, tense: Callable[[int, int], str | None] | None = None):
        self.anchor = anchor
        self._tense = tense
        self.ref_day: dt.date | None = None  # last day-level date mentioned
        self.ref_value: str | None = None  # last DATE value mentioned (any granularity)
        self.ref_period: str | None = None  # last quarter or half mentioned ("1989-Q3"), for "the quarter"

    def direction(self, start: int, end: int, weekday: bool = False) -> str:
        """'past' or 'future' when the governing clause's tense says so, else 'nearest'.

        A weekday with no verb to go by ("Friday's vote") is taken as past: in
        news a bare weekday is nearly always the last one.
        """
        t = self._tense(start, end) if self._tense else None
        if t in ("past", "future"):
            return t
        if weekday and t is None:
            return "past"
        return "nearest"

    @property
    def ref(self) -> dt.date | None:
        return self.ref_day or self.anchor


# --------------------------------------------------------------------------- building blocks

def _cased(words) -> str:
    """Title-case and upper-case forms only (month and weekday names)."""
    forms = []
    for w in sorted(words, key=len, reverse=True):
        forms += [w.capitalize(), w.upper()]
    return "|".join(forms)


_ABBR_MONTHS = [m for m in MONTHS if m not in MONTH_FULL]
MONTH = (rf"(?-i:(?:{_cased(MONTH_FULL)})(?![\w-])|(?:{_cased(_ABBR_MONTHS)})(?:\.|(?=\s*\d)))")
_ABBR_DAYS = [d for d in WEEKDAYS if d not in WEEKDAY_FULL]
WEEKDAY = rf"(?-i:(?:{_cased(WEEKDAY_FULL)})(?![\w-])|(?:{_cased(_ABBR_DAYS)})\.)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
DAY_ORDINAL = rf"(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)(?!\d)|{ORDINAL_WORDS})"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,]\d)(?!\s*%)"
YEAR_APOS = r"['’]\d\d(?![\ds])"
NUM = (rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{NUMBER_WORDS}|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|"
       r"a\s+dozen|dozens\s+of|hundreds\s+of|several|many|some|few|an?|half\s+an?)")
UNIT = (r"(?:seconds?|minutes?|hours?|hrs?|days?|nights?|weeks?|weekends?|fortnights?|months?|quarters?|"
        r"years?|decades?|century|centuries)")
HEDGE = (r"(?:about|around|approximately|roughly|some|nearly|almost|close\s+to|more\s+than|over|less\s+than|"
         r"under|at\s+least|at\s+most|up\s+to|only|just|fewer\s+than|well\s+over|barely)")
POS_MOD = (r"(?:early|mid|late|earlier|later|(?:the\s+|at\s+the\s+)?(?:beginning|start|middle|end|first\s+half|"
           r"second\s+half)\s+of)")
SEASON = r"(?:spring|summer|autumn|fall|winter)"
TZ = rf"(?:{ZONE}|local\s+time|Moscow\s+time|Beijing\s+time)"
AMPM = r"(?:a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b|AM\b|PM\b)"
CLOCK = (rf"(?:(?:[01]\d|2[0-3])[0-5]\d\s*{ZONE}\b"  # "0800 GMT": the hour and minutes run together
         rf"|(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*{AMPM}(?:\s+{TZ})?"
         rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{TZ})?|noon|midnight|midday|(?:[01]?\d|{NUMBER_WORDS})\s+o['’]clock)")
DAYWORD = r"(?:today|yesterday|tomorrow|tonight)"

B = r"(?<![\w'’.-])"  # word start (not inside a word, a number or an abbreviation)
E = r"(?!\w)(?!['’](?!s\b)\w)"  # word end; "Jan." and "a.m." end in a dot, "Friday's" counts

# Words that usually follow a number and show it is a count, not a year ("2000 people").
COUNT_NOUNS = set("""people persons troops soldiers workers employees students members votes voters dollars
euros pounds yuan yen rubles tons tonnes barrels cars vehicles units shares feet meters metres miles kilometers
kilometres km kg acres jobs homes houses cases deaths dead residents refugees prisoners children women men
police officers points seats rooms copies pages words calories mph rpm hectares families patients civilians
fighters rebels protesters migrants passengers planes aircraft ships tanks rounds missiles rockets killed
injured wounded arrests bn mn million billion trillion percent per""".split())


def _mod_word(text: str | None) -> str | None:
    """'late February' -> 'late'; 'the end of' -> 'late'; 'earlier' carries no position."""
    if not text:
        return None
    t = re.sub(r"^(?:at )?the ", "", re.sub(r"\s+", " ", text.lower()).strip(" -"))
    if t in ("early", "beginning of", "start of", "first half of"):
        return "early"
    if t in ("mid", "middle of"):
        return "mid"
    if t in ("late", "end of", "second half of"):
        return "late"
    return None


def _hedge_mod(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.lower())
    if t in ("more than", "over", "well over"):
        return "more_than"
    if t in ("less than", "under", "fewer than", "barely", "nearly", "almost", "close to"):
        return "less_than"
    if t in ("at least",):
        return "equal_or_more"
    if t in ("at most", "up to"):
        return "equal_or_less"
    if t in ("about", "around", "approximately", "roughly", "some"):
        return "approx"
    return None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _year(text: str, anchor: dt.date | None) -> int:
    t = text.strip()
    if t[0] in "'’":
        yy = int(t[1:])
        century = (anchor.year // 100 * 100) if anchor else 1900
        y = century + yy
        if anchor and y > anchor.year + 10:
            y -= 100
        return y
    return int(t)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- readers

Reader = Callable[[re.Match, Context], "Reading | None"]


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    read: Reader
    guard: Callable[[re.Match, str], bool] | None = None


RULES: list[Rule] = []


def rule(name: str, pattern: str, guard=None):
    def deco(fn):
        RULES.append(Rule(name, re.compile(B + "(?:" + pattern + ")" + E, re.I), fn, guard))
        return fn

    return deco


def _words_before(text: str, start: int, n: int = 1) -> list[str]:
    return re.findall(r"[\w'’$€£#.-]+", text[max(0, start - 60):start])[-n:]


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s*([\w%'’-]+)", text[end:end + 40])
    return m.group(1) if m else ""


def _day_reading(d: dt.date | None, mod=None) -> Reading | None:
    if d is None:
        return None
    return Reading("DATE", cal.day_value(d), mod, day=d)


# ---- numeric and written-out calendar dates

@rule("iso", r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?")
def _iso(m, ctx):
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        return Reading("TIME", f"{d.isoformat()}T{m['hh']}:{m['mi']}", day=d)
    return _day_reading(d)


@rule("numeric", r"(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![/\d])")
def _numeric(m, ctx):
    a, b = int(m["a"]), int(m["b"])
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first number cannot be a month
    y = int(m["y"])
    if y < 100:
        y += 2000 if y <= ((ctx.anchor.year % 100) + 5 if ctx.anchor else 30) else 1900
    return _day_reading(_safe_date(y, month, day))


_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY})\s*,?\s+)?"
_ON_YEAR = rf"(?:\s*,?\s+(?P<y>{YEAR})|\s+(?P<ya>{YEAR_APOS}))?"
_DAY_PHRASE_MDY = rf"{_WD_PREFIX}(?P<mon>{MONTH})\s*(?P<d>{DAYNUM}){_ON_YEAR}"
_DAY_PHRASE_DMY = (rf"{_WD_PREFIX}(?:the\s+)?(?:(?P<d>{DAYNUM})(?:\s+of)?|(?P<dw>{ORDINAL_WORDS})\s+of)\s+(?P<mon>{MONTH})"
                   rf"{_ON_YEAR}")
_DAY_PHRASE_MDY_WORDS = rf"{_WD_PREFIX}(?P<mon>{MONTH})\s+(?:the\s+)?(?P<dw>{ORDINAL_WORDS}){_ON_YEAR}"


def _day_number(m) -> int:
    groups = m.groupdict()
    if groups.get("d"):
        return int(re.match(r"\d+", m["d"]).group())
    return ordinal_value(m["dw"]) or 0


def _calendar_day(m, ctx, start, end) -> dt.date | None:
    month = _month(m["mon"])
    day = _day_number(m)
    if m["y"] or m["ya"]:
        return _safe_date(_year(m["y"] or m["ya"], ctx.anchor), month, day)
    if m["wd"] and ctx.anchor:  # "Friday, Aug. 7": the year whose Aug. 7 is a Friday, nearest the anchor
        wd = _weekday(m["wd"])
        for y in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            d = _safe_date(y, month, day)
            if d and d.isoweekday() == wd:
                return d
    if ctx.anchor is None:
        return None
    y = cal.month_day_year(ctx.anchor, month, day, ctx.direction(start, end))
    return _safe_date(y, month, day)


def _calendar_reading(m, ctx):
    d = _calendar_day(m, ctx, m.start(), m.end())
    if d is not None:
        return _day_reading(d)
    if not (m["y"] or m["ya"]):  # no anchor: month and day known, year not
        return Reading("DATE", f"XXXX-{_month(m['mon']):02d}-{_day_number(m):02d}")
    return None


rule("month_day", rf"(?:the\s+week\s+of\s+)?{_DAY_PHRASE_MDY}")(_calendar_reading)
rule("day_month", _DAY_PHRASE_DMY)(_calendar_reading)
rule("month_ordinal", _DAY_PHRASE_MDY_WORDS)(_calendar_reading)


def _ordinal_day_ok(m, text):
    """'on the 15th' is a date; 'the 15th century', 'the 5th floor' are not."""
    nxt = _word_after(text, m.end())
    return not (nxt[:1].isalpha() and nxt.lower() not in _NOT_A_NOUN)


@rule("ordinal_day", rf"(?:(?P<wd>{WEEKDAY}),?\s+)?the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))", guard=_ordinal_day_ok)
def _ordinal_day(m, ctx):
    """'the 27th': that day of this month if it has come, else of last month (or next, looking ahead)."""
    day = int(re.match(r"\d+", m["d"]).group())
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-XX-{day:02d}")
    a = ctx.anchor
    this = _safe_date(a.year, a.month, day)
    prev = cal.shift(dt.date(a.year, a.month, 1), "month", -1)
    nxt = cal.shift(dt.date(a.year, a.month, 1), "month", 1)
    direction = ctx.direction(m.start(), m.end())
    if m["wd"]:  # "Friday the 15th": the nearby month where the 15th is a Friday
        for base in (a, prev, nxt):
            d = _safe_date(base.year, base.month, day)
            if d and d.isoweekday() == _weekday(m["wd"]):
                return _day_reading(d)
    if this and (this <= a or direction == "future"):
        return _day_reading(this)
    if direction == "future":
        return _day_reading(_safe_date(nxt.year, nxt.month, day))
    return _day_reading(_safe_date(prev.year, prev.month, day))


@rule("week_of", rf"the\s+week\s+of\s+{_DAY_PHRASE_MDY}")
def _week_of(m, ctx):
    d = _calendar_day(m, ctx, m.start(), m.end())
    return Reading("DATE", cal.week_value(d)) if d else None


def _bare_month_ok(m, text):
    """'May' and 'March' alone are also a verb and a noun: need a date word nearby."""
    word = m["mon"].lower().rstrip(".")
    if m["y"] or m["ya"] or m["pos"] or word not in ("may", "march"):
        return True
    prev = [w.lower() for w in _words_before(text, m.start(), 1)]
    return bool(prev) and prev[0] in {"in", "since", "until", "till", "by", "of", "during", "from", "to",
                                      "through", "before", "after", "early", "late", "mid", "last", "this",
                                      "next", "between", "and", "or", "each", "every", "late-", "mid-"}


@rule("month", rf"(?:(?P<pos>{POS_MOD})[-\s]+)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?P<ya>{YEAR_APOS})"
               rf"|\s+(?:of\s+)?(?P<rel>last|this|next)\s+year)?", guard=_bare_month_ok)
def _month_reading(m, ctx):
    month = _month(m["mon"])
    mod = _mod_word(m["pos"])
    if m["y"] or m["ya"]:
        y = _year(m["y"] or m["ya"], ctx.anchor)
    elif ctx.anchor is None:
        return Reading("DATE", f"XXXX-{month:02d}", mod)
    elif m["rel"]:
        y = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    else:
        y = cal.month_year(ctx.anchor, month, ctx.direction(m.start(), m.end()))
    return Reading("DATE", cal.month_value(y, month), mod)


def _year_ok(m, text):
    if m["pos"] or m["fiscal"]:
        return True
    before = text[max(0, m.start() - 2):m.start()]
    if re.search(r"[$€£#]\s*$", before):
        return False
    prev = _words_before(text, m.start(), 1)
    if prev and prev[0].lower().rstrip(".") in ("no", "number", "route", "flight", "model", "article", "page",
                                                 "resolution", "room", "highway", "interstate"):
        return False
    nxt = _word_after(text, m.end()).lower()
    return nxt not in COUNT_NOUNS and not nxt.startswith("%")


@rule("year", rf"(?:(?P<pos>{POS_MOD})[-\s]+)?(?P<fiscal>(?:the\s+)?(?:fiscal(?:\s+year)?|the\s+year|FY)\s*)?"
              rf"(?P<y>{YEAR})(?P<later>\s+or\s+(?:later|earlier|before|after))?", guard=_year_ok)
def _year_reading(m, ctx):
    return Reading("DATE", f"{int(m['y']):04d}", _mod_word(m["pos"]))


_BEFORE_YEAR_APOS = {"in", "since", "of", "from", "by", "until", "till", "to", "through", "and", "or", "before",
                     "after", "circa", "class", "summer", "spring", "autumn", "fall", "winter"}


def _year_apos_ok(m, text):
    """After a preposition or a season ("since '82", "class of '09"), not a quoted number ("said '42 ...")."""
    prev = _words_before(text, m.start(), 1)
    return bool(prev) and prev[0].lower() in _BEFORE_YEAR_APOS


@rule("year_apos", r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’%])", guard=_year_apos_ok)
def _year_apos(m, ctx):
    """"since '82", "the class of '09": a year written with its last two digits."""
    yy = int(m["yy"])
    century = 19 if not ctx.anchor or yy > ctx.anchor.year % 100 else ctx.anchor.year // 100
    return Reading("DATE", f"{century}{yy:02d}")


_SPOKEN_YEAR = (rf"(?:the\s+year\s+)?(?P<c>nineteen|twenty)[-\s]+(?P<yy>{NUMBER_WORDS}|hundred)"
                rf"|(?:the\s+year\s+)?two\s+thousand(?:(?:\s+and)?[-\s]+(?P<yy2>{NUMBER_WORDS}))?")


def _spoken_year_ok(m, text):
    if m["yy"] and (number_value(m["yy"]) or 0) < 10 and m["yy"].lower() != "hundred":
        return False  # "twenty five" is a number, "nineteen ninety-five" a year
    return bool(m["yy"] or m.group(0).lower().startswith("the year") or
                re.search(r"\b(?:in|since|until|by|of|from|before|after)\s+$", text[max(0, m.start() - 8):m.start()]))


@rule("spoken_year", _SPOKEN_YEAR, guard=_spoken_year_ok)
def _spoken_year(m, ctx):
    if m["c"]:
        yy = 0 if m["yy"].lower() == "hundred" else int(number_value(m["yy"]) or 0)
        return Reading("DATE", f"{(19 if m['c'].lower() == 'nineteen' else 20)}{yy:02d}")
    return Reading("DATE", f"{2000 + int(number_value(m['yy2']) or 0) if m['yy2'] else 2000}")


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def _decade_ok(m, text):
    """"the 70s" is a decade unless temperatures are meant ("highs in the 70s")."""
    if not m["bare"]:
        return True
    return not {w.lower() for w in _words_before(text, m.start(), 4)} & {
        "temperature", "temperatures", "degrees", "highs", "lows", "high", "low", "mercury", "thermometer"}


@rule("decade", rf"(?:the\s+)?(?:(?P<pos>early|mid|late)[-\s]+)?(?:(?P<full>1[6-9]\d0|20\d0)['’]?s|(?P<short>['’]\d0)s"
                rf"|(?<=the\s)(?P<bare>[2-9]0)s(?!\w)|(?P<word>{'|'.join(_DECADE_WORDS)}))", guard=_decade_ok)
def _decade(m, ctx):
    if m["full"]:
        v = m["full"][:3]
    elif m["short"] or m["bare"]:
        d = int((m["short"] or m["bare"])[-2])
        century = 19 if not ctx.anchor or d * 10 > ctx.anchor.year % 100 else ctx.anchor.year // 100
        v = f"{century}{d}"
    else:
        if not m.group(0).lower().startswith("the"):
            return None
        v = f"19{_DECADE_WORDS[m['word'].lower()]}"
    return Reading("DATE", v, _mod_word(m["pos"]))


@rule("century", rf"(?:the\s+)?(?:(?P<pos>early|mid|late)[-\s]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORDS})"
                 r"[-\s]+century")
def _century(m, ctx):
    n = ordinal_value(m["ord"])
    return Reading("DATE", f"{n - 1:02d}", _mod_word(m["pos"])) if n else None


# ---- seasons, quarters, halves

@rule("season", rf"(?:(?P<rel>this|last|next|past|coming|previous|the)\s+(?:past\s+)?)?(?:(?P<pos>early|mid|late)[-\s]+)?"
                rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+(?P<ya>{YEAR_APOS}))?")
def _season(m, ctx):
    s = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower()
    if m["s"].lower() == "fall" and not (rel or m["y"] or m["ya"]):
        return None  # "fall" alone is the verb
    mod = _mod_word(m["pos"])
    if m["y"] or m["ya"]:
        return Reading("DATE", f"{_year(m['y'] or m['ya'], ctx.anchor)}-{s}", mod)
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-{s}", mod)
    if rel in ("last", "past", "previous"):
        y = cal.season_year(ctx.anchor, s, "past", strict=True)
    elif rel in ("next", "coming"):
        y = cal.season_year(ctx.anchor, s, "future", strict=True)
    else:
        y = cal.season_year(ctx.anchor, s, ctx.direction(m.start(), m.end()))
    return Reading("DATE", f"{y}-{s}", mod)


_QORD = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final)"


@rule("quarter", rf"(?:(?P<the>the)\s+)?(?:(?P<yrel>this|last|next)\s+year['’]s\s+)?(?:(?P<y1>{YEAR})\s+)?"
                 rf"(?:fiscal[-\s]+)?{_QORD}[-\s]+(?:fiscal[-\s]+)?quarter"
                 rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<y2>{YEAR})|(?P<rel2>this|last|next)\s+year)|,?\s+(?P<y3>{YEAR}))?")
def _quarter(m, ctx):
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
         "final": 4}[m["q"].lower()]
    y = m["y1"] or m["y2"] or m["y3"]
    if y:
        return Reading("DATE", f"{y}-Q{q}")
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-Q{q}")
    rel = (m["yrel"] or m["rel2"] or "").lower()
    if rel:
        return Reading("DATE", f"{ctx.anchor.year + {'last': -1, 'this': 0, 'next': 1}[rel]}-Q{q}")
    return Reading("DATE", f"{_quarter_year(ctx, q, ctx.direction(m.start(), m.end()))}-Q{q}")


def _quarter_year(ctx: Context, q: int, direction: str) -> int:
    """Past-biased year of quarter ``q``: a quarter not yet begun is last year's, unless the clause looks ahead."""
    cur = cal.quarter_of(ctx.anchor)
    if direction == "future":  # the quarter just ended is still this year's ("will report third-quarter results")
        return ctx.anchor.year if q >= cur - 1 else ctx.anchor.year + 1
    return ctx.anchor.year if q <= cur else ctx.anchor.year - 1


@rule("quarter_code", rf"(?:Q(?P<q>[1-4])(?:\s+|-)?(?P<y>{YEAR}|['’]\d\d)?|(?P<y2>{YEAR})\s*-?Q(?P<q2>[1-4]))")
def _quarter_code(m, ctx):
    q = m["q"] or m["q2"]
    y = m["y"] or m["y2"]
    if not y:
        if ctx.anchor is None:
            return Reading("DATE", f"XXXX-Q{q}")
        return Reading("DATE", f"{_quarter_year(ctx, int(q), 'past')}-Q{q}")
    return Reading("DATE", f"{_year(y, ctx.anchor)}-Q{q}")


@rule("fiscal_year", r"(?P<rel>this|last|next|the\s+(?:current|latest|last|previous|past|next|coming|full))\s+"
                     r"(?:(?:fiscal|financial|calendar)\s+)?year(?![-\s]+(?:ago|earlier|old|long))"
                     r"|the\s+(?:fiscal|financial)\s+year")
def _fiscal_year(m, ctx):
    """'the current fiscal year', 'the latest fiscal year' (the last one closed), 'the full year'."""
    if ctx.anchor is None:
        return Reading("DATE", None)
    rel = (m["rel"] or "this").lower().split()[-1]
    n = {"this": 0, "current": 0, "full": 0, "next": 1, "coming": 1}.get(rel, -1)
    if rel == "past" and m.group(0).lower().startswith("the"):
        return Reading("DATE", str(ctx.anchor.year - 1))
    return Reading("DATE", str(ctx.anchor.year + n))


@rule("relative_quarter", r"(?P<rel>this|last|next|the\s+(?:latest|current|past|previous|most\s+recent|last|"
                          r"next|coming|same|prior))(?:\s+fiscal)?\s+quarter")
def _rel_quarter(m, ctx):
    if ctx.anchor is None:
        return Reading("DATE", None)
    rel = m["rel"].lower().split()[-1]
    if rel == "same" and ctx.ref_value and re.fullmatch(r"\d{4}-Q\d", ctx.ref_value):
        return Reading("DATE", ctx.ref_value)
    n = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(rel, -1)
    return Reading("DATE", cal.value_at(cal.shift(ctx.anchor, "quarter", n), "quarter"))


@rule("the_quarter", r"(?:the|that|this\s+year['’]s)\s+(?:latest\s+|same\s+|fiscal\s+)?(?:quarter|period)"
                     r"(?!\s+(?:of|ended|ending|to|through|before|after|from|since)\b)")
def _the_quarter(m, ctx):
    """'the quarter' in an earnings story is the quarter being reported: the one last named, else the last one ended."""
    if ctx.ref_period and re.fullmatch(r"\d{4}-Q\d", ctx.ref_period):
        return Reading("DATE", ctx.ref_period)
    if ctx.anchor is None or "period" in m.group(0).lower():
        return None
    return Reading("DATE", cal.value_at(cal.shift(ctx.anchor, "quarter", -1), "quarter"))


@rule("year_period", rf"the\s+(?P<y>{YEAR})\s+(?:(?P<q>first|second|third|fourth)\s+)?(?:quarter|period)")
def _year_period(m, ctx):
    """'the 1988 third quarter'; 'the 1988 quarter' is the quarter under discussion, in 1988."""
    if m["q"]:
        return Reading("DATE", f"{m['y']}-Q{['first', 'second', 'third', 'fourth'].index(m['q'].lower()) + 1}")
    if ctx.ref_period and re.fullmatch(r"\d{4}-Q\d", ctx.ref_period):
        return Reading("DATE", f"{m['y']}{ctx.ref_period[4:]}")
    return Reading("DATE", m["y"])


@rule("half", rf"(?:the\s+)?(?P<h>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel>this|last|next)\s+year"
              r"|the\s+year))?")
def _half(m, ctx):
    h = 1 if m["h"].lower() == "first" else 2
    if m["y"]:
        return Reading("DATE", f"{m['y']}-H{h}")
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-H{h}")
    if m["rel"]:
        return Reading("DATE", f"{ctx.anchor.year + {'last': -1, 'this': 0, 'next': 1}[m['rel'].lower()]}-H{h}")
    cur = 1 if ctx.anchor.month <= 6 else 2
    year = ctx.anchor.year if h <= cur or ctx.direction(m.start(), m.end()) == "future" else ctx.anchor.year - 1
    return Reading("DATE", f"{year}-H{h}")


# ---- relative to the anchor: this week, last year, earlier this month, next Friday

_REL = (r"(?P<rel>this|last|next|past|coming|previous|current|following|the\s+(?:past|last|previous|coming|next|"
        r"current|following|preceding|same))")


@rule("relative_unit", rf"(?:(?P<pos>{POS_MOD})[-\s]+)?(?:so\s+far\s+)?{_REL}\s+(?P<unit>week|weekend|month|year|decade|century)")
def _relative_unit(m, ctx):
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    mod = _mod_word(m["pos"])
    has_the = m["rel"].lower().startswith("the")
    if unit in ("decade", "century") and rel in ("past", "last") and has_the:
        return Reading("DURATION", cal.duration_value(1, unit), mod)  # "the past decade": a stretch of time
    if rel in ("following", "preceding", "same"):  # relative to the last date mentioned
        base = ctx.ref
        n = {"following": 1, "preceding": -1, "same": 0}[rel]
    else:
        base = ctx.anchor
        n = {"this": 0, "current": 0, "next": 1, "coming": 1}.get(rel, -1)
    if base is None:
        return Reading("DATE", None, mod)
    return Reading("DATE", cal.value_at(cal.shift(base, unit, n), unit), mod)


@rule("period_edge", rf"(?P<pos>{POS_MOD})\s+the\s+(?:(?P<cur>current|present)\s+)?(?P<unit>week|month|quarter|year)"
                     r"|(?P<ye>year[-\s]end)")
def _period_edge(m, ctx):
    """'the end of the year', 'early in the month' (the current one), 'year-end'."""
    if ctx.anchor is None:
        return Reading("DATE", None)
    if m["ye"]:
        return Reading("DATE", str(ctx.anchor.year), "late")
    unit = m["unit"].lower()
    return Reading("DATE", cal.value_at(ctx.anchor, unit), _mod_word(m["pos"]))


@rule("in_the_period", r"(?P<w>earlier|later)\s+in\s+the\s+(?P<unit>week|month|year)")
def _in_the_period(m, ctx):
    return Reading("DATE", cal.value_at(ctx.anchor, m["unit"].lower()) if ctx.anchor else None)


@rule("relative_weekday", rf"(?P<rel>this|last|next|this\s+past|this\s+coming|past|coming)\s+(?P<wd>{WEEKDAY})"
                          rf"(?:\s+(?P<pod>morning|afternoon|evening|night))?")
def _relative_weekday(m, ctx):
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-WXX-{_weekday(m['wd'])}")
    rel = m["rel"].lower()
    wd = _weekday(m["wd"])
    if rel in ("last", "this past", "past"):
        d = cal.weekday_date(ctx.anchor, wd, "past", strict=True)
    elif rel in ("next", "this coming", "coming"):
        d = cal.weekday_date(ctx.anchor, wd, "future", strict=True)
    else:
        d = cal.weekday_date(ctx.anchor, wd, ctx.direction(m.start(), m.end(), weekday=True))
    return _with_part_of_day(d, m["pod"])


@rule("relative_month", rf"(?:(?P<pos>early|mid|late)[-\s]+)?(?P<rel>this|last|next|this\s+past|this\s+coming|past|coming)"
                        rf"\s+(?P<mon>{MONTH})")
def _relative_month(m, ctx):
    month = _month(m["mon"])
    mod = _mod_word(m["pos"])
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-{month:02d}", mod)
    rel = m["rel"].lower()
    if rel in ("last", "this past", "past"):
        y = cal.month_year(ctx.anchor, month, "past", strict=True)
    elif rel in ("next", "this coming", "coming"):
        y = cal.month_year(ctx.anchor, month, "future", strict=True)
    else:
        y = ctx.anchor.year
    return Reading("DATE", cal.month_value(y, month), mod)


def _with_part_of_day(d: dt.date, pod: str | None, mod=None) -> Reading:
    if pod:
        return Reading("TIME", f"{d.isoformat()}T{PARTS_OF_DAY[pod.lower()]}", mod, day=d)
    return Reading("DATE", d.isoformat(), mod, day=d)


@rule("weekday", rf"(?:(?P<pos>early|late|earlier|later)\s+)?(?P<wd>{WEEKDAY})(?:\s+(?P<pod>morning|afternoon|evening|night))?")
def _weekday_reading(m, ctx):
    wd = _weekday(m["wd"])
    if ctx.anchor is None:
        return Reading("DATE", f"XXXX-WXX-{wd}")
    d = cal.weekday_date(ctx.anchor, wd, ctx.direction(m.start(), m.end(), weekday=True))
    return _with_part_of_day(d, m["pod"], _mod_word(m["pos"]))


_DAYWORD_SHIFT = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}


@rule("weekend", r"(?:(?P<rel>this|last|next|the\s+past|the\s+coming|the)\s+)?weekend(?!s)")
def _weekend(m, ctx):
    """'the weekend' in news is the last one (the one under way on a Saturday or Sunday)."""
    rel = (m["rel"] or "").lower().split()[-1] if m["rel"] else ""
    if not rel:
        return None
    if ctx.anchor is None:
        return Reading("DATE", None)
    saturday = cal.weekday_date(ctx.anchor, 6, "past")
    if ctx.anchor.isoweekday() == 7:
        saturday = ctx.anchor - dt.timedelta(days=1)
    if rel in ("next", "coming") or (rel in ("this", "the") and ctx.direction(m.start(), m.end()) == "future"):
        saturday = cal.weekday_date(ctx.anchor, 6, "future")
    return Reading("DATE", cal.week_value(saturday) + "-WE")


@rule("dayword", rf"(?:(?P<pos>early|late|earlier|later)\s+)?(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+"
                 r"yesterday|the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?")
def _dayword(m, ctx):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if ctx.anchor is None:
        return Reading("TIME" if (m["pod"] or w == "tonight") else "DATE", None)
    d = ctx.anchor + dt.timedelta(days=_DAYWORD_SHIFT[w])
    return _with_part_of_day(d, m["pod"] or ("night" if w == "tonight" else None), _mod_word(m["pos"]))


@rule("part_of_day", r"(?P<rel>this|last|early\s+this|late\s+this|later\s+this)\s+(?P<pod>morning|afternoon|evening|night)"
                     r"|(?P<over>overnight)")
def _part_of_day(m, ctx):
    if ctx.anchor is None:
        return Reading("TIME", None)
    if m["over"]:
        return Reading("TIME", f"{ctx.anchor.isoformat()}TNI", day=ctx.anchor)
    d = ctx.anchor - dt.timedelta(days=1) if m["rel"].lower() == "last" else ctx.anchor
    return _with_part_of_day(d, m["pod"])


@rule("present_ref", r"now|right\s+now|currently|nowadays|at\s+present|at\s+the\s+moment|these\s+days|"
                     r"the\s+present|today['’]s")
def _present(m, ctx):
    if m.group(0).lower().startswith("today"):
        return _dayword_today(ctx)
    return Reading("DATE", "PRESENT_REF")


def _dayword_today(ctx):
    return _day_reading(ctx.anchor) if ctx.anchor else Reading("DATE", None)


@rule("past_ref", r"recently|lately|formerly|recent\s+(?:days|weeks|months|years|decades|times)|"
                  r"the\s+past(?!\s+(?:\d|week|month|year|decade|century|few|several|two|three|four|five|six|seven|eight|nine|ten))|"
                  r"once\s+upon\s+a\s+time|the\s+last\s+few\s+(?:days|weeks|months|years)")
def _past(m, ctx):
    return Reading("DATE", "PAST_REF")


@rule("future_ref", r"the\s+future|a\s+later\s+date|the\s+coming\s+(?:days|weeks|months|years)|"
                    r"the\s+(?:days|weeks|months|years)\s+ahead|the\s+near\s+(?:future|term)|the\s+short\s+term|"
                    r"the\s+long\s+term")
def _future(m, ctx):
    t = m.group(0).lower()
    u = re.search(r"(day|week|month|year)s", t)
    if u:
        return Reading("DURATION", cal.duration_value(None, u.group(1)))
    return Reading("DATE", "FUTURE_REF")


# ---- counted spans: three years ago, two days later, the past 20 years, 48 hours

def _unit_n(m) -> tuple[str, float | None]:
    unit = unit_of(m["unit"])
    raw = (m["n"] or "1").replace("½", " 1/2")
    half = re.fullmatch(r"(\d+)\s+1/2", raw.strip())
    n = int(half.group(1)) + 0.5 if half else number_value(raw)
    if unit == "night":
        unit = "day"
    return unit, n


def _ago_ok(m, text):
    """"two days after the vote" is a duration before an event; "two days after," stands alone."""
    if m["dir"].lower() in ("before", "after"):
        return not re.match(r"\s*[\w$\"“(]", text[m.end():m.end() + 2])
    return True


_AMOUNT = rf"(?:{NUM})\s+(?:more\s+)?{UNIT}"
_UNIT_ORDER = ["day", "week", "fortnight", "month", "quarter", "year", "decade", "century"]


@rule("ago", rf"(?:(?P<hedge>{HEDGE})\s+)?(?P<amount>{_AMOUNT}(?:(?:,\s*|\s+and\s+|\s+){_AMOUNT})*)(?:\s+or\s+so)?\s+"
             r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)"
             r"(?:\s+(?P<from>yesterday|today|tomorrow))?", guard=_ago_ok)
def _ago(m, ctx):
    """'three years ago' (from the anchor), 'two days later' (from the last date), '1 month and 21 days ago'."""
    parts = [(unit_of(u), number_value(n) if n else 1) for n, u in
             re.findall(rf"({NUM})\s+(?:more\s+)?({UNIT})", m["amount"], re.I)]
    parts = [("day" if u == "night" else u, n) for u, n in parts]
    direction = m["dir"].lower()
    mod = _hedge_mod(m["hedge"])
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if m["from"]:
        base = ctx.anchor + dt.timedelta(days=_DAYWORD_SHIFT[m["from"].lower()]) if ctx.anchor else None
    else:
        base = ctx.anchor if direction in ("ago", "from now", "hence", "back") else ctx.ref
    units = [u for u, _ in parts]
    if base is None or not parts or any(u in ("second", "minute", "hour") for u in units):
        return Reading("DATE", None, mod)
    if any(n is None for _, n in parts):
        return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if any(not float(n).is_integer() for _, n in parts):
        return Reading("DATE", None, mod)
    if parts == [("year", 1)] and sign < 0 and _year_before_period(ctx):
        return Reading("DATE", _year_before_period(ctx), mod)
    d = base
    for u, n in parts:
        d = cal.shift(d, u, sign * int(n))
    finest = min(units, key=lambda u: _UNIT_ORDER.index(u) if u in _UNIT_ORDER else 0)
    return Reading("DATE", cal.value_at(d, finest), mod, day=d if finest == "day" else None)


@rule("last_n", rf"(?:(?P<hedge>{HEDGE})\s+)?(?:each\s+of\s+)?(?:the\s+)?(?P<rel>past|last|next|coming|previous|following|"
                rf"first|final|latest|remaining|preceding|ensuing)\s+(?P<n>{NUM})\s+(?P<unit>{UNIT})")
def _last_n(m, ctx):
    unit, n = _unit_n(m)
    return Reading("DURATION", cal.duration_value(n, unit), _hedge_mod(m["hedge"]))


def _duration_ok(m, text):
    """Not a rate ("$5 million a year"), an age ("a 6-year-old") or a year ("the 1988 quarter")."""
    n = m["n"].lower()
    if re.fullmatch(r"1[6-9]\d\d|20\d\d", n) and not m["unit"].lower().endswith("s"):
        return False
    if re.match(r"[-\s]+old\b", text[m.end():m.end() + 6]):
        return False
    if m["unit"].lower().startswith("quarter") and re.match(r"\s+of\b", text[m.end():m.end() + 4]):
        return False  # "three-quarters of the vote" is a fraction
    if n in ("a", "an", "some", "many") and m["unit"].lower().endswith("s") and not m["unit"].lower().startswith("centur"):
        return n in ("some", "many")
    if n in ("a", "an") and m["unit"].lower() == "second" and re.match(r"\s+[a-zA-Z]", text[m.end():]) \
            and not re.match(r"\s+(?:and|or|but|to|for|of|in|on|at|before|after|later|earlier|ago|longer|"
                             r"or\s+two|while)\b", text[m.end():], re.I):
        return False  # "a second consecutive day", "a second time": the ordinal, not a second of time
    if n in ("a", "an"):
        # "$5 million a year", "twice a week" are rates (the set rule reads them)
        prev = _words_before(text, m.start(), 1)
        if prev and (re.match(r"[\d$€£]", prev[0]) or prev[0].lower() in (
                "million", "billion", "trillion", "thousand", "hundred", "percent", "once", "twice", "times",
                "thrice", "dollars", "euros", "pounds")):
            return False
    return True


@rule("duration", rf"(?:(?P<hedge>{HEDGE})\s+)?(?P<n>{NUM}|\d+\s+1/2|\d+½)(?:[-\s]+(?:more|additional|straight|consecutive|full))?[-\s]+"
                  rf"(?P<unit>{UNIT})(?P<half>\s+and\s+a\s+half)?(?:[-\s]+long)?(?![-\s]+old\b)", guard=_duration_ok)
def _duration(m, ctx):
    unit, n = _unit_n(m)
    if m["half"] and n is not None:
        n = n + 0.5
    return Reading("DURATION", cal.duration_value(n, unit), _hedge_mod(m["hedge"]))


_VAGUE_BEFORE = {"for", "over", "within", "than", "took", "takes", "take", "lasted", "lasting", "spent", "spend",
                 "after"}


def _vague_ok(m, text):
    if m["unit2"]:
        return True
    prev = _words_before(text, m.start(), 1)
    return bool(prev) and prev[0].lower() in _VAGUE_BEFORE


@rule("vague_duration", r"(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)(?!\s+(?:later|earlier|of\s))"
                        r"|(?P<unit2>hours|days|weeks|months|years|decades)(?=\s+(?:later|earlier|of\s+(?:talks|fighting|"
                        r"negotiations|war|conflict|delay|protests|speculation|tension)))", guard=_vague_ok)
def _vague_duration(m, ctx):
    return Reading("DURATION", cal.duration_value(None, unit_of(m["unit"] or m["unit2"])))


# ---- anaphoric: that day, the next day, later that year, the year-ago quarter

@rule("anaphoric", r"(?:(?P<pos>earlier|later|early|late)\s+)?(?P<rel>that|the\s+same|the\s+next|the\s+following|"
                   r"the\s+previous|the\s+preceding|the\s+prior)\s+(?P<unit>day|week|month|year|morning|afternoon|"
                   r"evening|night)")
def _anaphoric(m, ctx):
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    base = ctx.ref
    if base is None:
        return Reading("DATE", None)
    n = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get(rel, 0)
    if unit in PARTS_OF_DAY:
        return _with_part_of_day(cal.shift(base, "day", n), unit)
    d = cal.shift(base, unit, n)
    return Reading("DATE", cal.value_at(d, unit), _mod_word(m["pos"]), day=d if unit == "day" else None)


@rule("year_ago", r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?year[-\s](?:ago|earlier)"
                  r"(?:\s+(?:(?P<q>first|second|third|fourth)\s+)?(?:quarter|period))?"
                  r"|(?:the\s+)?(?:comparable|corresponding|same)\s+(?:period|quarter)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+"
                  r"(?:ago|earlier))|last\s+year['’]s\s+(?:(?:first|second|third|fourth)\s+)?(?:quarter|period)")
def _year_ago(m, ctx):
    if ctx.anchor is None:
        return Reading("DATE", None)
    return Reading("DATE", _year_before_period(ctx) or str(ctx.anchor.year - 1))


def _year_before_period(ctx: Context) -> str | None:
    """A year before the quarter or half under discussion ("a year earlier" in an earnings report)."""
    ref = ctx.ref_period or ""
    if re.fullmatch(r"\d{4}-(?:Q\d|H\d)", ref):
        return f"{int(ref[:4]) - 1}{ref[4:]}"
    return None


# ---- times of day

def _clock_value(text: str) -> str | None:
    t = text.lower().strip()
    if t.startswith("noon") or t.startswith("midday"):
        return "12:00"
    if t.startswith("midnight"):
        return "24:00"
    joined = re.match(rf"(\d\d)(\d\d)\s*{ZONE}", t, re.I)
    if joined:
        return f"{joined[1]}:{joined[2]}"
    m = re.match(rf"(?P<h>\d{{1,2}}|{NUMBER_WORDS})(?::(?P<mi>\d\d))?\s*(?:(?P<ap>[ap])\.?m\.?|o['’]clock)?", t)
    if not m:
        return None
    h = int(m["h"]) if m["h"].isdigit() else int(number_value(m["h"]) or 0)
    if m["ap"] == "p" and h < 12:
        h += 12
    if m["ap"] == "a" and h == 12:
        h = 0
    return f"{h:02d}:{m['mi'] or '00'}"


_DAY_FOR_CLOCK = (rf"(?P<dw>today|tonight|yesterday|tomorrow)|(?:(?P<cwd2>{WEEKDAY}),?\s+)?(?P<cmon>{MONTH})\s*(?P<cd>{DAYNUM})"
                  rf"(?:,?\s+(?P<cy>{YEAR}))?|(?P<cwd>{WEEKDAY})"
                  )


def _clock_day(m, ctx) -> dt.date | None:
    if m["cmon"] and m["cy"]:  # "May 2, 2013 1:35 pm": a full date needs no anchor
        return _safe_date(int(m["cy"]), _month(m["cmon"]), int(re.match(r"\d+", m["cd"]).group()))
    if not (m["dw"] or m["cwd"] or m["cmon"]) or ctx.anchor is None:
        return None
    if m["dw"]:
        return ctx.anchor + dt.timedelta(days=_DAYWORD_SHIFT[m["dw"].lower()])
    if m["cwd"]:
        return cal.weekday_date(ctx.anchor, _weekday(m["cwd"]), ctx.direction(m.start(), m.end(), weekday=True))
    month, day = _month(m["cmon"]), int(re.match(r"\d+", m["cd"]).group())
    y = int(m["cy"]) if m["cy"] else cal.month_day_year(ctx.anchor, month, day, ctx.direction(m.start(), m.end()))
    return _safe_date(y, month, day)


@rule("clock", rf"(?:(?P<hedge>about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
               rf"(?P<clock>{CLOCK})(?:,?\s+(?:on\s+)?(?:{_DAY_FOR_CLOCK}))?")
def _clock(m, ctx):
    clock = _clock_value(m["clock"])
    if clock is None:
        return None
    d = _clock_day(m, ctx) or ctx.anchor
    mod = "approx" if m["hedge"] and m["hedge"].lower() in ("about", "around", "approximately") else None
    clock += _utc(m["clock"])
    if d is None:
        return Reading("TIME", f"XXXX-XX-XXT{clock}", mod)
    return Reading("TIME", f"{d.isoformat()}T{clock}", mod, day=d)


def _utc(clock_text: str) -> str:
    """ISO 'Z' when the clock time is said to be UTC/GMT."""
    return "Z" if re.search(r"\b(?:UTC|GMT)\b", clock_text) else ""


@rule("day_clock", rf"(?:{_DAY_FOR_CLOCK}),?\s+(?:at\s+)?(?P<clock>{CLOCK})")
def _day_clock(m, ctx):
    clock = _clock_value(m["clock"])
    d = _clock_day(m, ctx)
    if clock is None or d is None:
        return None
    return Reading("TIME", f"{d.isoformat()}T{clock}{_utc(m['clock'])}", day=d)


# ---- recurring: every week, annually, on Wednesdays, twice a year

@rule("every", rf"(?:every|each)\s+(?:other\s+|single\s+)?(?P<x>day|night|week|weekend|month|quarter|year|decade|"
               rf"morning|afternoon|evening|(?P<wd>{WEEKDAY})|(?P<mon>{MONTH})|(?P<s>{SEASON}))")
def _every(m, ctx):
    if m["wd"]:
        return Reading("SET", f"XXXX-WXX-{_weekday(m['wd'])}")
    if m["mon"]:
        return Reading("SET", f"XXXX-{_month(m['mon']):02d}")
    if m["s"]:
        return Reading("SET", f"XXXX-{SEASONS[m['s'].lower()]}")
    x = m["x"].lower()
    if x in PARTS_OF_DAY:
        return Reading("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[x]}")
    return Reading("SET", cal.duration_value(1, "day" if x == "night" else x))


_ADVERBS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
            "monthly": "P1M", "quarterly": "P1Q", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
            "semiannually": "P6M", "biannually": "P6M"}


_NOT_A_NOUN = {"in", "on", "at", "by", "for", "to", "from", "since", "and", "or", "but", "with", "until", "during",
               "over", "basis", "than", "as", "if", "when", "while", "after", "before", "because", "so", "through"}


def _adverb_ok(m, text):
    """'paid annually' yes; 'a quarterly dividend', 'the daily newspaper' (an adjective) no."""
    nxt = _word_after(text, m.end())
    return not (nxt[:1].isalpha() and nxt.islower() and nxt not in _NOT_A_NOUN)


@rule("rate_adverb", "|".join(_ADVERBS), guard=_adverb_ok)
def _rate_adverb(m, ctx):
    return Reading("SET", _ADVERBS[m.group(0).lower()])


@rule("weekday_plural", rf"(?-i:(?P<wd>{_cased(WEEKDAY_FULL)})s)(?:\s+(?P<pod>mornings|afternoons|evenings|nights))?")
def _weekday_plural(m, ctx):
    pod = f"T{PARTS_OF_DAY[m['pod'].lower()[:-1]]}" if m["pod"] else ""
    return Reading("SET", f"XXXX-WXX-{_weekday(m['wd'])}{pod}")


@rule("per", rf"(?:(?P<f>once|twice|thrice|{NUMBER_WORDS}\s+times|\d+\s+times)\s+)?(?:a|an|per|each)\s+"
             r"(?P<unit>day|week|month|year|quarter|hour)", guard=lambda m, text: bool(m["f"]) or _rate_context(m, text))
def _per(m, ctx):
    return Reading("SET", cal.duration_value(1, m["unit"].lower()))


def _rate_context(m, text) -> bool:
    if m.group(0).lower().startswith(("per", "each")):
        return True
    prev = _words_before(text, m.start(), 1)
    return bool(prev) and bool(re.match(r"[\d$€£]", prev[0]) or prev[0].lower() in (
        "million", "billion", "trillion", "thousand", "hundred", "percent", "dollars", "euros", "pounds"))


# ---- holidays

def _easter(y: int) -> dt.date:
    from dateutil.easter import easter

    return easter(y)


def _thanksgiving(y: int) -> dt.date:
    d = dt.date(y, 11, 1)
    first_thu = d + dt.timedelta(days=(3 - d.weekday()) % 7)
    return first_thu + dt.timedelta(weeks=3)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24), "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25), "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1), "independence day": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31), "valentine's day": lambda y: dt.date(y, 2, 14),
    "boxing day": lambda y: dt.date(y, 12, 26), "easter sunday": _easter, "easter": _easter,
    "thanksgiving day": _thanksgiving, "thanksgiving": _thanksgiving,
}


@rule("holiday", rf"(?:(?P<rel>last|this|next)\s+)?(?P<h>(?-i:Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|"
                 rf"Independence\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Easter(?:\s+Sunday)?|"
                 rf"Thanksgiving(?:\s+Day)?))(?:,?\s+(?P<y>{YEAR}))?")
def _holiday(m, ctx):
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'")
    fn = _HOLIDAYS[name]
    if m["y"]:
        return _day_reading(fn(int(m["y"])))
    if ctx.anchor is None:
        return Reading("DATE", None)
    rel = (m["rel"] or "").lower()
    y = ctx.anchor.year
    if rel == "next" or (not rel and ctx.direction(m.start(), m.end()) == "future"):
        d = fn(y)
        if d < ctx.anchor or (rel == "next" and d == ctx.anchor):
            d = fn(y + 1)
    elif rel == "this":
        d = fn(y)
    else:
        d = fn(y)
        if d > ctx.anchor or (rel == "last" and d == ctx.anchor):
            d = fn(y - 1)
    return _day_reading(d)


# --------------------------------------------------------------------------- matching

@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match


def find_candidates(text: str, breaks: frozenset[int] = frozenset()) -> list[Candidate]:
    """Every rule's matches, reduced to the longest non-overlapping ones (earlier rules win ties).
    ``breaks`` are where sentences start: no expression runs across one ("... until Friday" ending a
    headline, "September 18, 2008" the date line under it)."""
    found: list[tuple[int, int, int, Candidate]] = []
    cuts = sorted(b for b in breaks if 0 < b < len(text))
    segments = list(zip([0] + cuts, cuts + [len(text)]))
    for prio, r in enumerate(RULES):
        for m in (m for a, b in segments for m in r.pattern.finditer(text, a, b)):
            if m.end() == m.start():
                continue
            if r.guard is not None and not r.guard(m, text):
                continue
            start, end = _trim(text, m.start(), m.end())
            found.append((-(end - start), prio, start, Candidate(start, end, r, m)))
    found.sort(key=lambda x: (x[0], x[1], x[2]))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for _, _, _, c in found:
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\x01" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    return start, end
