"""Hand-annotated articles for the web tests.

The example articles go through the real pipeline, whose stages land one by
one; these documents carry every annotation kind (actors, events with
negation and modality, quotes, times, places) with offsets computed from the
text, so the views' provenance features are tested whatever the stages
produce. The texts were written for these tests.
"""
from __future__ import annotations

from eventwire.document import (Actor, Argument, Document, Event, Place, Quote, Sentence, Source, TimeExpr,
                                Tone, Trigger)


def _at(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(phrase, i + 1)
    return i, i + len(phrase)


def _sentences(text: str) -> list[Sentence]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and (i + 1 == len(text) or text[i + 1] in " \n"):
            out.append(Sentence(start, i + 1))
            start = i + 2 if i + 1 < len(text) else i + 1
    if start < len(text):
        out.append(Sentence(start, len(text)))
    return out


ACTORS = {
    "NGA": ("Nigeria", "NGA", "NGA", None, None),
    "GHA": ("Ghana", "GHA", "GHA", None, None),
    "MAHAMA": ("John Mahama", "GHAGOV", "GHA", "GOV", "head of state"),
    "PROT": ("protesters", "GHAOPP", "GHA", "OPP", None),
    "POLICE": ("police", "GHACOP", "GHA", "COP", None),
    "MIN": ("the foreign ministry", "NGAGOV", "NGA", "GOV", None),
}


def build(text: str, *, outlet: str, published: str, title: str, actors: dict[str, list[str]],
          events: list[dict], quotes: list[dict] = (), times: list[tuple[str, str, str]] = (),
          places: list[tuple[str, str, str, float, float, str]] = ()) -> Document:
    """A document with annotations given by phrases; offsets are found in ``text``."""
    doc = Document(raw=text, text=text, source=Source(outlet=outlet, published=published, title=title,
                                                       published_basis="argument"))
    doc.pipeline = {"version": "test", "model": "none", "kb": "test"}
    doc.sentences = _sentences(text)
    for key, phrases in actors.items():
        name, code, country, sector, role = ACTORS[key]
        doc.actors.append(Actor(id=key, name=name, code=code, country=country, sector=sector, role=role,
                                mentions=[list(_at(text, p, n)) for p, n in phrases]))
    by_id = {a.id: a for a in doc.actors}

    def arg(key: str, phrase: str, nth: int = 0) -> Argument:
        a = by_id[key]
        s, e = _at(text, phrase, nth)
        return Argument(actor=key, name=a.name, code=a.code, country=a.country, start=s, end=e)

    for i, ev in enumerate(events):
        s, e = _at(text, ev["trigger"])
        doc.events.append(Event(
            id=f"e{i}", sentence=doc.sentence_index(s),
            source=[arg(*x) for x in ev.get("source", [])], target=[arg(*x) for x in ev.get("target", [])],
            trigger=Trigger(ev["trigger"], s, e), cameo=ev["cameo"], cameo_root=ev["cameo"][:2],
            plover={"event": ev.get("plover"), "mode": None, "context": None}, goldstein=ev["goldstein"],
            quad_class=ev["quad"], negated=ev.get("negated", False), modality=ev.get("modality", "asserted"),
            date=ev.get("date"), place=ev.get("place"), reported_by=ev.get("reported_by", []),
            confidence=ev.get("confidence", 0.8)))
    for q in quotes:
        s, e = _at(text, q["text"])
        sp = q.get("speaker")
        speaker = None
        if sp:
            ss, se = _at(text, sp[1], sp[2] if len(sp) > 2 else 0)
            speaker = {"name": by_id[sp[0]].name, "actor": sp[0], "start": ss, "end": se}
        cs, ce = _at(text, q["cue"])
        doc.quotes.append(Quote(text=q["text"], start=s, end=e, direct=q.get("direct", True), speaker=speaker,
                                cue={"text": q["cue"], "start": cs, "end": ce}, according_to=[]))
    for phrase, type_, value in times:
        s, e = _at(text, phrase)
        doc.times.append(TimeExpr(phrase, s, e, type_, value))
    for phrase, name, country, lat, lon, kind in places:
        s, e = _at(text, phrase)
        doc.places.append(Place(phrase, s, e, name, country, None, lat, lon, None, kind))
    doc.tone = Tone(0.1, 0.2, 0.1)
    return doc


def trade_pact(day: str = "2024-03-05", weekday_date: str = "2024-03-04", outlet: str = "Lagos Ledger") -> Document:
    """Nigeria and Ghana sign a pact; a quote; a negated and a planned event; a clash in Accra."""
    text = ("Nigeria and Ghana signed a trade agreement in Abuja on Monday, the foreign ministry said.\n"
            "Ghanaian President John Mahama praised the deal. \u201cThis is a new chapter for West Africa,\u201d "
            "Mahama said.\n"
            "Nigeria has not imposed tariffs on Ghanaian goods, according to the foreign ministry. "
            "Mahama plans to visit Nigeria next month.\n"
            "Protesters clashed with police in Accra on Tuesday.\n"
            f"(Reported by {outlet}.)")
    return build(
        text, outlet=outlet, published=day, title=f"Nigeria and Ghana sign trade pact ({outlet})",
        actors={"NGA": [("Nigeria", 0), ("Nigeria", 1), ("Nigeria", 2)], "GHA": [("Ghana", 0)],
                "MAHAMA": [("John Mahama", 0), ("Mahama", 1), ("Mahama", 2)], "MIN": [("the foreign ministry", 0),
                                                                                     ("the foreign ministry", 1)],
                "PROT": [("Protesters", 0)], "POLICE": [("police", 0)]},
        events=[
            {"trigger": "signed a trade agreement", "source": [("NGA", "Nigeria")], "target": [("GHA", "Ghana")],
             "cameo": "057", "plover": "AGREE", "goldstein": 8.0, "quad": 1,
             "date": {"value": weekday_date, "text": "Monday", "basis": "weekday before publication"},
             "place": {"name": "Abuja", "country": "NGA", "lat": 9.0579, "lon": 7.4951},
             "reported_by": [{"name": "the foreign ministry", "actor": "MIN", "code": "NGAGOV"}]},
            {"trigger": "praised", "source": [("MAHAMA", "John Mahama")], "cameo": "051", "plover": "COOPERATE",
             "goldstein": 3.4, "quad": 1, "date": {"value": day, "text": None, "basis": "publication date"}},
            {"trigger": "imposed tariffs", "source": [("NGA", "Nigeria", 1)], "target": [("GHA", "Ghana")],
             "cameo": "163", "plover": "SANCTION", "goldstein": -8.0, "quad": 4, "negated": True,
             "date": {"value": day, "text": None, "basis": "publication date"}},
            {"trigger": "plans to visit", "source": [("MAHAMA", "Mahama", 2)], "target": [("NGA", "Nigeria", 2)],
             "cameo": "043", "plover": "CONSULT", "goldstein": 1.9, "quad": 1, "modality": "planned",
             "date": None},
            {"trigger": "clashed", "source": [("PROT", "Protesters")], "target": [("POLICE", "police")],
             "cameo": "145", "plover": "PROTEST", "goldstein": -7.5, "quad": 4,
             "date": {"value": day, "text": "Tuesday", "basis": "weekday of publication"},
             "place": {"name": "Accra", "country": "GHA", "lat": 5.556, "lon": -0.1969}},
        ],
        quotes=[{"text": "This is a new chapter for West Africa,", "speaker": ("MAHAMA", "Mahama", 1),
                 "cue": "said"}],
        times=[("Monday", "DATE", weekday_date), ("next month", "DATE", day[:7]), ("Tuesday", "DATE", day)],
        places=[("Abuja", "Abuja", "NGA", 9.0579, 7.4951, "city"), ("Accra", "Accra", "GHA", 5.556, -0.1969, "city"),
                ("West Africa", "West Africa", None, None, None, "region")],
    )


def corpus() -> list[Document]:
    """A few variants of the pact story on different days and outlets (a dyad over time)."""
    return [trade_pact("2024-03-05", "2024-03-04", "Lagos Ledger"),
            trade_pact("2024-04-10", "2024-04-08", "Accra Herald"),
            trade_pact("2024-06-02", "2024-05-27", "Gulf of Guinea Wire")]


def make_store(path, example_docs) -> str:
    """A store file holding the example articles (real pipeline) and :func:`corpus`, placed into
    stories as `eventwire run` does; closed after."""
    from eventwire import stories
    from eventwire.store import Store

    with Store(path) as s:
        s.write(list(example_docs) + corpus())
        stories.update(s)
    return str(path)
