"""Time expressions: detection, TIMEX3 normalisation, past-biased resolution, event dates.

``tag(text, anchor)`` finds dates, times, durations and sets and reads them
against the publication date; ``infer_published(text)`` reads a dateline;
``event_date(...)`` picks the expression that dates an event.
"""
from __future__ import annotations

from .dateline import infer_published
from .tagger import TimeMention, as_date, tag

__all__ = ["TimeMention", "as_date", "infer_published", "tag"]
