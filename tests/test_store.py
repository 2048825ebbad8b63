import json

import pytest

from eventwire.errors import StoreError
from eventwire.store import Store, list_migrations
from eventwire.store.queries import list_rows


def test_migrations_apply_once(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        assert s.schema_version() == max(n for n, _, _ in list_migrations())
    with Store(db) as s:
        assert s.migrate() == []


def test_write_replaces_rows_atomically(example_docs):
    s = Store()
    s.write(example_docs)
    first = s.counts()
    s.write(example_docs)
    assert s.counts() == first
    assert first["articles"] == 7 and first["entities"] > 0


def test_document_round_trip(example_docs):
    s = Store()
    s.write(example_docs[:1])
    doc = s.document(example_docs[0].id)
    assert doc.to_dict() == example_docs[0].to_dict()
    assert doc.raw == example_docs[0].raw


def test_listing_filters_are_parameters(example_docs):
    s = Store()
    s.write(example_docs)
    hostile = "x' OR 1=1; DROP TABLE articles; --"
    assert list_rows(s, "articles", {"outlet": hostile}) == []
    assert s.counts()["articles"] == 7
    assert len(list_rows(s, "articles", {"outlet": "Xinhua"})) == 1
    assert len(list_rows(s, "articles", {"search": "tear gas"})) == 1


def test_failed_write_leaves_old_rows(example_docs, monkeypatch):
    s = Store()
    s.write(example_docs)
    before = s.counts()
    import eventwire.store as store_mod

    def broken(docs):
        rows = store_mod.document_rows(docs)
        rows["entities"][0]["start"] = "not a number"
        return rows

    monkeypatch.setattr(store_mod, "document_rows", broken)
    with pytest.raises(Exception):
        s.write(example_docs)
    assert s.counts() == before


def test_corrupt_file_is_a_clear_error(tmp_path):
    p = tmp_path / "bad.duckdb"
    p.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as e:
        Store(p)
    assert str(p) in str(e.value)


def test_read_only_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "none.duckdb", read_only=True)


def test_articles_stored_before_headlines_get_one(tmp_path, monkeypatch):
    import eventwire.store as store_mod

    every = store_mod.list_migrations()
    db = tmp_path / "old.duckdb"
    with monkeypatch.context() as m:  # a store made before migration 012
        m.setattr(store_mod, "list_migrations", lambda: [x for x in every if x[0] < 12])
        with Store(db) as s:
            s.con.execute("INSERT INTO articles (id, title, text) VALUES ('a', NULL, 'Quake hits Qeshm\nMore.'), "
                          "('b', 'Given title', 'Body.')")
    with Store(db) as s:
        rows = s.query("SELECT id, headline FROM articles ORDER BY id")
    assert rows == [{"id": "a", "headline": "Quake hits Qeshm"}, {"id": "b", "headline": "Given title"}]
