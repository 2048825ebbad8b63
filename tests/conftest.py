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


# -- helpers for the scale and fault tests ------------------------------------
_PLACES = ("Nairobi", "Lima", "Oslo", "Hanoi", "Quito", "Accra", "Riga", "Dhaka", "Tunis", "Sofia")


def write_articles(folder: Path, n: int, *, start: int = 0, per_file: int = 1, repeat: int = 1) -> list[Path]:
    """``n`` distinct short news-like articles as .txt (seed layout) or .jsonl files (``per_file`` > 1);
    ``repeat`` makes each article that many times longer."""
    import json

    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for i in range(start, start + n):
        a, b = _PLACES[i % len(_PLACES)], _PLACES[(i * 7 + 3) % len(_PLACES)]
        texts.append(f"Officials in {a} said on Monday that talks with a delegation from {b} would resume "
                     f"next week after article {i} of the series. The minister told reporters that "
                     f"{i % 5 + 2} agreements were ready to sign, while protesters gathered outside. " * repeat)
    paths = []
    if per_file == 1:
        for i, t in enumerate(texts, start):
            p = folder / f"a{i:05d}.txt"
            p.write_text(f"Testwire\n{t}\n", encoding="utf-8")
            paths.append(p)
    else:
        for k in range(0, n, per_file):
            p = folder / f"batch{start + k:05d}.jsonl"
            p.write_text("".join(json.dumps({"text": t, "outlet": "Testwire", "published": "2024-03-0"
                                             + str(1 + j % 9)}) + "\n"
                                 for j, t in enumerate(texts[k:k + per_file])), encoding="utf-8")
            paths.append(p)
    return paths


_VOLATILE = {"processed_at", "run_id", "occurred_at", "read_at"}


def store_snapshot(db) -> dict:
    """Every table's rows (volatile columns dropped), sorted: equal snapshots, equal stores."""
    from eventwire.store import Store
    from eventwire.store.rows import ANNOTATION_TABLES

    with Store(db, read_only=True) as s:
        out = {}
        for table in ("articles",) + ANNOTATION_TABLES + ("inputs",):
            rows = s.query(f"SELECT * FROM {table}")
            out[table] = sorted(tuple(sorted((k, str(v)) for k, v in r.items() if k not in _VOLATILE))
                                for r in rows)
        return out


@pytest.fixture(scope="session")
def repair_only_config(tmp_path_factory) -> Path:
    """A pipeline of the repair stage alone: workers start in well under a second."""
    p = tmp_path_factory.mktemp("cfg") / "repair_only.toml"
    p.write_text('[pipeline]\ncomponents = ["repair"]\n', encoding="utf-8")
    return p
