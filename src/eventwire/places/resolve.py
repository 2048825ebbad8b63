"""Toponym resolution: which of the places called "Springfield" an article means.

Each candidate gets a score that adds up evidence, in log-population units:
- size: log10 of the population (a division's is its towns' people added up);
  a country outranks a division, a division a town of the same name, a
  national capital a provincial city;
- name: matched by an alias rather than by the place's own name costs a
  point, more for small towns whose aliases are often historical names; a
  small town abroad matched only so, in a country the article gives no other
  sign of, is no reading at all;
- the article's country focus: countries named outright, places with only
  one reading, demonyms ("Chinese"), and the outlet's country (its web
  domain's country code, or the country the caller gives) add weight to
  every candidate in that country, in proportion to their share;
- divisions the article names lift their own towns ("Illinois ... Springfield"),
  and towns lift the division that holds them ("Toyota ... Aichi" is the
  prefecture, not Okazaki, a town once called Aichi);
- towns and counties near the article's other towns and counties (local news
  names places close together: "Dublin" beside "Laurens County" is Georgia's);
- a qualifier right after the name ("Springfield, Illinois", "Paris, Texas",
  "Moscow, Idaho") outweighs everything else; in a list of countries ("Mexico,
  China, Japan") no country qualifies the one before it;
- a country's own name is read as a town only on other evidence than that
  town's own mentions ("Mexico" beside "Mexico City" is the country).
Resolution runs three times: each pass recomputes the focus and the local
points from the previous pass's answers, so an ambiguous name follows the
article's settled places; an answer counts as evidence by how surely it won
(a name read as Illinois' town by a hair barely pulls the others there).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Entry
from .outlets import media_countries
from .toponyms import Mention

KIND_BONUS = {"country": 3.0, "region": 2.0, "admin1": 1.5, "admin2": -0.5, "city": 0.0}
CAPITAL_BONUS = 3.0
ALIAS_PENALTY = 1.0
SMALL_ALIAS_PENALTY = 3.0
SMALL_TOWN = 100_000
FOCUS_WEIGHT = 4.0
ADMIN1_CONTEXT = 2.5
QUALIFIER = 8.0
NAMESAKE_CITY = 2.0
PROXIMITY = 3.0
NEAR_KM = 200.0
SURE_MARGIN = 1.0  # score lead (log-population units) at which a reading counts fully as evidence
# country-code domains sold worldwide as generic ones (.tv, .io, ...): no evidence of a country
GENERIC_CCTLDS = {"tv", "io", "co", "me", "fm", "ai", "ly", "cc", "ws", "to", "am", "gg", "la", "nu", "sh"}
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$")


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Resolved:
    mention: Mention
    entry: Entry
    score: float


def _qualifiers(mentions: list[Mention], text: str) -> dict[int, Mention]:
    """Mention index -> the mention that qualifies it ("Springfield" -> "Illinois")."""
    out = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        kinds = {e.kind for e, _ in b.candidates}
        if "admin1" not in kinds and _names_a_country(a):
            continue  # "Mexico, China, Japan": a list of countries; no country qualifies another's name
        if _QUALIFIER_GAP.match(text[a.end:b.start]) and kinds & {"admin1", "country"}:
            out[i] = b
    return out


def _names_a_country(m: Mention) -> bool:
    """Whether ``m`` is a country's own name (not an alias: "China", "Mexico", "Lebanon")."""
    return any(e.kind == "country" and not alias for e, alias in m.candidates)


def _fits(entry: Entry, qualifier: Mention) -> bool:
    """Whether ``entry`` lies in a place the qualifier may name."""
    for q, _ in qualifier.candidates:
        if q.kind == "country" and q.country == entry.country:
            return True
        if q.kind == "admin1" and q.country == entry.country and q.name == entry.admin1:
            return True
    return False


