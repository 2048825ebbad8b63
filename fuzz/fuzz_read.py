"""Coverage-guided fuzzing (atheris/libFuzzer) of the readers and the repair stage.

Each input's first byte picks a reader; the rest is the file's bytes. Any
exception other than eventwire's InputError is a crash libFuzzer reports
(with the input saved as crash-*). Run it for longer locally:

    python fuzz/fuzz_read.py -max_total_time=600 CORPUS_DIR
    python fuzz/fuzz_read.py -runs=20000            # a fixed number of inputs

``scripts/fuzz.sh`` seeds a corpus from tests/nasty_inputs.py and runs it; CI runs
a short budget through tests/test_fuzz_harness.py.
"""
from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from eventwire.errors import InputError
    from eventwire.readers import formats
    from eventwire.repair import repair_text, undo_repairs

KINDS = sorted(formats.READERS)


def test_one_input(data: bytes) -> None:
    if not data:
        return
    kind = KINDS[data[0] % len(KINDS)]
    try:
        for doc in formats.READERS[kind](data[1:], f"fuzz.{kind}"):
            raw = getattr(doc, "raw", None)
            if raw is not None:
                text, repairs = repair_text(raw)
                if undo_repairs(text, repairs) != raw:
                    raise AssertionError("repairs do not replay to the raw text")
    except InputError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
