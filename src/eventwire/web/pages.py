"""The HTML views. Each page URL also answers JSON (send ``Accept:
application/json``): the same data the page renders, which is what the
matching ``/api`` route returns.

Pages are rendered on the server with Jinja2; the charts (timeline, network,
map) are drawn in the browser by small scripts in ``static/`` from the JSON
embedded in the page, so no page needs a second request or any third-party
code.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from markupsafe import Markup

from ..headline import headline
from ..store import queries
from . import stories, views
from .api import ID
from .jsonio import FastJSON, dumps
from .params import Page, filters_of, page_links, paging, reject_unknown

router = APIRouter(dependencies=[Depends(reject_unknown)], include_in_schema=False)

QUAD = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
OPTIONS = {
    "quad_class": [("", "any")] + [(str(k), f"{k} {v}") for k, v in QUAD.items()],
    "modality": [("", "any")] + [(m, m) for m in queries.MODALITIES],
    "negated": [("", "any"), ("false", "happened"), ("true", "negated")],
    "direct": [("", "any"), ("true", "direct"), ("false", "indirect")],
    "kind": [("", "any")] + [(k, k) for k in ("country", "admin1", "city", "region", "other")],
}
DATE_FIELDS = ("date_from", "date_to")


def fields(kind: str, values: dict[str, Any], exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Form fields for listing ``kind``'s filters, filled with the request's values."""
    spec = queries.LISTINGS[kind]
    return [{"name": n, "label": n.replace("_", " "), "help": h, "value": values.get(n, ""),
             "options": OPTIONS.get(n), "type": "date" if n in DATE_FIELDS else "text"}
            for n, h in spec.filters.items() if n not in exclude and n != "article"]


def wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def script_json(obj: Any) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` element (no ``</script>`` break-out)."""
    s = dumps(obj)
    return Markup(s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def respond(request: Request, template: str, data: dict[str, Any], **context: Any):
    if wants_json(request):
        return FastJSON(data)
    ctx = {"data": data, "json_data": script_json(data), "quad": QUAD, **context}
    return request.app.state.templates.TemplateResponse(request, template, ctx)


def _list_page(request: Request, kind: str, template: str, data: dict[str, Any], page: Page, title: str,
               **extra: Any):
    data = {**data, **page_links(request, page, data["total"])}
    return respond(request, template, data, page=kind, title=title,
                   fields=fields(kind, data["filters"]), **extra)


@router.get("/")
def home(request: Request):
    reader = request.app.state.reader
    data = {**views.overview(reader),
            "recent": views.listing(reader, "articles", {}, 10, 0)["rows"]}
    return respond(request, "home.html", data, page="home", title="eventwire")


@router.get("/search")
def search(request: Request, q: str = Query("", max_length=200)):
    data = views.search(request.app.state.reader, q) if q.strip() else {"q": q}
    return respond(request, "search.html", data, page="search", title=f"Search: {q}" if q else "Search")


@router.get("/articles")
def articles(request: Request, filters=Depends(filters_of("articles")), page: Page = Depends(paging)):
    data = views.listing(request.app.state.reader, "articles", filters, page.limit, page.offset)
    return _list_page(request, "articles", "articles.html", data, page, "Articles")


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str = ID()):
    data = views.article(request.app.state.reader, article_id)
    rec = data["record"]
    return respond(request, "article.html", data, page="articles", title=headline(rec), rec=rec,
                   actors={a["id"]: a for a in rec.get("actors") or []})


@router.get("/events")
def events(request: Request, filters=Depends(filters_of("events")), page: Page = Depends(paging)):
    data = views.listing(request.app.state.reader, "events", filters, page.limit, page.offset)
    csv_url = str(request.url.replace(path="/api/events.csv").remove_query_params(["limit", "offset"]))
    return _list_page(request, "events", "events.html", data, page, "Events", csv_url=csv_url)


@router.get("/actors")
def actors(request: Request, filters=Depends(filters_of("actors")), page: Page = Depends(paging)):
    data = views.actors(request.app.state.reader, filters, page.limit, page.offset)
    return _list_page(request, "actors", "actors.html", data, page, "Actors")


@router.get("/quotes")
def quotes(request: Request, filters=Depends(filters_of("quotes")), page: Page = Depends(paging)):
    data = views.listing(request.app.state.reader, "quotes", filters, page.limit, page.offset)
    return _list_page(request, "quotes", "quotes.html", data, page, "Quotes")


@router.get("/places")
def places(request: Request, filters=Depends(filters_of("places")), page: Page = Depends(paging)):
    data = views.listing(request.app.state.reader, "places", filters, page.limit, page.offset)
    return _list_page(request, "places", "places.html", data, page, "Places")


@router.get("/dyad")
def dyad(request: Request, a: str = Query("", max_length=200), b: str = Query("", max_length=200),
         directed: bool = Query(False),
         filters=Depends(filters_of("events", exclude=("actor", "source", "target")))):
    reader = request.app.state.reader
    if a.strip() and b.strip():
        data = views.dyad(reader, a, b, filters, directed=directed)
    else:  # nothing chosen yet: offer the busiest pairs
        busiest = views.network(reader, filters, node="code", limit=20)["edges"]
        data = {"a": a, "b": b, "directed": directed, "events": None, "filters": filters, "busiest": busiest}
    return respond(request, "dyad.html", data, page="dyad", title="Dyad timeline",
                   fields=fields("events", filters, exclude=("actor", "source", "target", "search")),
                   suggest=views.suggestions(reader, 300))


@router.get("/network")
def network(request: Request, filters=Depends(filters_of("events")),
            node: str = Query("code", pattern="^(code|name)$"), edges: int = Query(150, ge=1, le=2000)):
    data = views.network(request.app.state.reader, filters, node=node, limit=edges)
    return respond(request, "network.html", data, page="network", title="Actor network",
                   fields=fields("events", filters, exclude=("search",)), edges=edges)


@router.get("/map")
def map_(request: Request, filters=Depends(filters_of("events"))):
    from .world import land_cells

    data = views.map_data(request.app.state.reader, filters)
    return respond(request, "map.html", data, page="map", title="Map",
                   fields=fields("events", filters, exclude=("search",)),
                   land=script_json(land_cells()))


@router.get("/stories")
def story_list(request: Request, search: str | None = Query(None, max_length=200),
               page: Page = Depends(paging)):
    data = stories.list_stories(request.app.state.reader, page.limit, page.offset, search)
    data = {**data, **page_links(request, page, data["total"])}
    return respond(request, "stories.html", data, page="stories", title="Stories", search=search or "")


@router.get("/stories/{story_id}")
def story(request: Request, story_id: str = ID()):
    data = stories.story(request.app.state.reader, story_id)
    return respond(request, "story.html", data, page="stories", title=data["story"].get("title") or "Story")


@router.get("/merged-events/{event_id}")
def merged_event(request: Request, event_id: str = ID()):
    data = stories.event_readouts(request.app.state.reader, event_id)
    return respond(request, "merged_event.html", data, page="stories", title="Merged event")
