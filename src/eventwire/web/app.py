"""The eventwire web app: a JSON API and the HTML views over one store.

Built by :func:`create_app`. What guards it (issue 11):

* read-only: the store is opened read-only and only GET/HEAD routes exist;
* every value a request carries reaches SQL as a bound parameter
  (:mod:`eventwire.store.queries`), and is checked first: bad values,
  unknown parameters and oversized pages get a 4xx answer;
* every error, whatever raised it, has one JSON shape
  ``{"error": {"status", "code", "message", "input"}}`` (the datasette idea);
  HTML pages show the same message in a page;
* limits: page size, query time (:class:`~eventwire.web.db.Reader`), URL and
  request body size;
* static files come from one packaged folder through Starlette's
  ``StaticFiles``, which refuses paths outside it;
* security headers on every response, with a Content Security Policy that
  allows only this origin's scripts and styles (no inline script).
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .._version import __version__
from ..errors import EventwireError, ParameterError, StoreError
from .db import QueryTimeout, Reader
from .views import NotFound

HERE = Path(__file__).parent
log = logging.getLogger("eventwire.web")

SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "geolocation=(), camera=(), microphone=(), interest-cohort=()",
}


@dataclass(frozen=True)
class Limits:
    """What one request may ask of the server."""

    max_page: int = 500           # rows per JSON page
    max_csv_rows: int = 100_000   # rows per CSV download
    query_timeout: float = 10.0   # seconds per store query
    max_body: int = 16_384        # bytes of request body (the API reads none)
    max_query_string: int = 4_096  # bytes of URL query string


class APIError(EventwireError):
    """An error with an HTTP status, raised by route code."""

    def __init__(self, status: int, code: str, message: str, *, input: str | None = None):
        super().__init__(message, input=input, code=code)
        self.status = status


_STATUS = {NotFound: 404, ParameterError: 400, QueryTimeout: 503, StoreError: 500}


def names(value: Any) -> str:
    """``[{"name": ...}, ...]`` (or its JSON text, as the store keeps it) as "a, b"."""
    import json

    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    return ", ".join(str(v.get("name")) for v in value or [] if isinstance(v, dict) and v.get("name"))


def error_body(status: int, code: str, message: str, input: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message, "input": input}}


def wants_html(request: Request) -> bool:
    """HTML for browsers on non-API paths; JSON for everything else."""
    if request.url.path.startswith("/api"):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept


class Guard:
    """Pure ASGI middleware: size limits before routing, security headers after."""

    def __init__(self, app, limits: Limits, allowed_hosts: tuple[str, ...] | None = None):
        self.app = app
        self.limits = limits
        self.allowed_hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        problem = None
        host = headers.get(b"host", b"").decode("latin-1").lower()
        host = host.rsplit(":", 1)[0] if host.count(":") == 1 or host.startswith("[") and "]:" in host else host
        if self.allowed_hosts is not None and host not in self.allowed_hosts:
            problem = (400, "bad_host", "this server answers only to " + ", ".join(sorted(self.allowed_hosts)))
        elif len(scope.get("query_string") or b"") > self.limits.max_query_string:
            problem = (414, "uri_too_long", f"the query string is longer than {self.limits.max_query_string} bytes")
        else:
            try:
                length = int(headers.get(b"content-length", b"0") or 0)
            except ValueError:
                length = -1
            if length < 0:
                problem = (400, "bad_request", "the Content-Length header is not a number")
            elif length > self.limits.max_body:
                problem = (413, "too_large", f"request bodies are limited to {self.limits.max_body} bytes")

        async def guarded_receive():
            message = await receive()
            if message["type"] == "http.request":
                guarded_receive.seen += len(message.get("body", b""))
                if guarded_receive.seen > self.limits.max_body:
                    raise APIError(413, "too_large", f"request bodies are limited to {self.limits.max_body} bytes")
            return message
        guarded_receive.seen = 0

        head = scope["method"] == "HEAD"
        if head:  # answered as GET without the body
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message):
            if head and message["type"] == "http.response.body":
                if message.get("more_body"):
                    return
                message = {**message, "body": b""}
            if message["type"] == "http.response.start":
                hdrs = list(message.get("headers") or [])
                present = {k.lower() for k, _ in hdrs}
                hdrs += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message = {**message, "headers": hdrs}
            await send(message)

        if problem:
            status, code, msg = problem
            resp = JSONResponse(error_body(status, code, msg), status_code=status)
            return await resp(scope, receive, send_with_headers)
        return await self.app(scope, guarded_receive, send_with_headers)


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")


def create_app(db: str | Path, *, limits: Limits | None = None,
               allowed_hosts: tuple[str, ...] | None = None) -> FastAPI:
    """The app serving store ``db`` read-only.

    ``allowed_hosts``: the Host header values answered (others get a 400);
    ``eventwire serve`` on a loopback address allows only loopback names, so a
    web page elsewhere cannot reach the store through DNS rebinding.
    """
    from fastapi.templating import Jinja2Templates

    from . import api, pages

    limits = limits or Limits()
    reader = Reader(db, query_timeout=limits.query_timeout)

    @asynccontextmanager
    async def lifespan(app):
        yield
        reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire", version=__version__,
        description=("A sourced, queryable record of world events read from news articles. Every "
                     "list takes `limit` and `offset`; every error has the shape "
                     '`{"error": {"status", "code", "message", "input"}}`.'),
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.reader = reader
    app.state.limits = limits
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals["version"] = __version__
    templates.env.filters["names"] = names
    app.state.templates = templates

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def render_error(request: Request, status: int, code: str, message: str, input: str | None = None):
        if wants_html(request):
            return templates.TemplateResponse(request, "error.html",
                                              {"status": status, "code": code, "message": message,
                                               "input": input, "page": "error"}, status_code=status)
        return JSONResponse(error_body(status, code, message, input), status_code=status)

    @app.exception_handler(APIError)
    async def _api_error(request: Request, exc: APIError):
        return render_error(request, exc.status, exc.code, exc.message, exc.input)

    @app.exception_handler(EventwireError)
    async def _lib_error(request: Request, exc: EventwireError):
        status = next((_STATUS[cls] for cls in type(exc).__mro__ if cls in _STATUS), 500)
        return render_error(request, status, exc.code, exc.message, exc.input)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ()) if x not in ("query", "path", "body")]
        msg = first.get("msg", "invalid request")
        return render_error(request, 422, "bad_parameter", f"{'.'.join(loc) or 'request'}: {msg}",
                            ".".join(loc) or None)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        codes = {404: "not_found", 405: "method_not_allowed"}
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        if exc.status_code == 405:
            message = "this server is read-only: only GET and HEAD are allowed"
        return render_error(request, exc.status_code, codes.get(exc.status_code, "http_error"), message)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return render_error(request, 500, "internal", "the server failed on this request; see its log")

    app.add_middleware(Guard, limits=limits, allowed_hosts=allowed_hosts)
    return app
