"""The HTTP API in-process: every endpoint, its filters, its errors and its limits."""
from __future__ import annotations

import csv
import io

import pytest

fastapi = pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from eventwire.store import Store  # noqa: E402
from eventwire.store.queries import LISTINGS  # noqa: E402
from eventwire.web import Limits, create_app  # noqa: E402
from web_support import corpus, make_store  # noqa: E402


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, example_docs):
    return make_store(tmp_path_factory.mktemp("web") / "web.duckdb", example_docs)


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def expected(web_db):
    """What the store holds, read directly (not through the API)."""
    with Store(web_db, read_only=True) as s:
        return {"counts": s.counts(),
                "events": s.query("SELECT * FROM events"),
                "articles": s.query("SELECT id, outlet, published FROM articles")}


def _rows(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text
    return r.json()


def test_index_counts_match_the_store(client, expected):
    data = _rows(client, "/api")
    for table in ("articles", "events", "quotes", "places"):
        assert data["counts"][table] == expected["counts"][table]
    assert "/api/events" in data["endpoints"] and "/api/dyad" in data["endpoints"]


def test_articles_listing_pages_and_filters(client, expected):
    n = len(expected["articles"])
    first = _rows(client, "/api/articles?limit=4")
    assert first["total"] == n and len(first["rows"]) == 4 and first["next"] and first["prev"] is None
    second = client.get(first["next"]).json()
    assert second["offset"] == 4 and {r["id"] for r in second["rows"]}.isdisjoint(r["id"] for r in first["rows"])
    outlet = expected["articles"][0]["outlet"]
    rows = _rows(client, f"/api/articles?outlet={outlet}")["rows"]
    assert rows and all(r["outlet"] == outlet for r in rows)
    dated = [a["published"] for a in expected["articles"] if a["published"]]
    lo = min(dated).isoformat()
    rows = _rows(client, f"/api/articles?date_from={lo}&date_to={lo}")["rows"]
    assert rows and all(r["published"] == lo for r in rows)


@pytest.mark.parametrize("flt, check", [
    ("quad_class=4", lambda e: e["quad_class"] == 4),
    ("negated=true", lambda e: e["negated"] is True),
    ("negated=false", lambda e: e["negated"] is False),
    ("modality=planned", lambda e: e["modality"] == "planned"),
    ("root=05", lambda e: e["cameo"].startswith("05")),
    ("code=14", lambda e: e["cameo"].startswith("14")),
    ("actor=GHA", lambda e: "GHA" in (e["source_code"] or "") + (e["target_code"] or "")),
    ("date_from=2024-04-01&date_to=2024-04-30", lambda e: e["date"] and "2024-04-01" <= e["date"] <= "2024-04-30"),
])
def test_event_filters_select_exactly_the_matching_events(client, expected, flt, check):
    data = _rows(client, f"/api/events?{flt}&limit=500")
    assert data["rows"], flt
    assert all(check(e) for e in data["rows"])
    everything = _rows(client, "/api/events?limit=500")["rows"]
    assert data["total"] == sum(1 for e in everything if check(e))


def test_event_outlet_country_and_place_filters(client):
    rows = _rows(client, "/api/events?outlet=Accra Herald&limit=500")["rows"]
    assert rows and len({r["article_id"] for r in rows}) == 1
    assert _rows(client, "/api/events?country=NGA")["total"] > 0
    assert _rows(client, "/api/events?place=Accra")["total"] == len(corpus())


def test_article_segments_rebuild_the_text_and_evidence_matches_offsets(client):
    doc = corpus()[0]
    data = _rows(client, f"/api/articles/{doc.id}")
    assert "".join(s["text"] for s in data["segments"]) == doc.text
    triggers = {k for s in data["segments"] for k in s["layers"].get("trigger", [])}
    assert triggers == {e.id for e in doc.events}
    for eid, ev in data["evidence"].items():
        located = [i for i in ev["evidence"] if i["start"] is not None]
        assert any(i["field"] == "trigger" for i in located)
        for item in located:
            assert item["words"] == doc.text[item["start"]:item["end"]]
            assert item["matches"], item
    pact = data["evidence"]["e0"]["evidence"]
    fields = {i["field"]: i["words"] for i in pact}
    assert fields["date"] == "Monday" and fields["place"] == "Abuja"
    assert fields["reported_by[0]"] == "the foreign ministry"


def test_event_endpoint_and_not_found(client):
    doc = corpus()[0]
    data = _rows(client, f"/api/articles/{doc.id}/events/e2")
    assert data["event"]["negated"] is True
    assert data["sentence"]["text"] in doc.text
    r = client.get(f"/api/articles/{doc.id}/events/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    r = client.get("/api/articles/" + "0" * 64)
    assert r.status_code == 404 and r.json()["error"]["status"] == 404


def test_events_csv_has_every_matching_row(client):
    r = client.get("/api/events.csv?quad_class=1")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == _rows(client, "/api/events?quad_class=1")["total"] > 0
    assert {r["quad_class"] for r in rows} == {"1"}


def test_csv_cells_cannot_become_spreadsheet_formulas():
    from eventwire.web.api import _cell

    assert _cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("@SUM(A1)") == "'@SUM(A1)" and _cell("-8 dead") == "'-8 dead"
    assert _cell(-8.0) == -8.0 and _cell("met") == "met" and _cell(None) is None


def test_actor_summary_counts_articles(client):
    rows = _rows(client, "/api/actors?code=NGA")["rows"]
    nga = next(r for r in rows if r["code"] == "NGA")
    assert nga["articles"] == len(corpus()) and nga["events"] > 0


def test_quotes_and_places(client):
    q = _rows(client, "/api/quotes?speaker=Mahama")
    assert q["total"] == len(corpus()) and all("West Africa" in r["text"] for r in q["rows"])
    p = _rows(client, "/api/places?name=Accra")
    assert p["total"] >= len(corpus()) and all(r["name"] == "Accra" for r in p["rows"])


def test_dyad_timeline_both_ways_and_directed(client):
    both = _rows(client, "/api/dyad?a=NGA&b=GHA")["events"]
    directed = _rows(client, "/api/dyad?a=NGA&b=GHA&directed=true")["events"]
    assert len(both) > len(directed) > 0
    days = [e["day"] for e in both if e["day"]]
    assert days == sorted(days)
    assert all(e["source_code"].startswith("NGA") for e in directed)


def test_network_edges_weigh_non_negated_events(client, expected):
    data = _rows(client, "/api/network")
    counted = [e for e in expected["events"] if not e["negated"] and e["source_code"] and e["target_code"]]
    assert sum(e["events"] for e in data["edges"]) == len(counted)
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in data["edges"])
    by_name = _rows(client, "/api/network?node=name")
    assert any(n["id"] == "Nigeria" for n in by_name["nodes"])


def test_map_points_have_coordinates(client):
    data = _rows(client, "/api/map")
    assert {p["name"] for p in data["events"]} >= {"Abuja", "Accra"}
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in data["events"] + data["places"])


