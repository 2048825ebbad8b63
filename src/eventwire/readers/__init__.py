"""Readers: files, folders and streams in, :class:`Document` objects out.

:func:`read` takes paths (files, folders, ``-`` for stdin) and yields one
:class:`~eventwire.document.Document` per article, or a :class:`ReadFailure`
for an input that could not be read, so a batch goes on past a bad file and
reports it at the end. The format is chosen by extension, with a sniff of the
content for ambiguous ones (``.xml`` may be a feed).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..document import Document, Source
from ..errors import EventwireError, InputError, UnsupportedInput
from .decode import DEFAULT_MAX_BYTES, check_size, decode_bytes
from .dates import normalise_date
from . import formats


@dataclass
class ReadFailure:
    """An input that could not be read: which one, and why."""

    input: str
    code: str
    message: str

    @classmethod
    def from_error(cls, err: EventwireError, default_input: str) -> "ReadFailure":
        return cls(err.input or default_input, err.code, err.message)

    def __str__(self) -> str:
        return f"{self.input}: {self.message} [{self.code}]"


EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}


def format_of(path: str) -> str | None:
    name = path.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if name.endswith(ext):
            return EXTENSIONS[ext]
    return None


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, readable formats only); keep files as given."""
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            yield p
            continue
        for root, dirs, files in os.walk(p):
            dirs.sort()
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for f in sorted(files):
                if not f.startswith(".") and format_of(f):
                    yield os.path.join(root, f)


def read(
    paths: str | os.PathLike | Iterable[str | os.PathLike],
    *,
    published: str | None = None,
    outlet: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fmt: str | None = None,
) -> Iterator[Document | ReadFailure]:
    """Read articles from files, folders or ``-`` (stdin).

    ``published`` and ``outlet`` override what the inputs say. Yields
    Documents (text not yet repaired) and ReadFailures, in input order.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    pub = normalise_date(published) if published else None
    for path in iter_files([str(p) for p in paths]):
        try:
            for doc in _read_one(path, max_bytes=max_bytes, fmt=fmt):
                if isinstance(doc, Document):
                    _override(doc, pub, outlet)
                yield doc
        except InputError as e:
            yield ReadFailure.from_error(e, path)
        except OSError as e:
            yield ReadFailure(path, "unreadable", e.strerror or str(e))


def _override(doc: Document, published: str | None, outlet: str | None) -> None:
    if published:
        doc.source.published = published
        doc.source.published_basis = "argument"
    elif doc.source.published:
        doc.source.published = normalise_date(doc.source.published)
        doc.source.published_basis = "metadata" if doc.source.published else None
    if outlet:
        doc.source.outlet = outlet


def _read_one(path: str, *, max_bytes: int, fmt: str | None) -> Iterator[Document | ReadFailure]:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"standard input is over the {max_bytes / 1e6:.1f} MB limit", input="-",
                             code="too_large")
        kind = fmt or formats.sniff(data) or "text"
        yield from formats.READERS[kind](data, "<stdin>")
        return
    if not os.path.exists(path):
        raise InputError("no such file or folder", input=path, code="not_found")
    kind = fmt or format_of(path)
    check_size(path, max_bytes)
    data = Path(path).read_bytes()
    if kind is None:
        kind = formats.sniff(data)
        if kind is None:
            raise UnsupportedInput(
                "unknown file type; use .txt, .json, .jsonl, .html, .rss/.atom/.xml or .warc[.gz]",
                input=path,
            )
    yield from formats.READERS[kind](data, path)


def read_text(text: str, *, published: str | None = None, outlet: str | None = None,
              title: str | None = None, url: str | None = None, path: str | None = None) -> Document:
    """A Document from text already in memory (the Python API's entry)."""
    src = Source(path=path, outlet=outlet, url=url, title=title)
    doc = Document.from_raw(text, src)
    _override(doc, normalise_date(published) if published else None, None)
    return doc


__all__ = ["read", "read_text", "ReadFailure", "iter_files", "format_of", "decode_bytes"]
