"""Stories: near-duplicates linked, one story per real happening, one merged event per real event.

Fixture articles (tests/fixtures/stories, written for these tests): one
earthquake report three times (wire original, a re-publication with a trailer
line, a lightly edited version), a different earthquake (same kind of
happening, other country and days later) and an unrelated summit.

Until the events coder lands on main, coded events are built by hand here,
each at the words it would be coded from.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import eventwire
from eventwire import stories
from eventwire.document import Argument, Event, Trigger
from eventwire.runner import run
from eventwire.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "stories"


@pytest.fixture(scope="module")
def fixture_docs(pipeline):
    docs = [d for d in eventwire.read(FIXTURES) if isinstance(d, eventwire.Document)]
    ok, failed = pipeline(docs)
    assert not failed and len(ok) == 5
    return {Path(d.source.path).stem: d for d in ok}


def _arg(doc, name, code):
    start = doc.text.index(name)
    return Argument(actor=None, name=name, code=code, country=code[:3], start=start, end=start + len(name))


def _event(doc, trigger, source, target, cameo, *, date=None, reported_by=()):
    start = doc.text.index(trigger)
    return Event(id=f"e{start}", sentence=doc.sentence_index(start), source=[_arg(doc, *source)],
                 target=[_arg(doc, *target)], trigger=Trigger(trigger, start, start + len(trigger)),
                 cameo=cameo, cameo_root=cameo[:2], plover={"event": "CONSULT"}, goldstein=1.0,
                 quad_class=1, date={"value": date, "text": "Tuesday", "basis": "test"} if date else None,
                 reported_by=[{"name": r, "actor": None, "code": None} for r in reported_by], confidence=0.8)


def _with_events(docs):
    """The fixture documents with the events a coder would find in them, built by hand."""
    for stem in ("01_malatya_quake_wire", "02_malatya_quake_republished", "03_malatya_quake_edited"):
        d = docs[stem]
        d.events = [_event(d, "spoke by phone", ("Recep Tayyip Erdogan", "TURGOV"), ("Malatya", "TURGOV"), "040",
                           date="2023-03-14"),
                    _event(d, "said 230 people", ("Suleyman Soylu", "TURGOV"), ("Malatya", "TURGOV"), "010")]
    d = docs["04_sulawesi_quake"]
    d.events = [_event(d, "ordered the military", ("Joko Widodo", "IDNGOV"), ("military", "IDNMIL"), "0331")]
    d = docs["05_china_brazil_summit"]
    d.events = [_event(d, "signed 15 agreements", ("Xi Jinping", "CHNGOV"),
                       ("Luiz Inacio Lula da Silva", "BRAGOV"), "057", date="2023-04-14",
                       reported_by=["Brazil's presidency"]),
                _event(d, "agreed in Beijing", ("Luiz Inacio Lula da Silva", "BRAGOV"), ("Xi Jinping", "CHNGOV"),
                       "057", date="2023-04-14", reported_by=["the Chinese foreign ministry"])]
    return docs


def test_folder_run_links_copies_and_separates_stories(tmp_path):
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        summary = run([str(p) for p in sorted(FIXTURES.iterdir())], store)
        assert summary.articles == 5 and not summary.failed
        placed = store.query("SELECT s.*, a.path FROM story_articles s JOIN articles a ON a.id = s.article_id")
        by_file = {Path(r["path"]).stem: r for r in placed}
        wire = by_file["01_malatya_quake_wire"]
        assert wire["duplicate_of"] is None
        for copy in ("02_malatya_quake_republished", "03_malatya_quake_edited"):
            assert by_file[copy]["duplicate_of"] == wire["article_id"]
            assert 0.7 <= by_file[copy]["duplicate_similarity"] <= 1.0
            assert by_file[copy]["story_id"] == wire["story_id"]
        assert len({r["story_id"] for r in placed}) == 3  # two earthquakes are two stories
        listed = stories.list_stories(store)
        assert [(s["n_articles"], s["n_originals"], s["n_outlets"]) for s in listed][0] == (3, 1, 3)
        # the events coder's events of the three versions: one merged event each, copies discounted
        quake = store.query("SELECT * FROM merged_events WHERE story_id = ?", [wire["story_id"]])
        assert quake, "the events stage coded nothing in the Malatya report"
        for ev in quake:
            assert (ev["n_articles"], ev["n_sources"], ev["n_original_articles"]) == (3, 3, 1), ev
        # the summary names places as the articles write them, not as matching keys or country codes
        places = json.loads(listed[0]["top_places"] or "[]") if isinstance(listed[0]["top_places"], str) \
            else listed[0]["top_places"]
        assert "Malatya" in places and not [p for p in places if p.islower() or p.isupper()], places


def test_one_merged_event_per_real_event_with_counts(fixture_docs):
    docs = _with_events(fixture_docs)
    with Store(":memory:") as store:
        store.write(list(docs.values()))
        s = stories.update(store)
        assert s.articles == 5 and s.duplicates == 2
        merged = {(r["cameo"], r["source_code"]): r for r in store.query("SELECT * FROM merged_events")}
        assert len(merged) == 4  # the call, the statement, the order, the agreements (two mentions in one article)
        call = merged[("040", "TURGOV")]
        assert (call["n_mentions"], call["n_articles"], call["n_sources"]) == (3, 3, 3)
        assert (call["n_original_mentions"], call["n_original_articles"], call["n_original_sources"]) == (1, 1, 1)
        assert call["date"] == dt.date(2023, 3, 14)
        deal = merged[("057", "CHNGOV")] if ("057", "CHNGOV") in merged else merged[("057", "BRAGOV")]
        assert (deal["n_mentions"], deal["n_articles"]) == (2, 1)  # mutual action, dyad in either order
        assert {deal["source_code"], deal["target_code"]} == {"CHNGOV", "BRAGOV"}
        accounts = stories.event_readouts(store, deal["event_id"])
        # with the quotes stage on, Xi's own remark ("Xi said China was ready ...") is credited to the
        # outlet that reports it, as the readouts module documents for uncredited quotes
        assert {a["account"] for a in accounts} == {"Brazil's presidency", "the Chinese foreign ministry", "Xinhua"}


def test_a_mutual_act_merged_keeps_its_two_sides(example_docs):
    """The mentions of a mutual act run both ways (the example's "Kamikawa and Cho signed the accord"
    is coded Kamikawa -> Cho and Cho -> Kamikawa); the merged record takes one mention's pair whole,
    never the commonest source and the commonest target apart (which could both be Kamikawa)."""
    with Store(":memory:") as store:
        store.write(example_docs)
        stories.update(store)
        merged = store.query("SELECT * FROM merged_events WHERE n_mentions > 1")
        assert merged and not [r for r in merged if r["source_name"] and r["source_name"] == r["target_name"]]


def test_incremental_updates_continue_from_the_store(fixture_docs, tmp_path):
    docs = _with_events(fixture_docs)
    order = ["01_malatya_quake_wire", "04_sulawesi_quake", "05_china_brazil_summit",
             "02_malatya_quake_republished", "03_malatya_quake_edited"]
    db = tmp_path / "inc.duckdb"
    for names in (order[:3], order[3:]):  # two runs, each a fresh stage loading the state from the store
        with Store(db) as store:
            batch = [docs[n] for n in names]
            store.write(batch)
            stories.update(store, [d.id for d in batch])
    with Store(db) as store:
        first = {r["article_id"]: r["story_id"] for r in store.query("SELECT * FROM story_articles")}
        call = store.query("SELECT * FROM merged_events WHERE cameo = '040'")
        assert len(call) == 1 and call[0]["n_mentions"] == 3 and call[0]["n_original_articles"] == 1
        assert stories.update(store).articles == 0  # nothing pending: re-running changes nothing
        again = {r["article_id"]: r["story_id"] for r in store.query("SELECT * FROM story_articles")}
    assert first == again and len(set(first.values())) == 3
    assert first[docs[order[0]].id] == stories.cluster.story_id_for(docs[order[0]].id)


def test_same_kind_different_days_are_different_events():
    from eventwire.stories.merge import EventMerger, Mention

    def m(aid, day, country="TUR"):
        return Mention(aid, "e1", "19", False, True, "TURMIL", "PKK", dt.date.fromisoformat(day), True,
                       country, None, None)

    merger = EventMerger()
    a = merger.assign(m("a", "2023-03-01"))
    assert merger.assign(m("b", "2023-03-02")) == a  # one day apart: the same attack
    assert merger.assign(m("c", "2023-03-09")) != a  # a week later: another attack
    assert merger.assign(m("d", "2023-03-01", "SYR")) != a  # same day, another country


def test_a_copy_republished_later_reports_the_same_events():
    """Relative dates in a copy resolve against its own (later) publication date; it is still the same event."""
    from eventwire.stories.merge import EventMerger, Mention

    def m(aid, day, family=None):
        return Mention(aid, "e1", "19", False, True, "TURMIL", "PKK", dt.date.fromisoformat(day), True,
                       "TUR", None, None, family or aid)

    merger = EventMerger()
    a = merger.assign(m("orig", "2023-03-06"))
    assert merger.assign(m("copy", "2023-04-10", family="orig")) == a  # its "Monday" is another Monday
    assert merger.assign(m("other", "2023-04-10")) != a  # an unrelated report of that later day


def test_story_and_readout_commands(fixture_docs, tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    docs = _with_events(fixture_docs)
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        store.write(list(docs.values()))
    cli = CliRunner()
    res = cli.invoke(main, ["stories", "--db", str(db), "--update"])
    assert res.exit_code == 0, res.output
    assert "Earthquake hits Malatya" in res.output
    listed = [json.loads(x) for x in cli.invoke(main, ["stories", "--db", str(db), "--json"]).output.splitlines()]
    quake = next(s for s in listed if s["n_articles"] == 3)
    res = cli.invoke(main, ["story", quake["story_id"], "--db", str(db)])
    assert res.exit_code == 0 and "copy of" in res.output and "040" in res.output
    assert "2023-03-14" in res.output  # dates in full beside each article
    res = cli.invoke(main, ["story", "st_nope", "--db", str(db)])
    assert res.exit_code == 2 and "no story" in res.output


def test_exports_open_in_pandas_and_duckdb(fixture_docs, tmp_path):
    import duckdb
    import pandas as pd
    from click.testing import CliRunner

    from eventwire.cli import main
    from eventwire.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS

    docs = _with_events(fixture_docs)
    db = tmp_path / "x.duckdb"
    with Store(db) as store:
        store.write(list(docs.values()))
        stories.update(store)
        tables = set(eventwire.export.table_names(store))
    cli = CliRunner()
    for fmt in ("parquet", "csv", "gdelt", "plover"):
        res = cli.invoke(main, ["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / fmt)])
        assert res.exit_code == 0, res.output
    for t in tables:
        pq = pd.read_parquet(tmp_path / "parquet" / f"{t}.parquet")
        assert len(pq) == duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'csv' / f'{t}.csv'}'").fetchall()[0][0]
    merged = pd.read_parquet(tmp_path / "parquet" / "merged_events.parquet")
    assert len(merged) == 4
    gd = pd.read_csv(tmp_path / "gdelt" / "events.gdelt.tsv", sep="\t", header=None, names=EVENT_COLUMNS,
                     dtype=str, keep_default_na=False)
    assert len(gd) == 4 and gd.shape[1] == 61
    call = gd[gd.EventCode == "040"].iloc[0]
    assert (call.NumMentions, call.NumSources, call.NumArticles, call.Day) == ("1", "1", "1", "20230314")
    mentions = duckdb.read_csv(str(tmp_path / "gdelt" / "mentions.gdelt.tsv"), sep="\t", header=False).df()
    assert mentions.shape == (9, len(MENTION_COLUMNS))
    plover = json.loads((tmp_path / "plover" / "events.plover.json").read_text())
    assert {len(r["reports"]) for r in plover} == {1, 2, 3}
    frame = eventwire.events_frame(db)
    assert list(frame.sort_values("n_mentions").n_mentions) == [1, 2, 3, 3]
    assert len(eventwire.events_frame(db, merged=False)) == 9


def test_seed_readouts_put_cctv_beside_the_kremlin(seed_doc):
    with Store(":memory:") as store:
        store.write([seed_doc])
        stories.update(store)
        call = store.query("SELECT event_id FROM merged_events WHERE cameo_root = '04' AND source_code LIKE 'CHN%' "
                           "AND target_code LIKE 'RUS%'")
        assert call, "the events stage coded no China-Russia consultation in the seed"
        accounts = stories.event_readouts(store, call[0]["event_id"])
    names = [a["account"] for a in accounts]
    assert any("CCTV" in n for n in names)
    kremlin = [a for a in accounts if "Kremlin" in a["account"] or "Russia" in a["account"]]
    assert kremlin and any("legitimacy" in c["text"] for a in kremlin for c in a["claims"])


def test_when_separates_same_words_and_retires_old_stories():
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures

    counts = {"w:earthquake": 3, "w:magnitude": 2, "w:rescue": 1, "n:afad": 2, "p:malatya": 2}
    clusterer = StoryClusterer(Settings(sweep_every=1))

    def place(aid, day):
        a = ArticleFeatures(aid, "X", dt.date.fromisoformat(day), dict(counts))
        clusterer.observe([a])
        return clusterer.add(a)[0]

    first = place("a" * 64, "2023-01-10")
    assert place("b" * 64, "2023-01-12") == first  # same words, two days on: the same story
    later = place("c" * 64, "2023-09-01")  # same words, months later: another happening
    assert later != first
    assert first not in clusterer.stories and first in clusterer.retired  # too old to join: centroid freed
    assert place("d" * 64, "2023-09-02") == later


def test_a_follow_up_that_names_the_month_of_a_happening_joins_its_story_years_later():
    """A sentencing two years after a shooting names when the shooting happened ("in June 2005"):
    it joins the shooting's story, even after the story left the index for the archive; a report of
    the same words that names no such month does not, nor does one in between (the follow-up
    does not open the months between to everything)."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures

    counts = {"w:deputy": 3, "w:shot": 2, "w:gang": 2, "n:orozco": 2, "p:hawaiian gardens": 2}
    clusterer = StoryClusterer(Settings(sweep_every=1))  # seven alike: the story's own names stay probes

    def place(aid, day, recalls=()):
        a = ArticleFeatures(aid * 64, "X", dt.date.fromisoformat(day), dict(counts), recalls=list(recalls))
        clusterer.observe([a])
        return clusterer.add(a)[0]

    shooting = place("a", "2005-06-24")
    assert place("b", "2005-06-25") == shooting and place("c", "2005-06-27") == shooting
    assert place("d", "2005-12-01") != shooting  # months on, no word of June 2005: another happening
    assert shooting in clusterer.archive and shooting not in clusterer.stories  # out of the index, kept slim
    assert place("e", "2007-04-02", ["2005-06", "2007-03"]) == shooting  # the sentencing names the month
    assert shooting in clusterer.stories and shooting not in clusterer.archive
    assert place("f", "2006-05-10") != shooting  # between the two: far from both
    assert place("g", "2007-04-03") == shooting  # the day after the sentencing: news of it
    # "when" does not vouch for a follow-up: it must fit as a report rejoining a story must
    clusterer = StoryClusterer(Settings(sweep_every=1, rejoin_threshold=1.01))
    shooting = place("a", "2005-06-24")
    assert [place(x, d) for x, d in (("b", "2005-06-25"), ("c", "2005-06-27"))] == [shooting] * 2
    assert place("e", "2007-04-02", ["2005-06"]) != shooting