def test_search_finds_each_kind(client):
    data = _rows(client, "/api/search?q=Mahama")
    assert data["actors"]["total"] and data["events"]["total"] and data["quotes"]["total"]
    assert data["articles"]["total"] == len(corpus())


def test_story_puts_the_sources_accounts_side_by_side(client):
    ids = {d.id for d in corpus()}
    listing = _rows(client, "/api/stories?limit=100")
    assert listing["available"] and listing["total"] == len(listing["rows"]) > 0
    pact = next(s for s in listing["rows"] if s["n_articles"] == len(ids))
    story = _rows(client, f"/api/stories/{pact['story_id']}")
    assert {a["article_id"] for a in story["articles"]} == ids
    outlets = {d.source.outlet for d in corpus()}
    assert outlets <= {r["account"] for r in story["readouts"]}
    event = _rows(client, f"/api/merged-events/{story['events'][0]['event_id']}")
    assert event["mentions"] and event["readouts"]
    for url in (f"/stories/{pact['story_id']}", f"/merged-events/{story['events'][0]['event_id']}"):
        assert client.get(url, headers={"accept": "text/html"}).status_code == 200
    assert client.get("/api/stories/st_nope").status_code == 404
    assert client.get("/api/merged-events/ev_nope").status_code == 404


def test_stories_view_says_what_is_missing_in_an_older_store(tmp_path, example_docs):
    from eventwire.store import Store

    db = tmp_path / "old.duckdb"
    with Store(db) as s:
        s.write(example_docs[:2])
        for t in ("event_mentions", "merged_events", "stories", "story_articles"):
            s.con.execute(f"DROP TABLE {t}")
    with TestClient(create_app(db)) as c:
        data = c.get("/api/stories").json()
        assert data["available"] is False and "stories" in data["message"]
        assert c.get("/stories", headers={"accept": "text/html"}).status_code == 200
        assert c.get("/api/stories/x").status_code == 404
        assert "stories" not in c.get("/api").json()["counts"]


# -- one URL, HTML or JSON ----------------------------------------------------

