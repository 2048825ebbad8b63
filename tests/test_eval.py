import pytest

from eventwire.evaluation import below_floor, run_task
from conftest import needs_shared


@needs_shared
def test_repair_eval_meets_floor(shared_dir):
    res = run_task("repair", shared_dir / "data")
    assert res.metrics["expected_pass"] > 100
    assert below_floor(res) == []
    assert res.metrics["round_trip"] == 1.0


@needs_shared
def test_quotes_eval_fast_subset(shared_dir):
    """The first 8 PolNeAR dev articles: the scorer runs end to end and finds most direct quotes."""
    res = run_task("quotes", shared_dir / "data", limit=8)
    m = res.metrics
    assert m["articles"] == 8 and m["gold"] > 30
    assert 0.0 <= m["precision"] <= 1.0 and 0.0 <= m["recall"] <= 1.0
    assert m["direct_recall"] >= 0.8 and m["f1"] >= 0.5


@needs_shared
@pytest.mark.slow
def test_quotes_eval_meets_floor(shared_dir):
    res = run_task("quotes", shared_dir / "data")
    assert res.metrics["articles"] == 84
    assert below_floor(res) == []
