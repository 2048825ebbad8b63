"""The issue's "done" list on the seed article, end to end through the default pipeline."""
from __future__ import annotations


def _events(doc, root=None, src=None, tgt=None):
    out = []
    for e in doc.events:
        if root and not e.cameo.startswith(root):
            continue
        if src and not any(a.country == src or a.code == src for a in e.source):
            continue
        if tgt and not any(a.country == tgt or a.code == tgt for a in e.target):
            continue
        out.append(e)
    return out


def _well_formed(doc, e):
    assert doc.text[e.trigger.start:e.trigger.end] == e.trigger.text
    for a in e.source + e.target:
        assert doc.text[a.start:a.end]
    assert -10 <= e.goldstein <= 10 and e.quad_class in (1, 2, 3, 4)
    assert e.plover["event"] and 0 < e.confidence < 1
    assert e.cameo_root == e.cameo[:2]


def test_phone_call_chn_rus(seed_doc):
    calls = _events(seed_doc, "04", "CHN", "RUS") + _events(seed_doc, "04", "RUS", "CHN")
    assert any(e.cameo == "041" for e in calls)
    e = next(e for e in calls if e.cameo == "041")
    _well_formed(seed_doc, e)
    assert e.quad_class == 1 and e.plover["event"] == "CONSULT"
    assert any(r["name"] == "CCTV" for r in e.reported_by)


def test_invasion_rus_ukr(seed_doc):
    inv = [e for e in _events(seed_doc, None, "RUS", "UKR") if e.quad_class == 4]
    assert inv and not inv[0].negated
    _well_formed(seed_doc, inv[0])


def test_support_both_ways(seed_doc):
    assert [e for e in _events(seed_doc, "05", "CHN", "RUS") if not e.negated]
    assert [e for e in _events(seed_doc, "05", "RUS", "CHN") if not e.negated]


def test_us_presses_xi(seed_doc):
    press = [e for e in _events(seed_doc, None, "USA", "CHN") if e.cameo_root in ("02", "10")]
    assert press
    _well_formed(seed_doc, press[0])


def test_sanctions_on_russia_and_beijing_negated(seed_doc):
    sanc = _events(seed_doc, "16", None, "RUS")
    imposers = {a.country or a.code for e in sanc if not e.negated for a in e.source}
    assert {"USA", "JPN", "IGOEU"} <= imposers
    beijing = [e for e in sanc if any(a.country == "CHN" for a in e.source)]
    assert beijing and all(e.negated for e in beijing)
    for e in sanc:
        _well_formed(seed_doc, e)
        assert e.quad_class == 4 and e.goldstein < 0


def test_record_carries_versions(seed_doc):
    assert seed_doc.pipeline.get("codebook") and seed_doc.pipeline.get("patterns")