PAGES = ["/", "/articles", "/events", "/actors", "/quotes", "/places", "/dyad?a=NGA&b=GHA", "/network", "/map",
         "/stories", "/search?q=Ghana"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_html_with_security_headers(client, url):
    r = client.get(url, headers={"accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
    assert "<script>" not in r.text  # no inline script: the CSP would block it


def test_page_url_also_serves_json(client):
    page = client.get("/events?quad_class=4", headers={"accept": "application/json"}).json()
    api = client.get("/api/events?quad_class=4").json()
    assert page["rows"] == api["rows"] and page["total"] == api["total"]


def test_article_page_highlights_events_and_quotes(client):
    doc = corpus()[0]
    html = client.get(f"/articles/{doc.id}", headers={"accept": "text/html"}).text
    assert html.count('class="ev-card"') == len(doc.events)
    assert 'data-ev="e0"' in html and "l-quote" in html and "l-time" in html and "l-place" in html


def test_openapi_documents_the_filters(client):
    spec = _rows(client, "/api/openapi.json")
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert set(LISTINGS["events"].filters) <= params and {"limit", "offset"} <= params


# -- hostile and bad requests (issue 11) --------------------------------------

INJECTIONS = ["' OR 1=1 --", "x'); DROP TABLE events; --", "\" OR \"\"=\"", "%' UNION SELECT * FROM articles --",
              "1; ATTACH 'evil.db' AS e", "../../etc/passwd", "<script>alert(1)</script>", "NGA\u202e", "%", "_"]


def test_injection_strings_in_every_filter_are_only_values(client, web_db, expected):
    listings = {"articles": "/api/articles", "events": "/api/events", "quotes": "/api/quotes",
                "actors": "/api/actors", "places": "/api/places"}
    statuses = set()
    for kind, url in listings.items():
        for name in LISTINGS[kind].filters:
            for bad in INJECTIONS:
                r = client.get(url, params={name: bad})
                statuses.add(r.status_code)
                assert r.status_code in (200, 400), (url, name, bad, r.text)
                body = r.json()
                if r.status_code == 200:
                    assert body["total"] == 0 or name in ("search", "name", "actor", "source", "target",
                                                          "speaker", "place", "according_to", "cue"), (url, name, bad)
                else:
                    assert body["error"]["input"] == name
    for url in ("/api/dyad?a={0}&b={0}", "/api/search?q={0}", "/api/network?actor={0}", "/api/map?outlet={0}"):
        for bad in INJECTIONS:
            assert client.get(url.format(bad)).status_code in (200, 400)
    with Store(web_db, read_only=True) as s:
        assert s.counts() == expected["counts"]


@pytest.mark.parametrize("url, status, code", [
    ("/api/events?quad_class=7", 400, "bad_parameter"),
    ("/api/events?date_from=yesterday", 400, "bad_parameter"),
    ("/api/events?negated=maybe", 400, "bad_parameter"),
    ("/api/events?modality=rumoured", 400, "bad_parameter"),
    ("/api/events?quadclass=1", 400, "unknown_parameter"),
    ("/api/events?limit=0", 422, "bad_parameter"),
    ("/api/events?limit=501", 400, "bad_parameter"),
    ("/api/events?offset=-1", 422, "bad_parameter"),
    ("/api/events.csv?limit=1000000", 400, "bad_parameter"),
    ("/api/network?node=sql", 422, "bad_parameter"),
    ("/api/events?actor=" + "x" * 300, 422, "bad_parameter"),
    ("/api/dyad?a=NGA", 422, "bad_parameter"),
    ("/api/articles/..%2F..%2Fetc", 404, "not_found"),
    ("/api/nothing", 404, "not_found"),
])
def test_bad_requests_get_one_json_error_shape(client, url, status, code):
    r = client.get(url)
    assert r.status_code == status, r.text
    err = r.json()["error"]
    assert set(err) == {"status", "code", "message", "input"}
    assert err["status"] == status and err["code"] == code and err["message"]


def test_read_only_methods_and_request_size_limits(client):
    r = client.post("/api/events", content=b"{}")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"
    assert client.delete("/api/articles").status_code == 405
    r = client.post("/api/events", content=b"x" * 100_000)
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
    r = client.get("/api/events?actor=" + "a" * 5000)
    assert r.status_code == 414 and r.json()["error"]["code"] == "uri_too_long"


@pytest.mark.parametrize("path", ["/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                  "/static/..%2f..%2fapp.py", "/static//etc/passwd", "/static/%2fetc%2fpasswd"])
def test_static_files_cannot_escape_their_folder(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "fastapi" not in r.text.lower() or "error" in r.text


def test_html_error_pages_escape_what_the_request_said(client):
    r = client.get("/articles/<script>alert(1)</script>", headers={"accept": "text/html"})
    assert r.status_code in (404, 422) and "<script>alert(1)" not in r.text


def test_reader_is_read_only_and_queries_time_out(web_db):
    from eventwire.errors import StoreError
    from eventwire.web.db import QueryTimeout, Reader

    reader = Reader(web_db, query_timeout=0.2)
    try:
        with pytest.raises(StoreError):
            reader.query("CREATE TABLE intruder (a INTEGER)")
        with pytest.raises(StoreError):
            reader.query("DELETE FROM articles")
        with pytest.raises(QueryTimeout):
            reader.query("SELECT count(*) FROM range(100000000000) a")
        assert reader.query("SELECT count(*) AS n FROM articles")[0]["n"] > 0
    finally:
        reader.close()


def test_head_is_answered_like_get_without_a_body(client):
    r = client.head("/api/events")
    assert r.status_code == 200 and r.content == b"" and r.headers["x-frame-options"] == "DENY"


def test_a_query_past_the_time_limit_is_a_503_json_error(web_db, monkeypatch):
    from eventwire.web.db import QueryTimeout, Reader

    def slow(self, sql, params=()):
        raise QueryTimeout("the query took longer than 10 s; narrow the filters or lower the page size")

    with TestClient(create_app(web_db)) as c:
        monkeypatch.setattr(Reader, "query", slow)
        r = c.get("/api/events")
    assert r.status_code == 503 and r.json()["error"]["code"] == "query_timeout"


def test_loopback_server_refuses_other_host_names(web_db):
    from eventwire.web.app import LOOPBACK_HOSTS

    with TestClient(create_app(web_db, allowed_hosts=LOOPBACK_HOSTS), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api").status_code == 200
        assert c.get("/api", headers={"host": "localhost:8000"}).status_code == 200
        r = c.get("/api", headers={"host": "attacker.example:8000"})
        assert r.status_code == 400 and r.json()["error"]["code"] == "bad_host"


def test_page_limit_is_configurable(web_db):
    with TestClient(create_app(web_db, limits=Limits(max_page=5))) as c:
        assert c.get("/api/events?limit=5").status_code == 200
        assert c.get("/api/events?limit=6").status_code == 400


def test_an_older_store_is_refused_until_migrated(tmp_path, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    import eventwire.store as store_mod
    from eventwire.cli import main
    from eventwire.errors import StoreError

    every = store_mod.list_migrations()
    db = tmp_path / "old.duckdb"
    with monkeypatch.context() as m:  # a store made by the version before the newest migration
        m.setattr(store_mod, "list_migrations", lambda: every[:-1])
        Store(db).close()
    with pytest.raises(StoreError, match="--migrate"):
        create_app(db)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    r = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert r.exit_code == 2 and "--migrate" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["serve", "--db", str(db), "--migrate"])
    assert r.exit_code == 0, r.output
    with Store(db, read_only=True) as s:
        assert s.schema_version() == every[-1][0]
    r = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "absent.duckdb"), "--migrate"])
    assert r.exit_code == 2 and not (tmp_path / "absent.duckdb").exists()


def test_serve_binds_loopback_by_default(monkeypatch, web_db):
    import uvicorn
    from click.testing import CliRunner

    from eventwire.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw))
    r = CliRunner().invoke(main, ["serve", "--db", web_db])
    assert r.exit_code == 0, r.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    r = CliRunner().invoke(main, ["serve", "--db", web_db, "--host", "0.0.0.0", "--port", "9001"])
    assert seen["host"] == "0.0.0.0" and "warning" in r.output
    r = CliRunner().invoke(main, ["serve", "--db", "/nonexistent/x.duckdb"])
    assert r.exit_code == 2 and "Traceback" not in r.output


def test_hostile_article_text_is_shown_as_text(tmp_path):
    from eventwire.store import Store
    from web_support import build

    evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>'
    doc = build(f"Kenya said {evil} on Monday.", outlet="<b>Evil</b>", published="2024-01-02",
                title=f"Title {evil}", actors={}, events=[])
    with Store(tmp_path / "x.duckdb") as s:
        s.write([doc])
    with TestClient(create_app(tmp_path / "x.duckdb")) as c:
        for url in (f"/articles/{doc.id}", "/articles", "/", "/search?q=Kenya"):
            html = c.get(url, headers={"accept": "text/html"}).text
            assert "<script>alert" not in html and "<img src=x" not in html and "<b>Evil" not in html, url
        assert c.get(f"/api/articles/{doc.id}").json()["record"]["text"].count("alert(1)") == 1


@pytest.fixture(scope="module")
def filter_urls():
    urls = {"articles": "/api/articles", "events": "/api/events", "quotes": "/api/quotes",
            "actors": "/api/actors", "places": "/api/places"}
    return [(url, name) for kind, url in urls.items() for name in LISTINGS[kind].filters]


def test_arbitrary_text_in_any_filter_never_breaks_the_server(client, filter_urls):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(filter_urls), st.text(max_size=60))
    def check(target, value):
        url, name = target
        r = client.get(url, params={name: value})
        assert r.status_code in (200, 400, 422), (url, name, value, r.text)
        body = r.json()
        assert ("rows" in body) if r.status_code == 200 else set(body["error"]) == {"status", "code", "message",
                                                                                      "input"}

    check()
