"""``eventwire eval quotes``: attribution content spans and speakers on PolNeAR dev.

Every article runs through the configured pipeline's ``nlp``, ``actors`` (if
configured) and ``quotes`` stages; ``repair`` is skipped so that offsets stay
those of the gold text files (PolNeAR text is clean UTF-8).

Scoring, on word tokens (``\\w+``; punctuation and quotation marks ignored):

- one predicted attribution per quote, its continuations merged in (a quote
  split by its cue or running over paragraphs is one attribution); partial
  quotes recorded ``within`` an indirect quote are part of that quote;
- a predicted and a gold content *match* when their shared tokens are at
  least half of each (``|G∩P| >= 0.5 * max(|G|, |P|)``), pairs taken one to
  one, best overlap first; *exact* when the token sets are equal;
- precision, recall and F1 overall and split into direct and indirect, both
  sides classified by the same rule: direct when at least half the content's
  tokens lie between quotation marks;
- speaker accuracy: over matched pairs whose gold attribution names a
  source, the share whose predicted speaker mention shares a token with it.
"""
from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

from ..document import Document
from ..pipeline import Pipeline, read_config
from ..quotes.marks import quoted_stretches
from . import EvalResult, task
from .polnear import GoldArticle, iter_split

_WORD = re.compile(r"\w+")
_STAGES = ("repair", "nlp", "actors", "quotes")


@task("quotes")
def evaluate(data: Path, split: str = "dev", limit: int | None = None, **_: Any) -> EvalResult:
    root = data / "quotes" / "polnear"
    articles = list(iter_split(root, split, limit))
    steps = _steps()
    counts = _Counts()
    for art in articles:
        doc = Document.from_raw(art.text)
        for name, fn in steps:
            fn([doc])
        counts.add(art, doc)
    return counts.result(split, len(articles))


def _steps():
    cfg = read_config()
    names = [n for n in cfg["pipeline"]["components"] if n in _STAGES]
    if "quotes" not in names:
        names.append("quotes")
    cfg["pipeline"]["components"] = names
    pipe = Pipeline(cfg)
    return [(spec.name, fn) for spec, fn in pipe.steps if spec.name != "repair"]


class _Counts:
    """Counts per class ("all", "direct", "indirect"); a match counts for the gold's
    class on recall and for the prediction's class on precision."""

    def __init__(self):
        classes = ("all", "direct", "indirect")
        self.n_gold = dict.fromkeys(classes, 0)
        self.n_pred = dict.fromkeys(classes, 0)
        self.tp_gold = dict.fromkeys(classes, 0)  # matched gold, by gold class
        self.tp_pred = dict.fromkeys(classes, 0)  # matched predictions, by predicted class
        self.ex_gold = dict.fromkeys(classes, 0)
        self.ex_pred = dict.fromkeys(classes, 0)
        self.spk = {c: [0, 0] for c in classes}  # [right, judged], by gold class

    def add(self, art: GoldArticle, doc: Document) -> None:
        text = art.text
        tokens = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        starts = [s for s, _ in tokens]
        quoted = _quoted_tokens(text, tokens)

        def toks(ranges) -> frozenset[int]:
            out = set()
            for s, e in ranges:
                i = bisect.bisect_left(starts, s)
                while i < len(tokens) and tokens[i][1] <= e:
                    out.add(i)
                    i += 1
            return frozenset(out)

        def cls(c: frozenset[int]) -> str:
            return "direct" if len(c & quoted) * 2 >= len(c) else "indirect"

        gold = [(c, toks(g.source)) for g in art.attributions if (c := toks(g.content))]
        pred = [(c, toks([sp]) if sp else frozenset()) for ranges, sp in _predicted(doc) if (c := toks(ranges))]
        for c, _ in gold:
            self.n_gold["all"] += 1
            self.n_gold[cls(c)] += 1
        for c, _ in pred:
            self.n_pred["all"] += 1
            self.n_pred[cls(c)] += 1
        pairs = []
        for gi, (g, _) in enumerate(gold):
            for pi, (p, _) in enumerate(pred):
                inter = len(g & p)
                if inter and inter * 2 >= max(len(g), len(p)):
                    pairs.append((inter / max(len(g), len(p)), gi, pi))
        used_g, used_p = set(), set()
        for _, gi, pi in sorted(pairs, reverse=True):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            (g, gsrc), (p, psrc) = gold[gi], pred[pi]
            gc, pc = cls(g), cls(p)
            for key, tally in ((gc, (self.tp_gold, self.ex_gold)), (pc, (self.tp_pred, self.ex_pred))):
                for k in ("all", key):
                    tally[0][k] += 1
                    tally[1][k] += g == p
            if gsrc:
                for k in ("all", gc):
                    self.spk[k][0] += bool(gsrc & psrc)
                    self.spk[k][1] += 1

    def result(self, split: str, n_articles: int) -> EvalResult:
        m: dict[str, float] = {"articles": n_articles, "gold": self.n_gold["all"], "predicted": self.n_pred["all"]}
        lines = [f"quotes on PolNeAR {split}: {n_articles} articles, {self.n_gold['all']} gold attributions, "
                 f"{self.n_pred['all']} predicted"]
        for key in ("all", "direct", "indirect"):
            p, r, f = _prf(self.tp_pred[key], self.n_pred[key], self.tp_gold[key], self.n_gold[key])
            ep, er, ef = _prf(self.ex_pred[key], self.n_pred[key], self.ex_gold[key], self.n_gold[key])
            ok, n = self.spk[key]
            acc = round(ok / n, 4) if n else 0.0
            pre = "" if key == "all" else f"{key}_"
            m.update({f"{pre}precision": p, f"{pre}recall": r, f"{pre}f1": f, f"{pre}exact_f1": ef,
                      f"{pre}speaker_accuracy": acc})
            lines.append(f"  {key:8s} gold {self.n_gold[key]:5d} pred {self.n_pred[key]:5d}  "
                         f"P {p:.3f} R {r:.3f} F1 {f:.3f}  exact P {ep:.3f} R {er:.3f} F1 {ef:.3f}  "
                         f"speaker {acc:.3f} ({ok}/{n})")
        return EvalResult("quotes", m, "\n".join(lines))


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def _quoted_tokens(text: str, tokens: list[tuple[int, int]]) -> frozenset[int]:
    inside = [False] * (len(text) + 1)
    for st in quoted_stretches(text):
        for x in range(st.start, st.end):
            inside[x] = True
    return frozenset(i for i, (s, _) in enumerate(tokens) if inside[s])


def _predicted(doc: Document) -> list[tuple[list[tuple[int, int]], tuple[int, int] | None]]:
    """One (content ranges, speaker span) per predicted attribution."""
    groups: dict[int, list[int]] = {}
    root: dict[int, int] = {}
    for i, q in enumerate(doc.quotes):
        r = i
        if q.within is not None:
            r = root.get(q.within, q.within)
        elif q.continues is not None:
            r = root.get(q.continues, q.continues)
        root[i] = r
        groups.setdefault(r, []).append(i)
    out = []
    for r, members in groups.items():
        ranges = [(doc.quotes[i].start, doc.quotes[i].end) for i in members]
        sp = next((doc.quotes[i].speaker for i in members if doc.quotes[i].speaker), None)
        out.append((ranges, (sp["start"], sp["end"]) if sp else None))
    return out
