"""Places: gazetteer, toponym resolution, government metonyms and event places."""
from __future__ import annotations

import math
from collections import Counter

import pytest

from eventwire.document import Argument, Document, Event, Source, Trigger
from eventwire.pipeline import Pipeline
from eventwire.places import assign_event_places, load_gazetteer
from eventwire.places.names import name_key


def km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def places_pipe():
    return Pipeline({"pipeline": {"components": ["repair", "nlp", "places"]}})


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def run(pipe, text, url=None) -> Document:
    ok, failed = pipe([Document.from_raw(text, Source(url=url))])
    assert not failed
    return ok[0]


def place(doc, text):
    hits = [p for p in doc.places if p.text == text]
    assert hits, f"{text!r} not found among {[p.text for p in doc.places]}"
    return hits[0]


def test_name_keys_fold_case_accents_periods_and_saints():
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("St. Petersburg") == name_key("Saint Petersburg")
    assert name_key("São Paulo") == name_key("Sao Paulo")
    assert name_key("the United States") == name_key("United States")


def test_transliterations_meet(gaz):
    """Apostrophes inside a transliterated name, an inverted division name ("Dagestan, Respublika")
    and Russian "-iya" endings do not keep the names news writes from their places."""
    assert [e.country for e, _ in gaz.lookup("Tskhinvali")][:1] == ["GEO"]
    assert name_key("Ts’khinvali") == name_key("Tskhinvali")
    assert {e.name for e, _ in gaz.lookup("Dagestan")} == {"Dagestan"}
    assert [e.kind for e, _ in gaz.lookup("Ingushetia")][:1] == ["admin1"]
    assert [e.country for e, _ in gaz.lookup("South Ossetia")][:1] == ["GEO"]


def test_gazetteer_holds_countries_divisions_cities_and_regions(gaz):
    kinds = {e.kind for e, _ in gaz.lookup("Georgia")}
    assert {"country", "admin1"} <= kinds
    us = [e for e, alias in gaz.lookup("U.S.") if e.kind == "country"]
    assert us and us[0].country == "USA"
    xinjiang = [e for e, _ in gaz.lookup("Xinjiang") if e.kind == "admin1"][0]
    assert xinjiang.country == "CHN" and km(xinjiang.lat, xinjiang.lon, 42.0, 86.0) < 300
    assert gaz.demonym("Chinese")[0] == "CHN"
    assert any(e.kind == "region" for e, _ in gaz.lookup("Middle East"))
    for water in ("Gulf of Aden", "Strait of Hormuz", "Taiwan Strait", "Sea of Japan", "East Sea"):  # shipping news
        assert any(e.kind == "region" for e, _ in gaz.lookup(water)), water


def test_a_country_point_lies_in_the_country(gaz):
    """Country centres come from countryinfo, which lists the United Kingdom and Palestine twice,
    once with no centre; the box around the UK's towns, stretched to its base in Cyprus, had put
    the country in Austria."""
    countries = gaz.countries()
    for iso, (lat, lon) in {"GBR": (54.0, -2.5), "PSE": (31.9, 35.0), "USA": (39.0, -98.0),
                            "RUS": (61.0, 100.0), "AUS": (-25.0, 134.0)}.items():
        e = countries[iso]
        assert km(e.lat, e.lon, lat, lon) < 500, (iso, e.lat, e.lon)


def test_us_is_the_united_states_and_oklahoma_the_state(places_pipe):
    doc = run(places_pipe, "The U.S. said on Monday that storms hit Oklahoma and Canada.")
    assert place(doc, "U.S.").country == "USA"
    ok = place(doc, "Oklahoma")
    assert ok.kind == "admin1" and ok.country == "USA"


def test_a_qualifier_picks_the_town(places_pipe):
    doc = run(places_pipe, "The mayor of Springfield, Illinois, met residents. Later he flew to Paris, Texas.")
    spring = place(doc, "Springfield")
    assert spring.admin1 == "Illinois"
    paris = place(doc, "Paris")
    assert paris.country == "USA" and paris.admin1 == "Texas"


def test_ap_state_abbreviations_qualify_towns(places_pipe):
    doc = run(places_pipe, "A tornado struck Moscow, Idaho, and damaged homes in Springfield, Ill., on Friday.")
    assert place(doc, "Moscow").admin1 == "Idaho"
    assert place(doc, "Springfield").admin1 == "Illinois"
    assert place(doc, "Ill.").kind == "admin1"


