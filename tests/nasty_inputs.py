"""Hostile and broken inputs, built in code (no binary blobs in the repo).

Each entry is (file name, bytes). The extension picks the reader, so every
reader gets its share. Used by the regression tests and as the seed corpus
for the atheris fuzz harness (fuzz/fuzz_read.py).
"""
from __future__ import annotations

import gzip
import io

ARTICLE = "Police in Lagos arrested three protesters on Monday, officials said. “We will not back down,” one said."


def _warc(payload: bytes, *, gz: bool = True, ctype: str = "text/html") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    w = WARCWriter(out, gzip=gz)
    headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://example.org/x", "response", payload=io.BytesIO(payload),
                                        http_headers=headers))
    return out.getvalue()


def _gzip_bomb_warc() -> bytes:
    """A WARC whose single HTML record inflates to 64 MiB from ~64 KiB."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    class Zeros(io.RawIOBase):
        def __init__(self, n):
            self.left = n

        def readable(self):
            return True

        def readinto(self, b):
            k = min(len(b), self.left)
            b[:k] = b" " * k
            self.left -= k
            return k

    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    n = 64 * 1024 * 1024
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(n))],
                               protocol="HTTP/1.1")
    rec = w.create_warc_record("https://example.org/bomb", "response", payload=io.BufferedReader(Zeros(n)),
                               length=n, http_headers=headers)
    w.write_record(rec)
    return out.getvalue()


def cases() -> list[tuple[str, bytes]]:
    utf8 = ARTICLE.encode("utf-8")
    deep = b"<html><body>" + b"<div>" * 50_000 + b"<p>" + utf8 + b"</p>" + b"</div>" * 50_000 + b"</body></html>"
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 10))
              + b']>\n<rss version="2.0"><channel><title>T</title><item><title>&lol9;</title>'
              + b"<description>&lol9;</description></item></channel></rss>")
    return [
        ("truncated_utf8.txt", utf8 + "é€".encode("utf-8")[:-1]),
        ("mixed_encodings.txt", utf8 + b"\n" + "Caf\u00e9 in M\u00fcnchen".encode("cp1252") + b"\n" + utf8),
        ("zero_width_rtl.txt", ("Reuters\n" + "\u200b\u200f\u202e".join(ARTICLE.split(" ")) + "\u2066x\u2069").encode()),
        ("lone_surrogates.json", b'{"text": "Troops \\ud800 entered \\udfff the town."}'),
        ("one_mb_line.txt", (ARTICLE.replace("\n", " ") + " ").encode() * 9000),
        ("control_chars.txt", b"Police\x07 arrested\x1b[31m two\x0b men.\x7f"),
        ("nul_bytes.txt", utf8 + b"\x00\x00" + utf8),
        ("deep_nesting.html", deep),
        ("unclosed_tags.html", b"<html><body><p>" + utf8 + b"<div><span><b><i>" * 200),
        ("script_only.html", b"<html><script>" + b"var x = 1;" * 1000 + b"</script></html>"),
        ("billion_laughs.xml", laughs),
        ("truncated_feed.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><item><title>Half'),
        ("not_a_feed.atom", b"just some words, not xml at all"),
        ("gzip_bomb.warc.gz", _gzip_bomb_warc()),
        ("truncated.warc.gz", _warc(b"<html><body><p>" + utf8 + b"</p></body></html>")[:120]),
        ("plain_gzip.warc.gz", gzip.compress(b"hello world")),
        ("json_deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("json_wrong_types.jsonl", b'{"text": 5}\n{"text": ["a"]}\n[1,2]\n"str"\n{"text": "' + utf8 + b'"}\n'),
        ("bom_utf16.txt", "\ufeffReuters\n".encode("utf-16-le") + ARTICLE.encode("utf-16-le")),
        ("empty.jsonl", b""),
        ("only_outlet.txt", b"Reuters\n\n"),
        ("mojibake_quotes.txt", ("Bloomberg\n“Quote,†he said. She noted the “claim.â€\n").encode("utf-8")),
    ]
