"""The actors knowledge base: who is who, as versioned data files.

The files under ``eventwire/actors/data/`` are written by the project from
facts (see the README there for sources and the as-of date):

- ``countries.tsv``: ISO 3166-1 alpha-3 code, names (short, official,
  historical), demonyms, capitals and seats of power used as metonyms, and
  which office leads the country;
- ``people.tsv``: heads of state and government, foreign and defence
  ministers and heads of international organisations, one row per tenure;
- ``igos.tsv``: international organisations with CAMEO-style ``IGO…`` codes;
- ``media.tsv``: news organisations (sector ``MED``) and their country;
- ``organisations.tsv``: national bodies and armed groups with fixed codes;
- ``companies.tsv``: companies (sector ``BUS``) and the country of their headquarters;
- ``roles.tsv``: titles and group nouns with their CAMEO sector ("police"
  ``COP``, "rebels" ``REB``, "president" ``GOV``/president);
- ``peoples.tsv``: ethnic and religious groups ("Kurds", "Tamil", "Moslem")
  with the states they mainly live in;
- ``regions.tsv``: provinces and regions named as places ("Darfur", "Sindh")
  with their country;
- ``world_regions.tsv``: world regions and blocs named as actors ("Western
  leaders", "Gulf states") with CAMEO region codes (``WST``, ``PGS``).

:func:`load_kb` reads them once per process; :func:`check_kb` lists every
problem found in them (the schema check the tests run).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import DataMissing

SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SEP", "INS", "SPY", "UAF", "BUS", "MED", "EDU",
    "CVL", "REF", "HLH", "LAB", "AGR", "REL", "CRM", "ELI", "NGO", "HRI", "ENV", "DEV", "IGO",
}
# Default kind of office for each role (people.tsv may override per row).
ROLE_KINDS = {
    "president": "head_of_state", "monarch": "head_of_state", "supreme_leader": "head_of_state",
    "leader": "head_of_state", "prime_minister": "head_of_government",
    "foreign_minister": "foreign_minister", "defence_minister": "defence_minister",
    "vice_president": "vice_president",
}
KIND_LABELS = {
    "head_of_state": "head of state", "head_of_government": "head of government",
    "foreign_minister": "foreign minister", "defence_minister": "defence minister",
    "vice_president": "vice president", "head_of_organisation": "head of organisation",
    "government_spokesperson": "spokesperson",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE3 = re.compile(r"^[A-Z]{3}$")


def strip_accents(s: str) -> str:
    """``Erdoğan`` -> ``Erdogan``: the form English copy often uses."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@dataclass
class Country:
    iso3: str
    name: str
    names: list[str]
    demonyms: list[str]
    capital: str
    capital_metonyms: list[str]
    seats: dict[str, str]  # seat name -> sector
    leader_role: str


@dataclass
class Tenure:
    country: str  # ISO3, or an IGO code for heads of organisations
    role: str
    kind: str
    start: str
    end: str  # "" while in office at the as-of date

    def covers(self, date: str | None) -> bool:
        if date is None:
            return not self.end
        return self.start <= date and (not self.end or date < self.end)


@dataclass
class Person:
    id: str
    name: str
    aliases: list[str]
    gender: str
    tenures: list[Tenure] = field(default_factory=list)

    def tenure_at(self, date: str | None) -> Tenure | None:
        """The office held at ``date``; without a date, the latest one."""
        held = [t for t in self.tenures if t.covers(date)]
        if held:
            return max(held, key=lambda t: (t.kind in ("head_of_state", "head_of_government"), t.start))
        if date is None and self.tenures:
            return max(self.tenures, key=lambda t: t.end or "9999")
        return None


@dataclass
class Org:
    code: str
    name: str
    aliases: list[str]
    country: str | None
    sector: str | None
    kind: str  # igo | media | org | company


@dataclass
class Role:
    term: str
    sector: str
    role: str
    person: bool


@dataclass
class PeopleGroup:
    """An ethnic or religious group: the words naming it and where it mainly lives."""

    name: str
    forms: list[str]
    countries: list[str]  # most populous first; empty for world religions
    kind: str  # ethnic | religious
    code: str