def test_a_list_of_countries_is_no_town_and_its_qualifier(places_pipe):
    """'China, Japan' in a list of countries is two countries, not the Japanese town called China;
    and "Mexico" beside "Mexico City" is the country, not the city by its short name."""
    doc = run(places_pipe, "Schools in Mexico City were closed. Officials in Mexico, China, Japan and Brazil "
                           "also reported cases of the virus.")
    assert place(doc, "China").kind == "country" and place(doc, "China").country == "CHN"
    assert place(doc, "Mexico").kind == "country" and place(doc, "Mexico City").kind == "city"


def test_a_country_name_the_recogniser_cut_is_joined_again(places_pipe):
    doc = run(places_pipe, "Polio cases rose in Angola, Chad, and Democratic Republic of the Congo, the WHO said.")
    drc = place(doc, "Democratic Republic of the Congo")
    assert drc.country == "COD" and drc.kind == "country"


def test_a_place_named_once_is_that_place_where_its_name_stands_again(places_pipe):
    """One sense per article: the recogniser takes "Torrington businesses" for an organisation, but
    the article named Torrington as a place; a name read mostly as a person's is not carried over."""
    doc = run(places_pipe, "The flood hit Torrington, Connecticut, on Monday. Torrington businesses stayed "
                           "closed, and Torrington residents waited for help.")
    towns = [p for p in doc.places if p.text == "Torrington"]
    assert len(towns) == 3 and {p.admin1 for p in towns} == {"Connecticut"}


def test_a_dateline_in_capitals_names_a_place(places_pipe):
    doc = run(places_pipe, "Investigators search home.\nCARTHAGE, N.C. (AP) - Investigators searched the home on "
                           "Friday. Vandals desecrate graves . BEIRUT: Unknown assailants removed the crosses. "
                           "BREAKING: The council voted.")
    assert place(doc, "CARTHAGE").admin1 == "North Carolina"
    assert place(doc, "BEIRUT").country == "LBN"
    assert not [p for p in doc.places if p.text == "BREAKING"]


def _toponyms_with_labels(gaz, text: str, labels: dict[str, str]) -> list[str]:
    """The toponyms found in ``text`` when the recogniser's entities are exactly ``labels`` (phrase ->
    label, each phrase's first occurrence): the recogniser's mistakes, fixed by hand."""
    from spacy.tokens import Span

    from eventwire.components.nlp import load_model
    from eventwire.places.toponyms import find_toponyms

    doc = load_model()(text)
    doc.ents = [Span(doc, sp.start, sp.end, label=label) for phrase, label in labels.items()
                for sp in [doc.char_span(text.index(phrase), text.index(phrase) + len(phrase))]]
    return [m.text for m in find_toponyms(doc, gaz)[0]]


def test_a_surname_the_recogniser_took_for_a_place_is_no_place(gaz):
    """With the entity labels fixed by hand (the recogniser's mistakes): a one-word place entity
    after a title is a person's surname ("coach Ripley"), and a one-word person entity is a place
    only when it is a country or a place of a million people ("Flores", a department of Uruguay, is not)."""
    assert _toponyms_with_labels(gaz, "Coach Ripley praised his team, and Flores thanked fans in Georgia.",
                                 {"Ripley": "GPE", "Flores": "PERSON", "Georgia": "GPE"}) == ["Georgia"]


def test_a_persons_surname_alone_is_no_place(places_pipe):
    """After "Sarah Palin", "Palin" alone is her (Palín is a town in Guatemala); places stay places."""
    doc = run(places_pipe, "Sarah Palin endorsed Donald Trump on Tuesday. On Friday night, Palin called a "
                           "delegate, Clara Powers, in Casper.")
    assert [p.text for p in doc.places] == ["Casper"]


def test_an_unsure_reading_is_weak_evidence(gaz):
    """A reading that won by a hair counts for less in the others' context than a sure one."""
    from eventwire.places.resolve import Context
    from eventwire.places.toponyms import Mention

    def mention(name, at):
        return Mention(at, at + len(name), name, name_key(name), "entity", "GPE", gaz.lookup(name))

    atlanta, decatur, other = mention("Atlanta", 0), mention("Decatur", 20), mention("Macon", 40)
    picks = [next(e for e, _ in m.candidates if e.admin1 == state)
             for m, state in ((atlanta, "Georgia"), (decatur, "Illinois"))] + [None]
    _, admin1s = Context([atlanta, decatur, other], picks, (), Counter(), sure=[1.0, 0.25, 1.0]).shares("macon")
    assert admin1s[("USA", "Georgia")] == pytest.approx(0.8) and admin1s[("USA", "Illinois")] == pytest.approx(0.2)


