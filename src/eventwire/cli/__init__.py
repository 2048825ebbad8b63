"""The ``eventwire`` command: a thin shell over the library.

Library exceptions (:class:`~eventwire.errors.EventwireError`) become one-line
messages and exit code 2 here, at the outer edge, and nowhere else (the
sqlite-utils ``cli.py`` idea). Exit codes: 0 all good, 1 some inputs failed,
2 the command could not run.
"""
from __future__ import annotations

import functools
import json
import sys

import click

from .._version import __version__
from ..errors import EventwireError


def handle_errors(fn):
    """Turn library errors into a clean message and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except EventwireError as e:
            click.echo(f"eventwire: error: {e}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("eventwire: interrupted; what was written so far is kept", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: read news articles, extract a sourced record of world events."""


def emit_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


def _load_commands() -> None:
    """Import every ``*_cmd`` module here; each registers its commands on ``main``."""
    import importlib
    import pkgutil

    for info in pkgutil.iter_modules(__path__):
        if info.name.endswith("_cmd"):
            importlib.import_module(f"{__name__}.{info.name}")


_load_commands()
