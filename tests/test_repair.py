from hypothesis import given, settings, strategies as st

from eventwire.repair import repair_text, undo_repairs
from conftest import needs_shared


def test_lossy_closing_quotes_are_restored():
    raw = "“We will act,†Xi said. He noted the “legitimacy of it.â€\nNext line."
    text, repairs = repair_text(raw)
    assert text == "“We will act,” Xi said. He noted the “legitimacy of it.”\nNext line."
    assert [r.rule for r in repairs] == ["lossy-utf8-quote-as-dagger", "lossy-utf8-closing-quote"]
    for r in repairs:
        assert text[r.start:r.end] == r.after
    assert undo_repairs(text, repairs) == raw


def test_curly_quotes_and_real_daggers_are_kept():
    raw = "She said “yes” and ‘no’. See note† below, and Ｆｕｌｌ width."
    text, repairs = repair_text(raw)
    assert text == raw
    assert repairs == []


def test_ordinary_mojibake_is_fixed_by_ftfy():
    text, repairs = repair_text("The cafÃ© opened.")
    assert text == "The café opened."
    assert repairs[0].before == "Ã©" and repairs[0].after == "é" and repairs[0].rule == "ftfy"


@needs_shared
def test_seed_quotes(seed_doc):
    text = seed_doc.text
    assert "concern,” Xi said" in text
    assert "external forces.”" in text
    assert "through negotiations.”" in text
    assert "â€" not in text and "†" not in text
    assert len(seed_doc.repairs) == 3
    assert text.count("’") >= 5  # curly apostrophes untouched


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab “”’â€†™Ã©\n ,.") + ["\u00e2\u20ac", "Ã©", "\u00e2\u20ac\u0153"]),
                max_size=40).map("".join))
def test_repairs_always_replay_to_raw(raw):
    text, repairs = repair_text(raw)
    assert undo_repairs(text, repairs) == raw
    for r in repairs:
        assert text[r.start:r.end] == r.after


def test_long_changed_stretch_is_one_bounded_repair():
    """A long line where ftfy changes a long run (found by fuzzing: unbounded recursion)."""
    w = "\u5b5b"
    raw = ("Police said. \u201cWe will not\u0220" + w * 6733 + "\u6200\u6100\u6300" + w * 1815
           + "\u6b00\u2000\u6400\u6f00\u2020\u6f00\u2000\u7300" + w * 2071 + "\u5e5e" * 17 + w * 310
           + "id." + w * 1660 + "[\x00\x00\x00" + w * 74)
    text, repairs = repair_text(raw)
    assert undo_repairs(text, repairs) == raw


def test_edits_inside_one_long_repair_become_one_repair():
    """Two glued daggers inside one long ftfy change (found by fuzzing): the second
    used to become a repair overlapping the first, and the text no longer replayed."""
    w = "\u5b5b"
    raw = "\u201c\u2000" + w * 1500 + "\u2020" + w * 500 + "\u2020" + w * 500 + "\x00\x00"
    text, repairs = repair_text(raw)
    assert undo_repairs(text, repairs) == raw
    spans = sorted((r.start, r.end) for r in repairs)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