def test_a_company_named_like_a_town_is_no_place(gaz):
    """With the entity labels fixed by hand: an organisation's abbreviation in capitals ("the GAO",
    also a region of Mali) and the first word of a company's longer name ("Toyota" beside "Toyota
    Motor Corp") are not read as towns; a country's abbreviation still is a country ("the DRC")."""
    text = "Toyota Motor Corp said the GAO upheld the protest. Toyota also sells cars in the DRC."
    assert _toponyms_with_labels(gaz, text, {"Toyota Motor Corp": "ORG", "GAO": "ORG", "DRC": "ORG"}) == ["DRC"]
    # a maker before its product ("a silver Toyota Camry"), and the maker's name elsewhere in that article
    text = "She was hit by a silver Toyota Camry in Queens. Toyota said the model was recalled."
    assert _toponyms_with_labels(gaz, text, {"Toyota": "ORG", "Camry": "PRODUCT", "Queens": "GPE"}) == ["Queens"]
    text = "The mayor of Toyota in Aichi said the plant would reopen."  # no product: the city
    assert _toponyms_with_labels(gaz, text, {"Toyota": "GPE", "Aichi": "GPE"}) == ["Toyota", "Aichi"]


def test_former_country_names(places_pipe):
    doc = run(places_pipe, "The Zaire strain of Ebola killed hundreds, officials in Ceylon recalled.")
    assert place(doc, "Zaire").country == "COD"


def test_local_places_pull_each_other_together(places_pipe):
    doc = run(places_pipe, "Laurens County deputies arrested two men in Dublin after a chase that began "
                           "in Macon.")
    dublin = place(doc, "Dublin")
    assert dublin.country == "USA" and dublin.admin1 == place(doc, "Macon").admin1 == "Georgia"


def test_a_division_holding_the_articles_towns_is_that_division(places_pipe):
    """"Aichi" is also an old name of Okazaki, the town next to Toyota; the prefecture that holds
    Toyota gets the same lift from it as Toyota's neighbours do."""
    doc = run(places_pipe, "Toyota is a city in Aichi.")
    aichi = place(doc, "Aichi")
    assert aichi.kind == "admin1" and aichi.country == "JPN"


def test_demonyms_are_places_of_their_country_but_never_event_scenes(places_pipe):
    doc = run(places_pipe, "Russian troops shelled Kharkiv as Palestinians marched in Ramallah.")
    russian = place(doc, "Russian")
    assert russian.demonym and russian.country == "RUS" and russian.kind == "country"
    assert place(doc, "Palestinians").country == "PSE"
    assert not place(doc, "Kharkiv").demonym


def test_country_focus_decides_ambiguous_names(places_pipe):
    doc = run(places_pipe, "Protesters marched in Atlanta and Savannah on Sunday. Georgia's governor "
                           "said the state would review its election laws.")
    assert place(doc, "Georgia").country == "USA"


def test_capital_subject_of_a_decision_is_a_metonym(places_pipe):
    doc = run(places_pipe, "Beijing has not joined the sanctions. Thousands rallied in Beijing on Friday.")
    first, second = [p for p in doc.places if p.text == "Beijing"]
    assert first.metonym and not second.metonym
    assert first.country == second.country == "CHN"


def _event(doc, trigger, source=(), target=()):
    start = doc.text.index(trigger)
    args = [Argument(None, t, None, None, doc.text.index(t), doc.text.index(t) + len(t)) for t in source]
    tgts = [Argument(None, t, None, None, doc.text.index(t), doc.text.index(t) + len(t)) for t in target]
    return Event(id=trigger, sentence=doc.sentence_index(start), source=args, target=tgts,
                 trigger=Trigger(trigger, start, start + len(trigger)), cameo="145", cameo_root="14",
                 plover={"event": "PROTEST"}, goldstein=-6.5, quad_class=3)


