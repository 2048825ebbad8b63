"""``eventwire eval stories``: story clustering on ECB+ against its sub-topics.

Each ECB+ topic holds two real events of the same kind (two rehab check-ins,
two earthquakes, two boxing title defences); each sub-topic is one of them.
The ECB+ documents are processed by the default pipeline into an in-memory
store and arrive at the story stage in shuffled batches, exactly as
``eventwire run`` feeds it (incremental: nothing is re-clustered). Clusters
are scored with B³ precision, recall and F1 against the sub-topics (the
target) and, beside them, against the topics; the sub-topic figures are also given
for each half of the topics (first and second half in topic order) and the F1 for each
arrival order, so a rule that only fits some topics or some orders shows.
"""
from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from typing import Any

from . import EvalResult, task


def b_cubed(pred: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B³ precision, recall, F1 of clustering ``pred`` against ``gold`` (labels per item)."""
    clusters, classes = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold)):
        clusters[p].add(i)
        classes[g].add(i)
    if not pred:
        return 0.0, 0.0, 0.0
    prec = rec = 0.0
    for i, (p, g) in enumerate(zip(pred, gold)):
        both = len(clusters[p] & classes[g])
        prec += both / len(clusters[p])
        rec += both / len(classes[g])
    prec, rec = prec / len(pred), rec / len(pred)
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


@task("stories")
def evaluate(data: Path, topics: list[str] | None = None, batch_size: int = 20, seeds: int = 3,
             **_: Any) -> EvalResult:
    from ..pipeline import get_pipeline
    from ..readers import read_text
    from ..store import Store
    from ..stories import StoryStage
    from .ecbplus import iter_corpus

    corpus = iter_corpus(data, topics)
    docs, failed = get_pipeline()([read_text(d.text, outlet=d.outlet, url=d.url) for d in corpus])
    gold = {doc.id: (src.subtopic, src.topic) for doc, src in zip(docs, corpus)}
    numbers = sorted({int(src.topic) for src in corpus})
    middle = (numbers[0] + numbers[-1]) // 2 if numbers else 0  # ECB+ 1-22: topics 1-11 and 12-22
    halves = {"first_half": {str(t) for t in numbers if t <= middle}, "second_half": {str(t) for t in numbers if t > middle}}
    half_names = {h: f"topics {min(map(int, m))}-{max(map(int, m))}" for h, m in halves.items() if m}
    scores = defaultdict(list)
    n_stories = []
    for seed in range(seeds):
        order = list(docs)
        random.Random(seed).shuffle(order)
        with Store(":memory:") as store:
            stage = StoryStage(store)
            for k in range(0, len(order), batch_size):
                batch = order[k:k + batch_size]
                store.write(batch)
                stage.update([d.id for d in batch])
            placed = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        ids = [d.id for d in order]
        pred = [placed[i] for i in ids]
        n_stories.append(len(set(pred)))
        for level, k in (("subtopic", 0), ("topic", 1)):
            p, r, f = b_cubed(pred, [gold[i][k] for i in ids])
            scores[f"{level}_b3_precision"].append(p)
            scores[f"{level}_b3_recall"].append(r)
            scores[f"{level}_b3_f1"].append(f)
        for half, members in halves.items():  # a rule that only fits some topics shows as a gap here
            kept = [i for i in ids if gold[i][1] in members]
            p, r, f = b_cubed([placed[i] for i in kept], [gold[i][0] for i in kept])
            scores[f"{half}_subtopic_b3_precision"].append(p)
            scores[f"{half}_subtopic_b3_recall"].append(r)
            scores[f"{half}_subtopic_b3_f1"].append(f)
    per_order = scores["subtopic_b3_f1"]
    metrics: dict[str, float] = {k: round(sum(v) / len(v), 4) for k, v in scores.items()}
    metrics.update({"subtopic_b3_f1_min_order": round(min(per_order), 4),
                    "subtopic_b3_f1_max_order": round(max(per_order), 4)})
    metrics.update({"documents": len(docs), "failed": len(failed), "subtopics": len({g[0] for g in gold.values()}),
                    "stories": round(sum(n_stories) / len(n_stories), 1)})
    report = (f"stories (ECB+, {len(docs)} documents, {metrics['subtopics']} sub-topics, batches of {batch_size}, "
              f"mean of {seeds} arrival orders): {metrics['stories']} stories\n"
              f"  sub-topic B³  P {metrics['subtopic_b3_precision']:.3f}  R {metrics['subtopic_b3_recall']:.3f}  "
              f"F1 {metrics['subtopic_b3_f1']:.3f}\n"
              f"  topic B³      P {metrics['topic_b3_precision']:.3f}  R {metrics['topic_b3_recall']:.3f}  "
              f"F1 {metrics['topic_b3_f1']:.3f}\n"
              f"  sub-topic F1 per arrival order: {', '.join(f'{f:.3f}' for f in per_order)}")
    for half, label in half_names.items():
        report += (f"\n  {label:13s} sub-topic B³  P {metrics[half + '_subtopic_b3_precision']:.3f}  "
                   f"R {metrics[half + '_subtopic_b3_recall']:.3f}  F1 {metrics[half + '_subtopic_b3_f1']:.3f}")
    return EvalResult("stories", metrics, report)
