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


def test_zero_shot_marks_keep_every_mention_of_an_actor():
    """The zero-shot set marks an actor named twice at both places; the coder must see both, or an
    event whose doer is the first mention has no marked source."""
    from eventwire.evaluation.events_task import _process, _strip_marks

    text, src, tgt = _strip_marks("<s>Chile</s> turned down a plea from <t>Peru</t> to reopen the pass, "
                                  "<s>Chile</s>'s foreign minister said.")
    assert text.startswith("Chile turned down") and [text[a:b] for a, b in src] == ["Chile", "Chile"]
    assert [text[a:b] for a, b in tgt] == ["Peru"]
    _, coded = _process([text], [[(src, "SRC", "SRC"), (tgt, "TGT", "TGT")]])
    assert any(e.source and e.target and e.source[0].code == "SRC" and e.target[0].code == "TGT"
               for e in coded[0])