def test_event_place_is_the_locative_of_its_clause(places_pipe):
    doc = run(places_pipe, "Police clashed with protesters in Rafah on Tuesday, officials in Cairo said. "
                           "Moscow has rejected the plan.")
    # hand-built events, as the event coder writes them
    doc.events = [_event(doc, "clashed", ["Police"], ["protesters"]), _event(doc, "rejected", ["Moscow"])]
    doc.user_data["spacy"] = parse(doc)
    assign_event_places(doc)
    clash, reject = doc.events
    assert clash.place["text"] == "Rafah"
    assert clash.place["basis"] == "locative"
    assert reject.place is None  # Moscow is the actor, not the scene


def parse(doc):
    """The spaCy parse (the pipeline clears its working state after the last stage)."""
    from eventwire.components.nlp import load_model

    return load_model()(doc.text)


def test_a_locative_inside_an_argument_or_on_the_trigger_phrase_counts(places_pipe):
    doc = run(places_pipe, "Police detained six journalists in Istanbul on Monday. "
                           "The two ministers signed the accord in Tokyo after two days of talks.")
    doc.events = [_event(doc, "detained", ["Police"], ["six journalists in Istanbul"]),
                  _event(doc, "signed the accord", ["The two ministers"])]
    doc.user_data["spacy"] = parse(doc)
    assign_event_places(doc)
    assert [e.place["text"] for e in doc.events] == ["Istanbul", "Tokyo"]


def test_event_place_is_never_just_a_place_elsewhere_in_the_article(places_pipe):
    doc = run(places_pipe, "Rebels seized a town near Aleppo last week. The government condemned the move.")
    doc.events = [_event(doc, "condemned", ["The government"], ["the move"])]
    doc.user_data["spacy"] = parse(doc)
    assign_event_places(doc)
    assert doc.events[0].place is None


def test_seed_places_resolve(seed_doc):
    want = {  # name as written -> (ISO3, lat, lon) of the GeoNames feature
        "Beijing": ("CHN", 39.91, 116.40), "Moscow": ("RUS", 55.75, 37.62),
        "Xinjiang": ("CHN", 42.0, 86.0), "Taiwan": ("TWN", 23.5, 121.0),
        "Hong Kong": ("HKG", 22.3, 114.2), "Ukraine": ("UKR", 49.0, 32.0),
        "St. Petersburg": ("RUS", 59.94, 30.31),
    }
    for text, (iso3, lat, lon) in want.items():
        p = place(seed_doc, text)
        assert p.country == iso3, text
        limit = 300 if p.kind in ("admin1", "country") else 50
        assert km(p.lat, p.lon, lat, lon) < limit, (text, p.lat, p.lon)


def test_seed_capital_metonyms_are_not_event_places(seed_doc):
    beijing = [p for p in seed_doc.places if p.text == "Beijing"]
    moscow = [p for p in seed_doc.places if p.text == "Moscow"]
    assert beijing and all(p.metonym for p in beijing)
    assert moscow and all(p.metonym for p in moscow)
    for ev in seed_doc.events:
        if ev.place is not None:
            assert ev.place["name"] not in ("Beijing", "Moscow")


def test_seed_record_validates_with_places(seed_doc):
    from eventwire.schema import validate_record

    rec = seed_doc.to_dict()
    assert rec["places"] and all("metonym" in p for p in rec["places"])
    assert validate_record(rec) == []


@pytest.mark.usefixtures("shared_dir")
def test_places_eval_subset_is_near_its_floors(shared_dir):
    """The first 25 articles of each corpus: a fast check that the floors are within reach."""
    import json
    from importlib import resources

    from eventwire.evaluation import run_task

    res = run_task("places", shared_dir / "data", limit=25)
    assert res.metrics["lgl.gold"] > 100 and res.metrics["trnews.gold"] > 100
    floors = json.loads(resources.files("eventwire.evaluation.floors").joinpath("places.json").read_text())
    for metric, floor in floors.items():
        assert res.metrics[metric] >= floor - 0.08, (metric, res.metrics[metric], floor)


@pytest.mark.slow
def test_places_eval_meets_floors(shared_dir):
    from eventwire.evaluation import below_floor, run_task

    res = run_task("places", shared_dir / "data")
    assert res.metrics["gold"] > 6000
    assert below_floor(res) == []


