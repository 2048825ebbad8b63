"""pandas DataFrames of the store, for analysis code.

::

    import eventwire
    events = eventwire.events_frame("news.duckdb")              # one row per real event
    mentions = eventwire.events_frame("news.duckdb", merged=False)  # one row per coded mention
    stories = eventwire.stories_frame("news.duckdb")
    quotes = eventwire.table_frame("news.duckdb", "quotes")

Each function takes a store file path or an open :class:`~eventwire.store.Store`.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import ParameterError


@contextmanager
def _opened(db):
    from ..store import Store

    if isinstance(db, Store):
        yield db
    else:
        with Store(Path(db), read_only=True) as store:
            yield store


def table_names(store) -> list[str]:
    """The store's tables, in name order."""
    return [r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_type = 'BASE TABLE' ORDER BY table_name").fetchall()]


def table_frame(db, table: str):
    """Every row of one table as a DataFrame."""
    with _opened(db) as store:
        if table not in table_names(store):
            raise ParameterError(f"no table '{table}'; tables: {', '.join(table_names(store))}", input=table)
        return store.frame(f'SELECT * FROM "{table}"')


def events_frame(db, *, merged: bool = True):
    """Events as a DataFrame: merged (one row per real event, with counts) or every coded mention.

    Mentions carry ``merged_event_id``, ``story_id`` and ``is_duplicate`` so
    they can be grouped either way.
    """
    with _opened(db) as store:
        if merged:
            return store.frame("SELECT * FROM merged_events ORDER BY date NULLS LAST, event_id")
        return store.frame(
            "SELECT e.* EXCLUDE (record), em.event_id AS merged_event_id, sa.story_id, "
            "coalesce(em.is_duplicate, false) AS is_duplicate, a.outlet, a.published "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN event_mentions em ON em.article_id = e.article_id AND em.mention_id = e.id "
            "LEFT JOIN story_articles sa ON sa.article_id = e.article_id "
            "ORDER BY a.published NULLS LAST, e.article_id, e.sentence, e.id")


def stories_frame(db):
    """Stories as a DataFrame, largest first."""
    with _opened(db) as store:
        return store.frame("SELECT * FROM stories ORDER BY n_originals DESC, n_articles DESC, story_id")
