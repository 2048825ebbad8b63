"""The web UI in a real browser: headless Chromium (Debian's package) driven by
Playwright against the app on a free localhost port, with a store of the
example articles plus hand-annotated ones. Screenshots land in
artifacts/screenshots/ (git-ignored) for people to look at.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium (apt-get install chromium)"),
]
pytest.importorskip("playwright")
pytest.importorskip("pytest_playwright")
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """The system chromium, never a downloaded one (`playwright install` needs the network)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM,
            "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="module")
def server(tmp_path_factory, example_docs):
    import uvicorn

    from eventwire.web import create_app
    from web_support import make_store

    db = make_store(tmp_path_factory.mktemp("ui") / "ui.duckdb", example_docs)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the app did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture
def ui(page, server):
    """A page that fails the test on any script error or blocked resource (CSP)."""
    problems = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.set_default_timeout(10_000)
    page.set_viewport_size({"width": 1400, "height": 950})
    yield page
    assert not problems, problems


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def pact_id():
    from web_support import corpus

    return corpus()[0]


def test_home_shows_the_store(ui, server):
    ui.goto(server + "/")
    assert ui.locator(".stat").first.is_visible()
    assert "articles" in ui.locator(".stats").inner_text().lower()
    assert ui.locator("text=Recent articles").is_visible()
    shot(ui, "home")


def test_article_view_traces_an_event_to_its_words(ui, server):
    doc = pact_id()
    ui.goto(f"{server}/articles/{doc.id}")
    assert ui.locator("#article-text .l-trigger").count() >= len(doc.events)
    assert ui.locator("#event-list .ev-card").count() == len(doc.events)
    ui.locator("#article-text .l-trigger", has_text="signed a trade agreement").first.click()
    panel = ui.locator("#event-detail")
    panel.wait_for(state="visible")
    table = panel.locator("table.evidence").first.inner_text()
    for words in ("signed a trade agreement", "Nigeria", "Ghana", "Monday", "Abuja", "the foreign ministry"):
        assert words in table
    assert ui.locator("#article-text .hl-source").first.inner_text() == "Nigeria"
    assert ui.locator("#article-text .hl-target").first.inner_text() == "Ghana"
    shot(ui, "article-event")
    # the negated event says so
    ui.locator("#event-list .ev-card", has_text="imposed tariffs").click()
    assert "negated" in panel.inner_text()
    # a quote and its speaker
    ui.locator("#quote-list .q-card").first.click()
    assert "new chapter" in " ".join(ui.locator("#article-text .hl-quote").all_inner_texts())
    # layers switch off
    ui.locator("#legend input[data-layer=actor]").uncheck()
    assert "show-actor" not in ui.locator("#article-text").get_attribute("class")


def test_event_link_opens_the_event(ui, server):
    doc = pact_id()
    ui.goto(f"{server}/articles/{doc.id}#ev-e3")
    ui.locator("#event-detail").wait_for(state="visible")
    assert "planned" in ui.locator("#event-detail").inner_text()


def test_example_article_view_loads(ui, server):
    ui.goto(server + "/articles?outlet=Reuters")
    ui.locator("#articles-table tbody a").first.click()
    ui.locator("#article-text").wait_for()
    assert "Macron" in ui.locator("#article-text").inner_text()
    shot(ui, "article-example")


def test_event_table_filters_and_csv(ui, server):
    ui.goto(server + "/events")
    all_rows = ui.locator("#events-table tbody tr").count()
    ui.select_option("form.filters select[name=quad_class]", "4")
    ui.click("form.filters button[type=submit]")
    ui.wait_for_url("**quad_class=4**")
    rows = ui.locator("#events-table tbody tr")
    assert 0 < rows.count() < all_rows
    assert all("Material conflict" in t for t in rows.all_inner_texts())
    shot(ui, "events-filtered")
    href = ui.locator("#csv-link").get_attribute("href")
    assert "quad_class=4" in href
    csv_text = ui.request.get(server + href if href.startswith("/") else href).text()
    assert csv_text.count("\n") - 1 == rows.count()