class Context:
    """The article's evidence: weight per country and per (country, division), by name key.

    Weights are kept per mention key so that a name is never its own
    evidence: "Georgia" scored against a focus that "Georgia" itself built
    would keep whatever reading it started with.
    """

    def __init__(self, mentions: list[Mention], picks: list[Entry | None], demonyms, prior: Counter,
                 sure: list[float] | None = None):
        self.country: dict[str, Counter] = {}
        self.admin1: dict[str, Counter] = {}
        self._points: dict[str, list[tuple[float, float, float]]] = {}  # key -> (lat, lon, sureness)
        self._by_entry: dict[int, Counter] = {}  # place -> the division evidence its own mentions gave
        sure = sure or [1.0] * len(mentions)
        for m, pick, w in zip(mentions, picks, sure):
            if pick is not None and pick.kind in ("city", "admin2"):
                self._points.setdefault(m.key, []).append((pick.lat, pick.lon, w))
        base = Counter(prior)
        for _, _, codes in demonyms:
            base[codes[0]] += 0.5
        self._base = base
        for m, pick, w in zip(mentions, picks, sure):
            c = self.country.setdefault(m.key, Counter())
            a = self.admin1.setdefault(m.key, Counter())
            if pick is not None:
                if pick.country:
                    c[pick.country] += w
                if pick.kind in ("admin1",):
                    a[(pick.country, pick.name)] += w
                elif pick.kind in ("city", "admin2") and pick.admin1:
                    a[(pick.country, pick.admin1)] += w
                    self._by_entry.setdefault(id(pick), Counter())[(pick.country, pick.admin1)] += w
                continue
            direct = [e for e, alias in m.candidates if e.kind == "country" and not alias]
            countries = {e.country for e, alias in m.candidates if not alias}
            if direct:
                c[direct[0].country] += 1.0
            elif len(countries) == 1 and None not in countries:
                c[next(iter(countries))] += 1.0
            admins = [e for e, alias in m.candidates if e.kind == "admin1" and not alias]
            if len(admins) == 1 and len(countries) == 1:
                a[(admins[0].country, admins[0].name)] += 1.0
        self._country_total = Counter(base)
        for c in self.country.values():
            self._country_total.update(c)
        self._admin1_total = Counter()
        for a in self.admin1.values():
            self._admin1_total.update(a)

    def local_points(self, key: str) -> list[tuple[float, float, float]]:
        """Where the article's other towns and counties were placed (not ``key``'s own)."""
        return [pt for k, pts in self._points.items() if k != key for pt in pts]

    def shares(self, key: str, without: Entry | None = None) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
        """Country and division shares of the evidence, without ``key``'s own mentions (and,
        given ``without``, without what that place's own mentions gave)."""
        c = self._country_total - self.country.get(key, Counter())
        a = self._admin1_total - self.admin1.get(key, Counter())
        if without is not None:
            a = a - self._by_entry.get(id(without), Counter())
        ct, at = sum(c.values()), sum(a.values())
        return ({k: v / ct for k, v in c.items()} if ct else {},
                {k: v / at for k, v in a.items()} if at else {})


def _namesake_cities(m: Mention) -> dict[tuple[str, str], int]:
    """(country, division) -> population of the largest city this name names in it by its own name."""
    out: dict[tuple[str, str], int] = {}
    for e, alias in m.candidates:
        if e.kind == "city" and not alias and e.admin1:
            key = (e.country, e.admin1)
            out[key] = max(out.get(key, 0), e.population)
    return out


def score(entry: Entry, alias: bool, focus: dict[str, float], admin1s: dict[tuple[str, str], float],
          qualifier: Mention | None, namesakes: dict[tuple[str, str], int] | None = None,
          near: list[tuple[float, float, float]] = (), not_itself: bool = False) -> float:
    s = math.log10(entry.population + 10) + KIND_BONUS.get(entry.kind, 0.0)
    city = (namesakes or {}).get((entry.country, entry.name)) if entry.kind == "admin1" else None
    if city is not None and city >= entry.population / 2:
        # a division that is mostly the city it is named after ("Beijing", "Moscow", "St. Petersburg"):
        # news means the city; not so for "Quebec" or "New York", a province and state of other towns
        s -= NAMESAKE_CITY
    if entry.capital and not alias:  # a capital news names by its name: "Philadelphia" is no ancient Amman
        s += CAPITAL_BONUS
    if alias:
        s -= SMALL_ALIAS_PENALTY if entry.kind == "city" and entry.population < SMALL_TOWN else ALIAS_PENALTY
    if entry.country:
        s += FOCUS_WEIGHT * focus.get(entry.country, 0.0)
    if entry.kind in ("city", "admin2", "admin1"):  # a division holding the article's towns, too
        s += ADMIN1_CONTEXT * admin1s.get((entry.country, entry.admin1), 0.0) ** 0.5
    if near and entry.kind in ("city", "admin2"):
        least = 0.0 if not_itself else -1.0  # the town itself is no evidence (see resolve_mentions)
        close = sum(w for lat, lon, w in near if least < haversine_km(entry.lat, entry.lon, lat, lon) <= NEAR_KM)
        s += PROXIMITY * close / (sum(w for _, _, w in near) or 1.0)
    if qualifier is not None and _fits(entry, qualifier):
        s += QUALIFIER
    return s


