"""Story stage cost at 10k / 30k / 100k articles: throughput, memory, and how cost grows.

Articles are generated (no spaCy): each synthetic story has its own people,
places, date and words drawn beside the words of its kind of happening (50
kinds shared by many stories, as earthquakes or elections are), and 10% of
articles are lightly edited copies of an earlier one. They go through the
same code ``eventwire run`` uses after writing a batch: MinHash signature and
LSH lookup (:class:`~eventwire.stories.DuplicateIndex`) then incremental
clustering (:class:`~eventwire.stories.StoryClusterer`), then the repair and the
split check of the stories each batch touched, in batches of 500.

Reported per size: articles/s, peak RSS, and the time per article relative to
the smallest size measured in the same run (1.0 = linear total cost), plus
B³ F1 of the clusters against the generated stories.

    PYTHONPATH=src nice python benchmarks/bench_stories.py [--sizes 10000,30000,100000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import time

from _common import peak_rss_mb, write_result

from eventwire.evaluation.stories_task import b_cubed
from eventwire.stories import DuplicateIndex, StoryClusterer
from eventwire.stories.features import ArticleFeatures, passages

KINDS = 50
WORDS_PER_KIND = 40


def generate(n: int, seed: int = 0):
    """(features, text, story label) for ``n`` articles, about 8 per story, in publication order."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(60_000)]
    kinds = [rng.sample(vocab[:5000], WORDS_PER_KIND) for _ in range(KINDS)]
    n_stories = max(1, n // 8)
    start = dt.date(2020, 1, 1)
    stories = []
    for s in range(n_stories):
        stories.append({"kind": kinds[rng.randrange(KINDS)], "words": rng.sample(vocab[5000:], 12),
                        "names": [f"person{rng.randrange(200_000)}" for _ in range(3)],
                        "places": [f"place{rng.randrange(20_000)}" for _ in range(2)],
                        "day": start + dt.timedelta(days=int(s * 1000 / n_stories))})
    out = []
    for i in range(n):
        if out and rng.random() < 0.10:  # a wire copy of a recent article, lightly edited
            f0, text0, label = out[rng.randrange(max(0, len(out) - 200), len(out))]
            toks = text0.split()
            for _ in range(3):
                toks[rng.randrange(len(toks))] = vocab[rng.randrange(len(vocab))]
            text = " ".join(toks)
            feats = ArticleFeatures(f"a{i:07d}", f"outlet{rng.randrange(300)}", f0.published, dict(f0.counts),
                                    passages=passages(text))
            out.append((feats, text, label))
            continue
        s = min(n_stories - 1, int(i / n * n_stories + rng.gauss(0, 1.5)))
        st = stories[max(0, s)]
        words = (rng.choices(st["kind"], k=40) + rng.choices(st["words"], k=25)
                 + [vocab[int(rng.paretovariate(1.1)) % len(vocab)] for _ in range(80)])
        rng.shuffle(words)
        counts: dict[str, int] = {}
        for w in words:
            counts["w:" + w] = counts.get("w:" + w, 0) + 1
        for nm in rng.sample(st["names"], 2) + [f"person{rng.randrange(200_000)}"]:
            counts["n:" + nm] = counts.get("n:" + nm, 0) + 2
        for pl in st["places"][:rng.randint(1, 2)]:
            counts["p:" + pl] = counts.get("p:" + pl, 0) + 1
        day = st["day"] + dt.timedelta(days=rng.randint(0, 2))
        text = " ".join(words)
        out.append((ArticleFeatures(f"a{i:07d}", f"outlet{rng.randrange(300)}", day, counts, passages=passages(text)),
                    text, max(0, s)))
    return out


def final(sid: str, into: dict[str, str]) -> str:
    """The story ``sid`` is now part of (itself unless the repair merged it into another)."""
    while sid in into:
        sid = into[sid]
    return sid


def measure(n: int, batch: int = 500) -> dict:
    data = generate(n)
    gc.collect()
    clusterer, dups = StoryClusterer(), DuplicateIndex()
    t0 = time.perf_counter()
    story_of: dict[str, str] = {}  # original article -> its story
    copy_of: list[str] = []  # each article's original (itself when it is one)
    into: dict[str, str] = {}  # story id -> the story the repair merged it into
    for k in range(0, n, batch):
        chunk = data[k:k + batch]
        clusterer.observe([f for f, _, _ in chunk])
        touched = set()
        for f, text, _ in chunk:
            orig, _ = dups.add(f.article_id, dups.signature(text))
            if orig is not None:
                copy_of.append(copy_of[int(orig[1:])])
                continue
            sid, _ = clusterer.add(f)
            story_of[f.article_id] = sid
            copy_of.append(f.article_id)
            touched.add(sid)
        merges = clusterer.repair(touched)
        into.update(merges)
        for _, new_id, moved in clusterer.split({final(sid, into) for sid in touched}):
            story_of.update(dict.fromkeys(moved, new_id))
    secs = time.perf_counter() - t0
    pred = [final(story_of[a], into) for a in copy_of]
    _, _, f1 = b_cubed(pred, [label for _, _, label in data])
    return {"articles": n, "seconds": round(secs, 1), "articles_per_s": round(n / secs),
            "us_per_article": round(secs / n * 1e6), "stories": len(set(pred)), "live_stories": len(clusterer.stories),
            "archived_stories": len(clusterer.archive),
            "peak_rss_mb": round(peak_rss_mb()), "b3_f1": round(f1, 3)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,30000,100000")
    sizes = [int(x) for x in ap.parse_args().sizes.split(",")]
    rows = [measure(n) for n in sizes]
    base = rows[0]["us_per_article"]
    for r in rows:
        r["cost_per_article_vs_smallest"] = round(r["us_per_article"] / base, 2)
    write_result("stories", rows, "Story stage: near-duplicates + incremental clustering (synthetic articles)")


if __name__ == "__main__":
    main()
