"""Article and sentence tone from the VADER lexicon."""
from eventwire.components.tone import document_tone
from eventwire.document import Document, Sentence


def _doc(text: str) -> Document:
    doc = Document.from_raw(text)
    cut = text.index(". ") + 1
    doc.sentences = [Sentence(0, cut), Sentence(cut + 1, len(text))]
    return doc


def test_sentence_and_article_tone():
    doc = _doc("The talks were a great success and both sides praised the friendly agreement. "
               "Rebels killed dozens of civilians in a brutal, horrific attack.")
    tone = document_tone(doc)
    assert doc.sentences[0].tone > 0.5 and doc.sentences[1].tone < -0.5
    assert -1.0 <= tone.score <= 1.0 and 0.0 <= tone.negative <= 1.0 and 0.0 <= tone.positive <= 1.0
    assert tone.positive > 0 and tone.negative > 0


def test_tone_in_record_and_store(seed_doc):
    rec = seed_doc.to_dict()
    assert rec["tone"] is not None
    assert any(s.get("tone") is not None for s in rec["sentences"])
    from eventwire.store import Store

    store = Store(":memory:")
    store.write([seed_doc])
    got = store.con.execute("SELECT count(*) FROM sentences WHERE tone IS NOT NULL").fetchone()[0]
    assert got > 0
