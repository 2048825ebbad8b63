"""Near-duplicate detection: wire copies, re-publications and lightly edited versions.

Each article gets a MinHash signature of its word 3-shingles (datasketch,
``affine32`` scheme, so the signature is ``num_perm`` uint32 values, stored as
bytes in the store's ``story_articles.minhash`` column, never pickled). An LSH
index over the signatures finds candidates in about constant time; a
candidate whose estimated Jaccard similarity clears ``threshold`` makes the
new article a duplicate of the *original* it copies (the first-seen article
of that family), with the similarity kept. Duplicates stay in the store and
are linked, not deleted; counts elsewhere discount them.
"""
from __future__ import annotations

import re

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

SCHEME = "affine32"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, k: int = 5) -> list[bytes]:
    """Word ``k``-grams of the lower-cased text (the whole text if shorter)."""
    toks = _TOKEN.findall(text.lower())
    if len(toks) <= k:
        return [" ".join(toks).encode("utf-8")] if toks else [b""]
    return list({" ".join(toks[i:i + k]).encode("utf-8") for i in range(len(toks) - k + 1)})


class DuplicateIndex:
    """MinHash LSH over the articles seen so far; :meth:`add` links each new one to its original."""

    def __init__(self, threshold: float = 0.7, num_perm: int = 128, shingle: int = 3, seed: int = 1):
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.seed = seed
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.sigs: dict[str, LeanMinHash] = {}
        self.original: dict[str, str] = {}  # duplicate id -> its original's id
        self._proto = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME)

    @property
    def params(self) -> tuple[int, int, int]:
        """What a signature depends on: signatures made with other params do not compare."""
        return self.num_perm, self.shingle, self.seed

    def signature(self, text: str) -> LeanMinHash:
        m = self._proto.copy()
        m.update_batch(shingles(text, self.shingle))
        return LeanMinHash(m)

    def to_bytes(self, sig: LeanMinHash) -> bytes:
        return np.asarray(sig.hashvalues, dtype=np.uint32).tobytes()

    def from_bytes(self, data: bytes) -> LeanMinHash:
        values = np.frombuffer(data, dtype=np.uint32)
        return LeanMinHash(seed=self.seed, hashvalues=values, scheme=SCHEME)

    def restore(self, article_id: str, sig: LeanMinHash, duplicate_of: str | None) -> None:
        """Put back an article already placed in an earlier run."""
        if article_id in self.sigs:
            return
        self.sigs[article_id] = sig
        self.lsh.insert(article_id, sig)
        if duplicate_of:
            self.original[article_id] = duplicate_of

    def add(self, article_id: str, sig: LeanMinHash) -> tuple[str | None, float | None]:
        """Index a new article; returns (the original it duplicates, estimated Jaccard) or (None, None)."""
        if article_id in self.sigs:
            orig = self.original.get(article_id)
            return orig, (round(sig.jaccard(self.sigs[orig]), 4) if orig else None)
        best, best_sim = None, 0.0
        for cand in self.lsh.query(sig):
            sim = sig.jaccard(self.sigs[cand])
            if sim >= self.threshold and (sim > best_sim or (sim == best_sim and cand < best)):
                best, best_sim = cand, sim
        self.sigs[article_id] = sig
        self.lsh.insert(article_id, sig)
        if best is None:
            return None, None
        orig = self.original.get(best, best)
        self.original[article_id] = orig
        return orig, round(best_sim, 4)
