"""Publication dates from metadata, normalised to ISO ``YYYY-MM-DD``."""
from __future__ import annotations

import datetime as dt
import email.utils
import time

from ..errors import ParameterError


def normalise_date(value: object, *, strict: bool = False) -> str | None:
    """ISO date from an ISO string, RFC 2822 string, ``struct_time`` or date.

    Returns None for values that are not dates, unless ``strict`` (used for a
    user's ``--published``), in which case :class:`ParameterError` says so.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as du

        return du.parse(s, default=dt.datetime(1900, 1, 1)).date().isoformat() if any(
            ch.isdigit() for ch in s) else _fail(s, strict)
    except (ValueError, OverflowError):
        return _fail(s, strict)


def _fail(s: str, strict: bool) -> None:
    if strict:
        raise ParameterError(f"'{s}' is not a date; use YYYY-MM-DD", input="published")
    return None


def parse_published(value: str | None) -> str | None:
    """A user's ``--published`` value, validated."""
    return normalise_date(value, strict=True) if value else None
