"""Read queries over the store, shared by the CLI listings and the HTTP API.

Each listing names its table, its columns and its filters; filters become
bound parameters (never string-formatted into SQL), so hostile values are
just values.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import ParameterError


@dataclass
class Listing:
    table: str
    columns: list[str]
    filters: dict[str, str]  # option name -> help
    order: str
    help: str
    # option name -> SQL condition with one ? placeholder
    conditions: dict[str, str] = field(default_factory=dict)


LISTINGS: dict[str, Listing] = {
    "articles": Listing(
        "articles", ["id", "outlet", "published", "title", "path", "n_chars"],
        {"outlet": "Only this outlet.", "search": "Text contains this (case-insensitive)."},
        "published DESC NULLS LAST, id",
        "List stored articles.",
        {"outlet": "outlet = ?", "search": "text ILIKE '%' || ? || '%'"},
    ),
    "events": Listing(
        "events",
        ["article_id", "id", "source_name", "source_code", "cameo", "target_name", "target_code", "trigger_text",
         "negated", "modality", "date", "goldstein", "quad_class", "confidence"],
        {"actor": "Source or target name or code contains this.", "code": "CAMEO code prefix (e.g. 04, 112).",
         "quad_class": "QuadClass 1-4.", "article": "Only this article id."},
        "article_id, sentence, id",
        "List coded events.",
        {"actor": "(source_name ILIKE '%' || ? || '%' OR target_name ILIKE '%' || $same || '%' "
                  "OR source_code ILIKE $same || '%' OR target_code ILIKE $same || '%')",
         "code": "cameo LIKE ? || '%'", "quad_class": "quad_class = CAST(? AS INTEGER)",
         "article": "article_id = ?"},
    ),
    "quotes": Listing(
        "quotes", ["article_id", "idx", "speaker_name", "direct", "cue_text", "text"],
        {"speaker": "Speaker name contains this.", "article": "Only this article id."},
        "article_id, idx",
        "List quotes with their speakers.",
        {"speaker": "speaker_name ILIKE '%' || ? || '%'", "article": "article_id = ?"},
    ),
    "actors": Listing(
        "actors", ["article_id", "id", "name", "code", "country", "sector", "role", "n_mentions"],
        {"name": "Name contains this.", "code": "Actor code prefix (e.g. CHN, RUSGOV).",
         "article": "Only this article id."},
        "article_id, id",
        "List actors found in each article.",
        {"name": "name ILIKE '%' || ? || '%'", "code": "code LIKE ? || '%'", "article": "article_id = ?"},
    ),
}


def list_rows(store, kind: str, filters: dict[str, Any], *, limit: int = 50, offset: int = 0
              ) -> list[dict[str, Any]]:
    """Rows of listing ``kind`` matching ``filters`` (None values ignored)."""
    spec = LISTINGS.get(kind)
    if spec is None:
        raise ParameterError(f"unknown listing '{kind}'", input="kind")
    where, params = [], []
    for name, value in filters.items():
        if value is None:
            continue
        cond = spec.conditions.get(name)
        if cond is None:
            raise ParameterError(f"unknown filter '{name}' for {kind}", input=name)
        n = cond.count("?") + cond.count("$same")
        where.append(cond.replace("$same", "?"))
        params += [str(value)] * n
    if kind == "events" and filters.get("quad_class") not in (None, ""):
        if str(filters["quad_class"]) not in ("1", "2", "3", "4"):
            raise ParameterError("quad_class must be 1, 2, 3 or 4", input="quad_class")
    sql = f"SELECT {', '.join(_quote(c) for c in spec.columns)} FROM {spec.table}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {spec.order} LIMIT ? OFFSET ?"
    return store.query(sql, params + [int(limit), int(offset)])


def _quote(col: str) -> str:
    return f'"{col}"'
