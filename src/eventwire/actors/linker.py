"""Mentions -> actors: the rules that turn gazetteer matches into coded actors.

One left-to-right pass over the gazetteer's matches composes phrases the way
news copy writes them (each rule is named after the phrase shape it reads):

- ``country_role``: a country reference (name, demonym, "Russia's", capital,
  seat of power) + optional modifiers + a role: "Russian police" -> ``RUSCOP``,
  "Syria's new government" -> ``SYRGOV``, "the Kremlin leader" -> the Russian
  leader at the article's date, "Chinese President Xi Jinping" -> Xi;
  coordinated references share the role ("U.S. and Russian negotiators");
- ``title_name``: a title + a name, "President Obama", "Defense Secretary
  William Perry" (unknown people keep the title's sector, and the country
  only when the text gives it);
- ``role_of_country``: "president of Armenia", "rebels in the Ivory Coast";
- ``name``: a KB person (full name; a family name alone only once the full
  name was seen, after a title, or inside a spaCy PERSON entity), an
  organisation, IGO or news outlet;
- ``metonym``: a capital not used as a place ("Beijing has not joined")
  or a seat of power ("the Kremlin said") -> that country's government;
- ``country``: a country name or adjective on its own -> the country;
  a plural demonym ("Palestinians") -> its civilians;
- ``people_group``: an ethnic or religious group with a group noun or as a
  plural ("Shona rebels", "Moslem fundamentalist demonstrators", "Kurds",
  "ethnic Albanians"), placed in a country at resolution (its own phrase,
  else its sentence; :mod:`.coref`);
- ``unknown``: spaCy PERSON/ORG entities nothing above explains: kept as
  actors with code null (an ORG named after a country gets that country).

Role references and pronouns are resolved in :mod:`.coref` afterwards.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..tags import is_noun, is_proper_noun, untagged
from .cities import city_country, place_country, rival_city_countries
from .gazetteer import AMBIGUOUS_ALONE, Atom, Entry, Gazetteer
from .kb import KIND_LABELS, KnowledgeBase, PeopleGroup, Person, Tenure
from .titles import TITLES, the_title

COUNTRYISH = ("country", "demonym", "capital", "seat")
POSSESSIVE = {"'s", "’s", "'", "’"}
# Words that may stand between a country reference and its role.
MODIFIERS = {"new", "top", "senior", "former", "state", "-", "led", "acting", "interim", "outgoing", "incoming",
             "deputy", "vice", "then", "chief", "local", "provincial", "federal", "national", "central",
             "regional", "rival", "armed", "young", "angry", "elite", "ruling", "military", "civilian"}
# The heads of a monarchy's forces' names, "Royal" + demonym + one of these ("the Royal Thai Army").
ROYAL_FORCES = {"army", "navy", "force", "forces", "police", "marines", "guard", "gendarmerie", "constabulary"}
# Party names many countries' parties bear: the KB's party only in an article that names its country.
SHARED_PARTY_NAMES = {"Communist Party", "Labour Party", "Labor Party", "Conservative Party", "Liberal Party",
                      "Socialist Party", "Green Party", "National Party", "Workers' Party", "Social Democrats"}
# Modifiers after which the role names a different office from the KB's holder.
# Words before a one-word company name that make it one of its products ("the Toyota", "her Honda").
PRODUCT_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "my", "our", "your", "its"})
# Sectors whose titled members, named by an indefinite article and no name ("a journalist", "a soldier"), are
# one of the group: the group acted. Officials, judges, lawmakers and civilians are left to their names.
ONE_OF_MANY_SECTORS = frozenset({"MIL", "COP", "OPP", "MED", "EDU", "REL", "AGR", "BUS", "SPY"})
# Nouns after a name that make it a place's: "the Amazon rainforest", "the Congo basin".
PLACE_HEADS = frozenset({"rainforest", "river", "basin", "jungle", "region", "forest", "delta", "valley", "estuary"})
# Words before a group noun that put the group outside any one country ("Western leaders", "foreign
# troops", "world powers"): no country's group, so not the one an earlier actor of its sector stands for.
ELSEWHERE = frozenset({"western", "foreign", "international", "world", "global", "other", "overseas"})
NOT_THE_HOLDER = {"former", "deputy", "vice", "then", "acting", "interim", "outgoing", "incoming", "late", "ex"}
LOCATIVE = {"in", "at", "near", "to", "from", "into", "inside", "outside", "around", "across", "through",
            "toward", "towards", "via", "within", "throughout", "of", "visit", "visited", "visiting",
            "capital", "city", "town"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
# Nouns of a region's states themselves: "Gulf states", "Western powers" are the region (_world_regions).
REGION_STATES = frozenset({"countries", "states", "nations", "powers", "allies", "partners", "capitals",
                           "democracies", "neighbours", "neighbors", "members"})
# The roles in which a bare name the recogniser missed can still be read as a person (_alias_ok).
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "appos"})
# Group nouns too vague to stand as an actor without a country ("the state", "the public").
VAGUE_AGENTS = {"state", "public", "industry", "television", "leadership", "people", "ministry", "ministries",
                "embassy", "consulate", "delegation", "firm", "company", "forces", "officers", "cabinet",
                "administration", "press", "fighters", "helicopters", "jets", "fighter jets", "tanks", "warplanes",
                "warships", "drones", "artillery", "general", "court", "courts", "men", "women"}
# Collective nouns a group word may modify and still name the group ("opposition groups").
COLLECTIVE_HEADS = {"group", "groups", "faction", "factions", "movement", "movements", "members", "supporters",
                    "figures", "activists", "forces", "units", "fighters", "organisations", "organizations"}
RESOLVABLE_ROLES = {"president", "prime_minister", "monarch", "supreme_leader", "foreign_minister",
                    "defence_minister", "vice_president", "leader"}
SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "OPP": "opposition", "REB": "rebels", "SEP": "separatists", "INS": "insurgents", "SPY": "intelligence",
    "UAF": "armed groups", "BUS": "business", "MED": "media", "EDU": "education", "CVL": "civilians",
    "REF": "refugees", "HLH": "health", "LAB": "labour", "AGR": "agriculture", "REL": "religious",
    "CRM": "criminals", "ELI": "elites", "NGO": "NGOs", "HRI": "human rights groups", "ENV": "environmental",
    "DEV": "development",
}
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("_", text.lower()).strip("_")


@dataclass
class Ref:
    """What a found phrase refers to, before it becomes an actor id.

    kind: person (KB person id in ``key``) | group (country/sector) | org (KB org code)
    | unknown (name) | role (to resolve: country + role) | counterpart (country)
    | people (an ethnic or religious group in ``org``; country when its phrase places it)
    | titled (a person the text gave the title ``role`` before: "the senator")
    | region (a world region's CAMEO code in ``key``, its display name in ``name``: "Western leaders").
    """

    kind: str
    key: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    name: str | None = None
    org: object = None


@dataclass
class Found:
    start: int  # token offsets
    end: int
    ref: Ref
    rule: str
    head: int = -1  # token whose dependency says whether the phrase is a subject


# Prepositions after which a name is a place ("in Tigray", "across Darfur").
LOCATIVE_PREPS = frozenset({"in", "across", "throughout", "inside", "into"})
# ... and those after which an unmarked city's name is read (:meth:`Linker._unrecognised_cities`), the
# size such a city must have: a person named like a small town stays unread.
PLACE_PREPS = LOCATIVE_PREPS | {"of", "near", "outside", "from", "at", "around", "on", "to", "towards", "toward"}
UNMARKED_CITY_POPULATION = 100_000


def _proper_noun_run(sdoc, i: int, limit: int, also=lambda t: True) -> int:
    """The end of the run of capitalised proper nouns (at most ``limit``, each passing ``also``) that
    starts at token ``i``; ``i`` when there is none."""
    end = i
    while end < len(sdoc) and end - i < limit and sdoc[end].pos_ == "PROPN" and sdoc[end].text[:1].isupper() \
            and also(sdoc[end]):
        end += 1
    return end


@dataclass
class Context:
    """Per-document state shared by the linker and coreference."""

    kb: KnowledgeBase
    sdoc: object
    date: str | None
    found: list[Found] = field(default_factory=list)
    linked_people: dict[str, int] = field(default_factory=dict)  # person id -> first token
    ent_at: dict[int, object] = field(default_factory=dict)
    ent_of: list = field(default_factory=list)


def pick_person(ctx: Context, candidates: list[str], country: str | None = None) -> str | None:
    """The one KB person among ``candidates`` meant at the article's date, or None if unsure.

    A person already named in the article wins; then the one holding office at
    the date (in ``country`` when the text gives it); a lone candidate stands.
    """
    cands = list(dict.fromkeys(candidates))
    if country:
        in_country = [c for c in cands if any(t.country == country for t in ctx.kb.people[c].tenures)]
        cands = in_country or cands
    seen = [c for c in cands if c in ctx.linked_people]
    if len(seen) == 1:
        return seen[0]
    if len(cands) == 1:
        return cands[0]
    held = [c for c in cands if ctx.kb.people[c].tenure_at(ctx.date) is not None and
            any(t.covers(ctx.date) for t in ctx.kb.people[c].tenures)]
    if len(held) == 1:
        return held[0]
    if ctx.date is None and cands:  # no date: the latest officeholder
        return max(cands, key=lambda c: max(t.end or "9999" for t in ctx.kb.people[c].tenures))
    return None


def person_code(kb: KnowledgeBase, person: Person, date: str | None) -> tuple[str | None, str | None, Tenure | None]:
    """(country, code, tenure) of a KB person at ``date``: office holders are their country's GOV."""
    t = person.tenure_at(date)
    if t is None:
        # known person out of office at that date: their country, no sector (not guessed)
        latest = max(person.tenures, key=lambda x: x.end or "9999")
        if latest.country.startswith("IGO"):
            return None, None, None
        return latest.country, latest.country, None
    if t.country.startswith("IGO"):
        return None, t.country, t
    return t.country, _office_code(kb, t), t


def _office_code(kb: KnowledgeBase, t: Tenure) -> str:
    """The code of an office: its country's government, unless the office leads a body of its own
    (the tenure's kind names it: "hamas_leader" is Hamas's PSEREB, "wagner_leader" the Wagner Group's
    RUSMIL) or the opposition ("opposition_leader": VENOPP)."""
    body = t.kind[:-len("_leader")] if t.kind.endswith("_leader") else ""
    if body == "opposition":
        return t.country + "OPP"
    if body:
        org = next((o for o in kb.orgs if o.kind == "org" and o.country == t.country
                    and slug(o.name).split("_")[0] == body), None)
        if org is not None:
            return org.code
    return t.country + "GOV"


class Linker:
    """Compose gazetteer atoms (and spaCy entities) into :class:`Found` phrases."""

    def __init__(self, gazetteer: Gazetteer):
        self.gaz = gazetteer
        self.kb = gazetteer.kb

    def link(self, ctx: Context) -> list[Found]:
        sdoc = ctx.sdoc
        words = [t.text for t in sdoc]
        atoms = self.gaz.scan(words)
        at = {a.start: a for a in atoms}
        self._atom_starts = set(at)
        self._words = words
        self._sent_of = {t.i: k for k, s in enumerate(sdoc.sents) for t in s}
        self._named: dict[int, set[str]] = {}  # countries each sentence names by name or demonym
        self._countries_named: set[str] = set()  # ... and the article, by name, demonym or capital
        for a in atoms:
            e = a.first("country", "demonym")
            if e is not None:
                self._named.setdefault(self._sent_of.get(a.start, 0), set()).add(e.ref)
            e = e or a.first("capital")
            if e is not None:
                self._countries_named.add(e.ref)
        ctx.ent_of = [None] * len(sdoc)
        for ent in sdoc.ents:
            ctx.ent_at[ent.start] = ent
            for i in range(ent.start, ent.end):
                ctx.ent_of[i] = ent
        regional = self._world_regions(ctx, at)
        blocked = {i for f in regional for i in range(f.start, f.end)}
        consumed_until = 0
        for a in atoms:
            if a.start < consumed_until or a.start in blocked:
                continue
            f = self._compose(ctx, a, at, words)
            if f is not None and _names_no_group(ctx.sdoc[f.head]):  # "Russia's opposition to the plan": Russia's
                f = self._country_alone(ctx, a, words) if a.has(*COUNTRYISH) else None
            if f is None:
                continue
            # a phrase that opens before what was found in it takes its place ("the Vermont senator")
            ctx.found = [x for x in ctx.found if not (f.start <= x.start and x.end <= f.end)]
            ctx.found.append(f)
            consumed_until = max(consumed_until, max(x.end for x in ctx.found))
            if f.ref.kind == "person" and f.ref.key not in ctx.linked_people:
                ctx.linked_people[f.ref.key] = f.start
        ctx.found.extend(regional)
        self._unknown_entities(ctx, at)
        ctx.found.sort(key=lambda f: f.start)
        return ctx.found

    # --- phrase rules -------------------------------------------------
    def _world_regions(self, ctx: Context, at: dict[int, Atom]) -> list[Found]:
        """Regions and blocs named as actors: a region's word before a group noun ("Western leaders":
        WSTGOV, "European diplomats", "Latin American governments", whose "American" is no
        country's) or before a noun of its states ("Gulf states", "Western powers": PGS, WST), and
        "the West" as a noun. CAMEO's region codes; without them "Gulf" read as Papua New Guinea's
        province and "Latin American governments" as Washington."""
        sdoc, forms, out = ctx.sdoc, self.kb.world_regions, []
        inside = {t for a in at.values() for t in range(a.start + 1, a.end)}  # "South African": a demonym
        n, i = len(sdoc), 0
        while i < n:
            hit = next(((w, forms[sdoc[i:i + w].text]) for w in (3, 2, 1)
                        if i + w <= n and sdoc[i:i + w].text in forms), None)
            if hit is None:
                if sdoc[i].text == "West" and i > 0 and sdoc[i - 1].lower_ == "the" and sdoc[i].dep_ in ARGUMENT_DEPS \
                        and (i + 1 == n or sdoc[i + 1].pos_ != "PROPN"):  # "Russia accused the West of ..."
                    out.append(Found(i - 1, i + 1, Ref("region", "WST", name="the West"), "region", i))
                i += 1
                continue
            width, (code, region) = hit
            ent = ctx.ent_of[i]
            if ent is not None and ent.label_ in ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART") \
                    or i in at and (at[i].has("org") or at[i].end > i + width) or i in inside:
                i += width  # a name: "European Community partners", "the African Union"
                continue
            k = i + width
            while k < n and k - (i + width) < 2 and k not in at and sdoc[k].pos_ != "PROPN" \
                    and self._is_modifier(sdoc[k]):
                k += 1  # "Western military officials"
            role = at[k].first("role") if k in at else None
            start = i - 1 if i > 0 and sdoc[i - 1].lower_ == "the" else i
            form = sdoc[i:i + width].text
            if role is not None and not role.extra.person and role.extra.sector:
                end, sector = at[k].end, role.extra.sector
                while end in at and at[end].first("role") is not None:  # "Western military officials"
                    end = at[end].end
                out.append(Found(start, end, Ref("region", code, sector=sector,
                                                 name=f"{form} {SECTOR_NAMES.get(sector, sector)}"),
                                 "region", end - 1))
                i = end
                continue
            if k < n and sdoc[k].lower_ in REGION_STATES:
                out.append(Found(start, k + 1, Ref("region", code, name=region), "region", k))
                i = k + 1
                continue
            i += width
        return out

    def _compose(self, ctx: Context, a: Atom, at: dict[int, Atom], words: list[str]) -> Found | None:
        sdoc = ctx.sdoc
        if a.has("demonym") and a.start > 0 and words[a.start - 1].lower() == "ethnic":
            # "ethnic Albanians": a people, placed where the text puts them, not the kin state
            iso = self._iso(a)
            g = PeopleGroup(words[a.start], [], [iso] if iso else [], "ethnic", iso or "")
            f = self._people_group(ctx, a, g, at, words, a.start - 1)
            if f is not None:
                return f
        grp = a.first("people")
        if grp is not None and not a.has(*COUNTRYISH, "org", "person", "alias"):
            return self._people_group(ctx, a, grp.extra, at, words, a.start)
        inside = a.has(*COUNTRYISH) and self._inside_other_entity(ctx, a)
        if a.has(*COUNTRYISH) and not inside:
            f = self._country_role(ctx, a, at, words)
            if f is not None:
                return f
        role = a.first("role")
        if role is not None and not a.has("country", "demonym", "capital", "seat", "org", "person", "alias"):
            return self._role_first(ctx, a, role, at, words)
        person = a.first("person", "alias")
        if person is not None and (a.has("person") or self._alias_ok(ctx, a)):
            pid = pick_person(ctx, [e.ref for e in a.entries if e.kind in ("person", "alias")])
            if pid is not None:
                return Found(a.start, self._extend_name(ctx, a), Ref("person", pid), "name", self._head(a.start, a.end, sdoc))
        org = self._org_entry(a)
        if org is not None and org.extra.kind == "igo":
            f = self._igo_role(ctx, a, org, at, words)
            if f is not None:
                return f
        if org is not None:
            text = " ".join(words[a.start:a.end])
            if text in AMBIGUOUS_ALONE and (not self._entity_exact(ctx, a.start, a.end)
                                            or a.end < len(sdoc) and sdoc[a.end].lower_ in PLACE_HEADS):
                return None  # "the Amazon rainforest" is no company
            company, ent = org.extra.kind == "company", ctx.ent_of[a.start]
            if company and a.start > 0 and sdoc[a.start - 1].lower_ in PRODUCT_DETERMINERS \
                    and a.end - a.start == 1 and (ent is None or ent.end <= a.end):
                return None  # "The Toyota failed to yield", "drove a Honda": the car, not the carmaker
            if text in SHARED_PARTY_NAMES and org.extra.country and not any(
                    org.extra.country in named for named in self._named.values()):
                return None  # "the Communist Party" of an article that never names China is not China's
            end = a.end
            if company and ent is not None and ent.label_ == "ORG" and ent.start == a.start:
                end = max(end, ent.end)  # "General Motors Corporation", "Boeing Commercial Airplanes": the company
            role = at.get(end)
            if role is not None and role.has("role") and not role.has("org") and not role.first("role").extra.person \
                    and not (company and role.first("role").extra.term in VAGUE_AGENTS):
                if company and role.first("role").extra.sector == "LAB" and org.extra.country:
                    # "Boeing workers went on strike": labour, not the company that employs them
                    return Found(a.start, role.end, Ref("group", country=org.extra.country, sector="LAB"),
                                 "company_labour", self._head(a.start, role.end, sdoc))
                end = role.end  # "Hamas fighters", "Xinhua reporters": the organisation acting ("Airbus jets": no)
            return Found(a.start, end, Ref("org", org.ref, org=org.extra), "name", self._head(a.start, end, sdoc))
        if a.has(*COUNTRYISH) and not inside:
            ent = ctx.ent_of[a.start]
            if ent is not None and ent.label_ == "ORG" and ent.end > a.end and not self._starts_in(ent, at, a):
                # an organisation named after its country: "the Rwandan Patriotic Front"
                return Found(a.start, ent.end, Ref("unknown", name=ctx.sdoc[a.start:ent.end].text, role="org",
                                                   country=self._iso(a)), "country_org", ent.root.i)
            return self._country_alone(ctx, a, words)
        return None

    def _org_entry(self, a: Atom) -> Entry | None:
        """The organisation a match names; of several sharing the name ("RSF": Reporters Without Borders,
        Sudan's Rapid Support Forces), the one whose country the article names, else the first listed."""
        orgs = [e for e in a.entries if e.kind == "org"]
        if len(orgs) > 1:
            return next((e for e in orgs if e.extra.country in self._countries_named), orgs[0])
        return orgs[0] if orgs else None

    @staticmethod
    def _starts_in(ent, at: dict[int, Atom], a: Atom) -> bool:
        """Another KB match starts inside ``ent`` after ``a`` (then the parts are read apart)."""
        return any(i in at for i in range(a.end, ent.end))

    def _country_role(self, ctx: Context, a: Atom, at: dict[int, Atom], words: list[str]) -> Found | None:
        """country reference [+ 's] [+ modifiers] + role [+ name]; coordinated references too."""
        sdoc = ctx.sdoc
        n = len(words)
        refs = [a]
        j = a.end
        # "U.S. and Russian negotiators", "Hungarian and Romanian officials"
        while j + 1 < n and words[j].lower() in ("and", ",", "or") and j + 1 in at and at[j + 1].has("demonym", "country"):
            refs.append(at[j + 1])
            j = at[j + 1].end
        possessive = j < n and words[j] in POSSESSIVE
        if possessive:
            j += 1
        mods = []
        while j < n and len(mods) < 3 and j not in at and self._is_modifier(sdoc[j]):
            mods.append(words[j].lower())
            j += 1
        nxt = at.get(j)
        if nxt is None:
            return None
        start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
        iso = self._iso(a)
        if nxt.has("demonym") and not nxt.has("role") and not possessive and len(refs) == 1:
            # "Bosnian Serbs", "Bosnian Serb forces": a people of the first country
            after = at.get(nxt.end)
            if after is not None and after.has("role") and not after.first("role").extra.person:
                sector = after.first("role").extra.sector
                return Found(start, after.end, Ref("group", country=iso, sector=sector), "country_role",
                             self._head(start, after.end, sdoc))
            if sdoc[nxt.end - 1].tag_ in ("NNS", "NNPS"):
                return Found(start, nxt.end, Ref("group", country=iso, sector="CVL"), "country_role",
                             self._head(start, nxt.end, sdoc))
        if nxt.has("people") and not possessive and len(refs) == 1:
            # "Iraqi Kurds", "Sri Lankan Tamil refugees": a people of the first country
            f = self._people_group(ctx, nxt, nxt.first("people").extra, at, words, start)
            if f is not None:
                f.ref = Ref("group", country=iso, sector=f.ref.sector)
                return f
        role = nxt.first("role")
        ent = ctx.ent_of[a.start]
        if nxt.has("org") and not nxt.has("role") and ent is not None and ent.end >= nxt.end and \
                nxt.first("org").extra.country is None and iso is not None:
            # a national branch of an international body: "the Kenya Red Cross", a body of its own
            # named as written, coded by its country and the body's sector
            return Found(start, nxt.end, Ref("unknown", name=sdoc[a.start:nxt.end].text, role="org", country=iso,
                                             sector=nxt.first("org").extra.sector),
                         "country_role", self._head(a.start, nxt.end, sdoc))
        if nxt.has("org") and not nxt.has("role") and (possessive or nxt.first("org").extra.country == iso):
            # "Russia's Gazprom", "Chinese state broadcaster" handled below; a named org after its country
            org = nxt.first("org")
            return Found(start, nxt.end, Ref("org", org.ref, org=org.extra), "country_role", self._head(a.start, nxt.end, sdoc))
        if nxt.has("person", "alias") and not mods and not nxt.has("role"):
            return None  # "Chinese Xi": let the name rule take the person
        if role is None:
            return None
        r = role.extra
        end = nxt.end
        second = at.get(end)
        if second is not None and second.has("role") and r.sector in ("GOV", "MIL") and not r.person and \
                second.first("role").extra.sector in ("MIL", "COP") and not second.first("role").extra.person:
            # "government forces", "state police": the armed body is the actor; "military police" are the
            # military's, one actor with it (not the police of whatever country the sentence names most)
            r, end = (r if r.sector == "MIL" else second.first("role").extra), second.end
        elif second is not None and second.has("role") and r.sector == "CVL" \
                and sdoc[end - 1].tag_ not in ("NNS", "NNPS") and not second.first("role").extra.person:
            # "Afghan National Army", "Iraqi National Guard": a civilian word naming the body that follows
            r, end = second.first("role").extra, second.end
        # apposition: "state broadcaster CCTV", "President Xi Jinping"
        follow = at.get(end)
        if follow is not None and follow.has("org") and not r.person:
            org = follow.first("org")
            return Found(start, follow.end, Ref("org", org.ref, org=org.extra), "country_role",
                         self._head(start, follow.end, sdoc))
        if r.person:
            named = self._name_after(ctx, end, at, iso)
            if named is not None:
                nend, ref = named
                if ref.kind == "unknown":
                    ref.country, ref.sector = (iso if len(refs) == 1 else None), r.sector
                return Found(start, nend, ref, "country_role", self._head(start, nend, sdoc))
            if r.sector == "CVL" and end < len(sdoc) and sdoc[end].tag_ in ("NN", "NNS", "NNP", "NNPS"):
                # a word of a name, not a person: "Swiss National Bank", "Syrian National Council", a body
                # of the country named as written
                if ent is None or ent.end <= end or len(refs) > 1:
                    return None
                return Found(ent.start, ent.end, Ref("unknown", name=sdoc[a.start:ent.end].text, role="org",
                                                     country=iso), "country_role", ent.root.i)
        head = self._head(start, end, sdoc)
        if len(refs) > 1:
            # each coordinated reference becomes its own group actor over its own words
            for extra in refs[1:]:
                ctx.found.append(Found(extra.start, end, Ref("group", country=self._iso(extra), sector=r.sector),
                                       "country_role", head))
            end_first = refs[0].end
            return Found(start, end_first, Ref("group", country=iso, sector=r.sector), "country_role", head)
        if r.person and r.role in RESOLVABLE_ROLES and not (set(mods) & NOT_THE_HOLDER):
            return Found(start, end, Ref("role", country=iso, role=r.role, sector=r.sector), "country_role", head)
        if r.role == "counterpart":
            return Found(a.start, end, Ref("counterpart", country=iso), "country_role", head)
        if iso is None:
            return None
        return Found(start, end, Ref("group", country=iso, sector=r.sector), "country_role", head)

    def _people_group(self, ctx: Context, a: Atom, g: PeopleGroup, at: dict[int, Atom], words: list[str],
                      start: int) -> Found | None:
        """An ethnic or religious group as an actor: its word + [modifiers] + a group noun
        ("Tamil civilian refugees"), or its plural alone ("Kurds"). The adjective alone
        ("Kurdish autonomy") and a word inside a longer name ("Christian Democratic
        Union", "Islamic Jihad") are not actors."""
        sdoc = ctx.sdoc
        ent = ctx.ent_of[a.start]
        if ent is not None and ent.label_ in ("ORG", "PERSON", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT") \
                and (ent.end > a.end or ent.start < start):
            return None
        j, mods = a.end, 0
        while j < len(words) and mods < 2 and j not in at and self._is_modifier(sdoc[j]):
            j, mods = j + 1, mods + 1
        nxt = at.get(j)
        role = nxt.first("role") if nxt is not None and not nxt.has(*COUNTRYISH, "org", "person") else None
        while role is not None and nxt.end in at and at[nxt.end].has("role") and \
                not at[nxt.end].first("role").extra.person:
            nxt = at[nxt.end]  # "Tamil civilian refugees": the last group noun is the head
            role = nxt.first("role")
        if role is not None and not role.extra.person:
            sector, end = role.extra.sector, nxt.end
        elif sdoc[a.end - 1].tag_ in ("NNS", "NNPS") or (untagged(sdoc[a.end - 1]) and words[a.end - 1].endswith("s")) \
                or (sdoc[a.end - 1].pos_ in ("NOUN", "PROPN") and
                                                          sdoc[a.end - 1].dep_ in ("nsubj", "nsubjpass", "dobj",
                                                                                    "pobj", "conj")):
            sector, end = "CVL", a.end
        else:
            return None
        head = self._head(start, end, sdoc)
        located = self._located_in(ctx, sdoc[end - 1], at)
        return Found(start, end, Ref("people", key=g.name, country=located, sector=sector, org=g), "people_group",
                     head)

    def _igo_role(self, ctx: Context, a: Atom, org: Entry, at: dict[int, Atom], words: list[str]) -> Found | None:
        """An international body + a group role: "NATO troops", "UN military personnel"."""
        j = a.end
        mods = 0
        while j < len(words) and mods < 2 and j not in at and self._is_modifier(ctx.sdoc[j]):
            j += 1
            mods += 1
        nxt = at.get(j)
        role = nxt.first("role") if nxt is not None else None
        start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
        if role is not None and role.extra.person:
            # "U.N. mediator Diego Cordovez": a person the KB does not know, acting for the body
            named = self._name_after(ctx, nxt.end, at, None)
            if named is not None and named[1].kind == "unknown":
                nend, ref = named
                ref.sector, ref.org = role.extra.sector, org.extra
                return Found(start, nend, ref, "igo_title_name", self._head(start, nend, ctx.sdoc))
            return None
        if role is None or role.extra.sector in ("GOV",):
            return None
        return Found(start, nxt.end, Ref("igo_group", org.ref, sector=role.extra.sector, org=org.extra),
                     "igo_role", self._head(start, nxt.end, ctx.sdoc))

    def _role_first(self, ctx: Context, a: Atom, role: Entry, at: dict[int, Atom], words: list[str]) -> Found | None:
        """title + name ("President Obama"), role of/in country ("president of Armenia"), "the president"."""
        sdoc = ctx.sdoc
        r = role.extra
        n = len(words)
        if r.person:
            named = self._name_after(ctx, a.end, at, None)
            portfolio = _past_portfolio(words, a.end)
            if named is None and portfolio is not None:  # "Minister for Interior Aftab Sherpao"
                named = self._name_after(ctx, portfolio, at, None)
            if named is not None:
                nend, ref = named
                if ref.kind == "unknown":
                    ref.sector = r.sector
                return Found(a.start, nend, ref, "title_name", self._head(a.start, nend, sdoc))
        follow = at.get(a.end)
        if not r.person and follow is not None and follow.has("org") and not follow.has("role"):
            # apposition: "state broadcaster CCTV"
            org = follow.first("org")
            start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
            return Found(start, follow.end, Ref("org", org.ref, org=org.extra), "title_name",
                         self._head(start, follow.end, sdoc))
        j = a.end
        if j < n and words[j].lower() in ("of", "in", "from", "throughout", "across") and \
                not (r.person and words[j].lower() == "in") and not self._owned(ctx, a):
            k = j + 1
            if k < n and words[k].lower() == "the":
                k += 1
            c = at.get(k)
            igo = c.first("org") if c is not None else None
            if igo is not None and igo.extra.kind == "igo":  # "officials in Brussels", "envoy of the UN"
                start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
                return Found(start, c.end, Ref("org", igo.ref, org=igo.extra), "role_of_country",
                             self._head(start, c.end, sdoc))
            if c is not None and c.has("country", "capital"):
                start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
                iso = self._iso(c)
                head = self._head(start, c.end, sdoc)
                if r.person and r.role in RESOLVABLE_ROLES:
                    return Found(start, c.end, Ref("role", country=iso, role=r.role, sector=r.sector),
                                 "role_of_country", head)
                return Found(start, c.end, Ref("group", country=iso, sector=r.sector), "role_of_country", head)
            place = self._place_at(ctx, k) if c is None else None
            if place is not None:
                # "rebels in Darfur", "a missionary from Calgary": the city's country
                start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
                iso, place_end = place
                return Found(start, place_end, Ref("group", country=iso, sector=r.sector),
                             "role_of_country", self._head(start, place_end, sdoc))
        if r.person and r.role not in RESOLVABLE_ROLES and r.term in TITLES:
            opened = the_title(sdoc, a.start, a.end)
            if opened is not None:  # "the senator", "the Vermont senator": a person the text titled so before
                return Found(opened, a.end, Ref("titled", role=TITLES[r.term], sector=r.sector), "titled",
                             self._head(opened, a.end, sdoc))
        if r.person and r.role in RESOLVABLE_ROLES and a.start > 0 and words[a.start - 1].lower() == "the":
            # "the president": an officeholder already in the article (resolved in coref)
            return Found(a.start - 1, a.end, Ref("role", country=None, role=r.role, sector=r.sector), "bare_role",
                         self._head(a.start - 1, a.end, sdoc))
        last = sdoc[a.end - 1]
        prev = words[a.start - 1].lower() if a.start > 0 else ""
        end = a.end
        if not r.person and last.dep_ == "compound" and last.head.i == a.end and \
                last.head.lower_ in COLLECTIVE_HEADS and a.end not in at:
            # "opposition groups", "rebel factions": the group noun heads the phrase
            last, end = last.head, a.end + 1
        if r.term in ("company", "firm") and prev == "the":
            # "the company": an organisation the article already named (resolved in coref)
            return Found(a.start - 1, a.end, Ref("nominal_org", sector=r.sector), "nominal", last.i)
        if prev in ELSEWHERE:
            return None  # "appealed to Western leaders", "foreign troops": no country's, and not the text's own
        one_of_many = r.person and r.sector in ONE_OF_MANY_SECTORS and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in last.children)
        if (not r.person or one_of_many) and r.term not in VAGUE_AGENTS \
                and last.dep_ not in ("compound", "amod", "poss") and is_noun(last) \
                and (prev not in ("near", "at", "inside", "outside", "into") or last.tag_ == "NNS"):
            # "police fired tear gas": a group with no country in the phrase (coref links it to
            # an earlier actor of the same sector, else it stands as the sector alone); after "at" or
            # "outside" a body is a place ("outside parliament"), people are still people ("fired at protesters")
            start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
            iso = None if self._owned(ctx, a) else self._located_in(ctx, last, at)
            if iso is not None:  # "refugees fleeing the war in Liberia", "a newspaper based in Beirut"
                return Found(start, end, Ref("group", country=iso, sector=r.sector), "agent_located", last.i)
            return Found(start, end, Ref("bare", sector=r.sector), "bare_agent", last.i)
        return None

    @staticmethod
    def _owned(ctx: Context, a: Atom) -> bool:
        """Whether a possessor says whose the group is ("*its* troops from Iraq", "*Britain's* envoy in
        Kabul"): the place after it is where they are or come from, not their country."""
        return a.start > 0 and ctx.sdoc[a.start - 1].tag_ in ("PRP$", "POS")

    def _located_in(self, ctx: Context, head, at: dict[int, Atom]) -> str | None:
        """The country of a place the group's own phrase puts it in ("... in Liberia", "... from Gaza")."""
        sdoc = ctx.sdoc
        for t in sdoc[head.i + 1:min(head.i + 9, len(sdoc))]:
            if t.tag_ in FINITE or t.is_sent_start or t.text in (",", ";", ":"):
                break  # the group's own phrase ends at its verb ("police said in Paris")
            if t.dep_ != "pobj" or t.head.lower_ not in ("in", "from"):
                continue
            a = at.get(t.i)
            if a is None:  # the place may be several words ending at t
                for k in range(t.i - 1, max(t.i - 4, head.i), -1):
                    if k in at and at[k].end == t.i + 1:
                        a = at[k]
                        break
            if a is not None and a.has("country", "capital"):
                return self._iso(a)
            ent = ctx.ent_of[t.i]
            place = self._place_at(ctx, ent.start if ent is not None else t.i)
            if place is not None:
                return place[0]
        return None

    @staticmethod
    def _place_at(ctx: Context, i: int) -> tuple[str, int] | None:
        """(country, end) of a place named at token ``i``: a place entity, or a city the recogniser
        missed or took for a nationality ("residents of Aleppo", "people in Aleppo" as NORP), read
        as proper nouns that name a city the packaged extract knows (:func:`city_country`)."""
        ent = ctx.ent_of[i]
        if ent is not None and ent.start == i and ent.label_ in ("GPE", "LOC"):
            iso = place_country(ent.text, cities=ent.label_ == "GPE")
            return (iso, ent.end) if iso else None
        if ent is not None and (ent.start != i or ent.label_ != "NORP"):
            return None
        end = _proper_noun_run(ctx.sdoc, i, 3)
        if end == i or ent is not None and ent.end != end:
            return None
        iso = city_country(ctx.sdoc[i:end].text)
        return (iso, end) if iso else None

    def _name_after(self, ctx: Context, j: int, at: dict[int, Atom], iso: str | None):
        """A KB person or an unknown PERSON entity starting at token ``j``: (end, Ref)."""
        nxt = at.get(j)
        if nxt is not None and nxt.has("person", "alias"):
            pid = pick_person(ctx, [e.ref for e in nxt.entries if e.kind in ("person", "alias")], iso)
            if pid is not None:
                return self._extend_name(ctx, nxt), Ref("person", pid)
        ent = ctx.ent_at.get(j)
        if ent is not None and ent.label_ == "PERSON":
            pid = self._same_first_name(ctx, ent, at, iso)
            if pid is not None:
                return ent.end, Ref("person", pid)
            return ent.end, Ref("unknown", name=ent.text, role="person")
        return None

    def _same_first_name(self, ctx: Context, ent, at: dict[int, Atom], iso: str | None) -> str | None:
        """A KB person whose family name ends ``ent`` and whose first name starts it.

        Reads spelling variants of the rest of a name ("Abdelaziz Bouteflicka",
        "Laurent Gbago") without taking "Chelsea Clinton" for Bill Clinton.
        """
        last = at.get(ent.end - 1)
        if last is None or last.end != ent.end or not last.has("alias") or ent.end - ent.start < 2:
            return None
        first = ctx.sdoc[ent.start].text
        cands = [e.ref for e in last.entries if e.kind == "alias"
                 and self.kb.people[e.ref].name.split()[0] == first]
        return pick_person(ctx, cands, iso) if cands else None

    def _extend_name(self, ctx: Context, a: Atom) -> int:
        """Stretch a name match to the end of the spaCy PERSON entity it starts."""
        ent = ctx.ent_of[a.start] if a.start < len(ctx.ent_of) else None
        end = a.end
        if ent is not None and ent.label_ == "PERSON" and ent.start == a.start:
            while end < ent.end and is_proper_noun(ctx.sdoc[end]) and ctx.sdoc[end].text not in POSSESSIVE:
                end += 1
        return end

    def _country_alone(self, ctx: Context, a: Atom, words: list[str]) -> Found | None:
        sdoc = ctx.sdoc
        head = self._head(a.start, a.end, sdoc)
        seat = a.first("seat")
        start = a.start - 1 if a.start > 0 and words[a.start - 1].lower() == "the" else a.start
        if seat is not None:
            return Found(start, a.end, Ref("group", country=seat.ref, sector=seat.extra), "metonym", head)
        cap = a.first("capital")
        if cap is not None and not a.has("country"):
            prev = words[a.start - 1].lower() if a.start > 0 else ""
            tok = sdoc[a.start]
            if sdoc[a.end - 1].dep_ in ("compound", "nmod") and sdoc[a.end - 1].head.i >= a.end:
                return None  # part of a name ("Moscow Metro") or a modifier ("Athens underground stations")
            qualified = self._qualifier_country(a.end)
            if qualified is not None and qualified != cap.ref:  # "a Paris, Missouri, man"
                return Found(a.start, a.end, Ref("group", country=qualified), "place", head) \
                    if prev in LOCATIVE else None
            if prev in LOCATIVE:  # a place ("in Moscow"): the country, no sector
                return Found(a.start, a.end, Ref("group", country=self._iso(a)), "place", head)
            return Found(a.start, a.end, Ref("group", country=cap.ref, sector="GOV"), "metonym", head)
        country = a.first("country")
        if country is not None:
            return Found(start if words[start].lower() == "the" and start < a.start else a.start, a.end,
                         Ref("group", country=country.ref), "country", head)
        dem = a.first("demonym")
        if dem is not None:
            tok = sdoc[a.end - 1]
            if a.start > 0 and words[a.start - 1].lower() in ("in", "into", "from") and tok.dep_ == "pobj":
                return None  # a language: "said in English", "translated from Russian"
            if tok.tag_ in ("NNS", "NNPS"):  # "Palestinians", "Algerians": the people
                return Found(start, a.end, Ref("group", country=dem.ref, sector="CVL"), "country", head)
            return Found(a.start, a.end, Ref("group", country=dem.ref), "country", head)
        return None

    def _misread_place(self, ent) -> str | None:
        """The country of a place the recogniser took for a name: a city it labels an organisation (its
        sports team's name: "residents of Edmonton", "Edmonton needs to start eating"), and a city or
        region it labels a person where a preposition of place puts it ("the state of emergency in
        Tigray"). A person named like a town ("Florence said") keeps the name."""
        if ent.label_ == "ORG":
            return self._qualifier_country(ent.end) or city_country(ent.text)
        before = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ == "PERSON" and before in LOCATIVE_PREPS:
            return place_country(ent.text)
        return None

    @staticmethod
    def _unrecognised_cities(ctx: Context, covered: list[bool]) -> None:
        """Cities the recogniser did not mark ("shelled residential areas of Kharkiv"): proper nouns
        after a preposition of place or "of", outside any entity, that name a city of
        ``UNMARKED_CITY_POPULATION`` people or more; each is the city's country, as a marked one is."""
        sdoc = ctx.sdoc
        i = 1
        while i < len(sdoc):
            end = _proper_noun_run(sdoc, i, 2, lambda t: not t.ent_type_ and not covered[t.i])
            iso = None
            if end > i and sdoc[i - 1].lower_ in PLACE_PREPS and (end == len(sdoc) or sdoc[end].pos_ != "PROPN"):
                iso = city_country(sdoc[i:end].text, UNMARKED_CITY_POPULATION)
            if iso is not None:
                ctx.found.append(Found(i, end, Ref("group", country=iso), "place", sdoc[end - 1].i))
            i = max(end, i + 1)

    def _unknown_entities(self, ctx: Context, at: dict[int, Atom]) -> None:
        """PERSON/ORG entities no rule explained: actors with code null (never dropped)."""
        sdoc = ctx.sdoc
        covered = [False] * len(sdoc)
        for f in ctx.found:
            for i in range(f.start, f.end):
                covered[i] = True
        for ent in sdoc.ents:
            if ent.label_ in ("GPE", "LOC") and not any(covered[i] for i in range(ent.start, ent.end)):
                iso = self._qualifier_country(ent.end) or place_country(ent.text, cities=ent.label_ == "GPE")
                if iso is not None:  # a city named as a place: its country, no sector
                    ctx.found.append(Found(ent.start, ent.end, Ref("group", country=iso), "place", ent.root.i))
                continue
            if ent.label_ not in ("PERSON", "ORG") or covered[ent.end - 1]:
                continue
            if not any(covered[i] for i in range(ent.start, ent.end)) \
                    and (iso := self._misread_place(ent)) is not None:
                ctx.found.append(Found(ent.start, ent.end, Ref("group", country=iso), "place", ent.root.i))
                continue
            start = ent.start
            for i in range(ent.start, ent.end):
                if covered[i]:  # "Putin's St. Petersburg Forum": the part after the possessor
                    start = i + 1 + (i + 1 < ent.end and sdoc[i + 1].text in POSSESSIVE)
            while start < ent.end - 1 and _capitals(sdoc[start]) and not _capitals(sdoc[start + 1]):
                start += 1  # "DETROIT The U.S. Transportation Department": the dateline is no part of the name
            if start >= ent.end or _dateline(sdoc[start:ent.end]):
                continue
            span = sdoc[start:ent.end]
            if not any(is_proper_noun(t) for t in span):  # "Xi's 69th [birthday]": not a name
                continue
            country = None
            if ent.label_ == "ORG":
                for i in range(start, ent.end):
                    a = at.get(i)
                    if a is not None and a.has("country", "demonym", "capital"):
                        country = self._iso(a)
                        break
            role = "person" if ent.label_ == "PERSON" else "org"
            pid = self._same_first_name(ctx, span, at, None) if role == "person" else None
            ref = Ref("person", pid) if pid else Ref("unknown", name=span.text, role=role, country=country)
            ctx.found.append(Found(start, ent.end, ref, "unknown", span.root.i))
            for i in range(start, ent.end):
                covered[i] = True
        self._unrecognised_cities(ctx, covered)
        # a family name alone, after the full name ("Wardak denied it")
        family = {}
        for f in ctx.found:
            if f.ref.kind == "unknown" and f.ref.role == "person" and f.end - f.start > 1:
                family.setdefault(sdoc[f.end - 1].text, f)
        if family:
            for t in sdoc:
                f = family.get(t.text)
                if f is not None and not covered[t.i] and t.i > f.start and is_proper_noun(t):
                    ctx.found.append(Found(t.i, t.i + 1, Ref("unknown", name=f.ref.name, role="person"),
                                           "unknown", t.i))

    # --- helpers ------------------------------------------------------
    def _qualifier_country(self, end: int) -> str | None:
        """The country a qualifier after a town's name places it in ("Paris, Missouri, man",
        "London, Ky. (WKYT)", "Paris, Ont."): a state, province or country of the places
        gazetteer, else None. A capital so qualified is that town, not its country's government."""
        from ..places.gazetteer import load_gazetteer
        from ..places.toponyms import STATE_ABBREVIATIONS

        words = self._words
        if end + 1 >= len(words) or words[end] != ",":
            return None
        k = end + 1
        qualifier = []
        while k < len(words) and len(qualifier) < 3 and words[k] not in (",", "(", ")", "-", "—", ".") \
                and words[k][:1].isupper():
            qualifier.append(words[k])
            k += 1
        if not qualifier:
            return None
        if k < len(words) and words[k] == "." and len(qualifier) == 1:  # "Ky." split as "Ky" "."
            qualifier[-1] += "."
        text = " ".join(qualifier)
        text = STATE_ABBREVIATIONS.get(text, text)
        countries = {e.country for e, alias in load_gazetteer().lookup(text)
                     if e.kind in ("admin1", "country") and not alias and e.country}
        return next(iter(countries)) if len(countries) == 1 else None

    def _iso(self, a: Atom) -> str | None:
        e = a.first(*COUNTRYISH)
        if e is None:
            return None
        qualified = self._qualifier_country(a.end) if e.kind in ("capital", "city") else None
        if qualified is not None:
            return qualified
        if e.kind == "capital":
            # "militias in Tripoli ... the north Lebanese port": a city of the same name in
            # the country the sentence names, when it does not name the capital's own
            named = self._named.get(self._sent_of.get(a.start, 0), set())
            if e.ref not in named:
                rivals = [c for c in rival_city_countries(" ".join(self._words[a.start:a.end])) if c in named]
                if rivals:
                    return rivals[0]
        return e.ref

    def _alias_ok(self, ctx: Context, a: Atom) -> bool:
        """A family name alone is read as a KB person only with support from the text: the full name
        before, the recogniser's person, or a name that is a doer or an object ("Modi met Xi in
        Delhi", which the recogniser missed) of someone who held office in a country the article
        names at its date, when the name is no place's."""
        ids = {e.ref for e in a.entries if e.kind == "alias"}
        if ids & set(ctx.linked_people):
            return True
        ent = ctx.ent_of[a.start]
        held = [t for i in ids if i in self.kb.people and (t := self.kb.people[i].tenure_at(ctx.date)) is not None]
        if ent is not None:
            exact = ent.start == a.start and ent.end == a.end
            # "Maduro called Biden a liar" with "Biden" taken for an organisation: no organisation is called
            # so, and a person so called held office at the article's date
            return exact and (ent.label_ == "PERSON" or ent.label_ == "ORG" and a.end - a.start == 1 and held
                              and self._org_entry(a) is None and place_country(ent.text) is None)
        tok = ctx.sdoc[a.start]
        if a.end - a.start != 1 or tok.pos_ != "PROPN" or tok.dep_ not in ARGUMENT_DEPS \
                or place_country(tok.text) is not None:  # "Austin is a city in Texas"
            return False
        return any(t.country in self._countries_named for t in held)

    def _entity_exact(self, ctx: Context, start: int, end: int) -> bool:
        ent = ctx.ent_of[start]
        return ent is not None and ent.start == start and ent.end == end

    def _inside_other_entity(self, ctx: Context, a: Atom) -> bool:
        """A country word inside a longer name ("George Washington", "Moscow State University").
        A monarchy's forces put "Royal" before their country ("the Royal Saudi Air Force", "the Royal
        Thai Army"): that name is the country's, read as its demonym and role."""
        ent = ctx.ent_of[a.start]
        if ent is None or ent.label_ not in ("PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"):
            return False
        forces = ent.root.lower_ in ROYAL_FORCES
        before = [t for t in ctx.sdoc[ent.start:a.start] if t.lower_ != "the" and not (forces and t.lower_ == "royal")]
        return bool(before) or (ent.end > a.end and ent.label_ == "PERSON" and a.end not in self._atom_starts)

    @staticmethod
    def _is_modifier(tok) -> bool:
        low = tok.lower_
        if low in MODIFIERS:
            return True
        return tok.pos_ in ("ADJ", "NUM") or tok.dep_ in ("amod", "compound", "nummod")

    @staticmethod
    def _head(start: int, end: int, sdoc) -> int:
        span = sdoc[start:end]
        return span.root.i if len(span) else start


# Verbs whose object "opposition" is a stance taken, not a group ("voiced its opposition").
STANCE_VERBS = frozenset({"voice", "express", "reiterate", "register", "signal", "restate", "state", "stress",
                          "underline", "reaffirm", "drop", "withdraw", "announce", "declare"})


# Verbs whose "intelligence" is information, not a service ("shared intelligence", "intelligence gathered by").
INFORMATION_VERBS = frozenset({"share", "exchange", "provide", "gather", "collect", "pass", "give", "supply",
                               "receive", "obtain", "leak", "declassify", "use", "act", "base", "have", "get"})


def _names_no_group(tok) -> bool:
    """Whether a group word names no group: "opposition" as a stance ("Russia's opposition to the
    plan", "China voiced its opposition"), "intelligence" as information ("agreed to share military
    intelligence", "intelligence gathered by the army"), not the political opposition or a service."""
    low = tok.lower_
    if low == "opposition":
        return any(c.dep_ == "prep" and c.lower_ in ("to", "against") for c in tok.children) \
            or tok.dep_ == "dobj" and tok.head.lemma_.lower() in STANCE_VERBS
    if low == "intelligence":
        return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in INFORMATION_VERBS \
            or any(c.dep_ == "acl" and c.lemma_.lower() in INFORMATION_VERBS for c in tok.children)
    return False


def _capitals(tok) -> bool:
    """A word in capitals, as a dateline writes its town ("DETROIT", "RIDGE"), not an initialism's dots."""
    return tok.is_alpha and tok.is_upper and len(tok.text) >= 3


_AGENCIES = {"AP", "Reuters", "AFP", "UPI", "CNN", "Xinhua", "dpa", "DPA", "WBKO", "PTI", "IANS"}


def _dateline(span) -> bool:
    """A dateline the recogniser took for a name: two words or more in capitals opening a sentence before
    a comma, a bracket or a dash ("RIDGE FARM, Ill. (AP) —"), capitals opening a sentence right before a
    capitalised word ("DETROIT The ..."), or any before a news agency in brackets."""
    doc = span.doc
    if not all(_capitals(t) for t in span):
        return False
    nxt = doc[span.end] if span.end < len(doc) else None
    after = doc[span.end + 1] if span.end + 1 < len(doc) else None
    if nxt is not None and nxt.text == "(" and after is not None and after.text in _AGENCIES:
        return True
    if nxt is None or not span[0].is_sent_start:
        return False
    if nxt.text[:1].isupper() and not nxt.is_upper:
        return True  # "DETROIT The U.S. Transportation Department ...": no punctuation after it at all
    return len(span) >= 2 and nxt.text in (",", "(", "—", "–", "-", "--")


def role_label(tenure: Tenure | None) -> str | None:
    return KIND_LABELS.get(tenure.kind, tenure.kind.replace("_", " ")) if tenure is not None else None


# Portfolios a minister's or a secretary's title names before the holder ("Minister for Interior
# Aftab Sherpao", "Minister of Foreign Affairs Wang Yi"): skipped to reach the name.
PORTFOLIO_WORDS = frozenset({"interior", "foreign", "affairs", "home", "defence", "defense", "finance", "health",
                             "education", "justice", "trade", "energy", "agriculture", "information", "labour",
                             "labor", "transport", "economy", "environment", "industry", "commerce", "culture",
                             "tourism", "planning", "water", "petroleum", "oil", "mines", "works", "security",
                             "and", "public", "national", "internal", "external", "economic", "social", "welfare"})


def _past_portfolio(words: list[str], j: int) -> int | None:
    """The index after "for Interior" or "of Foreign Affairs" at ``j``, or None."""
    if j >= len(words) or words[j].lower() not in ("for", "of"):
        return None
    k = j + 1
    if k < len(words) and words[k].lower() == "the":
        k += 1
    start = k
    while k < len(words) and k - start < 4 and words[k][:1].isupper() and words[k].lower() in PORTFOLIO_WORDS:
        k += 1
    return k if k > start and words[k - 1].lower() != "and" else None