def test_a_lawmakers_party_and_state_name_the_state(places_pipe):
    """'Clyburn, D-S.C.', 'Rahall, D-W. Va.', 'Cruz (R-TX)': the state after a party letter and a dash."""
    doc = run(places_pipe, "House Majority Whip James Clyburn, D-S.C., said the bill was fair. Rep. Nick Rahall, "
                           "D-W. Va., agreed. Sen. Ted Cruz (R-TX) said no.")
    assert [(p.text, p.admin1 or p.name) for p in doc.places] == [
        ("S.C.", "South Carolina"), ("W. Va.", "West Virginia"), ("TX", "Texas")]


def test_places_inside_an_office_or_an_institution_name(places_pipe):
    """A division's office the recogniser calls a person ('Anderson County Sheriff Greg Taylor') and a
    place after a compass word inside an institution's name ('Northeast Georgia Medical Center')."""
    doc = run(places_pipe, "Both were taken to Northeast Georgia Medical Center in Atlanta, according to "
                           "Anderson County Sheriff Greg Taylor.")
    found = {p.text for p in doc.places}
    assert {"Georgia", "Anderson County", "Atlanta"} <= found


def test_a_division_word_the_recogniser_took_into_the_name(places_pipe):
    doc = run(places_pipe, "Maoxian county in Sichuan province was hit. West Virginia State Police Lt. Michael "
                           "Baylous said so.")
    assert [(p.text, p.country) for p in doc.places if p.text in ("Sichuan", "West Virginia")] == [
        ("Sichuan", "CHN"), ("West Virginia", "USA")]


def test_a_place_in_a_diseases_name_is_no_place(places_pipe):
    doc = run(places_pipe, "Three farm workers became infected with Reston ebolavirus in the Philippines. "
                           "Marburg hemorrhagic fever is deadly. The outbreak began in Reston, Virginia.")
    assert [p.text for p in doc.places] == ["Philippines", "Reston", "Virginia"]
    # named once as a disease, the name is the disease where it is no place ("Because Marburg kills ...")
    doc = run(places_pipe, "The Marburg virus was found in Uganda. Because Marburg kills more slowly, a victim has "
                           "more time to infect others. It is an isolated case of imported Marburg.")
    assert [p.text for p in doc.places] == ["Uganda"]


def test_a_persons_surname_no_entity_covers_is_no_town(places_pipe):
    """'“...,” Rubio tweeted' after 'Sen. Marco Rubio': not Rubio, Venezuela."""
    doc = run(places_pipe, "On Sunday morning, Sen. Marco Rubio of Florida, a former GOP presidential primary rival "
                           "of Trump, expressed concern.\n\"Being a 'friend of Vladimir' is not an attribute I am "
                           "hoping for from a #SecretaryOfState - MR,\" Rubio tweeted.\nSen. John McCain told CNN on "
                           "Saturday that he had concerns.")
    assert [p.text for p in doc.places] == ["Florida"]


def test_a_capitals_old_name_is_no_capital_bonus(places_pipe):
    """'Philadelphia' alone is the American city, not Amman by its ancient name; 'Bombay' is still Mumbai."""
    doc = run(places_pipe, "The woman has been charged with murder, says Philadelphia District Attorney Seth "
                           "Williams. She grew up in Bombay.")
    assert [(p.name, p.country) for p in doc.places] == [("Philadelphia", "USA"), ("Mumbai", "IND")]


def test_a_small_town_abroad_known_only_by_another_name_is_no_reading(places_pipe):
    """'the Somme' is no département the gazetteer holds; Sémé, a Senegalese town of 7,000 that one
    of its other names spells so, is no reading of it in an article with no sign of Senegal."""
    doc = run(places_pipe, "Bird flu was found on a farm in the Somme, officials in Paris said.")
    assert [(p.text, p.country) for p in doc.places] == [("Paris", "FRA")]


def test_a_news_agency_named_like_a_town_is_no_place(places_pipe):
    """'Xinhua reported': the agency, not Xinhua county; the village it reports on stays a place."""
    doc = run(places_pipe, "The landslide hit a village in Sichuan, Xinhua reported.")
    assert [p.text for p in doc.places] == ["Sichuan"]


