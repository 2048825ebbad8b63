"""One reader per input format: bytes and a name in, Documents out.

Each reader raises an :class:`~eventwire.errors.InputError` naming the input
when the whole input is unusable, and yields a
:class:`~eventwire.readers.ReadFailure`-like error record (via
:class:`RecordError`) for one bad record inside a container (a bad JSON line,
a WARC record that is not HTML), so the rest of the container still reads.
"""
from __future__ import annotations

import io
import json
import re
import zlib
from typing import Callable, Iterator

from ..document import Document, Source
from ..errors import InputError, MalformedInput
from .decode import decode_bytes

TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site", "sitename", "source_name")
DATE_FIELDS = ("published", "date", "published_at", "pubdate", "date_publish", "publish_date")


def _failure(name: str, code: str, message: str):
    from . import ReadFailure  # late import: ReadFailure lives in the package

    return ReadFailure(name, code, message)


# Words an outlet's name may write in lower case ("Times of India", "Le Monde", "Al-Ahram", "Fox & Friends").
_NAME_PARTICLES = frozenset({"a", "an", "the", "of", "and", "for", "in", "on", "at", "&", "de", "del", "der", "des",
                             "di", "da", "do", "du", "el", "al", "la", "le", "van", "von", "und", "y"})
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$")


def _looks_like_outlet(line: str) -> bool:
    """The seed layout puts the outlet alone on line 1: short, no sentence end, and written as a
    name ("Bloomberg", "The Times of India", "BBC News", "nytimes.com"). A short headline on line 1
    ("Apple executive Steve Jobs resigns", "Ten dead in southern Iran quake") writes common words in
    lower case: it is the article's first line, not its outlet."""
    s = line.strip()
    if not (0 < len(s) <= 60 and len(s.split()) <= 6 and not s.endswith((".", "!", "?", ":", ";", ","))
            and not s.startswith(("“", '"', "'"))):
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _NAME_PARTICLES
               or any(c.isupper() for c in w) or _DOMAIN.match(w) for w in s.split())


# A wire dateline at the top names the outlet in brackets: "LONDON (Reuters) -", "Washington (CNN)",
# "CARTHAGE, N.C. (AP) —", "LONDON, Ky. (WKYT) - London Police ...".
_DATELINE_OUTLET = re.compile(r"^\s*[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*"
                              r"\(([A-Z][A-Za-z&.'’ -]{0,30}[A-Za-z.])\)\s*(?:[-–—:]|$|\n|(?=[A-Z]))")


def read_text_bytes(data: bytes, name: str) -> Iterator[Document]:
    """``.txt``: outlet alone on line 1 then the body (seed layout), or body only; with no
    outlet line, a wire dateline's bracketed name is the outlet ("WASHINGTON (AP) -")."""
    text = decode_bytes(data, name)
    outlet = None
    first, sep, rest = text.lstrip("\ufeff").partition("\n")
    dateline = _DATELINE_OUTLET.match(text.lstrip("\ufeff"))
    if dateline:  # the dateline stays in the text: its place and date are the article's
        outlet = dateline.group(1)
    elif sep and _looks_like_outlet(first):
        if not rest.strip() and len(first.split()) <= 3:
            raise InputError(f"file has only an outlet line ({first.strip()!r}) and no article text",
                             input=name, code="empty")
        if rest.strip():
            outlet, text = first.strip(), rest
    body = text.strip("\n")
    yield Document.from_raw(body, Source(path=name, outlet=outlet))


def _doc_from_record(rec: dict, name: str) -> Document:
    text = next((rec[f] for f in TEXT_FIELDS if isinstance(rec.get(f), str) and rec[f].strip()), None)
    if text is None:
        raise InputError(f"record has no text; expected one of the fields {', '.join(TEXT_FIELDS)}",
                         input=name, code="no_text")
    outlet = next((rec[f] for f in OUTLET_FIELDS if isinstance(rec.get(f), str)), None)
    published = next((rec[f] for f in DATE_FIELDS if rec.get(f)), None)
    src = Source(path=name, outlet=outlet, url=rec.get("url") if isinstance(rec.get("url"), str) else None,
                 title=rec.get("title") if isinstance(rec.get("title"), str) else None,
                 published=str(published) if published else None)
    return Document.from_raw(text, src)


def _parse_json(text: str, name: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise MalformedInput(f"invalid JSON at line {e.lineno} column {e.colno}: {e.msg}", input=name) from None
    except RecursionError:
        raise MalformedInput("JSON is nested too deeply to be an article record", input=name) from None


def _record_item(rec, label: str):
    """One JSON record as a Document, or a failure naming the record."""
    if not isinstance(rec, dict):
        return _failure(label, "malformed", "expected a JSON object with a text field")
    try:
        return _doc_from_record(rec, label)
    except InputError as e:
        return _failure(label, e.code, e.message)


def read_json_bytes(data: bytes, name: str) -> Iterator:
    """``.json``: one article object, or a list of them."""
    obj = _parse_json(decode_bytes(data, name), name)
    records = obj if isinstance(obj, list) else [obj]
    for i, rec in enumerate(records):
        yield _record_item(rec, name if len(records) == 1 else f"{name}[{i}]")


def read_jsonl_bytes(data: bytes, name: str) -> Iterator:
    """``.jsonl``: one article object per line; a bad line is reported, the rest read."""
    text = decode_bytes(data, name)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        label = f"{name}:{lineno}"
        try:
            rec = _parse_json(line, label)
        except MalformedInput as e:
            yield _failure(label, e.code, e.message)
            continue
        yield _record_item(rec, label)


def html_to_document(html: str | bytes, name: str, url: str | None = None) -> Document:
    """Main text and metadata of an HTML page via trafilatura (boilerplate removed)."""
    import trafilatura

    if isinstance(html, bytes):
        html = decode_bytes(html, name)
    if "<" not in html:
        raise MalformedInput("not HTML: no markup found", input=name)
    try:
        res = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except (ValueError, TypeError, AttributeError) as e:  # malformed markup trafilatura cannot walk
        raise MalformedInput(f"HTML could not be parsed: {e}", input=name) from None
    res = res.as_dict() if res is not None and hasattr(res, "as_dict") else res
    if not res or not (res.get("text") or "").strip():
        raise InputError("no article text found in the HTML page", input=name, code="no_text")
    src = Source(path=name, outlet=res.get("sitename"), url=res.get("url") or url, title=res.get("title"),
                 published=res.get("date"))
    return Document.from_raw(res["text"], src)


def read_html_bytes(data: bytes, name: str) -> Iterator[Document]:
    yield html_to_document(data, name)


_TAG = re.compile(r"<[^>]+>")
_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]{0,63})[\s/>]")  # the first element's name (not <?xml?>, <!-- -->)


