"""Bytes to text, with clear errors for inputs that are not text at all.

Every reader goes through :func:`decode_bytes`, so empty, binary, oversized
and undecodable inputs fail the same way everywhere, naming the input.
"""
from __future__ import annotations

import codecs
import os

from ..errors import BinaryInput, EmptyInput, EncodingError, TooLarge

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # one article file; override with --max-bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Size of ``path`` in bytes; raises :class:`TooLarge` past ``max_bytes``."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise TooLarge(
            f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit "
            "for one input; split it or raise --max-bytes",
            input=path,
        )
    return size


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KiB mean not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an input's bytes to text.

    UTF-8 (with or without BOM) and BOM-marked UTF-16/32 are taken as they
    are; anything else is guessed by charset-normalizer. Raises
    :class:`EmptyInput`, :class:`BinaryInput` or :class:`EncodingError`.
    """
    if not data.strip():
        raise EmptyInput("input is empty (no text)", input=name)
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as e:
                raise EncodingError(f"starts with a {enc} byte-order mark but is not valid {enc}: {e.reason}",
                                    input=name) from None
    if looks_binary(data):
        raise BinaryInput("input is binary, not text (NUL or control bytes)", input=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise EncodingError("bytes are not UTF-8 and no text encoding fits them", input=name)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode(best.encoding, errors="replace")
