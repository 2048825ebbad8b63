"""The story evaluation on ECB+: B³ against sub-topics, floors enforced on the full set (slow)."""
import pytest

from conftest import needs_shared
from eventwire.evaluation import below_floor, run_task
from eventwire.evaluation.stories_task import b_cubed


def test_b_cubed_on_known_clusterings():
    gold = ["a", "a", "b", "b"]
    assert b_cubed(["x", "x", "y", "y"], gold) == (1.0, 1.0, 1.0)
    p, r, f = b_cubed(["x", "x", "x", "x"], gold)
    assert (p, r) == (0.5, 1.0) and abs(f - 2 / 3) < 1e-9
    p, r, _ = b_cubed(["1", "2", "3", "4"], gold)
    assert (p, r) == (1.0, 0.5)


@pytest.mark.slow  # runs the pipeline over ~30 documents
@needs_shared
def test_ecbplus_split_numbers_and_initials_are_rejoined():
    from eventwire.evaluation.ecbplus import rejoin_split_tokens

    def rejoin(text):
        return " ".join(rejoin_split_tokens(text.split()))

    assert rejoin("magnitude - 5 . 9 shook") == "magnitude - 5.9 shook"
    assert rejoin("Posted 11 / 27 / 2005 7 : 21 AM") == "Posted 11/27/2005 7:21 AM"
    assert rejoin("home to 120 , 000 people") == "home to 120,000 people"
    assert rejoin("U . S . Geological Survey at 7 : 15 a . m .") == "U.S. Geological Survey at 7:15 a.m."
    assert rejoin("on March 3 , 2008 , in") == "on March 3 , 2008 , in"  # a date's comma is written
    assert rejoin("Plan a . I said") == "Plan a . I said"


def test_stories_eval_subset_separates_same_kind_events(shared_dir):
    # two small topics: each holds two real events of the same kind
    res = run_task("stories", shared_dir / "data", topics=["16", "20"], seeds=1, batch_size=10)
    assert res.metrics["subtopics"] == 4 and res.metrics["documents"] >= 25
    assert res.metrics["subtopic_b3_f1"] >= 0.6
    assert res.metrics["topic_b3_precision"] >= 0.9


@pytest.mark.slow
@needs_shared
def test_stories_eval_meets_floor(shared_dir):
    res = run_task("stories", shared_dir / "data")
    assert res.metrics["documents"] > 400
    assert below_floor(res) == []
