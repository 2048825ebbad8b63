"""The atheris harness runs clean for a short budget (longer runs: scripts/fuzz.sh).

The run is seeded and bounded by a number of inputs, so CI sees the same inputs on
every machine; finding new crashes is the job of the longer scripts/fuzz.sh runs.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_atheris_harness_short_budget(tmp_path):
    pytest.importorskip("atheris")
    sys.path.insert(0, str(ROOT / "tests"))
    from nasty_inputs import cases
    from eventwire.readers import format_of, formats

    kinds = sorted(formats.READERS)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in cases():
        if len(data) < 100_000:
            (corpus / name).write_bytes(bytes([kinds.index(format_of(name) or "text")]) + data)
    pythonpath = os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])
    env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": pythonpath}
    proc = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / "fuzz_read.py"), "-seed=1", "-runs=3000", "-max_total_time=120",
         "-timeout=60", "-rss_limit_mb=2048", f"-artifact_prefix={tmp_path}/", str(corpus)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env=env)
    out = proc.stdout + proc.stderr
    crash = out.find("=== Uncaught Python exception")
    tail = out[crash:crash + 3000] if crash >= 0 else out[-3000:]
    assert proc.returncode == 0, tail
    assert "Done" in tail or "pulse" in tail or "INITED" in tail, tail
