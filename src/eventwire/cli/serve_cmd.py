"""``eventwire serve --db FILE``: the web UI and JSON API over a store."""
from __future__ import annotations

import ipaddress

import click

from . import handle_errors, main


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command("serve")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file (opened read-only).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The default is reachable from this machine only; 0.0.0.0 opens the "
                   "server to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--page-limit", default=500, show_default=True, type=click.IntRange(1, 100_000),
              help="Most rows one API page may ask for.")
@click.option("--query-timeout", default=10.0, show_default=True, type=click.FloatRange(0.1, 600),
              help="Seconds a store query may run before it is stopped.")
@click.option("--migrate", is_flag=True,
              help="First apply any store migrations this version has and the store lacks (the one write).")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@handle_errors
def serve(db, host, port, page_limit, query_timeout, migrate, log_level):
    """Serve the store --db: web UI at http://HOST:PORT/, JSON API under /api.

    The store is opened read-only, so `eventwire run` cannot write to the same
    file while this runs (DuckDB allows one writer or many readers).
    """
    import uvicorn

    from ..store import Store
    from ..web import Limits, create_app
    from ..web.app import LOOPBACK_HOSTS

    if migrate:
        with Store(db, read_only=True):
            pass  # exists and is an eventwire store: never create one here
        with Store(db) as store:
            click.echo(f"eventwire: store at schema version {store.schema_version()}", err=True)

    loopback = _is_loopback(host)
    app = create_app(db, limits=Limits(max_page=page_limit, query_timeout=query_timeout),
                     allowed_hosts=LOOPBACK_HOSTS + (host,) if loopback else None)
    if not loopback:
        click.echo(f"eventwire: warning: listening on {host}: anyone who can reach this address can read "
                   "the store", err=True)
    click.echo(f"eventwire: serving {db} at http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False,
                limit_concurrency=200, timeout_keep_alive=5, h11_max_incomplete_event_size=16_384)