def test_a_trial_reported_two_years_later_joins_the_crime_s_story_across_runs(pipeline, tmp_path):
    """End to end: the bylines date the reports ("Published: ..."); a second run, whose stage loads
    the first run's stories from the store and has closed them ("when"), still puts the trial report
    that names the month of the crime into the crime's story, and a report of another shooting in
    the same town months later, which names that month too, into a story of its own."""
    from eventwire.stories import Settings

    texts = [("Night guard shot dead at Harlow Mill warehouse\nPublished: March 4, 2019\n"
              "A night guard, Ana Lutz, was shot dead at the Harlow Mill warehouse in Dunmore, Pennsylvania, "
              "police said. A former driver at the warehouse was arrested near the gates."),
             ("Former driver held over Harlow Mill killing\nPublished: March 5, 2019\n"
              "Police in Dunmore, Pennsylvania, named Tomas Brevik as the man held over the shooting of "
              "guard Ana Lutz at Harlow Mill. Police chief Karl Moen said it followed a dispute over pay."),
             ("Dunmore mourns Harlow Mill guard\nPublished: March 6, 2019\n"
              "Workers at Harlow Mill in Dunmore, Pennsylvania, laid flowers for Ana Lutz, the guard shot "
              "on Monday. Tomas Brevik, a former driver, is charged with her murder, chief Karl Moen said.")]
    later = [("Posted: 01/15/2020 7:21 AM\nShots fired at Dunmore bakery\n"
              "A man fired shots at a bakery in Dunmore, Pennsylvania, police said, the first shooting in "
              "the town since March 2019. No one was hurt. Officers arrested Liam Ostrow, 24, outside the bakery."),
             ("Jury convicts Brevik of warehouse killing\nPublished: November 10, 2020\n"
              "Tomas Brevik was convicted of murder for shooting night guard Ana Lutz at the Harlow Mill "
              "warehouse in Dunmore, Pennsylvania, in March 2019. Police chief Karl Moen said the verdict "
              "closed a painful chapter for the Harlow Mill workers.")]
    docs, failed = pipeline([eventwire.read_text(t) for t in texts + later])
    assert not failed and [d.source.published for d in docs] == [
        "2019-03-04", "2019-03-05", "2019-03-06", "2020-01-15", "2020-11-10"]
    assert docs[3].source.published_basis == "inferred"
    db = tmp_path / "trial.duckdb"
    for batch in (docs[:3], docs[3:4], docs[4:]):  # three runs, each stage loading the state from the store
        with Store(db) as store:
            store.write(batch)
            stories.update(store, [d.id for d in batch], settings=Settings(sweep_every=1))
    with Store(db) as store:
        story_of = {r["article_id"]: r["story_id"] for r in store.query("SELECT * FROM story_articles")}
    assert len({story_of[d.id] for d in docs[:3]}) == 1
    assert story_of[docs[4].id] == story_of[docs[0].id]  # the conviction names March 2019
    assert story_of[docs[3].id] != story_of[docs[0].id]  # another shooting, ten months on


