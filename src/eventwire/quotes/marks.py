"""Quotation marks paired into quoted stretches, never across a paragraph break.

News text is often imperfect: a closing quote lost to an encoding error, a
stray straight quote. Pairing marks over the whole article would let one
unbalanced mark swallow everything after it, so every stretch is bounded by
its paragraph (a line). A stretch left open at the end of its paragraph ends
there; when the next paragraph opens with a quotation mark, that paragraph
continues the same quotation (the convention for quotes that run over
several paragraphs), recorded in ``continues``.

Curly marks say which way they face; a straight ``"`` (or its typewriter
spelling, two apostrophes ``''``) opens when it follows a space, a line start
or an opening bracket/dash and no punctuation follows it, and otherwise closes. Single quotes are left
alone: in running text they are mostly apostrophes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "“„«"
CLOSE = "”»"
STRAIGHT = '"'
TYPEWRITER = "''"  # two apostrophes for a double quote (the New York Times' house style)
_OPENER_BEFORE = set("([{—–-/:") | {""}  # besides any white space, the no-break space of web text included
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass
class Stretch:
    """A quotation: ``[start, end)`` is the text between the marks."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the paragraph ended first
    paragraph: int
    continues: int | None = None  # index of the stretch this one continues (multi-paragraph quote)
    close_len: int = 1  # characters in the closing mark (2 for a typewriter '')

    @property
    def outer(self) -> tuple[int, int]:
        """The stretch with its marks."""
        return self.open_at, (self.close_at + self.close_len if self.close_at is not None else self.end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-empty line."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def quoted_stretches(text: str) -> list[Stretch]:
    """Every quoted stretch of ``text``, in order, bounded by paragraph."""
    out: list[Stretch] = []
    for pi, (ps, pe) in enumerate(paragraphs(text)):
        opened: int | None = None
        open_len = 1
        i = ps
        while i < pe:
            ch = text[i]
            n = len(TYPEWRITER) if text.startswith(TYPEWRITER, i) else 1
            straight = ch == STRAIGHT or n > 1
            if ch in OPEN or (straight and opened is None and _opens(text, i, ps, n)):
                if opened is None:
                    opened, open_len = i, n
            elif ch in CLOSE or straight:
                if opened is not None:
                    _add(out, text, opened, i, i, pi, open_len, n)
                    opened = None
            i += n
        if opened is not None:
            end = pe
            while end > opened + open_len and text[end - 1].isspace():
                end -= 1
            _add(out, text, opened, end, None, pi, open_len, 0)
    # a paragraph opening with a quote continues a quote left open in the paragraph before
    for k in range(1, len(out)):
        prev, cur = out[k - 1], out[k]
        if prev.close_at is None and cur.paragraph == prev.paragraph + 1 and _starts_paragraph(text, cur):
            cur.continues = k - 1
    return out


_WORD = re.compile(r"\w+")


def looks_like_quote(text: str, st: Stretch) -> bool:
    """Words someone said rather than a name or a scare-quoted term ("the so-called “reform”",
    the show “This Week”): three words or more, or closing on the punctuation of speech."""
    inner = text[st.start:st.end].rstrip()
    return len(_WORD.findall(inner)) >= 3 or inner[-1:] in ",.!?…"


def _opens(text: str, i: int, para_start: int, length: int = 1) -> bool:
    """Whether a straight mark with no quotation open opens one: after a space and before a word.
    A mark with a space on both sides (tokenised text: '" voice control "') opens too; one before a
    comma or a full stop closes, whatever precedes it."""
    before = text[i - 1] if i > para_start else ""
    after = text[i + length] if i + length < len(text) else ""
    return (before in _OPENER_BEFORE or before.isspace()) and after != "" and after not in _CLOSER_AFTER \
        and (not after.isspace() or before.isspace())


_CLOSER_AFTER = set(",.;:!?)]}")


def _starts_paragraph(text: str, s: Stretch) -> bool:
    j = s.open_at - 1
    while j >= 0 and text[j].isspace() and text[j] != "\n":
        j -= 1
    return j < 0 or text[j] == "\n"


def _add(out: list[Stretch], text: str, open_at: int, end: int, close_at: int | None, pi: int,
         open_len: int, close_len: int) -> None:
    start = open_at + open_len
    if any(ch.isalnum() for ch in text[start:end]):
        out.append(Stretch(start, end, open_at, close_at, pi, close_len=close_len))
