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
    from eventwire.components.nlp import SelectiveAnnotator, load_model

    nlp = load_model()
    annotate = SelectiveAnnotator(nlp, lambda d: ["Russia" in s.text for s in d.sents])
    (sdoc, chosen), = annotate(["Rain fell all day. Russia attacked Ukraine on Monday. It was cold."])
    sents = list(sdoc.sents)
    assert len(sents) == 3 and chosen == {1}
    assert {t.dep_ for t in sents[1]} >= {"nsubj", "dobj"}
    assert sents[1][1].lemma_ == "attack" and sents[1][1].pos_ == "VERB"
    assert {t.dep_ for t in sents[0]} <= {"", "ROOT"} and not any(t.pos_ for t in sents[2])
    assert {"Russia", "Ukraine", "Monday"} <= {e.text for e in sdoc.ents}  # NER ran everywhere


def test_selector_reads_surface_forms():
    """Inflected triggers and speech verbs are found without tags; a sentence with no actor is skipped."""
    from eventwire.components.nlp import load_model
    from eventwire.events.patterns import load_patterns
    from eventwire.events.selection import LemmaCandidates, SentenceSelector

    nlp = load_model()
    sel = SentenceSelector(load_patterns(), LemmaCandidates(nlp.get_pipe("lemmatizer").lookups))
    with nlp.select_pipes(enable=["ner"]):
        sdoc = dict(nlp.components)["senter"](nlp("Rebels attacked the town. The weather was mild. The bridge was finished on Monday. "
                   "A spokesman says the talks failed."))
    assert sel.choose(sdoc) == [True, False, False, True]


def test_selected_stage_chooses_quotes_and_knowledge_base_actors():
    """A sentence inside a quotation, and one whose only actors are knowledge-base role
    nouns ("the banks", "the company"), are parsed; a sentence about the weather is not."""
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp"]}, "components": {"nlp": {"parse": "selected"}}})
    text = ('The weather was mild on Monday. “We will fight on. Nothing will stop us,” he said.\n'
            "The banks and the company signed an agreement.")
    docs = [eventwire.Document.from_raw(text)]
    for _, fn in pipe.steps:
        fn(docs)
    doc = docs[0]
    parsed = [doc.text[s.start:s.end] for i, s in enumerate(doc.sentences) if i in doc.user_data["parsed_sentences"]]
    assert "The weather was mild on Monday." not in parsed
    assert any("Nothing will stop us" in p for p in parsed)
    assert "The banks and the company signed an agreement." in parsed


def test_long_text_is_annotated_in_pieces_with_its_own_offsets():
    """A text over PIECE_CHARS goes through spaCy in pieces; the joined Doc has the input's
    exact text, entities at the input's offsets, and sentences on both sides of each cut."""
    from eventwire.components.nlp import PIECE_CHARS, load_model, piece_bounds, pipe_in_pieces

    para = "Russian forces attacked Kharkiv on Monday, officials in Kyiv said. "
    text = (para * 40 + "\n") * (PIECE_CHARS // (len(para) * 40) + 2) + "Angela Merkel visited Paris."
    bounds = piece_bounds(text)
    assert len(bounds) > 1 and bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b - a <= PIECE_CHARS for a, b in bounds) and all(text[b - 1] == "\n" for _, b in bounds[:-1])
    nlp = load_model()
    (doc,) = pipe_in_pieces(nlp.pipe, [text], 16)
    assert doc.text == text
    assert all(text[e.start_char:e.end_char] == e.text for e in doc.ents)
    assert {"Merkel", "Paris"} <= {w for e in doc.ents for w in e.text.split()}
    cut = bounds[0][1]
    assert any(s.start_char == cut for s in doc.sents)  # a sentence starts at the cut
    assert piece_bounds("x" * (PIECE_CHARS + 5)) == [(0, PIECE_CHARS), (PIECE_CHARS, PIECE_CHARS + 5)]