def test_verbatim_copies_from_two_outlets_count_as_two_sources_one_original(tmp_path):
    """The same text from two outlets is one article (same id) with two occurrences: merged
    events and stories count both outlets, and one original once copies are discounted."""
    wire = json.loads((FIXTURES / "01_malatya_quake_wire.json").read_text("utf-8"))
    paths = []
    for outlet in ("Reuters", "Daily Sabah"):
        p = tmp_path / f"{outlet.split()[0].lower()}.json"
        p.write_text(json.dumps({**wire, "outlet": outlet, "url": f"https://{outlet.split()[0].lower()}.example/q"}),
                     "utf-8")
        paths.append(str(p))

    def counts(store):
        events = store.query("SELECT n_articles, n_sources, n_original_articles, n_original_sources "
                             "FROM merged_events")
        assert events, "the events stage coded nothing in the Malatya report"
        return ({tuple(e.values()) for e in events},
                [(s["n_articles"], s["n_originals"], s["n_outlets"]) for s in stories.list_stories(store)])

    with Store(tmp_path / "s.duckdb") as store:
        run(paths[:1], store)  # Reuters first; the newspaper's copy arrives in a later run
        assert counts(store) == ({(1, 1, 1, 1)}, [(1, 1, 1)])
        summary = run(paths, store)
        assert summary.articles == 0 and summary.skipped == 2
        assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] == 1
        occ = store.query("SELECT outlet, path, url FROM occurrences ORDER BY first_seen")
        assert [o["outlet"] for o in occ] == ["Reuters", "Daily Sabah"]
        assert counts(store) == ({(2, 2, 1, 1)}, [(2, 1, 2)])
        run(paths, store)  # the same inputs again add nothing
        assert store.query("SELECT count(*) AS n FROM occurrences")[0]["n"] == 2
        assert counts(store) == ({(2, 2, 1, 1)}, [(2, 1, 2)])
        story_id = store.query("SELECT story_id FROM stories")[0]["story_id"]
    from click.testing import CliRunner

    from eventwire.cli import main

    shown = CliRunner().invoke(main, ["story", story_id, "--db", str(tmp_path / "s.duckdb")])
    assert shown.exit_code == 0 and "2 articles (1 original), 2 outlets" in shown.output, shown.output
    assert "also from Daily Sabah" in shown.output, shown.output
    with Store(tmp_path / "one_run.duckdb") as store:  # both in one run: the second is skipped in-run
        run(paths, store)
        assert store.query("SELECT count(*) AS n FROM occurrences")[0]["n"] == 2
        assert counts(store) == ({(2, 2, 1, 1)}, [(2, 1, 2)])


