"""The gazetteer: every place eventwire can name, loaded from one generated file.

``data/gazetteer.tsv.gz`` is built by ``scripts/build_gazetteer.py`` from
packaged GeoNames-derived data (countries, first-level divisions with
computed coordinates, cities of 1,000+ people, continents). Loading it is one
decompression and one string split (names are found by binary search); place rows are parsed only when a lookup
touches them, so the whole thing loads in a fraction of a second and the
pipeline pays for it once per process (:func:`load_gazetteer`).
"""
from __future__ import annotations

import bisect
import zlib
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..errors import DataMissing
from .names import name_key

DATA_FILE = "gazetteer.tsv.gz"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. ``country`` is ISO 3166-1 alpha-3 (empty for continents)."""

    index: int
    geonameid: int | None
    kind: str  # country | admin1 | city | region
    name: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    capital: bool


class Gazetteer:
    """Name -> candidate places, and the places of each country."""

    def __init__(self, text: str, version: str = ""):
        lines = text.split("\n")
        head = lines[0].split("\t")
        if head[0] != "#places":
            raise DataMissing("not an eventwire gazetteer file (no #places header); rebuild it with "
                              "scripts/build_gazetteer.py", input="gazetteer")
        n = int(head[1])
        self._rows = lines[1:n + 1]
        self._parsed: dict[int, Entry] = {}
        names_head = lines[n + 1].split("\t")
        m = int(names_head[1])
        # "key<TAB>rows" lines sorted by key: binary search, no dict to build at load time
        self._names = lines[n + 2:n + 2 + m]
        dem_at = n + 2 + m
        k = int(lines[dem_at].split("\t")[1]) if lines[dem_at].startswith("#demonyms") else 0
        self._demonyms = dict(line.split("\t", 1) for line in lines[dem_at + 1:dem_at + 1 + k])
        self.version = version
        self._countries: dict[str, Entry] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def entry(self, i: int) -> Entry:
        e = self._parsed.get(i)
        if e is None:
            gid, kind, name, country, admin1, lat, lon, pop, cap = self._rows[i].split("\t")
            e = Entry(i, int(gid) or None, kind, name, country or None, admin1 or None, float(lat),
                      float(lon), int(pop), cap == "1")
            self._parsed[i] = e
        return e

    def lookup(self, text: str) -> list[tuple[Entry, bool]]:
        """Places named ``text`` (as written), each with whether it matched by alias."""
        return self.lookup_key(name_key(text))

    def lookup_key(self, key: str) -> list[tuple[Entry, bool]]:
        raw = self._rows_of(key)
        if not raw:
            return []
        out = []
        for item in raw.split(","):
            alias = item.startswith("~")
            out.append((self.entry(int(item[1:] if alias else item)), alias))
        return out

    def _rows_of(self, key: str) -> str | None:
        probe = key + "\t"
        i = bisect.bisect_left(self._names, probe)
        if i < len(self._names) and self._names[i].startswith(probe):
            return self._names[i][len(probe):]
        return None

    def has_key(self, key: str) -> bool:
        return self._rows_of(key) is not None

    def has_prefix(self, key: str) -> bool:
        """Whether some name starts with ``key`` followed by a space (the matcher extends its span)."""
        probe = key + " "
        i = bisect.bisect_left(self._names, probe)
        return i < len(self._names) and self._names[i].startswith(probe)

    def demonym(self, text: str) -> list[str]:
        """ISO3 codes of the countries a demonym names ("Chinese" -> CHN, HKG, MAC), most populous first."""
        raw = self._demonyms.get(name_key(text))
        return raw.split(",") if raw else []

    def countries(self) -> dict[str, Entry]:
        """Country entries by ISO3 code."""
        if self._countries is None:
            out = {}
            for i, row in enumerate(self._rows):
                if row.split("\t", 2)[1] == "country":
                    e = self.entry(i)
                    out.setdefault(e.country, e)
            self._countries = out
        return self._countries

    def country(self, iso3: str | None) -> Entry | None:
        return self.countries().get(iso3) if iso3 else None


def data_path() -> Path:
    return Path(str(resources.files("eventwire.places").joinpath("data", DATA_FILE)))


@lru_cache(maxsize=2)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The gazetteer, loaded once per process."""
    p = Path(path) if path else data_path()
    try:
        blob = p.read_bytes()
    except OSError:
        raise DataMissing("gazetteer data file missing; build it with scripts/build_gazetteer.py",
                          input=str(p)) from None
    try:
        text = zlib.decompress(blob, wbits=31).decode("utf-8")  # gzip container
    except (zlib.error, UnicodeDecodeError):
        raise DataMissing("gazetteer data file is corrupt; rebuild it with scripts/build_gazetteer.py",
                          input=str(p)) from None
    version = "gazetteer-" + hashlib.sha256(blob).hexdigest()[:10]
    return Gazetteer(text, version)
