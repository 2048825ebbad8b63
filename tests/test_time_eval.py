"""``eventwire eval time``: TimeML scoring on a fast subset by default, the full dev set when slow tests run."""
from __future__ import annotations

import pytest

from eventwire.evaluation import below_floor, run_task
from eventwire.evaluation.time_task import (load_meantime_timeml, load_timeml, meantime_files, normalise_value,
                                            score_timeml, tbaq_files)


def test_timeml_loader_keeps_offsets(shared_dir):
    doc = load_timeml(tbaq_files(shared_dir / "data")[0])
    assert doc.dct and doc.timexes
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text and t.text.strip()


def test_meantime_scores_the_title_and_not_the_date_line(shared_dir):
    """MEANTIME annotates times in the title ("... since 1992") but not the date line, which is the
    creation time: a year in the title counts, the date line's date is no false positive."""
    path = next(p for p in meantime_files(shared_dir / "data") if p.name.startswith("31965_"))
    doc = load_meantime_timeml(path)
    title = doc.text.split("\n", 1)[0]
    assert any(t.text == "1992" and t.end <= len(title) for t in doc.timexes)
    metrics, errors = score_timeml([doc], parse=False)
    assert not any("'1992'" in e or "'January 27, 2006'" in e for e in errors)


def test_equivalent_values_compare_equal():
    assert normalise_value("2000-W7") == normalise_value("2000-W07")
    assert normalise_value("199X") == normalise_value("199")
    assert normalise_value("P1DE") == normalise_value("P10Y")
    assert normalise_value("1989-10-27T24") == normalise_value("1989-10-27T24:00")


def test_subset_scores(shared_dir):
    # 32 documents spread over TimeBank and AQUAINT, lexical tense only: about a second
    res = run_task("time", shared_dir / "data", limit=32, parse=False)
    assert res.metrics["documents"] == 32
    assert res.metrics["relaxed_f1"] >= 0.92
    assert res.metrics["value_f1"] >= 0.80
    assert res.metrics["spec_accuracy"] >= 0.65
    assert res.metrics["meantime_relaxed_f1"] >= 0.80
    assert res.metrics["dateline_accuracy"] >= 0.9


@pytest.mark.slow
def test_full_dev_set_meets_floors(shared_dir):
    res = run_task("time", shared_dir / "data")
    assert res.metrics["documents"] == 256
    assert below_floor(res) == []