def test_gdelt_geography_uses_fips_country_codes():
    """GDELT's ActionGeo_CountryCode is FIPS 10-4, not ISO3 (Germany GM, UK UK, China CH)."""
    from eventwire.export.gdelt import fips_code

    assert [fips_code(c) for c in ("DEU", "GBR", "CHN", "USA", "RUS")] == ["GM", "UK", "CH", "US", "RS"]
    assert fips_code(None) == "" and fips_code("XXX") == ""


def test_gdelt_actor_country_of_a_region_is_its_cameo_code():
    """GDELT's Actor1CountryCode holds CAMEO codes, regions' too: "Western leaders" (WSTGOV) is WST."""
    from eventwire.export.gdelt import _actor

    assert _actor("WSTGOV", "Western government", None)[2] == "WST"
    assert _actor("RUSGOV", "Russian government", "RUS")[2] == "RUS" and _actor("GOV", "government", None)[2] == ""


def test_lead_participants_veto_same_kind_happening_with_another_participant():
    """Two title fights of one champion share every topic word; the opponent the leads name tells
    them apart. A report of the same fight that names a new person beside the same opponent joins."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures

    words = {"w:heavyweight": 3, "w:title": 2, "w:round": 2, "w:stopped": 2, "w:champion": 1, "w:belts": 1}

    def article(aid, opponent, extra=()):
        names = {"n:wladimir klitschko": 3, "n:klitschko": 6, f"n:{opponent}": 4, **{f"n:{x}": 4 for x in extra}}
        lead = [["PERSON", "wladimir klitschko", "klitschko"], ["PERSON", opponent]] + [["PERSON", x] for x in extra]
        return ArticleFeatures(aid, "X", None, {**words, **names}, lead=lead)

    def place(clusterer, a):
        clusterer.observe([a])
        return clusterer.add(a)[0]

    clusterer = StoryClusterer(Settings(threshold=0.05))
    first = place(clusterer, article("a" * 64, "rahman"))
    assert place(clusterer, article("b" * 64, "rahman", ["tony weeks"])) == first  # same fight, the referee named
    assert place(clusterer, article("c" * 64, "thompson")) != first  # same champion, another opponent
    off = StoryClusterer(Settings(threshold=0.05, participant_clash=1.0))  # without the check, words merge them
    assert place(off, article("a" * 64, "rahman")) == place(off, article("c" * 64, "thompson"))


def test_figures_are_normalised_and_lower_the_score_of_a_story_that_never_reports_them():
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures, figures

    assert figures("5. 9") == ["5.9"] and figures("120, 000 people") == ["120000"]
    assert figures("seventh") == ["7"] and figures("one of") == [] and figures("$200 million") == ["200"]

    words = {"w:earthquake": 3, "w:magnitude": 2, "w:island": 2, "w:villages": 1, "p:qeshm": 2}

    def article(aid, *figs):
        return ArticleFeatures(aid, "X", None, {**words, **{f"f:{x}": 1 for x in figs}},
                               figures=[f"f:{x}" for x in figs])

    clusterer = StoryClusterer(Settings())
    first = article("a" * 64, "5.6", "5")
    clusterer.observe([first])
    clusterer.add(first)
    story = next(iter(clusterer.stories.values()))
    same, other = article("b" * 64, "5.6"), article("c" * 64, "6.1", "10")
    clusterer.observe([same, other])
    assert story.shared_figures(same) == 1.0 and story.shared_figures(other) == 0.0
    v_same, v_other = clusterer.vector(same), clusterer.vector(other)
    assert v_same == v_other  # figures weigh nothing in the similarity itself
    assert clusterer.score(story, v_other, other) < clusterer.score(story, v_same, same)


def test_a_figure_the_story_s_leads_agree_on_and_the_article_lacks_lowers_its_score():
    """Two pirate captures by one navy share every word; the count the leads report tells them
    apart. A report that also names the story's count, beside a new figure, does not clash."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures

    words = {"w:pirates": 3, "w:navy": 2, "w:captured": 2, "w:merchant": 1, "p:gulf of aden": 2, "n:indian navy": 2}

    def article(aid, lead_figs, more=()):
        figs = {f"f:{x}": 1 for x in (*lead_figs, *more)}
        return ArticleFeatures(aid, "X", None, {**words, **figs}, figures=[f"f:{x}" for x in lead_figs])

    clusterer = StoryClusterer(Settings())
    for aid in ("a", "b", "c"):
        first = article(aid * 64, ["23"])
        clusterer.observe([first])
        clusterer.add(first)
    story = next(iter(clusterer.stories.values()))
    other, later = article("d" * 64, ["26", "5"]), article("e" * 64, ["26"], more=["23"])
    clusterer.observe([other, later])
    assert story.figure_clash(other, 0.5, 2) and not story.figure_clash(later, 0.5, 2)
    off = StoryClusterer(Settings(figure_clash=1.0))
    for name in ("df", "n_docs", "stories"):
        setattr(off, name, getattr(clusterer, name))
    v = clusterer.vector(other)
    assert clusterer.score(story, v, other) == pytest.approx(0.5 * off.score(story, v, other))
    assert story.figure_clash(article("f" * 64, []), 0.5, 2) is False  # a lead with no figure never clashes


