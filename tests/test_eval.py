from eventwire.evaluation import below_floor, run_task
from conftest import needs_shared


@needs_shared
def test_repair_eval_meets_floor(shared_dir):
    res = run_task("repair", shared_dir / "data")
    assert res.metrics["expected_pass"] > 100
    assert below_floor(res) == []
    assert res.metrics["round_trip"] == 1.0
