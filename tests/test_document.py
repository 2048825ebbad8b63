import json

import pytest

import eventwire
from eventwire.document import Document, content_id
from eventwire.schema import validate_record
from conftest import needs_shared


def test_examples_validate_against_schema(example_docs):
    assert len(example_docs) == 7
    for doc in example_docs:
        rec = doc.to_dict()
        assert validate_record(rec) == [], doc.source.path
        assert json.loads(json.dumps(rec)) == rec


def test_ids_are_content_hashes():
    a = eventwire.process("Troops crossed the border on Monday.  ")
    b = eventwire.process("Troops crossed the border\non Monday.")
    assert a.id == b.id == content_id("Troops crossed the border on Monday.")
    assert len(a.id) == 64


def test_round_trip_through_dict(example_docs):
    doc = example_docs[0]
    again = Document.from_dict(doc.to_dict())
    assert again.to_dict() == doc.to_dict()


def test_raw_offset_maps_through_repairs():
    doc = eventwire.process("“Yes,†he said. The cafÃ© opened.")
    assert doc.text == "“Yes,” he said. The café opened."
    i = doc.text.index("he said")
    assert doc.raw[doc.raw_offset(i):doc.raw_offset(i) + 7] == "he said"
    j = doc.text.index("opened")
    assert doc.raw[doc.raw_offset(j):].startswith("opened")


@needs_shared
def test_seed_record(seed_doc):
    rec = seed_doc.to_dict()
    assert validate_record(rec) == []
    assert rec["source"]["outlet"] == "Bloomberg"
    ents = {(e["text"], e["label"]) for e in rec["entities"]}
    assert ("Xi Jinping", "PERSON") in ents and ("Vladimir Putin", "PERSON") in ents
    for e in rec["entities"]:
        assert rec["text"][e["start"]:e["end"]] == e["text"]
    assert rec["pipeline"]["model"].startswith("en_core_web_sm")


def test_schema_catches_bad_offsets(example_docs):
    rec = example_docs[0].to_dict()
    rec["entities"] = [{"text": "nope", "start": 0, "end": 4, "label": "GPE", "actor": None}]
    assert any("not 'nope'" in e for e in validate_record(rec))