def test_names_one_report_alone_mentions_do_not_keep_it_from_its_story():
    """A report of one fire that quotes six witnesses no other report names joins the fire's
    story: those names can be shared by no story, so they do not dilute what it shares (the place,
    the fire chief). The first report of another fire, whose place and people are all new, is
    still judged by everything it names and starts a story of its own."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures

    words = {"w:fire": 3, "w:warehouse": 2, "w:firefighters": 2, "w:blaze": 1, "w:smoke": 1}

    def article(aid, place="qeshm", chief="ahmadi", others=()):
        names = {f"p:{place}": 2, f"n:{chief}": 3, **{f"n:{x}": 2 for x in others}}
        return ArticleFeatures(aid, "X", dt.date(2023, 3, 14), {**words, **names})

    clusterer = StoryClusterer(Settings(threshold=0.35))
    first, second = article("a" * 64), article("b" * 64, others=["rezaei"])
    for a in (first, second):
        clusterer.observe([a])
        story_id = clusterer.add(a)[0]
    quoting = article("c" * 64, others=["witness one", "witness two", "witness three", "owner four",
                                        "neighbour five", "clerk six"])
    other_fire = article("d" * 64, "bandar abbas", "hosseini", ["karimi", "jafari"])
    clusterer.observe([quoting, other_fire])
    story = clusterer.stories[story_id]
    v = clusterer.vector(quoting)
    assert set(clusterer.evidence(v)) == set(v) - {f"n:{x}" for x in ("witness one", "witness two", "witness three",
                                                                       "owner four", "neighbour five", "clerk six")}
    assert story.cosine(v) < clusterer.settings.threshold < clusterer.score(story, v, quoting)  # diluted: 0.32
    assert clusterer.add(quoting)[0] == story_id
    assert clusterer.add(other_fire)[0] != story_id


def test_passages_are_runs_of_content_words_that_survive_a_rewrite_and_a_reload():
    from eventwire.stories.features import ArticleFeatures, passages

    wire = ("A former employee walked into a staff Christmas party at an east Vancouver health products "
            "business on Friday and shot a man, police said.")
    rewrite = "Police said a former employee walked into a staff Christmas party at an east Vancouver health products business."
    other = "A former employee of a Toronto bakery was arrested on Monday after a fire destroyed the shop."
    assert len(set(passages(wire)) & set(passages(rewrite))) >= 2  # same words in the same order, any case
    assert not set(passages(wire)) & set(passages(other))
    # one nine-word phrase in two unrelated reports (four six-word runs) leaves one fingerprint
    # or two (winnowing), not one per run: counting shared fingerprints counts shared stretches
    quake = ("Officials counted the damage in the villages. The US Geological Survey said the quake struck "
             "hardest at a depth of ten kilometres near the coast, and rescuers searched through the night.")
    storm = ("A storm flooded farms in the north. The US Geological Survey said the quake struck "
             "hardest nowhere near the dam, whose spillway engineers opened on Tuesday to relieve the river.")
    assert 1 <= len(set(passages(quake)) & set(passages(storm))) <= 2
    assert not passages("it was said that he had been there when they were here") and not passages("")  # no content
    assert passages(wire) == passages(wire.upper().replace(",", " ;"))  # case and punctuation do not count
    a = ArticleFeatures("a" * 64, "X", None, {"w:party": 1}, passages=passages(wire))
    assert ArticleFeatures.from_json(a.article_id, "X", None, json.loads(json.dumps(a.to_json()))).passages == a.passages
    assert not ArticleFeatures.from_json("b" * 64, "X", None, {}).passages  # stored before passages existed


def test_passage_counts_never_undercount_and_fade():
    from eventwire.stories.sketch import PassageCounts

    counts = PassageCounts(bits=8, depth=3)  # 256 cells a row: crowded on purpose
    stock, quote = 12345, 67890
    for i in range(40):
        counts.add([stock, 1000 + i] + ([quote] if i < 3 else []))
    assert counts.counts([stock])[0] >= 40 and counts.counts([quote])[0] >= 3
    assert counts.rare([stock, quote], 20) == [quote]
    counts.add(list(range(5000, 5000 + 256)))  # a row's worth of passages: every counter halves
    assert counts.since_decay == 0 and counts.counts([stock])[0] < 40


def test_shared_passages_carry_an_early_report_into_its_story():
    """An early report names other people than the later reports (the company, not the suspect),
    so its words and names fit their story poorly; the sentences it shares with them (one police
    statement, rewritten wire copy) carry it in. A report of another happening of the same kind,
    in its own words, is not carried."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures, passages

    statement = ("Police said the suspect entered the business, which had at least a dozen people inside "
                 "enjoying a Christmas party, and opened fire on the chief executive.")
    words = {"w:shooting": 2, "w:party": 2, "w:christmas": 1, "w:office": 1}

    def article(aid, names, text):
        counts = {**words, **{f"n:{n}": 3 for n in names}, **{f"w:{n}": 1 for n in names}}
        return ArticleFeatures(aid, "X", dt.date(2008, 12, 13), counts, passages=passages(text))

    later = [article(c * 64, ["kirkpatrick", "fanning", "banky"], statement + f" Report {c}.") for c in "abc"]
    early = article("d" * 64, ["tallgrass", "hacker", "christie"], "One man is dead. " + statement)
    elsewhere = article("e" * 64, ["jones", "detroit"], "A gunman opened fire at an office in Detroit on Friday.")
    for settings, joins in ((Settings(passage_bonus=0.0), False), (Settings(), True)):
        clusterer = StoryClusterer(settings)
        clusterer.observe(later + [early, elsewhere])
        sid = {clusterer.add(a)[0] for a in later}.pop()
        assert (clusterer.add(early)[0] == sid) is joins
        assert clusterer.add(elsewhere)[0] != sid


