"""Gazetteer load time and memory, against loading the spaCy model in the same run.

Each measurement runs in a fresh interpreter (a cold load, as a worker pays it):
  baseline   ``spacy.load`` of the English model (the pipeline pays it anyway)
  raw        reading and decompressing the gazetteer file, nothing parsed
  gazetteer  ``load_gazetteer()``: the object the places stage uses
  + lookups  the load plus 10,000 name lookups (rows parsed on demand)
and reports seconds (best of --repeat), the memory each adds (RSS growth) and
the time ratio to the baseline. Target: the load well under a second.

    python benchmarks/bench_gazetteer.py [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

from _common import ROOT, write_result

SNIPPETS = {
    "baseline": "from eventwire.components.nlp import load_model\nload_model()",
    "raw": "import zlib\nfrom eventwire.places.gazetteer import data_path\n"
           "zlib.decompress(data_path().read_bytes(), wbits=31).decode('utf-8')",
    "gazetteer": "from eventwire.places import load_gazetteer\nload_gazetteer()",
    "+ lookups": "from eventwire.places import load_gazetteer\ng = load_gazetteer()\n"
                 "names = ['Paris', 'Springfield', 'U.S.', 'Beijing', 'Lagos', 'Kyiv', 'Georgia', 'Oklahoma']\n"
                 "for i in range(10000):\n    g.lookup(names[i % len(names)])",
}

RUNNER = """
import json, resource, sys, time
sys.path.insert(0, {src!r})
import eventwire.document  # the package itself is not what is measured
rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
exec(compile({code!r}, "bench", "exec"))
dt = time.perf_counter() - t
rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"s": dt, "mb": (rss1 - rss0) / 1024}}))
"""


def measure(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", RUNNER.format(src=str(ROOT / "src"), code=code)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    results = {}
    for name, code in SNIPPETS.items():
        runs = [measure(code) for _ in range(args.repeat)]
        results[name] = {"s": min(r["s"] for r in runs), "mb": min(r["mb"] for r in runs)}
    base = results["baseline"]["s"]
    rows = [{"run": name if name != "baseline" else "spaCy model load (baseline)",
             "seconds": round(r["s"], 3), "memory MB": round(r["mb"], 1),
             "ratio to baseline": round(r["s"] / base, 3)} for name, r in results.items()]
    write_result("gazetteer", rows, f"Gazetteer load, cold, best of {args.repeat} "
                 f"(load {results['gazetteer']['s']:.2f} s; target well under 1 s)")


if __name__ == "__main__":
    main()
