"""News outlets the actors knowledge base lists, by name: their home country, and the names a place
reader must not take for towns ("Xinhua reported" is the agency, not Xinhua county)."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def media_countries() -> dict[str, str]:
    """Casefolded outlet name or alias -> the outlet's ISO3 country."""
    from ..actors.kb import load_kb

    out = {}
    for org in load_kb().orgs:
        if org.kind == "media" and org.country:
            for name in [org.name, *org.aliases]:
                out[name.casefold()] = org.country
    return out
