"""The JSON API (``/api/...``), described by the OpenAPI spec at ``/api/openapi.json``.

Every route is GET, every list pages with ``limit``/``offset`` and answers
``{"rows", "total", "limit", "offset", "next", "prev", "filters"}``.
"""
from __future__ import annotations

import csv
import io
from typing import Any, Iterator

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from ..store import queries
from . import stories, views
from .jsonio import FastJSON
from .params import Page, filters_of, page_links, paging, reject_unknown

router = APIRouter(prefix="/api", dependencies=[Depends(reject_unknown)])

def ID() -> Any:  # noqa: N802 - reads as a type in signatures
    """A path id (a fresh ``Path`` per parameter: FastAPI must not share one between two)."""
    return Path(..., max_length=128, pattern=r"^[A-Za-z0-9_.:\-]+$", description="An id from a listing.")


def _paged(request: Request, page: Page, data: dict[str, Any]) -> FastJSON:
    return FastJSON({**data, **page_links(request, page, data["total"])})


@router.get("", summary="What the store holds")
def index(request: Request) :
    ov = views.overview(request.app.state.reader)
    return FastJSON({**ov, "openapi": "/api/openapi.json",
                     "endpoints": sorted(request.app.openapi()["paths"])})


@router.get("/search", summary="Articles, actors, events and quotes matching a text")
def search(request: Request, q: str = Query(..., min_length=1, max_length=200)) :
    return FastJSON(views.search(request.app.state.reader, q))


@router.get("/suggest", summary="Known actor names, codes and outlets (for filter boxes)")
def suggest(request: Request) :
    return FastJSON(views.suggestions(request.app.state.reader))


@router.get("/articles", summary="Articles")
def articles(request: Request, filters=Depends(filters_of("articles")), page: Page = Depends(paging)):
    return _paged(request, page, views.listing(request.app.state.reader, "articles", filters,
                                               page.limit, page.offset))


@router.get("/articles/{article_id}", summary="One article: its record, highlighted runs and event evidence")
def article(request: Request, article_id: str = ID()):
    return FastJSON(views.article(request.app.state.reader, article_id))


@router.get("/articles/{article_id}/events/{event_id}", summary="One event and the words behind each field")
def event(request: Request, article_id: str = ID(), event_id: str = ID()):
    return FastJSON(views.event(request.app.state.reader, article_id, event_id))


@router.get("/events", summary="Coded events")
def events(request: Request, filters=Depends(filters_of("events")), page: Page = Depends(paging)):
    return _paged(request, page, views.listing(request.app.state.reader, "events", filters,
                                               page.limit, page.offset))


CSV_COLUMNS = queries.LISTINGS["events"].columns + [
    "cameo_root", "plover_event", "date_text", "place_name", "place_country", "place_lat", "place_lon",
    "trigger_start", "trigger_end", "sentence"]


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV
    injection); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


@router.get("/events.csv", summary="Coded events as CSV (same filters; up to the server's CSV limit)",
            response_class=StreamingResponse)
def events_csv(request: Request, filters=Depends(filters_of("events")),
               limit: int = Query(10_000, ge=1, description="Rows (at most the server's CSV limit, "
                                                            "100000 by default).")):
    from .app import APIError

    most = request.app.state.limits.max_csv_rows
    if limit > most:
        raise APIError(400, "bad_parameter", f"CSV downloads are at most {most} rows", input="limit")
    rows = queries.list_rows(request.app.state.reader, "events", filters, limit=limit, columns=CSV_COLUMNS)

    def body() -> Iterator[str]:
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
        w.writeheader()
        for i, r in enumerate(rows, 1):
            w.writerow({k: _cell(v) for k, v in r.items()})
            if i % 1000 == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    return StreamingResponse(body(), media_type="text/csv; charset=utf-8",
                             headers={"content-disposition": 'attachment; filename="events.csv"'})


@router.get("/actors", summary="Actors across articles, with article, mention and event counts")
def actors(request: Request, filters=Depends(filters_of("actors")), page: Page = Depends(paging)):
    return _paged(request, page, views.actors(request.app.state.reader, filters, page.limit, page.offset))


@router.get("/quotes", summary="Quotes with speakers")
def quotes(request: Request, filters=Depends(filters_of("quotes")), page: Page = Depends(paging)):
    return _paged(request, page, views.listing(request.app.state.reader, "quotes", filters,
                                               page.limit, page.offset))


@router.get("/places", summary="Places mentioned in articles")
def places(request: Request, filters=Depends(filters_of("places")), page: Page = Depends(paging)):
    return _paged(request, page, views.listing(request.app.state.reader, "places", filters,
                                               page.limit, page.offset))


@router.get("/dyad", summary="Events between two actors over time (Goldstein, QuadClass)")
def dyad(request: Request, a: str = Query(..., min_length=1, max_length=200, description="First actor."),
         b: str = Query(..., min_length=1, max_length=200, description="Second actor."),
         directed: bool = Query(False, description="Only events with a as source and b as target."),
         filters=Depends(filters_of("events", exclude=("actor", "source", "target")))):
    return FastJSON(views.dyad(request.app.state.reader, a, b, filters, directed=directed))


@router.get("/network", summary="Who acts on whom: actors and event-weighted edges")
def network(request: Request, filters=Depends(filters_of("events")),
            node: str = Query("code", pattern="^(code|name)$", description="Group actors by code or name."),
            edges: int = Query(200, ge=1, le=2000, description="Most edges returned (heaviest first).")):
    return FastJSON(views.network(request.app.state.reader, filters, node=node, limit=edges))


@router.get("/map", summary="Event locations, and places mentioned")
def map_(request: Request, filters=Depends(filters_of("events"))):
    return FastJSON(views.map_data(request.app.state.reader, filters))


@router.get("/stories", summary="Story clusters (when the store has them)")
def story_list(request: Request, search: str | None = Query(None, max_length=200),
               page: Page = Depends(paging)):
    data = stories.list_stories(request.app.state.reader, page.limit, page.offset, search)
    return _paged(request, page, data)


@router.get("/stories/{story_id}", summary="One story: articles, merged events, each source's account side by side")
def story(request: Request, story_id: str = ID()):
    return FastJSON(stories.story(request.app.state.reader, story_id))


@router.get("/merged-events/{event_id}", summary="One real event merged across articles, with each source's account")
def merged_event(request: Request, event_id: str = ID()):
    return FastJSON(stories.event_readouts(request.app.state.reader, event_id))