def _entry_text(entry) -> str:
    import html as htmlmod

    parts = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    raw = "\n".join(p for p in parts if p)
    return htmlmod.unescape(_TAG.sub(" ", raw)).strip()


def read_feed_bytes(data: bytes, name: str) -> Iterator:
    """RSS/Atom: one Document per entry with text (content or summary)."""
    import feedparser

    if b"<!ENTITY" in data:
        raise MalformedInput("feed declares XML entities (possible entity-expansion attack); refused",
                             input=name)
    parsed = feedparser.parse(data)
    if not parsed.entries and not parsed.get("bozo"):  # well-formed: a feed with no entries, or no feed
        if parsed.get("version"):
            raise InputError("the feed has no entries", input=name, code="no_text")
        root = _ROOT.search(data)
        what = f"<{root.group(1).decode('ascii', 'replace')}>" if root else "unknown"
        raise MalformedInput(f"XML but not an RSS/Atom feed (root element {what}); an .xml input is read "
                             "as a feed: give the article as .txt, .json or .html", input=name)
    if not parsed.entries or (parsed.get("bozo") and not any(_entry_text(e) for e in parsed.entries)):
        why = getattr(parsed, "bozo_exception", None)
        raise MalformedInput(f"not a readable RSS/Atom feed{': ' + str(why) if why else ''}", input=name)
    outlet = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries):
        label = f"{name}#{i}"
        text = _entry_text(entry)
        if not text:
            yield _failure(label, "no_text", "feed entry has no content or summary")
            continue
        pub = entry.get("published_parsed") or entry.get("updated_parsed")
        src = Source(path=label, outlet=outlet, url=entry.get("link"), title=entry.get("title"),
                     published=_struct_date(pub))
        yield Document.from_raw(text, src)


def _struct_date(t) -> str | None:
    from .dates import normalise_date

    return normalise_date(t) if t else None


def read_warc_bytes(data: bytes, name: str) -> Iterator:
    """WARC/ARC (optionally gzipped): one Document per HTML response record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    found = records = 0
    try:
        for i, rec in enumerate(ArchiveIterator(io.BytesIO(data))):
            records += bool(rec.rec_type)
            if rec.rec_type not in ("response", "resource"):
                continue
            ctype = (rec.http_headers.get_header("Content-Type") if rec.http_headers
                     else rec.rec_headers.get_header("Content-Type")) or ""
            if "html" not in ctype.lower():
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI")
            label = f"{name}#{uri or i}"
            body = rec.content_stream().read(DEFAULT_RECORD_BYTES + 1)
            if len(body) > DEFAULT_RECORD_BYTES:
                # Stop here: skipping the record would mean inflating all of it (a gzip bomb).
                yield _failure(label, "too_large", "WARC record body is over the 20 MB limit "
                               "(possible decompression bomb); the rest of the archive was not read")
                return
            try:
                doc = html_to_document(body, label, url=uri)
            except InputError as e:
                yield _failure(label, e.code, e.message)
                continue
            if not doc.source.published:
                doc.source.published = rec.rec_headers.get_header("WARC-Date")
            found += 1
            yield doc
    except (ArchiveLoadFailed, StatusAndHeadersParserException, OSError, EOFError, zlib.error,
            ValueError, AttributeError, TypeError, KeyError, IndexError) as e:
        # warcio reports some broken archives with plain Python errors from inside its parser
        raise MalformedInput(f"broken WARC archive ({type(e).__name__}: {e})", input=name) from None
    if not records:
        raise MalformedInput("no WARC records found; not a WARC/ARC file", input=name)
    if not found:
        raise InputError("WARC archive holds no HTML response records", input=name, code="no_text")


DEFAULT_RECORD_BYTES = 20 * 1024 * 1024


def sniff(data: bytes) -> str | None:
    """Guess the format of extension-less input (stdin, ``.xml``)."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/") or data[:2] == b"\x1f\x8b":
        return "warc"
    if head.startswith((b"{", b"[")):
        return "jsonl" if head.startswith(b"{") and b"\n{" in data[:65536] else "json"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    if head.startswith(b"<?xml"):
        return "feed"
    return "text"


READERS: dict[str, Callable[[bytes, str], Iterator]] = {
    "text": read_text_bytes,
    "json": read_json_bytes,
    "jsonl": read_jsonl_bytes,
    "html": read_html_bytes,
    "feed": read_feed_bytes,
    "warc": read_warc_bytes,
}