@dataclass
class KnowledgeBase:
    version: str
    as_of: str
    countries: dict[str, Country]
    people: dict[str, Person]
    orgs: list[Org]
    roles: dict[str, Role]
    peoples: list[PeopleGroup] = field(default_factory=list)
    regions: dict[str, str] = field(default_factory=dict)  # region name or alias -> ISO3
    world_regions: dict[str, tuple[str, str]] = field(default_factory=dict)  # form -> (region code, name)

    def officeholders(self, country: str, role: str | None = None, kind: str | None = None,
                      date: str | None = None) -> list[tuple[Person, Tenure]]:
        """People holding ``role`` (or an office of ``kind``) in ``country`` at ``date``.

        Without a date the current holders (open tenure) are returned, else the
        latest ones: the KB's best guess, as the brief's fall-back asks.
        """
        out = []
        for p in self._by_country.get(country, []):
            for t in p.tenures:
                if t.country != country:
                    continue
                if role is not None and t.role != role:
                    continue
                if kind is not None and t.kind != kind:
                    continue
                out.append((p, t))
        if date is not None:
            held = [(p, t) for p, t in out if t.covers(date)]
            return held
        current = [(p, t) for p, t in out if not t.end]
        if current:
            return current
        return sorted(out, key=lambda pt: pt[1].end, reverse=True)[:1]

    def __post_init__(self) -> None:
        self._by_country: dict[str, list[Person]] = {}
        for p in self.people.values():
            for c in dict.fromkeys(t.country for t in p.tenures):
                self._by_country.setdefault(c, []).append(p)


def _rows(name: str) -> list[dict[str, str]]:
    try:
        text = resources.files("eventwire.actors.data").joinpath(name).read_text("utf-8")
    except FileNotFoundError:
        raise DataMissing(f"knowledge base file {name} is missing; reinstall eventwire",
                          input=f"eventwire/actors/data/{name}") from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if name in _HEADERS:  # header given as a comment line in the file
        header, body = _HEADERS[name], lines
    else:
        header, body = lines[0].split("\t"), lines[1:]
    return [dict(zip(header, (ln.split("\t") + [""] * len(header))[:len(header)])) for ln in body]


_HEADERS = {
    "people.tsv": ["id", "name", "aliases", "gender", "country", "role", "kind", "start", "end"],
    "roles.tsv": ["term", "sector", "role", "person"],
    "organisations.tsv": ["name", "aliases", "country", "sector", "code"],
    "peoples.tsv": ["name", "forms", "countries", "kind", "code"],
    "regions.tsv": ["name", "aliases", "country"],
    "companies.tsv": ["name", "aliases", "country"],
    "world_regions.tsv": ["code", "name", "forms"],
}


def _split(v: str) -> list[str]:
    return [x.strip() for x in v.split("|") if x.strip()]


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    """The packaged knowledge base (read once per process)."""
    manifest = json.loads(resources.files("eventwire.actors.data").joinpath("kb.json").read_text("utf-8"))
    countries = {}
    for r in _rows("countries.tsv"):
        seats = {}
        for s in _split(r["seats"]):
            name, _, sector = s.partition(":")
            seats[name] = sector or "GOV"
        countries[r["iso3"]] = Country(r["iso3"], r["name"], _split(r["names"]), _split(r["demonyms"]),
                                       r["capital"], _split(r["capital_metonyms"]), seats, r["leader_role"])
    people: dict[str, Person] = {}
    for r in _rows("people.tsv"):
        p = people.get(r["id"])
        if p is None:
            p = people[r["id"]] = Person(r["id"], r["name"], [], r["gender"])
        for a in _split(r["aliases"]):
            if a not in p.aliases:
                p.aliases.append(a)
        kind = r["kind"] or ROLE_KINDS.get(r["role"], r["role"])
        p.tenures.append(Tenure(r["country"], r["role"], kind, r["start"], r["end"]))
    orgs = []
    for r in _rows("igos.tsv"):
        orgs.append(Org(r["code"], r["name"], _split(r["aliases"]), None, r["sector"] or None, "igo"))
    for r in _rows("media.tsv"):
        orgs.append(Org(r["country"] + "MED", r["name"], _split(r["aliases"]), r["country"], "MED", "media"))
    for r in _rows("organisations.tsv"):
        country = r["country"] if _CODE3.match(r["country"] or "") and r["country"] != "IMG" else None
        orgs.append(Org(r["code"], r["name"], _split(r["aliases"]), country, r["sector"] or None, "org"))
    for r in _rows("companies.tsv"):
        orgs.append(Org(r["country"] + "BUS", r["name"], _split(r["aliases"]), r["country"], "BUS", "company"))
    roles = {}
    for r in _rows("roles.tsv"):
        roles[r["term"]] = Role(r["term"], r["sector"], r["role"], r["person"] == "yes")
    peoples = [PeopleGroup(r["name"], _split(r["forms"]), _split(r["countries"]), r["kind"], r["code"])
               for r in _rows("peoples.tsv")]
    regions = {n: r["country"] for r in _rows("regions.tsv") for n in [r["name"], *_split(r["aliases"])]}
    world = {form: (r["code"], r["name"]) for r in _rows("world_regions.tsv") for form in _split(r["forms"])}
    return KnowledgeBase(manifest["version"], manifest["as_of"], countries, people, orgs, roles, peoples, regions,
                         world)