def test_repair_merges_stories_a_later_batch_shows_to_be_one():
    """A report of one happening left alone on arrival (here: an arrival threshold nothing clears)
    joins that happening's story once the story grows, in the repair after the batch, the larger
    story keeping its id; a report of another happening of the same kind stays apart, and new
    articles find the merged story."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures

    words = {"w:earthquake": 3, "w:magnitude": 2, "w:villages": 2, "w:rescue": 1}

    def article(aid, place, person):
        return ArticleFeatures(aid, "X", dt.date(2023, 3, 14),
                               {**words, f"p:{place}": 3, f"n:{person}": 3, f"w:{place}": 2})

    clusterer = StoryClusterer(Settings(threshold=1.01))
    first, second, third, other = (article("a" * 64, "qeshm", "ahmadi"), article("b" * 64, "qeshm", "ahmadi"),
                                   article("c" * 64, "qeshm", "ahmadi"), article("d" * 64, "sulawesi", "widodo"))
    clusterer.observe([first, third, other])
    kept, alone, apart = (clusterer.add(a)[0] for a in (first, third, other))
    assert len({kept, alone, apart}) == 3  # nothing cleared the arrival threshold
    assert clusterer.repair({kept, alone, apart}) == []  # a story the batch began was compared already
    clusterer.observe([second])
    clusterer.add_member(kept, second)  # the story grows (as a join would)
    assert clusterer.repair({kept}) == [(alone, kept)]
    assert set(clusterer.stories) == {kept, apart} and clusterer.stories[kept].n == 3
    assert clusterer.stories[kept].solo is None and clusterer.stories[apart].solo[0] is other
    assert alone not in clusterer.candidates(clusterer.vector(third))  # the index points at the merged story
    assert kept in clusterer.candidates(clusterer.vector(third))


def test_repair_merges_two_pieces_that_copy_each_others_text():
    """Two stories of one fire whose centroids fall short of the merge threshold (the later reports
    are about the investigation) but whose members share many rare passages (copied wire text)
    become one; as much word overlap without shared passages does not merge."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.features import ArticleFeatures, passages

    wire = ("A huge fire has destroyed the supermarket in the High Street of the market town. Fire crews from "
            "three stations fought the blaze through the night while residents were evacuated from nearby "
            "homes. The cause of the fire is being investigated by detectives who have asked witnesses to "
            "come forward with any mobile phone footage they recorded.")

    def article(aid, topic_words, text):
        return ArticleFeatures(aid, "X", dt.date(2023, 3, 14), {"w:fire": 2, "p:banstead": 2, **topic_words},
                               passages=passages(text))

    early = [article(f"e{i:063d}", {"w:blaze": 2, "w:crews": 2, f"w:e{i}": 1}, wire) for i in range(2)]
    later = [article(f"l{i:063d}", {"w:arson": 2, "w:detectives": 2, f"w:l{i}": 1}, wire + f" Update {i}.")
             for i in range(2)]
    for copied, merged in ((True, True), (False, False)):
        clusterer = StoryClusterer(Settings(passage_bonus=0.3 if copied else 0.0))
        clusterer.observe(early + later)
        for a in early:
            clusterer.add_member("st_early", a)
        for a in later:
            clusterer.add_member("st_later", a)
        assert clusterer._score(clusterer.stories["st_early"], clusterer.stories["st_later"].unit(80)) < 0.5
        assert bool(clusterer.repair({"st_early", "st_later"})) is merged


def test_stage_writes_a_repair_merge_consistently(fixture_docs, monkeypatch):
    """A merge the repair makes moves the stored articles of the absorbed story: placements,
    story summaries and merged events agree, and a new stage loads the merged state."""
    docs = _with_events(fixture_docs)
    sulawesi, malatya = docs["04_sulawesi_quake"], docs["01_malatya_quake_wire"]
    with Store(":memory:") as store:
        stage = stories.StoryStage(store)
        store.write([sulawesi])
        stage.update([sulawesi.id])
        gone = stage.story_of[sulawesi.id]
        real = stage.clusterer.repair

        def absorb_the_stored_story(touched):  # the new story takes the stored one in
            (keep,) = touched
            stage.clusterer._absorb(keep, gone)
            return [(gone, keep)]

        monkeypatch.setattr(stage.clusterer, "repair", absorb_the_stored_story)
        store.write([malatya])
        stage.update([malatya.id])
        keep = stage.story_of[malatya.id]
        assert keep != gone and stage.story_of[sulawesi.id] == keep
        assert sorted(stage.members[keep]) == sorted([sulawesi.id, malatya.id]) and gone not in stage.members
        placed = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        assert placed == {sulawesi.id: keep, malatya.id: keep}
        summaries = store.query("SELECT story_id, n_articles FROM stories")
        assert [(s["story_id"], s["n_articles"]) for s in summaries] == [(keep, 2)]
        assert {r["story_id"] for r in store.query("SELECT story_id FROM merged_events")} == {keep}
        # the absorbed id still leads to its article, now in the kept story
        assert store.query("SELECT alias, story_id FROM story_aliases") == [{"alias": gone, "story_id": keep}]
        shown = stories.story(store, gone)
        assert shown["story"]["story_id"] == keep and shown["merged_from"] == gone
        assert sulawesi.id in {a["article_id"] for a in shown["articles"]}
        assert "merged_from" not in stories.story(store, keep)
        monkeypatch.setattr(stage.clusterer, "repair", real)
        again = stories.StoryStage(store)
        assert again.story_of == stage.story_of and set(again.clusterer.stories) == {keep}
        assert again.clusterer.stories[keep].n == 2


