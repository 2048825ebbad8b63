"""The HTTP API and web UI over a store (``eventwire serve``).

``create_app(db)`` builds the FastAPI app: JSON under ``/api`` (OpenAPI spec
at ``/api/openapi.json``), HTML views everywhere else, read-only.
"""
from __future__ import annotations

from .app import Limits, create_app

__all__ = ["Limits", "create_app"]
