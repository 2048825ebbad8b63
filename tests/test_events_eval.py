"""The event coder's scores on the gold sets stay above their floors."""
import pytest

from conftest import needs_shared
from eventwire.evaluation import below_floor, run_task


@needs_shared
@pytest.mark.slow
def test_events_eval_meets_floors(shared_dir):
    res = run_task("events", shared_dir / "data")
    assert res.metrics["records"] > 150 and res.metrics["zero_shot_pairs"] > 1000
    assert below_floor(res) == []
    assert "confusion" in res.report


@needs_shared
def test_gsr_reader_and_code_normalisation(shared_dir):
    from eventwire.evaluation.events_task import load_gsr, norm_code

    recs = load_gsr(shared_dir / "data" / "events" / "plover_gsr_dev.json")
    assert len(recs) > 150 and all(r["event"] != "DOCUMENT" for r in recs)
    assert norm_code("JAP") == "JPN" and norm_code("rus") == "RUS"
