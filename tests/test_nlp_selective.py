"""The nlp stage's selective parsing keeps sentences, entities and events."""
import pytest

import eventwire
from eventwire.pipeline import Pipeline

STAGES = ["repair", "nlp", "actors", "events"]


@pytest.fixture(scope="module")
def seed_both(seed_path):
    out = {}
    for mode in ("all", "selected"):
        pipe = Pipeline({"pipeline": {"components": STAGES}, "components": {"nlp": {"parse": mode}}})
        docs = list(eventwire.read(seed_path, published="2022-06-15"))
        for _, fn in pipe.steps:
            fn(docs)
        out[mode] = docs[0]
    return out


def _keys(doc):
    return {(e.trigger.start, e.cameo, tuple(a.actor for a in e.source), tuple(a.actor for a in e.target), e.negated)
            for e in doc.events}


def test_selected_parse_finds_the_same_events(seed_both):
    full, sel = seed_both["all"], seed_both["selected"]
    assert full.user_data.get("parsed_sentences") is None
    assert _keys(full) <= _keys(sel)  # no loss
    assert [e.text for e in sel.entities] == [e.text for e in full.entities]


def test_unselected_sentences_keep_their_boundaries():
    from eventwire.components.nlp import load_model, parse_selected

    nlp = load_model(selective=True)
    sdoc = nlp("Rain fell all day. Russia attacked Ukraine on Monday. It was cold.")
    chosen = parse_selected(sdoc, nlp.get_pipe("parser"), lambda s: "Russia" in s.text)
    sents = list(sdoc.sents)
    assert len(sents) == 3 and chosen == [1]
    assert {t.dep_ for t in sents[1]} >= {"nsubj", "dobj"}
    assert {t.dep_ for t in sents[0]} <= {"", "ROOT"}