def test_a_town_the_recogniser_took_for_a_person_is_the_town_throughout(places_pipe):
    """'Gainesville residents', 'Gainesville officials': a one-word name the recogniser reads as a
    person, used as a town's, is the town wherever it stands; a family name of someone named in
    full ('Jack Gainesville') is not."""
    text = ("Gainesville residents march in protest of Charter Amendment 1. About 55 Gainesville residents "
            "marched Friday. Members said the march aimed to let locals know that Gainesville says no to "
            "discrimination. It is about protecting Gainesville as an inclusive city, she said.")
    doc = run(places_pipe, text)
    hits = [p for p in doc.places if p.text == "Gainesville"]
    assert len(hits) >= 3 and all(p.country == "USA" for p in hits)
    doc = run(places_pipe, "Jack Gainesville resigned. Gainesville said he was tired.")
    assert not [p for p in doc.places if p.text == "Gainesville"]


def test_a_country_name_the_recogniser_took_for_a_person_is_the_country(places_pipe, gaz):
    """'Sri Lanka's former president' read as a person is the country; a two-word person's name that
    starts with a country's ('Chad Smith') stays a person."""
    from eventwire.components.nlp import load_model
    from eventwire.places.toponyms import _a_country_taken_for_a_person

    sdoc = load_model()("Chad Smith left. Sri Lanka's former president spoke.")
    chad = [e for e in sdoc.ents if e.text == "Chad Smith"]
    assert not any(_a_country_taken_for_a_person(e, gaz) for e in chad)
    doc = run(places_pipe, "Sri Lanka's former president Chandrika Kumaratunga spoke.")
    assert any(p.text == "Sri Lanka" and p.country == "LKA" for p in doc.places)


def test_a_small_town_after_in_is_a_place(places_pipe):
    """After "in" or "near" a town of 10,000 will do ("lives in Bicester"); after
    'from' a name may be a person's ('a letter from Taylor')."""
    doc = run(places_pipe, "Matthew lives in Bicester with his mother.")
    assert place(doc, "Bicester").country == "GBR"
    doc = run(places_pipe, "The mayor read a letter from Taylor on Monday.")
    assert not [p for p in doc.places if p.text == "Taylor"]


def test_a_dotted_state_abbreviation_stands_alone(places_pipe):
    """'S.C.', 'N.J.' are no words of English: a state wherever they stand, not only after a town."""
    doc = run(places_pipe, "Mound Center set to open in S.C. today. The S.C. Highway Patrol is looking for leads.")
    hits = [p for p in doc.places if p.text == "S.C."]
    assert len(hits) == 2 and all(p.kind == "admin1" and p.country == "USA" for p in hits)


def test_a_town_read_as_a_people_is_still_the_town_where_it_stands_again(places_pipe):
    """The recogniser reads 'Sochi' as a people (NORP) in 'the Sochi mayoral election': no vote
    against the town, as a real people's name ('Georgian') would be."""
    text = ("Freemason Bogdanov Joins Sochi Mayor Race. Andrei Bogdanov on Wednesday became the latest entry "
            "into the crowded Sochi mayoral election. The mayoral election in Sochi, which will host the 2014 "
            "Winter Olympics, is on April 26. He submitted his papers to the Sochi elections commission.")
    doc = run(places_pipe, text)
    assert len([p for p in doc.places if p.text == "Sochi" and p.country == "RUS"]) >= 3


def test_a_name_before_state_or_province_is_the_division(places_pipe):
    """'in Washington state' is the state, not the capital; 'flew to Washington' stays the city and
    'the Charlotte region' the city's area."""
    assert place(run(places_pipe, "Health officials in Washington state confirmed two cases."),
                 "Washington").kind == "admin1"
    assert place(run(places_pipe, "Obama flew to Washington on Monday."), "Washington").kind == "city"
    assert place(run(places_pipe, "Unemployment rose in the Charlotte region, officials in Charlotte said."),
                 "Charlotte").country == "USA"


def test_a_firm_a_titled_person_and_the_moon_are_no_towns(places_pipe):
    """'Toyota, the Japanese automaker' is the company wherever it stands (not Toyota, Aichi);
    'Spokeswoman Sandy Angers' is a person (not Sandy, Utah); 'landed on the Moon' is not Moon,
    Pennsylvania. Nagoya stays a place."""
    doc = run(places_pipe, "Toyota, the Japanese automaker, overtook GM. Toyota said sales rose in Nagoya. "
                           "Spokeswoman Sandy Angers said the team had merged. The probe landed on the Moon.")
    assert [p.text for p in doc.places if p.kind == "city"] == ["Nagoya"]