def test_mention_rows_made_from_a_record_are_what_the_store_reads_back(example_docs, seed_doc, tmp_path):
    """A new article's events are merged from rows made from its record (no query of the event
    tables); they must be the rows the store gives for it once written, value for value and in order."""
    from eventwire.stories.stage import StoryStage, mention_rows

    docs = [*example_docs, seed_doc]
    with Store(tmp_path / "s.duckdb") as store:
        store.write(docs)
        stage = StoryStage(store)
        checked = 0
        for doc in docs:
            made = mention_rows(doc.to_dict())
            read = stage._mention_rows(f"e.article_id = '{doc.id}'")
            assert made == read
            checked += len(made)
    assert checked >= 20


def test_split_takes_the_second_happening_out_of_a_mixed_story():
    """One coach fired, the same coach hired years earlier: one story holding both (the first
    report of one joined the other's story) splits into the two, the larger keeping its id; a
    story of one happening with as many reports stays whole."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.cluster import story_id_for
    from eventwire.stories.features import ArticleFeatures

    def article(aid, words, i):
        return ArticleFeatures(aid, "X", None, {"n:maurice cheeks": 1, "w:coach": 1, f"w:aside{i}": 1,
                                                **{f"w:{w}": 2 for w in words}})

    fired = [article(f"f{i:063d}", ["fired", "slump", "losing", "dismissal"], i) for i in range(7)]
    hired = [article(f"h{i:063d}", ["hired", "introduced", "returns", "contract"], i) for i in range(6)]
    clusterer = StoryClusterer(Settings())
    clusterer.observe(fired + hired)
    sid = story_id_for(fired[0].article_id)
    for a in [fired[0], hired[0], *fired[1:], *hired[1:]]:  # mixed from the second report on
        clusterer.add_member(sid, a)
    ((kept, new_id, moved),) = clusterer.split({sid})
    assert kept == sid and new_id == story_id_for(hired[0].article_id)
    assert sorted(moved) == sorted(a.article_id for a in hired)
    assert clusterer.stories[sid].n == 7 and clusterer.stories[new_id].n == 6
    assert new_id in clusterer.candidates(clusterer.vector(hired[0]))
    assert clusterer.split({sid, new_id}) == []  # checked again only once they have grown

    one = StoryClusterer(Settings())
    reports = [article(f"r{i:063d}", ["fired", "slump", "losing", "dismissal"][i % 2:], i) for i in range(14)]
    one.observe(reports)
    for a in reports:
        one.add_member("st_one", a)
    assert one.split({"st_one"}) == []


def test_lead_agents_are_who_acted_not_who_spoke(pipeline):
    from eventwire.readers import read_text
    from eventwire.stories.features import from_record

    doc = pipeline([read_text("The Los Angeles Angels offered Mark Teixeira an eight-year contract on Tuesday, "
                              "general manager Tony Reagins said.")])[0][0]
    agents = from_record(doc.to_dict()).agents
    assert ["angels", "los angeles angels", "unk:los_angeles_angels"] in agents
    assert not any("reagins" in keys for keys in agents)  # the speaker reports the act


def test_a_known_actor_opening_a_lead_sentence_is_its_doer(pipeline):
    """"The Bush administration issued new rules" codes no event, yet Bush did it: the known actor a lead
    sentence opens with is its subject, after a dateline or "The". A name only written there (no
    knowledge-base entry) is no doer, nor is one after other words ("Six weeks before Obama ...")."""
    from eventwire.readers import read_text
    from eventwire.stories.features import from_record

    def agents(text):
        return from_record(pipeline([read_text(text)])[0][0].to_dict()).agents

    assert any("kb:george_w_bush" in keys for keys in agents(
        "WASHINGTON (AP) -- The Bush administration issued new rules on Thursday for endangered species."))
    assert any("kb:barack_obama" in keys for keys in agents("Barack Obama reversed a rule on endangered species."))
    assert not any("kb:barack_obama" in keys for keys in agents(
        "Six weeks before Barack Obama takes office, regulators issued new rules on endangered species."))


def test_names_are_named_parties_not_a_country_s_police_or_civilians():
    """Two riots in one country are both about its police and its civilians: the actors stage's name
    for such a country-and-sector actor is no one's name, so it must not count as one."""
    from eventwire.stories.features import from_record

    rec = {"id": "a" * 64, "text": "Greek police fired tear gas at protesters in Athens. Nikos Papas was hurt.",
           "entities": [{"text": "Greek police", "start": 0, "end": 12, "label": "NORP", "actor": "GRCCOP"},
                        {"text": "Nikos Papas", "start": 51, "end": 62, "label": "PERSON", "actor": "unk:nikos_papas"}],
           "actors": [{"id": "GRCCOP", "name": "Greek police force", "code": "GRCCOP"},
                      {"id": "unk:nikos_papas", "name": "Nikos Papas"}]}
    counts = from_record(rec).counts
    assert "n:nikos papas" in counts and "n:papas" in counts
    assert "n:greek police force" not in counts


def test_a_company_is_named_by_its_name_less_its_legal_form_and_trade_words():
    """Outlets write one company's name in several ways ("Tallgrass Distributors Ltd.", "Tallgrass
    Distribution Ltd"): the words before its legal form and trade words are the name both share."""
    from eventwire.stories.features import company_name, from_record

    assert company_name("tallgrass distributors ltd.") == "tallgrass"
    assert company_name("bank of america corp") == "bank of america"
    assert company_name("smith & associates") == "smith"
    assert company_name("international group") == "international group"  # nothing left to tell which
    assert company_name("tallgrass") == "tallgrass"

    def org(name):
        text = f"A gunman shot a man at a {name} party. The {name} staff were sent home."
        starts = [text.index(name), text.rindex(name)]
        return {"id": "a" * 64, "text": text,
                "entities": [{"text": name, "start": i, "end": i + len(name), "label": "ORG"} for i in starts]}

    one, other = from_record(org("Tallgrass Distributors Ltd.")), from_record(org("Tallgrass Distribution Ltd"))
    assert "n:tallgrass" in one.counts and "n:tallgrass" in other.counts
    assert ["ORG", "tallgrass distributors ltd", "tallgrass"] in one.lead  # and a participant by both


