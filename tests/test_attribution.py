"""Per-sentence sourcing (eventwire.attribution) on sentences written for these tests."""
import pytest

from eventwire.attribution import sentence_sources, sources_for
from eventwire.document import Document
from eventwire.pipeline import Pipeline


@pytest.fixture(scope="module")
def parse():
    """repair + nlp, keeping the spaCy parse in user_data (a full pipeline run clears it)."""
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp"]}})

    def run(text: str) -> Document:
        doc = Document.from_raw(text)
        for _, fn in pipe.steps:
            fn([doc])
        return doc

    return run


def _names(sources):
    return [(s["name"], s["role"]) for s in sources]


def test_according_to_wraps_the_speaker(parse):
    doc = parse("“We will not retreat,” Merkel said on Monday, according to the Reuters report.")
    srcs = sentence_sources(doc, 0)
    assert ("Merkel", "speaker") in _names(srcs)
    assert ("Reuters", "according_to") in _names(srcs)
    i = doc.text.index("retreat")
    assert _names(sources_for(doc, i, i + 7)) == [("Merkel", "speaker"), ("Reuters", "according_to")]


def test_report_noun_speaks_for_its_author(parse):
    doc = parse("A White House statement said the senator argued that the bill was unfair.")
    srcs = _names(sentence_sources(doc, 0))
    assert ("White House", "according_to") in srcs
    assert ("the senator", "speaker") in srcs
    i = doc.text.index("unfair")
    assert [n for n, _ in _names(sources_for(doc, i, i + 6))] == ["the senator", "White House"]


def test_apposed_media_source_and_offsets(parse):
    text = "The ministry closed the border, state broadcaster NHK reported."
    doc = parse(text)
    (src,) = sentence_sources(doc, 0)
    assert src["name"] == "NHK" and text[src["start"]:src["end"]] == "NHK"
    assert src["cue"]["text"] == "reported" and src["actor"] is None
    i = text.index("closed")
    assert [s["name"] for s in sources_for(doc, i, i + 6)] == ["NHK"]


def test_pronoun_speaker_resolves_to_the_previous_subject(parse):
    doc = parse("Prime Minister Jacinda Ardern met the envoy on Tuesday. She told reporters that talks went well.")
    (src,) = sentence_sources(doc, 1)
    assert src["text"] == "She" and src["name"] == "Jacinda Ardern"


def test_plain_statement_has_no_source(parse):
    doc = parse("Troops crossed the river at dawn and shelled the town.")
    assert sentence_sources(doc, 0) == []
