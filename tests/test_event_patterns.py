"""The pattern files load, name only known codes, and cover every CAMEO root."""
import pytest

from eventwire.errors import PatternError
from eventwire.events.codebook import load_codebook
from eventwire.events.patterns import load_patterns, load_patterns_from, parse_phrase


def test_patterns_cover_all_roots():
    pats = load_patterns()
    roots = {p.code[:2] for table in pats.by_head.values() for ps in table.values() for p in ps}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(pats.version) == 12


def test_phrase_syntax():
    assert parse_phrase("noun", "phone call") == ("call", ("phone",), (), None)
    assert parse_phrase("noun", "call for") == ("call", (), ("for",), None)
    assert parse_phrase("verb", "call +on") == ("call", (), (), "on")
    assert parse_phrase("verb", "impose sanction") == ("impose", (), ("sanction",), None)


def test_unknown_code_is_a_clear_error(tmp_path):
    (tmp_path / "cues.toml").write_text("[defaults]\nverb_target = []\n")
    (tmp_path / "x.toml").write_text('[[pattern]]\ncode = "999"\nverbs = ["frobnicate"]\n')
    with pytest.raises(PatternError, match="999"):
        load_patterns_from(tmp_path, load_codebook())


def test_maps_name_known_codes():
    pats = load_patterns()
    cb = load_codebook()
    for table in ("intent", "threat", "request", "reject"):
        assert pats.map_code(table, "0841") in cb


def test_everyday_senses_of_trigger_words_are_no_events(pipeline):
    """cues.toml other_senses: 'ordered new aircraft', 'enter service', 'charging customers more'."""
    from eventwire.document import Document

    doc = Document.from_raw("Air Canada ordered 30 new aircraft from Boeing. The jet will enter service in May. "
                            "Apple was charging customers in Britain 10 percent more. Airbus won 35 new orders. "
                            "Nissan sales dropped 30%. The firm held 19 percent of the market. "
                            "Russian troops entered Ukraine on Thursday.")
    pipeline([doc])
    assert [(e.cameo, e.trigger.text) for e in doc.events] == [("190", "entered")]