def test_dyad_timeline_draws_each_dated_event(ui, server):
    ui.goto(server + "/dyad")
    assert ui.locator("#busiest li").count() > 0  # the busiest pairs are offered before a choice
    ui.fill("input[name=a]", "NGA")
    ui.fill("input[name=b]", "GHA")
    ui.click("#dyad-form button[type=submit]")
    ui.locator("#dyad-chart svg").wait_for()
    dated = [t for t in ui.locator("#dyad-table tbody tr td:first-child").all_inner_texts() if t.strip()]
    assert ui.locator("#dyad-chart circle.dot").count() == len(dated) > 0
    assert ui.locator("#dyad-chart rect").count() > 0
    shot(ui, "dyad")


def test_network_draws_nodes_and_coloured_edges(ui, server):
    api = ui.request.get(server + "/api/network").json()
    ui.goto(server + "/network")
    ui.locator("#network-chart svg").wait_for()
    assert ui.locator("#network-chart [data-node]").count() == len(api["nodes"]) > 0
    colours = {ui.locator("#network-chart path.edge").nth(i).get_attribute("stroke")
               for i in range(ui.locator("#network-chart path.edge").count())}
    assert len(colours) >= 2  # cooperation and conflict differ
    shot(ui, "network")
    ui.select_option("form.filters select[name=quad_class]", "4")
    ui.click("form.filters button[type=submit]")
    ui.wait_for_url("**quad_class=4**")
    filtered = ui.request.get(server + "/api/network?quad_class=4").json()
    assert ui.locator("#network-chart [data-node]").count() == len(filtered["nodes"]) < len(api["nodes"])


def test_map_plots_event_locations(ui, server):
    api = ui.request.get(server + "/api/map").json()
    ui.goto(server + "/map")
    ui.locator("#map-chart svg").wait_for()
    assert ui.locator("#map-chart circle.event-dot").count() == len(api["events"]) > 0
    assert ui.locator("#map-chart .land rect").count() > 100
    ui.locator("#show-places").uncheck()
    assert ui.locator("#places-layer").get_attribute("visibility") == "hidden"
    shot(ui, "map")


@pytest.mark.parametrize("path, table", [("/actors", "#actors-table"), ("/quotes", "#quotes-table"),
                                         ("/places", "#places-table"), ("/articles", "#articles-table")])
def test_listing_pages_show_rows_and_filter(ui, server, path, table):
    ui.goto(server + path)
    before = ui.locator(f"{table} tbody tr").count()
    assert before > 0 and "No " not in ui.locator(f"{table} tbody tr").first.inner_text()
    first_input = ui.locator("form.filters input[type=text]").first
    first_input.fill("zzzz-nothing")
    ui.click("form.filters button[type=submit]")
    ui.wait_for_url("**zzzz-nothing**")
    assert "No " in ui.locator(f"{table} tbody").inner_text()


def test_search_from_the_header(ui, server):
    ui.goto(server + "/")
    ui.fill("header .search input", "Mahama")
    ui.press("header .search input", "Enter")
    ui.wait_for_url("**/search?q=Mahama")
    text = ui.locator("main").inner_text()
    assert "John Mahama" in text and "new chapter" in text
    shot(ui, "search")


def test_story_view_shows_accounts_side_by_side(ui, server):
    from web_support import corpus

    ui.goto(server + "/stories")
    ui.locator("#stories-table tbody a", has_text="Nigeria and Ghana").first.click()
    ui.locator("#accounts").wait_for()
    headings = ui.locator("#accounts .account h3").all_inner_texts()
    assert {d.source.outlet for d in corpus()} <= set(headings)
    boxes = [ui.locator("#accounts .account").nth(i).bounding_box() for i in range(2)]
    assert boxes[0]["y"] == boxes[1]["y"] and boxes[0]["x"] < boxes[1]["x"]  # side by side
    assert ui.locator("#story-articles li").count() == len(corpus())
    shot(ui, "story")
    ui.locator("#merged-events tbody a").first.click()
    ui.locator("#accounts").wait_for()
    assert "mentions" in ui.locator("main .meta").inner_text()
