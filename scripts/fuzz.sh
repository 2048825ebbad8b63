#!/usr/bin/env bash
# Fuzz the readers and repair stage with atheris for SECONDS (default 300).
#   bash scripts/fuzz.sh [SECONDS]
# The corpus is seeded from tests/nasty_inputs.py into fuzz/corpus (git-ignored);
# crashes are saved as fuzz/crash-* with the input that caused them.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-300}
PY=${PY:-.venv/bin/python}; [[ $PY = /* ]] || PY=$PWD/$PY
mkdir -p fuzz/corpus
"$PY" - <<'PYEOF'
import sys; sys.path.insert(0, "tests")
from nasty_inputs import cases
from eventwire.readers import formats, format_of
kinds = sorted(formats.READERS)
for name, data in cases():
    if len(data) > 200_000:
        continue
    fmt = format_of(name) or "text"
    open(f"fuzz/corpus/{name}", "wb").write(bytes([kinds.index(fmt)]) + data)
PYEOF
cd fuzz && "$PY" fuzz_read.py -max_total_time="$secs" -rss_limit_mb=2048 -timeout=30 corpus
