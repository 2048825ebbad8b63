"""Shared fixtures. Tests that need ../shared/data skip with a reason when it is absent."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def _shared() -> Path | None:
    env = os.environ.get("EVENTWIRE_SHARED")
    cand = Path(env) if env else ROOT.parent / "shared"
    return cand if (cand / "data").is_dir() else None


SHARED = _shared()
needs_shared = pytest.mark.skipif(SHARED is None, reason="needs the gold data in ../shared (not present)")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if SHARED is None:
        pytest.skip("needs the gold data in ../shared (not present)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir) -> Path:
    return shared_dir / "seeds" / "000_f8517dae2a80b0ae.txt"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import get_pipeline

    return get_pipeline()


@pytest.fixture(scope="session")
def seed_doc(seed_path, pipeline):
    import eventwire

    docs = [d for d in eventwire.read(seed_path, published="2022-06-15")]
    ok, failed = pipeline(docs)
    assert not failed
    return ok[0]


@pytest.fixture(scope="session")
def example_docs(pipeline):
    import eventwire

    docs = [d for d in eventwire.read(EXAMPLES) if isinstance(d, eventwire.Document)]
    ok, failed = pipeline(docs)
    assert not failed
    return ok
