"""Calendar arithmetic and TIMEX3 value strings, past-biased as news is.

Every function that picks one of several possible dates takes a ``direction``:
``"past"`` (the default in news: the most recent such day/month on or before
the anchor), ``"future"`` (the next one on or after it), or ``"nearest"``
(when the tense does not say: the past one unless the future one is much
closer, as "Nov. 13" in a story of Nov. 2 is). Libraries such as dateparser
resolve towards the future; news reports mostly look back.
"""
from __future__ import annotations

import datetime as dt

from dateutil.relativedelta import relativedelta


FUTURE_PULL = 2  # "nearest" takes the future reading only when it is this many times closer


def _nearest(anchor: dt.date, past: dt.date, future: dt.date) -> str:
    """'future' if ``future`` is much closer to ``anchor`` than ``past``, else 'past'."""
    return "future" if FUTURE_PULL * (future - anchor).days < (anchor - past).days else "past"


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def weekday_date(anchor: dt.date, weekday: int, direction: str = "past", strict: bool = False) -> dt.date:
    """The date of ISO ``weekday`` (1=Monday) nearest ``anchor`` in ``direction``.

    Not strict: the anchor itself counts ("Wednesday" in a story published on
    a Wednesday is that day). Strict ("last Friday", "next Friday"): it does not.
    """
    if direction == "nearest":
        direction = _nearest(anchor, weekday_date(anchor, weekday, "past", strict),
                             weekday_date(anchor, weekday, "future", strict))
    delta = anchor.isoweekday() - weekday
    if direction == "future":
        ahead = (-delta) % 7
        if strict and ahead == 0:
            ahead = 7
        return anchor + dt.timedelta(days=ahead)
    back = delta % 7
    if strict and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def month_year(anchor: dt.date, month: int, direction: str = "past", strict: bool = False) -> int:
    """The year of the nearest ``month`` to the anchor in ``direction`` (see :func:`weekday_date`)."""
    if direction == "nearest":
        py, fy = month_year(anchor, month, "past", strict), month_year(anchor, month, "future", strict)
        direction = _nearest(anchor, min(anchor, dt.date(py, month, 15)), max(anchor, dt.date(fy, month, 1)))
    if direction == "future":
        if month > anchor.month or (month == anchor.month and not strict):
            return anchor.year
        return anchor.year + 1
    if month < anchor.month or (month == anchor.month and not strict):
        return anchor.year
    return anchor.year - 1


def month_day_year(anchor: dt.date, month: int, day: int, direction: str = "past") -> int:
    """The year of the nearest ``month``/``day`` to the anchor in ``direction``."""
    if direction == "nearest":
        py, fy = month_day_year(anchor, month, day, "past"), month_day_year(anchor, month, day, "future")
        past, future = _safe(py, month, day), _safe(fy, month, day)
        direction = _nearest(anchor, past, future) if past and future else "past"
    if direction == "future":
        return anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1
    return anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1


def season_year(anchor: dt.date, season: str, direction: str = "past", strict: bool = False) -> int:
    """The year of the nearest season in ``direction``; winter Y runs from December Y into Y+1."""
    if direction == "nearest":
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
        py, fy = season_year(anchor, season, "past", strict), season_year(anchor, season, "future", strict)
        direction = _nearest(anchor, min(anchor, dt.date(py, start, 1)), max(anchor, dt.date(fy, start, 1)))
    order = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
    cur_year = anchor.year - 1 if anchor.month <= 2 else anchor.year
    cur = {1: 3, 2: 3, 12: 3, 3: 0, 4: 0, 5: 0, 6: 1, 7: 1, 8: 1}.get(anchor.month, 2)
    i = order[season]
    if direction == "future":
        return cur_year if (i > cur or (i == cur and not strict)) else cur_year + 1
    return cur_year if (i < cur or (i == cur and not strict)) else cur_year - 1


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def shift(anchor: dt.date, unit: str, n: int) -> dt.date:
    """``anchor`` moved by ``n`` units (negative: back)."""
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit in ("week", "weekend"):
        return anchor + dt.timedelta(weeks=n)
    if unit == "fortnight":
        return anchor + dt.timedelta(weeks=2 * n)
    if unit == "month":
        return anchor + relativedelta(months=n)
    if unit == "quarter":
        return anchor + relativedelta(months=3 * n)
    if unit == "year":
        return anchor + relativedelta(years=n)
    if unit == "decade":
        return anchor + relativedelta(years=10 * n)
    if unit == "century":
        return anchor + relativedelta(years=100 * n)
    raise ValueError(unit)


def value_at(d: dt.date, unit: str) -> str:
    """The TIMEX value naming the ``unit``-sized period that holds ``d``."""
    if unit == "day":
        return day_value(d)
    if unit in ("week", "fortnight"):
        return week_value(d)
    if unit == "weekend":
        return week_value(d) + "-WE"
    if unit == "month":
        return month_value(d.year, d.month)
    if unit == "quarter":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "year":
        return f"{d.year:04d}"
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(unit)


def duration_value(n: float | None, unit: str) -> str:
    """``P3D``, ``PT48H``, ``PXY`` (n None: vague), decades and centuries in years."""
    from .lexicon import UNITS

    letter, is_time, mult = UNITS[unit]
    if letter == "WE":
        letter, mult = "D", 2
    if n is None:
        amount = "X"
        if mult != 1:  # "decades" -> PXY would lose the scale; TimeML writes PXDE/PXCE
            letter = {10: "DE", 100: "CE"}.get(mult, letter)
    else:
        total = n * mult
        if isinstance(total, float) and not total.is_integer():
            return _fractional(total, letter, is_time)
        amount = str(int(total))
    return f"PT{amount}{letter}" if is_time else f"P{amount}{letter}"


def _fractional(total: float, letter: str, is_time: bool) -> str:
    """Half units go one unit down: 1.5 hours -> PT90M, half a year -> P6M."""
    smaller = {"H": ("M", 60, True), "M": ("S", 60, True)} if is_time else {
        "Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False), "D": ("H", 24, True),
        "Q": ("M", 3, False)}
    if letter in smaller:
        sub, k, t = smaller[letter]
        n = int(round(total * k))
        return f"PT{n}{sub}" if t else f"P{n}{sub}"
    return f"P{total}{letter}"
