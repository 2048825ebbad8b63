"""Request parameters shared by the API and the HTML pages.

The filters of each listing are declared once, in
:data:`eventwire.store.queries.LISTINGS`; :func:`filters_of` turns them into
a FastAPI dependency (so they appear, documented, in the OpenAPI spec) that
returns a plain ``{name: value}`` dict for the query functions. Paging and
the refusal of unknown parameters live here too, so every route behaves the
same.
"""
from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from fastapi import Query, Request

from ..store.queries import LISTINGS, MAX_FILTER_CHARS


def filters_of(kind: str, *, exclude: tuple[str, ...] = ()):
    """A dependency returning listing ``kind``'s filters given in the request."""
    spec = LISTINGS[kind]
    names = [n for n in spec.filters if n not in exclude]

    def dependency(**values: Any) -> dict[str, Any]:
        return {k: v for k, v in values.items() if v not in (None, "")}

    dependency.__signature__ = inspect.Signature([
        inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
                          default=Query(None, max_length=MAX_FILTER_CHARS, description=spec.filters[n]))
        for n in names])
    dependency.__name__ = f"{kind}_filters"
    return dependency


@dataclass
class Page:
    limit: int
    offset: int


def paging(request: Request,
           limit: int = Query(50, ge=1, description="Rows per page (at most the server's page limit, 500 "
                                                   "by default)."),
           offset: int = Query(0, ge=0, le=10_000_000, description="Rows to skip.")) -> Page:
    from .app import APIError

    most = request.app.state.limits.max_page
    if limit > most:
        raise APIError(400, "bad_parameter", f"limit is at most {most} rows per page; page with offset",
                       input="limit")
    return Page(limit, offset)


def reject_unknown(request: Request) -> None:
    """Refuse query parameters the route does not take (a typo must not silently match all)."""
    from .app import APIError

    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    allowed = getattr(route, "_eventwire_params", None)
    if allowed is None:
        allowed = set(_query_names(dependant))
        route._eventwire_params = allowed
    extra = sorted(set(request.query_params) - allowed)
    if extra:
        raise APIError(400, "unknown_parameter",
                       f"unknown parameter '{extra[0]}'; this URL takes: {', '.join(sorted(allowed)) or 'none'}",
                       input=extra[0])


def _query_names(dependant):
    """Names of every query parameter a route and its dependencies take."""
    for p in dependant.query_params:
        yield p.alias
    for sub in dependant.dependencies:
        yield from _query_names(sub)


def page_links(request: Request, page: Page, total: int) -> dict[str, Any]:
    """``next``/``prev`` URLs of a listing, keeping the request's other parameters."""
    def at(offset: int) -> str:
        return str(request.url.include_query_params(offset=offset, limit=page.limit))

    return {
        "next": at(page.offset + page.limit) if page.offset + page.limit < total else None,
        "prev": at(max(0, page.offset - page.limit)) if page.offset > 0 else None,
    }
