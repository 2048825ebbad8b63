"""Actors named by a town that the places stage put in another country.

The actor linker reads a town's name on its own, before places are resolved: "Paris police"
are France's police, "Paris Community Hospital" a French body. The places stage reads the whole
article ("Paris", "Urbana", "Edgar County": Paris, Illinois). When it puts the very words an
actor's country came from in another country, the actor moves there: Paris police in a Paris,
Illinois story are American police. Only a town's name moves an actor: a country's name, a
demonym or a person keeps the linker's reading.
"""
from __future__ import annotations

from ..document import Actor, Document
from .cities import city_country
from .coref import group_name
from .kb import load_kb


def relocate_town_actors(doc: Document) -> None:
    """Move the actors whose country came from a town's name the places stage placed elsewhere
    (see the module docstring), renaming group actors ("French police" -> "American police") and
    pointing the entities that named them at the moved actor."""
    towns = [p for p in doc.places if p.kind == "city" and p.country]
    if not towns or not doc.actors:
        return
    kb = load_kb()
    by_id = {a.id: a for a in doc.actors}
    moved: dict[str, str] = {}
    for actor in list(doc.actors):
        country = _town_country(actor, towns)
        if country is None:
            continue
        code = country + actor.code[len(actor.country):] if actor.code else None
        if actor.id == actor.code:  # a country's group ("FRACOP"): it becomes the other country's
            new = by_id.get(code)
            if new is None:
                new = by_id[code] = Actor(code, group_name(kb, country, actor.sector), code, country, actor.sector,
                                          actor.role)
                doc.actors.append(new)
            new.mentions += [m for m in actor.mentions if m not in new.mentions]
            doc.actors.remove(actor)
            moved[actor.id] = new.id
        else:  # a named body ("Paris Community Hospital"): the same body, in the other country
            actor.country, actor.code = country, code
    for e in doc.entities:
        if e.actor in moved:
            e.actor = moved[e.actor]


def _town_country(actor: Actor, towns: list) -> str | None:
    """The country the places stage put the town that named ``actor`` in, when that differs from
    the country the linker read off the town's name; else None."""
    if not actor.country or actor.id.startswith("kb:") or not actor.code or not actor.code.startswith(actor.country):
        return None
    found = set()
    for s, e in actor.mentions:
        for p in towns:
            if p.start < e and s < p.end:
                if p.country == actor.country or city_country(p.text) != actor.country:
                    return None  # the town is where the linker said, or not what it read the country from
                found.add(p.country)
    return found.pop() if len(found) == 1 else None