def resolve_mentions(mentions: list[Mention], text: str, demonyms=(), prior: dict[str, float] | None = None,
                     passes: int = 3) -> list[Resolved]:
    """The best reading of every mention, in mention order."""
    quals = _qualifiers(mentions, text)
    prior_c = Counter(prior or {})
    picks: list[Entry | None] = [None] * len(mentions)
    scores = [0.0] * len(mentions)
    sure: list[float] | None = None
    for _ in range(passes):
        context = Context(mentions, picks, demonyms, prior_c, sure)
        runner_up = []
        new = []
        for i, m in enumerate(mentions):
            focus, admin1s = context.shares(m.key)
            near = context.local_points(m.key)
            best, best_s, second = None, -math.inf, -math.inf
            namesakes = _namesake_cities(m)
            country_named = _names_a_country(m)
            for e, alias in m.candidates:
                own = country_named and e.kind in ("city", "admin2")
                # a country's name is no town's by way of that town's full name ("Mexico" beside
                # "Mexico City"): the town's own mentions are no evidence for it here
                s = score(e, alias, focus, context.shares(m.key, e)[1] if own else admin1s, quals.get(i),
                          namesakes, near, own)
                if s > best_s:
                    best, best_s, second = e, s, best_s
                elif s > second:
                    second = s
            if best is not None and _stray_alias(best, m, focus):
                best = None
            new.append(best)
            scores[i] = best_s
            runner_up.append(second)
        picks = new
        # a reading that barely won is weak evidence for the others' ("Decatur": Illinois by a hair):
        # else two ambiguous names can pull each other to the wrong state and swap readings each pass
        sure = [min(1.0, (b - r) / SURE_MARGIN) if r > -math.inf else 1.0 for b, r in zip(scores, runner_up)]
    return [Resolved(m, e, s) for m, e, s in zip(mentions, picks, scores) if e is not None]


def _stray_alias(entry: Entry, m: Mention, focus: dict[str, float]) -> bool:
    """Whether the best reading is a small town matched only by one of its other names (often
    historical or foreign spellings) in a country the article gives no other sign of: "the Somme"
    is no Sémé, Senegal. No reading beats that one."""
    return entry.kind == "city" and entry.population < SMALL_TOWN and focus.get(entry.country, 0.0) <= 0 \
        and all(alias for e, alias in m.candidates if e is entry)


def outlet_prior(url: str | None, outlet: str | None = None) -> dict[str, float]:
    """Country evidence from the outlet: its web domain (``.co.uk`` -> GBR; none for generic
    domains), or its name when the actors knowledge base lists it as news media ("Bloomberg" -> USA,
    worth one mention: outlets cover the world)."""
    out = _outlet_name_prior(outlet)
    for code, w in _domain_prior(url).items():
        out[code] = out.get(code, 0.0) + w
    return out


def _outlet_name_prior(outlet: str | None) -> dict[str, float]:
    country = media_countries().get(outlet.strip().casefold()) if outlet else None
    return {country: 1.0} if country else {}


def _domain_prior(url: str | None) -> dict[str, float]:
    if not url:
        return {}
    host = re.sub(r"^[a-z]+://", "", url.strip().lower()).split("/")[0].split(":")[0]
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    if len(tld) != 2 or tld in GENERIC_CCTLDS:
        return {}
    import pycountry

    country = pycountry.countries.get(alpha_2={"uk": "GB"}.get(tld, tld.upper()))
    return {country.alpha_3: 2.0} if country is not None else {}
