"""Found phrases -> actors, with role and pronoun coreference.

Phrases are resolved in text order, so every reference can only point back to
actors the article has already introduced:

- a role with a country ("the Chinese president", "the Kremlin leader") is
  the KB's holder of that office at the article's published date (the
  country's leading office for "leader"); an unfilled office stays the
  country's government;
- "the president" alone is the last-mentioned person holding that office;
- "his Russian counterpart" is whoever holds, in Russia, the office the
  possessor holds (the possessor found like a pronoun: "his" -> the subject);
- he/him/his/she/her resolve to a person actor (gender from the KB when it
  knows it) by a cheap, explainable rule: the subject of the pronoun's own
  sentence if it came before; else the subject of the nearest earlier
  sentence that has a person subject (within two sentences); else the
  nearest earlier person mention.

Each resolved phrase becomes a mention ``[start, end]`` (character offsets)
of its actor; actors are kept in order of first mention with stable ids
("kb:xi_jinping", "RUSCOP", "org:cctv", "unk:diego_cordovez").
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..tags import RELATIVE_PRONOUNS, is_pronoun
from ..document import Actor
from .gender import name_genders
from .kb import KnowledgeBase
from .linker import SECTOR_NAMES, Context, Found, Ref, person_code, role_label, slug
from .titles import title_of

TITLE_REACH = 10  # sentences back "the senator" may look for the person titled so

# Legal forms that end a company's name ("Apple Inc.", "Toyota Motor Corp"): no part of which company it is.
LEGAL_FORMS = ("Inc", "Corp", "Corporation", "Co", "Ltd", "Limited", "LLC", "plc", "PLC", "N.V", "S.A", "AG", "SE",
               "GmbH", "Group", "Holdings")
_ORG_SUFFIXES = re.compile(r"(?:,?\s+(?:" + "|".join(re.escape(f) for f in LEGAL_FORMS) + r")\.?)+$")


def org_key(name: str) -> str:
    """"The Apple Inc." and "Apple" are one organisation: drop a leading article and legal suffixes."""
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return _ORG_SUFFIXES.sub("", name) or name


# Last words of the names of parties and armed movements: bodies of one country, unlike
# companies or international organisations.
POLITICAL_BODIES = {"party", "front", "movement", "army", "brigade", "brigades", "militia", "tigers", "guerrillas",
                    "rebels", "mujahideen", "jihad"}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_CASE = frozenset({"him", "his", "her", "hers", "them", "their"})  # pronouns that are never a subject


# Words that open a question put to someone ("asked Rubio why he ...")
QUESTION_WORDS = frozenset({"why", "whether", "if", "how", "when", "where"})
# A state's organs, which whoever orders or sends them commands (ActorBuilder._commander)
STATE_ORGANS = frozenset({"MIL", "GOV", "COP", "SPY"})
COMMAND_VERBS = frozenset({"order", "command", "instruct", "direct", "tell", "send", "deploy", "dispatch",
                           "mobilize", "mobilise", "put", "place", "authorize", "authorise"})


@dataclass
class PersonMention:
    token: int
    sent: int
    actor: str
    gender: str
    subject: bool


class ActorBuilder:
    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.kb: KnowledgeBase = ctx.kb
        self.actors: dict[str, Actor] = {}
        self.people: list[PersonMention] = []
        sdoc = ctx.sdoc
        self.sent_of = [0] * len(sdoc)
        self.sent_starts = []
        for k, s in enumerate(sdoc.sents):
            self.sent_starts.append(s.start)
            for i in range(s.start, s.end):
                self.sent_of[i] = k
        self.last_name_of: dict[str, str] = {}  # unknown person's family name -> actor id
        self.surname_of: dict[str, str] = {}  # family name of any person named in full so far -> actor id
        self.unknown_people: set[str] = set()
        self.groups: list[PersonMention] = []  # mentions of countries, groups and organisations
        self.settings: list[Counter] = [Counter() for _ in self.sent_starts]  # countries named per sentence
        self.titled: list[tuple[int, str, str]] = []  # (sentence, title, actor id) of people named with a title
        self.named_beside: dict[int, Found] = {}  # office's start -> the person its apposition names
        self.name_gender = name_genders(sdoc)  # name word -> "m"/"f" where the article marks it (gender.py)

    # --- actors ---------------------------------------------------------
    def _actor(self, aid: str, name: str, code: str | None, country: str | None, sector: str | None,
               role: str | None = None) -> Actor:
        a = self.actors.get(aid)
        if a is None:
            a = self.actors[aid] = Actor(aid, name, code, country, sector, role)
        return a

    def _group(self, country: str | None, sector: str | None) -> Actor | None:
        if country is None:
            return None
        c = self.kb.countries.get(country)
        base = (c.demonyms[0] if c and c.demonyms and sector else (c.name if c else country))
        name = f"{base} {SECTOR_NAMES.get(sector, sector)}" if sector else base
        code = country + (sector or "")
        return self._actor(code, name, code, country, sector)

    def _person(self, pid: str) -> Actor:
        p = self.kb.people[pid]
        country, code, tenure = person_code(self.kb, p, self.ctx.date)
        sector = code[3:] or None if code and not code.startswith("IGO") else None
        return self._actor("kb:" + pid, p.name, code, country, sector, role_label(tenure))

    def _org(self, ref: Ref) -> Actor:
        o = ref.org
        country = o.country
        sector = o.sector if o.kind != "igo" else o.sector
        return self._actor("org:" + slug(o.name), o.name, o.code, country, sector)

    def _unknown(self, f: Found) -> Actor:
        ref = f.ref
        name = ref.name or ""
        if ref.role == "person":
            last = name.split()[-1] if name.split() else name
            # a family name alone is the person named in full before; a full name with another first
            # name is another person ("Elliott Lewis", "Barbara Lewis" and their son "Spencer Lewis")
            aid = self.last_name_of.get(name) or self._same_person(name, self.last_name_of.get(last))
            if aid is None:
                aid = "unk:" + slug(name)
                self.last_name_of.setdefault(last, aid)
                self.last_name_of[name] = aid
            self.unknown_people.add(aid)
        else:
            aid = "unk:" + slug(org_key(name))
        code = None
        country = ref.country
        if country is None and ref.sector and ref.role == "person" and ref.org is None and aid not in self.actors:
            # "Interior Minister Aftab Sherpao": an official of the country the sentence is about
            country = self._setting(f.start)
        if country is None and ref.role == "org" and aid not in self.actors and \
                name.rstrip(")").split()[-1:] and name.rstrip(")").split()[-1].lower() in POLITICAL_BODIES:
            # "the Umma party", "the Liberation Tigers": a national movement of the sentence's country
            country = self._setting(f.start)
        if country:
            code = country + (ref.sector or "")
        elif ref.org is not None and getattr(ref.org, "code", None):
            code = ref.org.code  # "U.N. mediator Diego Cordovez": the body's code
        return self._actor(aid, name, code, country, ref.sector)

    def _same_person(self, name: str, aid: str | None) -> str | None:
        """``aid`` (an unknown person with ``name``'s family name) when ``name`` can be them: the family
        name alone, or the same first name ("Jalil Abbas Jilani" and "Jalil Jilani"), not another
        first name ("Barbara Lewis" after "Elliott Lewis")."""
        if aid is None or aid not in self.actors:
            return aid
        words = name.split()
        known = self.actors[aid].name.split()
        return aid if len(words) == 1 or (known and known[0] == words[0]) else None

    # --- resolution -----------------------------------------------------
    def build(self, found: list[Found]) -> list[Actor]:
        sdoc = self.ctx.sdoc
        covered = [False] * len(sdoc)
        for f in found:
            for i in range(f.start, f.end):
                covered[i] = True
        pron = [t.i for t in sdoc if t.lower_ in PRONOUNS and is_pronoun(t) and not covered[t.i]]
        # "The president of France, Nicolas Sarkozy, said": the office is the person named beside it
        self.named_beside = {f.start: g for f, g in zip(found, found[1:]) if f.ref.kind == "role"
                             and g.ref.kind in ("person", "unknown") and g.start == f.end + 1
                             and sdoc[f.end].text == ","}
        family = {e[-1].text: e.start for e in sdoc.ents if e.label_ == "PERSON" and len(e) > 1}
        for f in found:
            c = self._found_country(f)
            if c is not None and self._sets_the_scene(f, family):
                self.settings[self.sent_of[f.start]][c] += 1
        events = sorted([(f.start, 0, f) for f in found] + [(i, 1, i) for i in pron], key=lambda x: (x[0], x[1]))
        for _, kind, item in events:
            if kind == 1:
                actor = self._resolve_pronoun(item)
                if actor is not None:
                    self._mention(actor, item, item + 1)
                continue
            f: Found = item
            actor = self._resolve(f)
            if actor is not None:
                self._mention(actor, f.start, f.end, f.head)
                if f.ref.kind in ("person", "unknown") and (actor.id.startswith("kb:") or actor.id in self.unknown_people):
                    title = title_of(sdoc, f.start, f.end, f.head)
                    if title is not None:
                        self.titled.append((self.sent_of[f.start], title, actor.id))
        return list(self.actors.values())

    def _sets_the_scene(self, f: Found, family: dict[str, int]) -> bool:
        """Whether a phrase's country counts toward the country its sentence is set in (:meth:`_setting`).
        Not a news outlet or a company ("bank officials told Reuters": Reuters' home is not the scene), nor a family name
        the article gave someone in full before, standing alone ("Melton Lewis Paris ... Paris' residence":
        the person, see :meth:`_resolve`)."""
        if f.ref.kind == "org" and getattr(f.ref.org, "kind", None) in ("media", "company"):
            return False  # "Apple said" sets no scene in the United States
        words = [t for t in self.ctx.sdoc[f.start:f.end] if t.tag_ != "POS"]
        return not (len(words) == 1 and family.get(words[0].text, f.start) < f.start)

    def _found_country(self, f: Found) -> str | None:
        """The country a found phrase names, before resolution (None for IGOs and unknowns)."""
        ref = f.ref
        if ref.kind == "person":
            return person_code(self.kb, self.kb.people[ref.key], self.ctx.date)[0]
        if ref.kind == "org":
            return getattr(ref.org, "country", None)
        return ref.country

    def _setting(self, token: int) -> str | None:
        """The country a sentence is set in: the one it names most often, if one does.

        A group the text gives no country ("Shona rebels", "demonstrators", "a jail's
        prisoners") belongs to the country its sentence is about, as CAMEO coders
        code domestic news: "the Mozambique government accepted demands from
        rebels" -> Mozambican rebels. Two countries named equally often give none.
        """
        counts = self.settings[self.sent_of[token]].most_common(2)
        if not counts or (len(counts) == 2 and counts[0][1] == counts[1][1]):
            return None
        return counts[0][0]

    def _resolve(self, f: Found) -> Actor | None:
        ref = f.ref
        # a family name alone is the person the text named in full before ("Mary Ann Wade ... said Wade"),
        # ahead of a famous namesake the knowledge base knows by it (Abdoulaye Wade)
        named = self._surname_person(f)
        if named is not None:
            return named
        if ref.kind == "person":
            return self._person(ref.key)
        if ref.kind == "org":
            return self._org(ref)
        if ref.kind == "group":
            return self._group(ref.country, ref.sector)
        if ref.kind == "region":  # "Western leaders": WSTGOV, "Gulf states": PGS
            code = ref.key + (ref.sector or "")
            return self._actor(code, ref.name, code, None, ref.sector)
        if ref.kind == "igo_group":
            code = ref.key if ref.key.endswith(ref.sector) else ref.key + ref.sector
            name = f"{ref.org.name} {SECTOR_NAMES.get(ref.sector, ref.sector)}"
            return self._actor(code, name, code, None, ref.sector)
        if ref.kind == "unknown":
            return self._unknown(f)
        if ref.kind == "bare":
            owner = self._possessor(f.start)
            if owner is not None and owner.country:
                # "its companies" after "Beijing has not joined...": China's businesses
                return self._group(owner.country, ref.sector)
            if owner is not None and owner.code and owner.code.startswith("IGO"):
                if ref.sector == "GOV":  # "its officials": the organisation itself
                    return owner
                code = owner.code + ref.sector
                return self._actor(code, f"{owner.name} {SECTOR_NAMES.get(ref.sector, ref.sector)}", code, None,
                                   ref.sector)
            return self._resolve_bare(ref, f.start, f.head)
        if ref.kind == "people":
            return self._resolve_people(ref, f.start)
        if ref.kind == "nominal_org":
            return self._resolve_nominal_org(f.start)
        if ref.kind == "role":
            return self._resolve_role(ref, f)
        if ref.kind == "counterpart":
            return self._resolve_counterpart(ref, f)
        if ref.kind == "titled":
            return self._resolve_titled(ref, f)
        return None

    def _resolve_titled(self, ref: Ref, f: Found) -> Actor | None:
        """"the senator": the last person the text introduced as a senator ("Sen. Bernie Sanders",
        "Sanders, a Vermont senator,"), ten sentences back at most; else no one."""
        sent = self.sent_of[f.start]
        for s, title, aid in reversed(self.titled):
            if title == ref.role and sent - s <= TITLE_REACH:
                return self.actors[aid]
        return None

    def _surname_person(self, f: Found) -> Actor | None:
        """A one-word phrase that is the family name of a person the article named in full before
        ("Palin" after "Sarah Palin", "Jobs" after "Steve Jobs", "Cuban said" after "Mark Cuban"),
        whatever the recogniser or the gazetteer made of it (a town in Guatemala, an organisation,
        the Cubans): the person again. A demonym that modifies a noun ("Cuban Americans") stays a group."""
        if f.end - f.start != 1:
            return None
        tok = self.ctx.sdoc[f.start]
        aid = self.surname_of.get(tok.text)
        if aid is None or tok.ent_type_ == "NORP" and tok.dep_ in ("amod", "compound", "nmod"):
            return None
        return self.actors.get(aid)

    def _possessor(self, start: int) -> Actor | None:
        """The country or organisation "its"/"their" before a group noun refers to.

        The subject of the same sentence if it came before, else the nearest
        earlier non-person actor of the same or the previous sentence.
        """
        sdoc = self.ctx.sdoc
        j = start - 1
        if j < 0 or sdoc[j].lower_ not in ("its", "their"):
            return None
        sent = self.sent_of[j]
        cands = [g for g in self.groups if g.token < j and sent - 1 <= g.sent <= sent]
        if not cands:
            return None
        same = [g for g in cands if g.sent == sent and g.subject]
        pick = same[0] if same else cands[-1]
        owner = self.actors[pick.actor]
        self._mention(owner, j, j + 1)
        return owner

    def _resolve_people(self, ref: Ref, start: int) -> Actor:
        """An ethnic or religious group in the country the text puts it in: its own phrase
        ("Kurds in Syria"), else one of its home states the sentence names ("Shona rebels"
        beside "the Mozambique government"), else the country the sentence is set in
        ("ethnic Albanians demonstrated in Serbia"), else its main home state."""
        g = ref.org
        country = ref.country
        if country is None:
            named = self.settings[self.sent_of[start]]
            homes = [c for c in g.countries if named[c]]
            if homes:
                country = max(homes, key=lambda c: named[c])
            else:
                country = self._setting(start) or (g.countries[0] if g.countries else None)
        sector = ref.sector or "CVL"
        label = g.name if sector == "CVL" else (g.forms[0] if g.forms else g.name) + " " + SECTOR_NAMES.get(sector, sector)
        if country is None:
            return self._actor(f"{sector}:{g.code}", label, sector, None, sector)
        code = country + sector
        return self._actor(f"{code}:{g.code}", label, code, country, sector)

    def _resolve_nominal_org(self, start: int) -> Actor | None:
        """"the company": the nearest earlier organisation (a business or an unknown ORG), three sentences back at most."""
        sent = self.sent_of[start]
        for g in reversed(self.groups):
            if g.token >= start or g.sent < sent - 3:
                continue
            a = self.actors[g.actor]
            if (a.id.startswith("unk:") and a.code is None) or a.sector == "BUS":
                return a
        return None

    def _resolve_bare(self, ref: Ref, start: int, head: int = -1) -> Actor:
        """"police" after "Kenyan police": the same actor; else the sector of the country its
        sentence is set in; else the sector with no country. A state's organ that someone orders or
        sends is their own ("Trump ordered the military to strike Syria": the American military)."""
        commander = self._commander(head) if ref.sector in STATE_ORGANS else None
        if commander is not None and commander.country:
            return self._group(commander.country, ref.sector)
        for a in reversed(list(self.actors.values())):
            if a.sector == ref.sector and a.country is not None and not a.id.startswith("kb:") \
                    and a.id not in self.unknown_people:  # "the senators" are no one senator named before
                return a
        setting = self._setting(start)
        if setting is not None:
            return self._group(setting, ref.sector)
        return self._actor(ref.sector, SECTOR_NAMES.get(ref.sector, ref.sector), ref.sector, None, ref.sector)

    def _commander(self, head: int) -> Actor | None:
        """The actor who orders, sends or deploys the phrase headed by ``head``: the subject of the
        verb of command whose object it is."""
        if head < 0:
            return None
        tok = self.ctx.sdoc[head]
        verb = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass") or verb.lemma_.lower() not in COMMAND_VERBS:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return None
        for pm in reversed(self.people + self.groups):
            if subj.left_edge.i <= pm.token <= subj.i:
                return self.actors.get(pm.actor)
        return None

    def _holder(self, country: str, role: str | None = None, kind: str | None = None) -> str | None:
        held = self.kb.officeholders(country, role=role, kind=kind, date=self.ctx.date)
        ids = list(dict.fromkeys(p.id for p, _ in held))
        return ids[0] if len(ids) == 1 else None

    def _resolve_role(self, ref: Ref, f: Found) -> Actor | None:
        beside = self.named_beside.get(f.start)
        if beside is not None:  # the apposition names the holder, whatever the date ("The president
            if beside.ref.kind == "unknown":  # of Bulgaria, Georgi Parvanov,"), and its country
                beside.ref.country = beside.ref.country or ref.country
                beside.ref.sector = beside.ref.sector or ref.sector or "GOV"
            return self._resolve(beside)
        if ref.country is None:  # "the president": the last such officeholder named
            for pm in reversed(self.people):
                a = self.actors[pm.actor]
                if a.id.startswith("kb:"):
                    t = self.kb.people[a.id[3:]].tenure_at(self.ctx.date)
                    if t is not None and (t.role == ref.role or (ref.role == "leader" and t.kind in
                                                                   ("head_of_state", "head_of_government"))):
                        return a
            return None
        if ref.role == "leader":
            c = self.kb.countries.get(ref.country)
            pid = self._holder(ref.country, kind=c.leader_role if c else "head_of_state")
        else:
            pid = self._holder(ref.country, role=ref.role)
        if pid is not None:
            return self._person(pid)
        return self._group(ref.country, ref.sector or "GOV")

    def _resolve_counterpart(self, ref: Ref, f: Found) -> Actor | None:
        anchor = self._anchor(f.start)
        if anchor is not None and anchor.id.startswith("kb:") and ref.country:
            t = self.kb.people[anchor.id[3:]].tenure_at(self.ctx.date)
            if t is not None:
                pid = self._holder(ref.country, role=t.role) or self._holder(ref.country, kind=t.kind)
                if pid is None and t.kind in ("head_of_state", "head_of_government"):
                    c = self.kb.countries.get(ref.country)
                    pid = self._holder(ref.country, kind=c.leader_role) if c else None
                if pid is not None:
                    return self._person(pid)
        return self._group(ref.country, "GOV")

    def _anchor(self, start: int) -> Actor | None:
        """Whose counterpart: "his/her" before it, or "X's", else the sentence subject."""
        sdoc = self.ctx.sdoc
        j = start - 1
        if j >= 0 and sdoc[j].lower_ in ("his", "her"):
            a = self._resolve_pronoun(j)
            if a is not None:
                self._mention(a, j, j + 1)
            return a
        if j >= 1 and sdoc[j].text in ("'s", "’s"):
            for pm in reversed(self.people):
                if pm.token < j:
                    return self.actors[pm.actor]
        return self._resolve_pronoun(start, gender="")

    def _own_subject(self, i: int):
        """The subject an object pronoun cannot mean: its own clause's, or the one that controls its
        infinitive ("X called Y to congratulate *him*", "X said Y had met *him*" is Y's clause). A
        pronoun that could mean its own clause's subject would be reflexive ("himself")."""
        tok = self.ctx.sdoc[i]
        if tok.dep_ not in ("dobj", "dative", "iobj"):
            return None
        verb = tok.head
        for _ in range(3):
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                head = verb.head  # "Hussain, a member who encouraged *him*": him is not Hussain
                return head.head if head.dep_ == "appos" else head
            if subj is not None:
                return subj
            if verb.dep_ not in ("xcomp", "advcl", "conj") or verb.head is verb:
                return None
            verb = verb.head
        return None

    def _asked(self, i: int):
        """The one asked, when the pronoun at ``i`` is the subject of the question put to them ("asking
        Rubio why he decided to attack Trump": he is Rubio)."""
        tok = self.ctx.sdoc[i]
        clause = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.lemma_.lower() != "ask":
            return None
        if not any(c.lower_ in QUESTION_WORDS and c.dep_ in ("mark", "advmod") for c in clause.children):
            return None
        return next((c for c in clause.head.children if c.dep_ in ("dobj", "dative")), None)

    def _resolve_pronoun(self, i: int, gender: str | None = None) -> Actor | None:
        sdoc = self.ctx.sdoc
        g = PRONOUNS.get(sdoc[i].lower_, "") if gender is None else gender
        sent = self.sent_of[i]
        cands = [pm for pm in self.people if pm.token < i and sent - 2 <= pm.sent <= sent
                 and (not g or not pm.gender or pm.gender == g)]
        asked = self._asked(i)
        if asked is not None:
            hit = [pm for pm in cands if asked.left_edge.i <= pm.token <= asked.i]
            if hit:
                return self.actors[hit[-1].actor]
        subject = self._own_subject(i)
        if subject is not None:  # "Netanyahu called Morrison to congratulate him": him is not Netanyahu
            cands = [pm for pm in cands if not subject.left_edge.i <= pm.token <= subject.i]
        near = [pm for pm in cands if pm.sent == sent]
        if near and subject is not None:
            return self.actors[near[-1].actor]
        if not cands:
            return None
        same = [pm for pm in near if pm.subject]
        if same:
            return self.actors[same[0].actor]
        if near and sdoc[i].lower_ in OBJECT_CASE:
            # "an attempt to undercut Sanders ... a rare instance of him siding with companies": an object
            # or possessive pronoun is the person its own sentence named, before earlier sentences' subjects
            return self.actors[near[-1].actor]
        for s in range(sent - 1, sent - 3, -1):
            subj = [pm for pm in cands if pm.sent == s and pm.subject]
            if subj:
                return self.actors[subj[0].actor]
        return self.actors[cands[-1].actor]

    def _gender_of(self, actor: Actor) -> str:
        """An unknown person's sex as the article marks it ("Ms Page", "actress Bettie Page", a common
        given name), from the words of the name; "" when it does not say or says both."""
        marks = {self.name_gender[w] for w in actor.name.split() if w in self.name_gender}
        return marks.pop() if len(marks) == 1 else ""

    def _mention(self, actor: Actor, start: int, end: int, head: int = -1) -> None:
        sdoc = self.ctx.sdoc
        span = sdoc[start:end]
        m = [span.start_char, span.end_char]
        if m not in actor.mentions:
            actor.mentions.append(m)
        is_person = actor.id.startswith("kb:") or actor.id in self.unknown_people
        if not is_person:
            h = head if head >= 0 else start
            self.groups.append(PersonMention(start, self.sent_of[start], actor.id, "",
                                             sdoc[h].dep_ in SUBJECT_DEPS))
        if is_person:
            gender = self.kb.people[actor.id[3:]].gender if actor.id.startswith("kb:") else self._gender_of(actor)
            h = head if head >= 0 else start
            subject = sdoc[h].dep_ in SUBJECT_DEPS
            self.people.append(PersonMention(start, self.sent_of[start], actor.id, gender, subject))
            if end - start >= 2 and sdoc[end - 1].text[:1].isupper():
                self.surname_of.setdefault(sdoc[end - 1].text, actor.id)
