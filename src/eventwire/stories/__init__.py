"""Stories: near-duplicates, story clusters, one record per real event, readouts.

The one stage that looks across articles. It runs over the store after
articles are written (``eventwire run`` calls it per batch), incrementally:

* :mod:`.dedup` links wire copies, re-publications and lightly edited
  versions to the original they copy (MinHash LSH; kept, never deleted);
* :mod:`.cluster` places each new article into a story (articles about one
  real-world happening), using who, where and when beside the words;
* :mod:`.merge` turns coded events that different articles (or one article,
  repeatedly) report about the same real event into one merged event, with
  mention, article and outlet counts, and those counts with copies discounted;
* :mod:`.readouts` puts the different sources' accounts of one event or story
  side by side.

Python use::

    from eventwire.store import Store
    from eventwire import stories
    with Store("news.duckdb") as store:
        stories.update(store)            # place whatever is not placed yet
        stories.list_stories(store)      # newest first
        stories.story(store, story_id)   # articles, merged events, readouts
"""
from __future__ import annotations

from .cluster import Settings, StoryClusterer
from .dedup import DuplicateIndex
from .merge import EventMerger, MergeSettings
from .readouts import event_readouts, list_stories, story, story_readouts
from .stage import Prepared, StoryStage, UpdateSummary, prepare, update

__all__ = ["DuplicateIndex", "EventMerger", "MergeSettings", "Prepared", "Settings", "StoryClusterer", "StoryStage",
           "UpdateSummary", "event_readouts", "list_stories", "prepare", "story", "story_readouts", "update"]