def check_kb(kb: KnowledgeBase | None = None) -> list[str]:
    """Every problem in the knowledge base files, as messages (empty when sound)."""
    kb = kb or load_kb()
    problems = []
    igo_codes = {o.code for o in kb.orgs if o.kind == "igo"}
    for iso, c in kb.countries.items():
        if not _CODE3.match(iso):
            problems.append(f"countries.tsv: bad ISO3 code {iso!r}")
        if not c.names:
            problems.append(f"countries.tsv: {iso} has no name")
        if c.leader_role not in ("head_of_state", "head_of_government"):
            problems.append(f"countries.tsv: {iso} leader_role {c.leader_role!r}")
        for seat, sector in c.seats.items():
            if sector not in SECTORS:
                problems.append(f"countries.tsv: {iso} seat {seat} has unknown sector {sector}")
    names: dict[str, str] = {}
    for p in kb.people.values():
        if strip_accents(p.name) in names:
            problems.append(f"people.tsv: {p.id} and {names[strip_accents(p.name)]} have the same name {p.name!r}")
        names[strip_accents(p.name)] = p.id
        seen_tenures = set()
        for t in p.tenures:
            key = (t.country, t.role, t.kind, t.start)
            if key in seen_tenures:
                problems.append(f"people.tsv: {p.id} repeats the tenure {t.role} {t.country} from {t.start}")
            seen_tenures.add(key)
        if p.gender not in ("m", "f", ""):
            problems.append(f"people.tsv: {p.id} gender {p.gender!r}")
        for t in p.tenures:
            if t.country not in kb.countries and t.country not in igo_codes:
                problems.append(f"people.tsv: {p.id} country {t.country!r} is neither a country nor an IGO")
            if not _DATE.match(t.start) or (t.end and not _DATE.match(t.end)):
                problems.append(f"people.tsv: {p.id} bad tenure dates {t.start!r}..{t.end!r}")
            elif t.end and t.end < t.start:
                problems.append(f"people.tsv: {p.id} tenure ends before it starts ({t.start}..{t.end})")
    seen_codes: dict[str, str] = {}
    for o in kb.orgs:
        if o.sector and o.sector not in SECTORS:
            problems.append(f"{o.kind}: {o.name} has unknown sector {o.sector}")
        if o.country and o.country not in kb.countries:
            problems.append(f"{o.kind}: {o.name} has unknown country {o.country}")
        if o.kind == "igo":
            if not o.code.startswith("IGO"):
                problems.append(f"igos.tsv: {o.name} code {o.code} does not start with IGO")
            if o.code in seen_codes:
                problems.append(f"igos.tsv: code {o.code} used by {seen_codes[o.code]} and {o.name}")
            seen_codes[o.code] = o.name
    for r in kb.roles.values():
        if r.sector not in SECTORS:
            problems.append(f"roles.tsv: {r.term} has unknown sector {r.sector}")
        if r.term != r.term.lower():
            problems.append(f"roles.tsv: term {r.term!r} is not lower-case")
    seen_forms: dict[str, str] = {}
    country_words = {w for c in kb.countries.values() for w in [*c.names, *c.demonyms]}
    for g in kb.peoples:
        if g.kind not in ("ethnic", "religious"):
            problems.append(f"peoples.tsv: {g.name} kind {g.kind!r}")
        if not g.forms:
            problems.append(f"peoples.tsv: {g.name} has no forms")
        if not _CODE3.match(g.code):
            problems.append(f"peoples.tsv: {g.name} code {g.code!r} is not three capital letters")
        for c in g.countries:
            if c not in kb.countries:
                problems.append(f"peoples.tsv: {g.name} has unknown country {c}")
        for f in g.forms:
            if f in country_words:  # a country's people: countries.tsv names them ("ethnic" + demonym)
                problems.append(f"peoples.tsv: {f!r} ({g.name}) is a country name or demonym")
            if f in seen_forms:
                problems.append(f"peoples.tsv: {f!r} names both {seen_forms[f]} and {g.name}")
            seen_forms[f] = g.name
    for name, iso in kb.regions.items():
        if iso not in kb.countries:
            problems.append(f"regions.tsv: {name} has unknown country {iso}")
    for form, (code, name) in kb.world_regions.items():
        if not _CODE3.match(code) or code in kb.countries:
            problems.append(f"world_regions.tsv: {name} code {code!r} is not three capital letters of no country")
        if form in country_words:  # "American" is the United States'
            problems.append(f"world_regions.tsv: {form!r} ({name}) is a country name or demonym")
    if not _DATE.match(kb.as_of):
        problems.append(f"kb.json: as_of {kb.as_of!r} is not an ISO date")
    return problems
