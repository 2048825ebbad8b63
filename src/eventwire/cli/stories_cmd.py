"""``eventwire stories`` / ``story ID`` / ``readout EVENT_ID``: stories, merged events, accounts."""
from __future__ import annotations

import json

import click

from . import emit_json, handle_errors, main
from .query_cmd import _print_table

_STORY_COLUMNS = ["story_id", "n_articles", "n_originals", "n_outlets", "n_events", "first_published",
                  "last_published", "title"]
_EVENT_COLUMNS = ["event_id", "cameo", "source_name", "target_name", "date", "n_mentions", "n_articles",
                  "n_sources", "n_original_articles"]


@main.command("stories")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file.")
@click.option("--update", is_flag=True, help="First place stored articles not yet in a story.")
@click.option("--search", help="Title contains this (case-insensitive).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout.")
@handle_errors
def stories_command(db, update, search, limit, offset, as_json):
    """List stories: groups of articles about one real-world happening.

    Largest first; n_originals counts articles that are not near-duplicates
    (wire copies) of another. `eventwire run` keeps stories up to date; --update
    places articles stored by other means.
    """
    from ..store import Store
    from ..stories import list_stories
    from ..stories import update as update_stories

    with Store(db, read_only=not update) as store:
        if update:
            s = update_stories(store)
            click.echo(f"placed {s.articles} articles ({s.duplicates} near-duplicates, {s.new_stories} new "
                       f"stories), {s.mentions} event mentions into {s.merged_events} merged events", err=True)
        rows = list_stories(store, limit=limit, offset=offset, search=search)
    if as_json:
        for r in rows:
            emit_json(r)
    else:
        _print_table(rows, _STORY_COLUMNS)


@main.command("story")
@click.argument("story_id")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file.")
@click.option("--json", "as_json", is_flag=True, help="The whole story as one JSON object.")
@handle_errors
def story_command(story_id, db, as_json):
    """Show one story: its articles (duplicates linked), merged events and readouts."""
    from ..store import Store
    from ..stories import story

    with Store(db, read_only=True) as store:
        s = story(store, story_id)
    if as_json:
        emit_json(s)
        return
    row = s["story"]
    click.echo(f"{row['story_id']}: {row['title']}")
    click.echo(f"{row['n_articles']} articles ({row['n_originals']} original), {row['n_outlets']} outlets, "
               f"{row['first_published']} .. {row['last_published']}")
    click.echo(f"names: {', '.join(json.loads(row['top_names'] or '[]'))}")
    click.echo(f"places: {', '.join(json.loads(row['top_places'] or '[]'))}\n")
    click.echo("articles:")
    for a in s["articles"]:
        dup = f"  copy of {a['duplicate_of'][:12]} ({a['duplicate_similarity']:.2f})" if a["duplicate_of"] else ""
        also = [o for o in dict.fromkeys(a.get("arrived_from") or []) if o and o != a["outlet"]]
        also = f"  also from {', '.join(also)}" if also else ""  # verbatim copies (occurrences)
        click.echo(f"  {a['article_id'][:12]}  {str(a['published'] or ''):10}  {a['outlet'] or '?':20}  "
                   f"{(a['headline'] or '')[:60]}{dup}{also}")
    click.echo("\nmerged events:")
    _print_table(s["events"], _EVENT_COLUMNS)
    _print_readouts(s["readouts"])


@main.command("readout")
@click.argument("event_id")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB store file.")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout.")
@handle_errors
def readout_command(event_id, db, as_json):
    """The different sources' accounts of one merged event, side by side."""
    from ..store import Store
    from ..stories import event_readouts

    with Store(db, read_only=True) as store:
        accounts = event_readouts(store, event_id)
    if as_json:
        emit_json(accounts)
    else:
        _print_readouts(accounts)


def _print_readouts(accounts: list[dict]) -> None:
    click.echo("\naccounts:" if accounts else "\naccounts: (none credited)")
    for acc in accounts:
        click.echo(f"  according to {acc['account']} ({', '.join(acc['outlets']) or 'no outlet'}):")
        for c in acc["claims"]:
            who = f"{c.get('speaker')}: " if c.get("speaker") else ""
            click.echo(f"    - [{c['kind']}] {who}{' '.join((c['text'] or '').split())[:160]}")
