"""Actors: who is who. The knowledge base, entity linking and role coreference.

Other stages (events, quotes, stories) find actors through
:class:`~eventwire.actors.index.MentionIndex`, built from ``doc.actors``.
"""
from .index import MentionIndex, mention_index

__all__ = ["MentionIndex", "mention_index"]