def test_split_separates_two_parties_doing_the_same_thing():
    """Two clubs' offers to one player: every report names both clubs and the player, so words do
    not tell them apart, but three leads say one club made the offer and three the other, never
    both. Such a story splits by who acted, reports that name no actor go with the closer side,
    and the repair does not merge the two back; one club's story with as many reports stays whole."""
    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.cluster import story_id_for
    from eventwire.stories.features import ArticleFeatures

    def article(aid, club, acted, i):
        words = {"w:offer": 2, "w:contract": 2, "w:eight-year": 2, f"w:{club}": 2, f"w:aside{i}": 1}
        names = {"n:mark teixeira": 3, "n:teixeira": 3, "n:red sox": 1, "n:angels": 1}
        agents = [[club.rsplit("-", 1)[-1], club.replace("-", " "), "unk:" + club]] if acted else []
        return ArticleFeatures(aid, "X", None, {**words, **names}, agents=agents)

    angels = [article(f"a{i:063d}", "angels", i < 3, i) for i in range(4)]
    red_sox = [article(f"r{i:063d}", "red-sox", i < 3, i) for i in range(4)]
    clusterer = StoryClusterer(Settings())
    clusterer.observe(angels + red_sox)
    sid = story_id_for(angels[0].article_id)
    for a in [angels[0], red_sox[0], *angels[1:], *red_sox[1:]]:
        clusterer.add_member(sid, a)
    ((kept, new_id, moved),) = clusterer.split({sid})
    assert sorted(moved) == sorted(a.article_id for a in red_sox) or sorted(moved) == sorted(a.article_id for a in angels)
    assert clusterer.repair({kept, new_id}) == []

    one = StoryClusterer(Settings())
    one.observe(angels + angels)
    for a in angels + [article(f"b{i:063d}", "angels", True, i) for i in range(4)]:
        one.add_member("st_one", a)
    assert one.split({"st_one"}) == []


def test_split_separates_two_counts_reported_apart_unless_days_apart_are_few():
    """Two pirate captures by one navy, years apart, one half undated: every report says "pirates
    captured by the navy", but three leads report 23 and three 26, never both. Such a story splits
    by the figure, reports with no figure go with the closer side, and the repair does not merge
    the two back. A toll that rises (10 dead, then 13 the next day) does not split a story, nor
    do small numbers (two suspects, three suspects)."""
    import datetime as dt

    from eventwire.stories import Settings, StoryClusterer
    from eventwire.stories.cluster import identifying, story_id_for
    from eventwire.stories.features import ArticleFeatures

    assert identifying("f:23") and identifying("f:5.6") and not identifying("f:2")

    def article(aid, count, i, day=None, lead=True):
        words = {"w:pirates": 2, "w:navy": 2, "w:captured": 2, "w:merchant": 1, f"w:aside{i}": 1}
        figures = [f"f:{count}"] if lead else []
        return ArticleFeatures(aid, "X", day, {**words, "n:indian navy": 2, f"f:{count}": 1}, figures=figures)

    def mixed(first, second, days=(None, None), settings=None):
        a = [article(f"a{i:063d}", first, i, days[0], i < 3) for i in range(4)]
        b = [article(f"b{i:063d}", second, i, days[1], i < 3) for i in range(4)]
        clusterer = StoryClusterer(settings or Settings())
        clusterer.observe(a + b)
        sid = story_id_for(a[0].article_id)
        for x in [a[0], b[0], *a[1:], *b[1:]]:
            clusterer.add_member(sid, x)
        return clusterer, sid, a, b

    clusterer, sid, a, b = mixed("23", "26", (None, dt.date(2011, 11, 11)))
    ((kept, new_id, moved),) = clusterer.split({sid})
    assert sorted(moved) in (sorted(x.article_id for x in a), sorted(x.article_id for x in b))
    assert clusterer.repair({kept, new_id}) == []

    day = dt.date(2005, 11, 27)
    rising, sid, _, _ = mixed("10", "13", (day, day + dt.timedelta(days=1)))
    assert rising.split({sid}) == []
    weeks, sid, _, _ = mixed("10", "13", (day, day + dt.timedelta(days=30)))
    assert len(weeks.split({sid})) == 1
    small, sid, _, _ = mixed("2", "3")
    assert small.split({sid}) == []


def test_stage_writes_a_split_consistently(fixture_docs, monkeypatch):
    """A split moves stored articles, their copies with them, to the new story: placements,
    summaries and merged events agree, and a new stage loads the split state."""
    docs = _with_events(fixture_docs)
    wire, copies = docs["01_malatya_quake_wire"], [docs["02_malatya_quake_republished"],
                                                    docs["03_malatya_quake_edited"]]
    sulawesi, summit = docs["04_sulawesi_quake"], docs["05_china_brazil_summit"]
    with Store(":memory:") as store:
        stage = stories.StoryStage(store)
        repair, split = stage.clusterer.repair, stage.clusterer.split

        def one_story(touched):  # the two quakes in one story, as a mixture would be
            keep = stage.story_of[wire.id]
            gone = [t for t in touched if t != keep]
            for t in gone:
                stage.clusterer._absorb(keep, t)
            return [(t, keep) for t in gone]

        monkeypatch.setattr(stage.clusterer, "repair", one_story)
        store.write([wire, *copies, sulawesi])
        stage.update([wire.id, *(c.id for c in copies), sulawesi.id])
        mixed = stage.story_of[wire.id]
        assert {stage.story_of[d.id] for d in (wire, *copies, sulawesi)} == {mixed}
        monkeypatch.setattr(stage.clusterer, "repair", repair)
        monkeypatch.setattr(stage.clusterer, "split", lambda touched: [(mixed, "st_malatya", [wire.id])])
        store.write([summit])
        stage.update([summit.id])
        monkeypatch.setattr(stage.clusterer, "split", split)
        placed = dict(store.con.execute("SELECT article_id, story_id FROM story_articles").fetchall())
        assert {placed[d.id] for d in (wire, *copies)} == {"st_malatya"} and placed[sulawesi.id] == mixed
        counts = {r["story_id"]: r["n_articles"] for r in store.query("SELECT story_id, n_articles FROM stories")}
        assert counts["st_malatya"] == 3 and counts[mixed] == 1
        quake = store.query("SELECT story_id FROM merged_events WHERE cameo = '040'")
        assert [r["story_id"] for r in quake] == ["st_malatya"]
        again = stories.StoryStage(store)
        assert again.story_of == stage.story_of
