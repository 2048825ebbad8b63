import gzip
import io
import json

import pytest

import eventwire
from eventwire.readers import ReadFailure


def _read(path, **kw):
    return list(eventwire.read(path, **kw))


def test_text_with_outlet_line(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Reuters\nThe minister met the envoy on Monday.\nMore text.\n", encoding="utf-8")
    (doc,) = _read(p)
    assert doc.source.outlet == "Reuters"
    assert doc.raw.startswith("The minister met")


def test_text_without_outlet_line(tmp_path):
    p = tmp_path / "b.txt"
    p.write_text("The minister met the envoy on Monday in the capital city.\nMore text.", encoding="utf-8")
    (doc,) = _read(p)
    assert doc.source.outlet is None
    assert doc.raw.startswith("The minister met")


@pytest.mark.parametrize("first, outlet", [
    ("The Times of India", "The Times of India"), ("nytimes.com", "nytimes.com"), ("Agence France-Presse", "Agence France-Presse"),
    ("Apple executive Steve Jobs resigns", None), ("Ten dead in southern Iran quake", None)])
def test_short_first_line_is_an_outlet_only_when_written_as_a_name(tmp_path, first, outlet):
    p = tmp_path / "d.txt"
    p.write_text(f"{first}\nThe minister met the envoy on Monday.\nMore text.\n", encoding="utf-8")
    (doc,) = _read(p)
    assert doc.source.outlet == outlet
    assert doc.raw.startswith("The minister met" if outlet else first)


def test_overrides(tmp_path):
    p = tmp_path / "c.txt"
    p.write_text("Reuters\nText of the article here.", encoding="utf-8")
    (doc,) = _read(p, published="2022-06-15", outlet="AP")
    assert (doc.source.published, doc.source.published_basis, doc.source.outlet) == ("2022-06-15", "argument", "AP")


def test_examples_all_formats(examples_dir):
    items = _read(examples_dir)
    assert all(isinstance(i, eventwire.Document) for i in items), [str(i) for i in items if not isinstance(i, eventwire.Document)]
    by_path = {d.source.path.split("/")[-1]: d for d in items}
    html = by_path["03_maritime_pact.html"]
    assert html.source.outlet == "Pacific Ledger" and html.source.published == "2024-03-14"
    assert "Most read" not in html.raw and "All rights reserved" not in html.raw
    feed = by_path["04_world_feed.xml#1"]
    assert feed.source.outlet == "Global Dispatch" and feed.source.published == "2024-05-07"
    assert feed.source.published_basis == "metadata"
    jl = by_path["05_wire_batch.jsonl:2"]
    assert jl.source.outlet == "Xinhua" and jl.source.url.startswith("https://")


def test_json_list_and_bad_records(tmp_path):
    p = tmp_path / "x.json"
    p.write_text(json.dumps([{"body": "Troops entered the town.", "source": "AFP"}, {"title": "no text"}, 3]))
    items = _read(p)
    assert isinstance(items[0], eventwire.Document) and items[0].source.outlet == "AFP"
    assert [i.code for i in items[1:]] == ["no_text", "malformed"]


def test_jsonl_goes_past_a_bad_line(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"text": "One."}\n{broken\n{"text": "Two."}\n')
    items = _read(p)
    assert [type(i).__name__ for i in items] == ["Document", "ReadFailure", "Document"]
    assert items[1].input.endswith("x.jsonl:2")


def test_warc(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    w = WARCWriter(out, gzip=True)
    html = b"<html><head><title>T</title></head><body><article><p>Rebels seized the airport on Friday, officials said. The army sent reinforcements to the region.</p></article></body></html>"
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://news.example.com/a", "response", payload=io.BytesIO(html),
                                        http_headers=headers))
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(out.getvalue())
    (doc,) = _read(p)
    assert "Rebels seized the airport" in doc.raw
    assert doc.source.url == "https://news.example.com/a"
    assert doc.source.published  # from WARC-Date


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 8, "binary"),
    ("bad.json", b'{"text": "unterminated', "malformed"),
    ("bad.xml", b"<rss><channel><item>", "malformed"),
    ("bomb.xml", b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>', "malformed"),
    ("bad.warc", b"WARC/1.0\r\nnonsense", "malformed"),
    ("annotated.xml", b'<?xml version="1.0"?><Document doc_id="1"><token t_id="1">GM</token></Document>',
     "malformed"),
    ("empty.rss", b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "no_text"),
    ("nothing.html", b"<html><body></body></html>", "no_text"),
    ("u16.txt", b"\xff\xfe" + b"\x00\xd8", "encoding"),
])
def test_bad_inputs_get_clear_errors(tmp_path, name, data, code):
    p = tmp_path / name
    p.write_bytes(data)
    (item,) = _read(p)
    assert isinstance(item, ReadFailure)
    assert item.code == code
    assert name in item.input and item.message


def test_xml_that_is_not_a_feed_is_named_as_such(tmp_path):
    p = tmp_path / "annotated.xml"
    p.write_bytes(b'<?xml version="1.0"?>\n<!-- corpus -->\n<Document doc_id="1"><token>GM</token></Document>')
    (item,) = _read(p)
    assert isinstance(item, ReadFailure)
    assert "not an RSS/Atom feed" in item.message and "<Document>" in item.message


def test_legacy_encoding_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le président français a rencontré le chancelier allemand à Berlin.".encode("cp1252"))
    (doc,) = _read(p)
    assert "président" in doc.raw


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 2000)
    (item,) = _read(p, max_bytes=1000)
    assert item.code == "too_large" and "limit" in item.message


def test_folder_with_good_and_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("Reuters\nPolice arrested two men.")
    (tmp_path / "bad.json").write_text("{")
    (tmp_path / "skip.bin").write_bytes(b"\x00\x01")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "good2.txt").write_text("Troops withdrew from the border.")
    items = _read(tmp_path)
    assert sorted(type(i).__name__ for i in items) == ["Document", "Document", "ReadFailure"]


def test_missing_path():
    (item,) = _read("/nonexistent/file.txt")
    assert item.code == "not_found"


def test_bad_published_argument():
    from eventwire.errors import ParameterError
    from eventwire.readers.dates import parse_published

    with pytest.raises(ParameterError, match="not a date"):
        parse_published("next tuesday-ish")


@pytest.mark.parametrize("text, outlet", [
    ("Washington (CNN)\nExxonMobil's chief is the leading candidate.", "CNN"),
    ("LONDON, Ky. (WKYT) - London Police have arrested two people.", "WKYT"),
    ("BEIJING (Reuters) — China said on Monday it would act.", "Reuters"),
    ("Paris (France) is where the talks were held.", None),
])
def test_a_wire_datelines_bracketed_name_is_the_outlet(tmp_path, text, outlet):
    p = tmp_path / "w.txt"
    p.write_text(text, encoding="utf-8")
    (doc,) = _read(p)
    assert doc.source.outlet == outlet
    assert doc.raw == text  # the dateline stays: its place is the article's
