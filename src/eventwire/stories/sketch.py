"""How many recent articles hold a passage, in fixed memory: a count-min sketch with decay.

The story clusterer lets a passage two reports share count as evidence only when
few articles hold it: a quote or a rewritten wire sentence is rare, a stock
phrase ("told reporters on condition of anonymity", "the Associated Press
contributed") is in thousands of articles about anything. Exact counts of every
passage ever seen would grow with the corpus (200 per article); a count-min
sketch answers "how many" in a fixed ``depth x 2**bits`` table of counters,
never under the true count and rarely much over it while the table is not
crowded. To keep it uncrowded on an endless stream, and because what is common
changes, every counter is halved each time as many passages have been counted
as a row has cells: counts are of recent articles, older ones fading out.

Updates and lookups are vectorised over an article's passages (numpy); the
state depends only on the sequence of articles counted, not on how they were
batched, so a stage rebuilt from the store counts as the original did.
"""
from __future__ import annotations

import numpy as np

# odd multipliers and offsets of the row hashes (multiply-shift hashing of the 32-bit passage hashes)
_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
_OFFSETS = (0x632BE59BD9B4E019, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD)


class PassageCounts:
    """Approximate number of recent articles holding each passage (see the module docstring)."""

    def __init__(self, bits: int = 20, depth: int = 3):
        if not 1 <= depth <= len(_MULTIPLIERS):
            raise ValueError(f"depth must be 1..{len(_MULTIPLIERS)}, not {depth}")
        self.bits, self.depth = bits, depth
        self.table = np.zeros((depth, 1 << bits), dtype=np.uint32)
        self.since_decay = 0  # passages counted since the last halving
        self._mul = np.array(_MULTIPLIERS[:depth], dtype=np.uint64)[:, None]
        self._add = np.array(_OFFSETS[:depth], dtype=np.uint64)[:, None]

    def _cells(self, passages) -> np.ndarray:
        h = np.asarray(passages, dtype=np.uint64)[None, :]
        with np.errstate(over="ignore"):  # arithmetic mod 2**64 is the point
            return ((h * self._mul + self._add) >> np.uint64(64 - self.bits)).astype(np.intp)

    def add(self, passages) -> None:
        """Count one article's passages (distinct values)."""
        if not len(passages):
            return
        cells = self._cells(passages)
        # two of one article's passages in one cell add 1, not 2: the cell still counts at least
        # the articles holding either (an overestimate stays one), and plain indexing is fast
        self.table[np.arange(self.depth)[:, None], cells] += 1
        self.since_decay += len(passages)
        if self.since_decay >= self.table.shape[1]:
            self.table >>= 1
            self.since_decay = 0

    def counts(self, passages) -> np.ndarray:
        """Estimated recent articles holding each passage (never fewer than the true number)."""
        if not len(passages):
            return np.zeros(0, dtype=np.uint32)
        cells = self._cells(passages)
        return self.table[np.arange(self.depth)[:, None], cells].min(axis=0)

    def rare(self, passages, limit: int) -> list[int]:
        """The passages that at most ``limit`` recent articles hold."""
        if not len(passages):
            return []
        keep = self.counts(passages) <= limit
        return [p for p, k in zip(passages, keep.tolist()) if k]
