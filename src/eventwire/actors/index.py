"""Find the actor mentioned at a character span.

``doc.actors`` holds every actor with the offsets of each of its mentions
(names, metonyms such as "Beijing", role references such as "the Chinese
president", resolved pronouns). Stages that work on tokens or phrases (the
event coder, the quote attributor) ask this index which actor, if any, a
span refers to.
"""
from __future__ import annotations

import bisect

from ..document import Actor, Document


class MentionIndex:
    """Actor mentions of one document, sorted by start offset."""

    def __init__(self, actors: list[Actor]):
        items = [(s, e, a) for a in actors for s, e in a.mentions]
        items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        self._items = items
        self._starts = [s for s, _, _ in items]

    def in_range(self, start: int, end: int) -> list[tuple[Actor, int, int]]:
        """Mentions lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self._items) and self._items[i][0] < end:
            s, e, a = self._items[i]
            if e <= end:
                out.append((a, s, e))
            i += 1
        return out

    def at(self, start: int, end: int) -> tuple[Actor, int, int] | None:
        """The actor whose mention overlaps ``[start, end)``; the longest mention wins."""
        best = None
        i = bisect.bisect_left(self._starts, start)
        # a mention starting before `start` may still overlap it
        j = i
        while j > 0 and self._items[j - 1][1] > start:
            j -= 1
            if j < i - 64:  # mentions are short; no need to look further back
                break
        while j < len(self._items) and self._items[j][0] < end:
            s, e, a = self._items[j]
            if e > start and (best is None or e - s > best[2] - best[1]):
                best = (a, s, e)
            j += 1
        return best


def mention_index(doc: Document) -> MentionIndex:
    """The (cached) mention index of ``doc``; rebuilt if ``doc.actors`` changed."""
    key = id(doc.actors), len(doc.actors), sum(len(a.mentions) for a in doc.actors)
    cached = doc.user_data.get("mention_index")
    if cached is None or cached[0] != key:
        cached = (key, MentionIndex(doc.actors))
        doc.user_data["mention_index"] = cached
    return cached[1]
