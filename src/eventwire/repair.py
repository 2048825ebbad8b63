"""Text repair: mojibake fixed, typography kept, every change recorded.

ftfy does the general encoding repair, configured to leave curly quotes,
full-width characters and ligatures alone (news text means them). It cannot
fix the lossy cases where a byte of the UTF-8 sequence was lost on the way,
such as the seed's closing quotes, which arrive as ``â€`` at the end of a quote
or as ``†`` glued to the next word. The project's own rules below repair
those, using the open/close balance of the quotes around them so a genuine
dagger (a footnote mark) is left alone.

Each change becomes a :class:`~eventwire.document.Repair` with its offsets in
the repaired text, what was there before and the rule that made it, so a
repair can be explained and replayed (ftfy's ``fix_and_explain`` idea).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import ftfy

from .document import Repair

_FTFY_CONFIG = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    explain=False,
)

OPEN_QUOTE, CLOSE_QUOTE = "\u201c", "\u201d"

# ``â€`` left over after ftfy: the third byte of a UTF-8 quote (0x9C or 0x9D) was
# lost. Optionally followed by the replacement character or a stray C1 control.
_LOSSY_QUOTE = re.compile("\u00e2\u20ac[\u009c\u009d\ufffd]?")
# A dagger that stands where a closing quote and the following space were.
_DAGGER = re.compile("\u2020")


@dataclass
class _Edit:
    start: int  # offset in the input of this step
    end: int
    after: str
    rule: str


def _open_quote_before(text: str, pos: int) -> bool:
    """True when a curly quote is open at ``pos`` within the same paragraph."""
    para_start = text.rfind("\n", 0, pos) + 1
    chunk = text[para_start:pos]
    return chunk.count(OPEN_QUOTE) > chunk.count(CLOSE_QUOTE)


def _garbled_elsewhere(text: str, pos: int, length: int) -> bool:
    """Other mojibake left in the paragraph means a guess here is unsafe."""
    from ftfy.badness import is_bad

    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    rest = text[start:pos] + " " + text[pos + length:end]
    return is_bad(_LOSSY_QUOTE.sub(" ", rest))


def _closes_later(text: str, pos: int) -> bool:
    """A closing quote (intact or lossy) follows ``pos`` in the same paragraph."""
    end = text.find("\n", pos)
    rest = text[pos:] if end < 0 else text[pos:end]
    return CLOSE_QUOTE in rest or _LOSSY_QUOTE.search(rest) is not None


def _lossy_quote_edits(text: str) -> list[_Edit]:
    edits = []
    for m in _LOSSY_QUOTE.finditer(text):
        if _garbled_elsewhere(text, m.start(), m.end() - m.start()):
            continue
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if not before.isspace() and _open_quote_before(text, m.start()):
            repl = CLOSE_QUOTE
            if after.isalnum():  # the space after the quote was eaten too
                repl += " "
            edits.append(_Edit(m.start(), m.end(), repl, "lossy-utf8-closing-quote"))
        elif before.isspace() and after.isalnum() and _closes_later(text, m.end()):
            edits.append(_Edit(m.start(), m.end(), OPEN_QUOTE, "lossy-utf8-opening-quote"))
    return edits


def _dagger_edits(text: str) -> list[_Edit]:
    edits = []
    for m in _DAGGER.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if prev.isspace() or not _open_quote_before(text, i) or _garbled_elsewhere(text, i, 1):
            continue  # a real dagger, e.g. a footnote mark
        repl = CLOSE_QUOTE + (" " if nxt.isalnum() else "")
        edits.append(_Edit(i, i + 1, repl, "lossy-utf8-quote-as-dagger"))
    return edits


def _apply(text: str, edits: list[_Edit]) -> str:
    out, last = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(text[last:e.start])
        out.append(e.after)
        last = e.end
    out.append(text[last:])
    return "".join(out)


def _ftfy_edits(text: str) -> list[_Edit]:
    """Run ftfy line by line and turn its changes into edits via a diff."""
    edits: list[_Edit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        fixed = ftfy.fix_text(line, _FTFY_CONFIG)
        if fixed != line:
            edits += _diff_edits(line, fixed, pos)
        pos += len(line)
    return _merge_adjacent(edits)


_MAX_DIFF = 4000  # characters; beyond this a character diff gets slow (quadratic)


def _diff_edits(before: str, after: str, pos: int, by_words: bool = True) -> list[_Edit]:
    """Edits turning ``before`` into ``after``, offsets shifted by ``pos``.

    The common prefix and suffix are cut off first so the character diff only
    sees the changed middle; a middle too long to diff cheaply becomes one edit.
    """
    n = min(len(before), len(after))
    lo = 0
    while lo < n and before[lo] == after[lo]:
        lo += 1
    hi = 0
    while hi < n - lo and before[-1 - hi] == after[-1 - hi]:
        hi += 1
    b, a = before[lo:len(before) - hi], after[lo:len(after) - hi]
    if len(b) + len(a) <= _MAX_DIFF:
        sm = difflib.SequenceMatcher(None, b, a, autojunk=False)
        return [_Edit(pos + lo + i1, pos + lo + i2, a[j1:j2], "ftfy")
                for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"]
    # Long middle: diff word by word, then characters inside each changed stretch.
    bw, aw = (_WORDS.findall(b), _WORDS.findall(a)) if by_words else ([], [])
    if len(bw) + len(aw) > 4 * _MAX_DIFF or len(bw) < 2:
        return [_Edit(pos + lo, pos + lo + len(b), a, "ftfy")]
    boff, aoff = _offsets(bw), _offsets(aw)
    out: list[_Edit] = []
    sm = difflib.SequenceMatcher(None, bw, aw, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag != "equal":
            bs, be = boff[i1], boff[i2]
            as_, ae = aoff[j1], aoff[j2]
            out += _diff_edits(b[bs:be], a[as_:ae], pos + lo + bs, by_words=False)
    return out


_WORDS = re.compile(r"\S+|\s+")


def _offsets(words: list[str]) -> list[int]:
    offs = [0]
    for w in words:
        offs.append(offs[-1] + len(w))
    return offs


def _merge_adjacent(edits: list[_Edit]) -> list[_Edit]:
    """Join edits that touch so one mojibake sequence is one repair."""
    merged: list[_Edit] = []
    for e in edits:
        if merged and merged[-1].end == e.start and merged[-1].rule == e.rule:
            last = merged[-1]
            merged[-1] = _Edit(last.start, e.end, last.after + e.after, e.rule)
        else:
            merged.append(e)
    return merged


def _undo(text: str, start: int, end: int, folded: list[Repair]) -> str:
    out, last = [], start
    for r in folded:
        out.append(text[last:r.start])
        out.append(r.before)
        last = r.end
    out.append(text[last:end])
    return "".join(out)


def repair_text(raw: str) -> tuple[str, list[Repair]]:
    """Repair ``raw``; return the repaired text and the repairs made.

    ``text[r.start:r.end] == r.after`` for every repair, and undoing them in
    reverse order gives back ``raw``.
    """
    return TextRepairer().repair(raw)


class TextRepairer:
    """Runs the repair steps in order: ftfy, then the lossy-quote rules."""

    def repair(self, raw: str) -> tuple[str, list[Repair]]:
        text = raw
        repairs: list[Repair] = []
        for step in (_ftfy_edits, _lossy_quote_edits, _dagger_edits):
            edits = step(text)
            if not edits:
                continue
            repairs = _fold(text, repairs, edits)
            text = _apply(text, edits)
        return text, repairs


def _fold(text: str, repairs: list[Repair], edits: list[_Edit]) -> list[Repair]:
    """Combine earlier repairs (offsets in ``text``) with ``edits`` on ``text``.

    Returns repairs with offsets in the text after the edits. Edits and earlier
    repairs that overlap are grown into one cluster and become one repair (an
    edit inside a long earlier repair absorbs it, and so does every later edit
    that falls inside the same stretch), so repairs never overlap and
    ``before`` always holds raw text.
    """
    out: list[Repair] = []
    shift = 0
    ri = ei = 0
    edits = sorted(edits, key=lambda e: e.start)

    def keep(r: Repair) -> None:
        out.append(Repair(r.start + shift, r.end + shift, r.before, r.after, r.rule))

    while ei < len(edits):
        first = edits[ei]
        while ri < len(repairs) and repairs[ri].end <= first.start and not (
            repairs[ri].end == first.start == first.end
        ):
            keep(repairs[ri])
            ri += 1
        start, end = first.start, first.end
        group: list[_Edit] = []
        folded: list[Repair] = []
        grew = True
        while grew:
            grew = False
            while ei < len(edits) and (not group or edits[ei].start < end):
                group.append(edits[ei])
                end = max(end, edits[ei].end)
                ei += 1
                grew = True
            while ri < len(repairs) and repairs[ri].start < end:
                folded.append(repairs[ri])
                start, end = min(start, repairs[ri].start), max(end, repairs[ri].end)
                ri += 1
                grew = True
        before = _undo(text, start, end, folded)
        after = _apply(text[start:end], [_Edit(e.start - start, e.end - start, e.after, e.rule) for e in group])
        rules = [r.rule for r in folded] + [e.rule for e in group]
        out.append(Repair(start + shift, start + shift + len(after), before, after,
                          "+".join(dict.fromkeys(rules))))
        shift += len(after) - (end - start)
    for r in repairs[ri:]:
        keep(r)
    return out


def undo_repairs(text: str, repairs: list[Repair]) -> str:
    """Rebuild the raw text from repaired text and its repairs."""
    return _undo(text, 0, len(text), sorted(repairs, key=lambda r: r.start))
