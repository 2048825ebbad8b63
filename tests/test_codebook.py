"""The generated CAMEO/PLOVER codebook: complete, in range, consistent."""
from eventwire.events.codebook import load_codebook

PLOVER_EVENTS = {"STATEMENT", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
                 "ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION",
                 "COERCE", "ASSAULT"}


def test_all_twenty_roots_and_around_300_codes():
    cb = load_codebook()
    assert sorted(cb.roots()) == [f"{i:02d}" for i in range(1, 21)]
    assert len(cb) > 300


def test_every_code_maps_to_plover_and_goldstein_in_range():
    for c in load_codebook():
        assert c.plover_event in PLOVER_EVENTS, c
        assert -10.0 <= c.goldstein <= 10.0, c
        assert c.code.startswith(c.root)


def test_quad_class_follows_root():
    expect = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for c in load_codebook():
        assert int(c.root) in expect[c.quad_class], c


def test_known_facts():
    cb = load_codebook()
    assert cb["041"].plover == {"event": "CONSULT", "mode": "phone", "context": None}
    assert cb["163"].plover_event == "COERCE"
    assert cb["190"].goldstein == -10.0
    assert cb["0211"].plover_basis == "parallel:10x"
