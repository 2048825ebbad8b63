

def test_attribution_and_audience_are_never_targets(pipeline):
    """'according to X' names who tells of the event; 'told reporters that Y must ...' is a demand on Y."""
    from eventwire.document import Document

    doc = Document.from_raw("Several protesters were injured by police in Nairobi, according to the Kenya Red Cross. "
                            "Macron told reporters that Russia must withdraw its troops from Ukraine.")
    pipeline([doc])
    targets = {(e.trigger.text, doc.text[a.start:a.end]) for e in doc.events for a in e.target}
    assert not any("Red Cross" in t for _, t in targets)
    assert not any(t == "reporters" for _, t in targets)
    assert ("told", "Russia") in targets
