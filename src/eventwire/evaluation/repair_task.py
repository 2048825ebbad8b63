"""``eventwire eval repair``: the ftfy test cases through eventwire's repair stage.

Cases marked ``expect: pass`` must come out as their expected text; known
failures are reported apart. eventwire keeps curly quotes where ftfy's
defaults straighten them, so both sides are compared with quotes uncurled.
"""
from __future__ import annotations

import json
from pathlib import Path

import ftfy.fixes

from ..repair import TextRepairer, undo_repairs
from . import EvalResult, task


def _uncurl(s: str) -> str:
    return ftfy.fixes.uncurl_quotes(s)


@task("repair")
def evaluate(data: Path, **_) -> EvalResult:
    folder = data / "mojibake" / "ftfy-test-cases"
    repairer = TextRepairer()
    counts = {"pass": [0, 0], "fail": [0, 0]}  # expect -> [ok, total]
    failures, lossless = [], 0
    total = 0
    for f in sorted(folder.glob("*.json")):
        for case in json.loads(f.read_text("utf-8")):
            expect = case.get("expect", "pass")
            fixed, repairs = repairer.repair(case["original"])
            total += 1
            lossless += undo_repairs(fixed, repairs) == case["original"]
            want = case.get("fixed-encoding", case["fixed"])
            ok = _uncurl(fixed) == _uncurl(want) or _uncurl(fixed) == _uncurl(case["fixed"])
            counts[expect][0] += ok
            counts[expect][1] += 1
            if expect == "pass" and not ok:
                failures.append(f"{f.name}: {case['label']}: {case['original']!r} -> {fixed!r}, want {want!r}")
    p_ok, p_all = counts["pass"]
    k_ok, k_all = counts["fail"]
    metrics = {"pass_rate": round(p_ok / p_all, 4) if p_all else 0.0, "passed": p_ok, "expected_pass": p_all,
               "known_failures_fixed": k_ok, "known_failures": k_all,
               "round_trip": round(lossless / total, 4) if total else 0.0}
    report = (f"repair: {p_ok}/{p_all} expected-to-pass cases pass; "
              f"{k_ok}/{k_all} known failures fixed anyway; repairs replay to the raw text in "
              f"{lossless}/{total} cases")
    if failures:
        report += "\nfailing:\n  " + "\n  ".join(failures)
    return EvalResult("repair", metrics, report)
