"""eventwire: news articles in, a sourced, queryable record of world events out.

The Python API is small::

    import eventwire
    doc = eventwire.process(text, published="2022-06-15", outlet="Bloomberg")
    doc.events, doc.to_dict()

    for item in eventwire.read("articles/"):   # Documents, or ReadFailures
        ...

The CLI (``eventwire``) is a thin shell over these functions.
"""
from __future__ import annotations

from ._version import __version__
from .document import Document
from .errors import EventwireError
from .readers import ReadFailure, read, read_text


def process(text: str, *, published: str | None = None, outlet: str | None = None,
            title: str | None = None, url: str | None = None, config: str | None = None) -> Document:
    """Run the pipeline on one article's text and return its Document.

    Raises :class:`~eventwire.errors.ProcessingError` if a stage fails on it.
    """
    from .errors import ProcessingError
    from .pipeline import get_pipeline
    from .readers.dates import parse_published

    doc = read_text(text, published=parse_published(published), outlet=outlet, title=title, url=url)
    done, failed = get_pipeline(config)([doc])
    if failed:
        f = failed[0]
        raise ProcessingError(f"{f.component}: {f.message}", input=f.input, code=f.code)
    return done[0]


def process_many(items, *, config: str | None = None, batch_size: int = 32):
    """Process Documents (e.g. from :func:`read`) in batches; yields (done, failed) per batch."""
    from .pipeline import get_pipeline

    return get_pipeline(config).pipe(items, batch_size=batch_size)


def events_frame(db, *, merged: bool = True):
    """Events of store ``db`` (path or Store) as a pandas DataFrame: one row per real event
    (``merged=True``, with mention/article/outlet counts) or per coded mention."""
    from .export.frames import events_frame as frame

    return frame(db, merged=merged)


def stories_frame(db):
    """Stories of store ``db`` as a pandas DataFrame."""
    from .export.frames import stories_frame as frame

    return frame(db)


def table_frame(db, table: str):
    """Any table of store ``db`` (articles, events, quotes, story_articles, ...) as a DataFrame."""
    from .export.frames import table_frame as frame

    return frame(db, table)


__all__ = ["__version__", "Document", "EventwireError", "ReadFailure", "events_frame", "process", "process_many",
           "read", "read_text", "stories_frame", "table_frame"]
