#!/usr/bin/env bash
# Set up eventwire in ./.venv from the project's own files (pyproject.toml +
# constraints.txt). Idempotent: re-running only installs what changed.
#   bash scripts/setup.sh         the tool itself
#   bash scripts/setup.sh test    plus test tools and, as root, Debian's chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
extras=""
if [ "${1:-}" = "test" ]; then
  extras="[test]"
  if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian's chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "setup: chromium could not be installed; browser tests will be skipped" >&2
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -c constraints.txt -e ".${extras}"
.venv/bin/python -c "import eventwire.components.nlp as n; n.resolve_model_name()" \
  || { echo "setup: spaCy model missing after install" >&2; exit 1; }
