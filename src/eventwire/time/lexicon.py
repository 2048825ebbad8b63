"""Words of time: months, weekdays, numbers, units, seasons, parts of the day.

Each table maps the written forms (lower case) to what they mean; the grammar
builds its regular expressions from these tables, so a new spelling is added
in one place.
"""
from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
# Abbreviations need their dot or a following number to count as months
# ("Mar." yes, "mar" the verb no); these are the full names.
MONTH_FULL = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")

WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}
WEEKDAY_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# First month of each season (northern hemisphere), for past/future comparison.
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
                "tonight": "NI", "overnight": "NI", "midday": "MI", "mid-day": "MI"}

UNITS = {  # written unit -> (TIMEX unit letter, is a time unit after 'T', multiplier)
    "second": ("S", True, 1), "sec": ("S", True, 1), "minute": ("M", True, 1), "min": ("M", True, 1),
    "hour": ("H", True, 1), "hr": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
    "year": ("Y", False, 1), "decade": ("Y", False, 10), "century": ("Y", False, 100),
    "weekend": ("WE", False, 1),
}
UNIT_PLURALS = {"centuries": "century", "weekends": "weekend", "fortnights": "fortnight"}


def unit_of(word: str) -> str:
    """The singular unit for a written unit word ('Years' -> 'year', 'centuries' -> 'century')."""
    w = word.lower()
    if w in UNIT_PLURALS:
        return UNIT_PLURALS[w]
    if w in UNITS:
        return w
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    raise KeyError(word)


ONES = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
            "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
            "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
            "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30}
# Quantities too vague to count: the TIMEX value uses X ("several years" -> PXY).
VAGUE = ("a few", "few", "several", "many", "some", "a number of", "numerous", "dozens of",
         "hundreds of", "countless")
COUNTABLE_EXTRA = {"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
                   "dozen": 12, "half a": 0.5, "a half": 0.5}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_ONE_WORD = _alt(list(ONES) + list(TENS))

# Time-zone abbreviations news prints after a time of day ("10:35 a.m. EDT", "0800 GMT", "(1852 HKT)").
# None is an English word, so they are read in any case; a bare four-digit time needs one ("0800 GMT").
ZONES = ("GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "AKST", "AKDT", "HST",
         "BST", "CET", "CEST", "EET", "EEST", "MSK", "SAST", "IST", "PKT", "ICT", "WIB", "SGT", "HKT", "JST", "KST",
         "AWST", "AEST", "AEDT", "NZST", "NZDT")
ZONE = rf"(?:{_alt(ZONES)})"
NUMBER_WORDS = rf"(?:(?:{_alt(TENS)})[- ](?:{_alt([w for w in ONES if ONES[w] < 10 and w != 'zero'])})|{_ONE_WORD})"
ORDINAL_WORDS = rf"(?:(?:twenty|thirty)[- ](?:{_alt([w for w in ORDINALS if ORDINALS[w] < 10])})|{_alt(ORDINALS)})"


def number_value(text: str) -> float | None:
    """The number a written quantity stands for; None when it is vague ('several')."""
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in VAGUE:
        return None
    if t in COUNTABLE_EXTRA:
        return COUNTABLE_EXTRA[t]
    t = t.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        v = float(t)
        return int(v) if v.is_integer() else v
    parts = re.split(r"[- ]", t)
    total = 0
    for p in parts:
        if p in ONES:
            total += ONES[p]
        elif p in TENS:
            total += TENS[p]
        else:
            return None
    return total


def ordinal_value(text: str) -> int | None:
    """1 for 'first', '1st'; 21 for 'twenty-first'."""
    t = text.lower().strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINALS:
        return TENS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(t)
