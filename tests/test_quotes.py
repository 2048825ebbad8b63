"""The quotes component: direct, indirect and partial quotes, speakers, cues, sources."""
import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.document import Document
from eventwire.pipeline import Pipeline
from eventwire.quotes.extract import extract_quotes
from eventwire.quotes.marks import quoted_stretches
from eventwire.store import Store
from eventwire.store.queries import list_rows


@pytest.fixture(scope="module")
def quotes_of():
    """repair + nlp + quotes over a text written for the test."""
    pipe = Pipeline({"pipeline": {"components": ["repair", "nlp"]}})

    def run(text: str):
        doc = Document.from_raw(text)
        for _, fn in pipe.steps:
            fn([doc])
        doc.quotes = extract_quotes(doc)
        return doc

    return run


def _direct(doc):
    return [q for q in doc.quotes if q.direct]


# ---------------------------------------------------------------- the seed article

def test_seed_direct_quotes(seed_doc):
    direct = _direct(seed_doc)
    assert [q.text[:20] for q in direct] == ["China is willing to ", "legitimacy of Russia", "resolve issues throu"]
    assert [q.cue["text"] for q in direct] == ["said", "noted", "said"]
    assert [[a["text"] for a in q.according_to] for q in direct] == [["CCTV"], ["Kremlin"], []]
    for q in direct:
        assert seed_doc.text[q.start:q.end] == q.text
        sp = q.speaker
        assert seed_doc.text[sp["start"]:sp["end"]] == sp["text"]
    assert direct[0].speaker["name"] == direct[2].speaker["name"] == "Xi Jinping"
    if seed_doc.actors:  # role coreference ("the Chinese president") comes from the actors stage
        assert direct[1].speaker["name"] == "Xi Jinping" and direct[1].speaker["actor"]
    else:
        assert direct[1].speaker["text"] == "the Chinese president"
    # the partial quote lies inside the indirect "China supports ..." quote
    host = seed_doc.quotes[direct[2].within]
    assert not host.direct and host.start <= direct[2].start and host.speaker["name"] == "Xi Jinping"


def test_seed_indirect_quotes_and_sentences(seed_doc):
    indirect = {q.cue["text"]: q for q in seed_doc.quotes if not q.direct}
    told = indirect["told"]
    assert told.text.startswith("that China has always made") and told.speaker["name"] == "Xi Jinping"
    assert [a["text"] for a in told.according_to] == ["CCTV"]
    assert indirect["urged"].speaker["text"] == "He" and indirect["urged"].speaker["name"] == "Xi Jinping"
    # a stance inside reported speech stays the reporter's words: Putin's, via the readout
    saying = indirect["saying"]
    assert saying.speaker["text"] == "Putin" and saying.text.startswith("Russia opposes")
    assert [a["text"] for a in saying.according_to] == ["the readout"]
    for q in seed_doc.quotes:
        assert seed_doc.sentence_index(q.start) == q.sentence


def test_seed_quotes_stored_and_queryable(seed_doc, tmp_path):
    db = str(tmp_path / "q.duckdb")
    with Store(db) as s:
        s.write([seed_doc])
        rows = list_rows(s, "quotes", {"speaker": "Xi", "direct": "true"})
        assert len(rows) == 2 + bool(seed_doc.actors)
        via_cctv = list_rows(s, "quotes", {"according_to": "CCTV"})
        assert {r["cue_text"] for r in via_cctv} >= {"said", "told"}
        assert all(not r["direct"] for r in list_rows(s, "quotes", {"direct": "no"}))
    r = CliRunner().invoke(main, ["quotes", "--db", db, "--speaker", "Xi", "--according-to", "Kremlin", "--json"])
    assert r.exit_code == 0, r.output
    assert [json.loads(line)["cue_text"] for line in r.output.splitlines()] in (["noted"], [])
    bad = CliRunner().invoke(main, ["quotes", "--db", db, "--direct", "maybe"])
    assert bad.exit_code == 2 and "not true or false" in bad.output


# ---------------------------------------------------------------- phrasings

def test_quote_split_by_its_cue(quotes_of):
    doc = quotes_of("“We will rebuild the bridge,” the mayor said on Tuesday, “and we will do it before winter.”")
    a, b = _direct(doc)
    assert a.speaker["text"] == b.speaker["text"] == "the mayor"
    assert b.continues == doc.quotes.index(a)
    assert b.text.startswith("and we will do it")


def test_multi_paragraph_quote(quotes_of):
    text = ("Senator Amy Klobuchar spoke after the vote. “The bill is a start. It is not the end.\n\n"
            "“We will be back next year with more,” she said.")
    doc = quotes_of(text)
    first, second = _direct(doc)
    assert first.text.startswith("The bill is a start") and second.continues == doc.quotes.index(first)
    assert first.speaker["name"] == second.speaker["name"] == "Amy Klobuchar"


def test_speaker_carried_to_the_next_paragraph_only(quotes_of):
    doc = quotes_of("Mayor Ann Lee said the bridge would reopen in the spring.\n\n"
                    "“The work starts in May and it ends before winter.”\n\n"
                    "The council met on Friday.\n\nOther news followed here.\n\n"
                    "“Nobody knows what the budget will be next year.”")
    near, far = _direct(doc)
    assert near.speaker["name"] == "Ann Lee" and near.cue is None
    assert far.speaker is None


def test_unbalanced_quote_stays_in_its_paragraph():
    text = "He called the plan “a disaster.\n\nThe council met on Friday and approved the budget."
    (st,) = quoted_stretches(text)
    assert text[st.start:st.end] == "a disaster." and st.close_at is None


def test_typewriter_quotes():
    text = "The plans are ''deeply flawed,'' said the analyst. ''Nobody believes them.'' It's late."
    a, b = quoted_stretches(text)
    assert text[a.start:a.end] == "deeply flawed," and text[a.outer[0]:a.outer[1]] == "''deeply flawed,''"
    assert text[b.start:b.end] == "Nobody believes them."


def test_typewriter_quote_split_by_its_cue(quotes_of):
    doc = quotes_of("''The tax plans are reckless,'' said Ann Lee, an economist. ''They leave me speechless.''")
    a, b = _direct(doc)
    assert a.speaker["text"] == b.speaker["text"] == "Ann Lee"
    assert b.continues == doc.quotes.index(a) and b.text.startswith("They leave me")


def test_straight_quotes_and_inverted_cue(quotes_of):
    doc = quotes_of('"Nobody expected the storm to turn north," said Maria Lopez, a forecaster.')
    (q,) = _direct(doc)
    assert q.text.startswith("Nobody expected") and q.speaker["text"] == "Maria Lopez"
    assert q.cue["text"] == "said"


def test_indirect_forms(quotes_of):
    doc = quotes_of("The minister told parliament that the deal was dead. "
                    "According to the union, 300 workers lost their jobs. "
                    "Officials urged residents to leave the coast.")
    by_cue = {q.cue["text"]: q for q in doc.quotes}
    assert by_cue["told"].text == "that the deal was dead" and by_cue["told"].speaker["text"] == "The minister"
    assert by_cue["According to"].speaker["text"] == "the union"
    assert by_cue["According to"].text.startswith("300 workers lost")
    assert by_cue["urged"].text == "residents to leave the coast" and not by_cue["urged"].direct


def test_nominal_cues_and_stance_objects(quotes_of):
    doc = quotes_of("The senator repeated his claim that the election had been stolen. "
                    "The mayor accused the council of hiding the budget. "
                    "The governor said the plan would fail and warned against new taxes.")
    by_cue = {q.cue["text"]: q for q in doc.quotes}
    assert by_cue["claim"].text == "that the election had been stolen"
    assert by_cue["claim"].speaker["text"] in ("his", "The senator")
    assert by_cue["accused"].text == "the council of hiding the budget"
    # the conjoined cue is the governor's next act, not part of what he said
    assert by_cue["said"].text == "the plan would fail"
    assert by_cue["warned"].speaker["text"] == "The governor"


def test_someone_named_by_a_stance_holds_it_on_what_follows_of(quotes_of):
    """"a staunch opponent of the death penalty": the stance is on the death penalty, and it is the
    opponent's; "critics of the program" hold theirs."""
    doc = quotes_of("The governor is a staunch opponent of the death penalty. "
                    "Critics of the program met with the mayor on Tuesday.")
    by_cue = {q.cue["text"]: q for q in doc.quotes}
    assert by_cue["opponent"].text == "the death penalty" and by_cue["opponent"].speaker["text"] == "The governor"
    assert by_cue["Critics"].text == "the program" and by_cue["Critics"].speaker["text"] == "Critics"


def test_what_a_question_is_about_runs_through_phrases_the_parser_gave_the_verb(quotes_of):
    """"raising questions about his microphone problems during Monday's debate": the debate is part of what
    the questions are about, though the parser hangs "during ..." on "raising"."""
    doc = quotes_of("Donald Trump is raising questions about his microphone problems during Monday's debate.")
    q = next(q for q in doc.quotes if q.cue["text"] == "questions")
    assert q.text == "his microphone problems during Monday's debate"


def test_cues_of_stance_appearance_and_reference(quotes_of):
    doc = quotes_of("The senator was critical of the new tariff plan. "
                    "The governor appeared to be losing patience with the council. "
                    "The mayor pointed to the flooded tunnels as proof of neglect. "
                    "Union leaders endorsed Maria Lopez on Monday. "
                    "As the mayor put it, the city cannot wait another year. "
                    "The union is calling for the city to raise wages. "
                    "The closure of the plant was first reported by the local radio station.")
    by_cue = {q.cue["text"]: q for q in doc.quotes}
    assert by_cue["critical"].text == "the new tariff plan" and by_cue["critical"].speaker["text"] == "The senator"
    appeared = by_cue["appeared"]
    assert appeared.speaker is None and "governor" in appeared.text and "losing patience" in appeared.text
    assert by_cue["pointed"].text.startswith("the flooded tunnels") and by_cue["pointed"].text.endswith("neglect")
    assert by_cue["endorsed"].text == "Maria Lopez"
    assert by_cue["put"].text.startswith("the city cannot wait") and by_cue["put"].speaker["text"] == "the mayor"
    assert by_cue["is calling"].text == "the city to raise wages"
    reported = by_cue["was first reported"]
    assert reported.text == "The closure of the plant" and reported.speaker["text"] == "the local radio station"


def test_reported_clause_without_its_aside(quotes_of):
    doc = quotes_of("The mayor said the city had repaired the old bridge, which had been closed for years. "
                    "The report concluded that the factory polluted the river, a source of drinking water.")
    by_cue = {q.cue["text"]: q for q in doc.quotes}
    assert by_cue["said"].text == "the city had repaired the old bridge"
    assert by_cue["concluded"].text == "that the factory polluted the river"


def test_cue_inside_its_clause_and_paragraph_end(quotes_of):
    doc = quotes_of("This campaign, the candidate says, is different from the last one.\n"
                    "Voters will decide in November.")
    q = next(q for q in doc.quotes if q.cue["text"] == "says")
    assert q.speaker["text"] == "the candidate"
    assert q.text.startswith("This campaign") and q.text.rstrip(".").endswith("the last one") and "Voters" not in q.text


def test_participle_speaks_for_the_clause_subject(quotes_of):
    doc = quotes_of("The senator attacked the governor over the budget, saying the cuts went too far. "
                    "The mayor responded by saying that the city would appeal.")
    by_text = {q.text.split()[0]: q for q in doc.quotes if q.cue and "saying" in q.cue["text"]}
    assert by_text["the"].speaker["text"] == "The senator"
    assert by_text["that"].speaker["text"] == "The mayor"


def test_quote_opening_a_reported_clause(quotes_of):
    doc = quotes_of("The president said “it makes me angry” every time he reads about the flood victims.")
    said = [q for q in doc.quotes if q.cue and q.cue["text"] == "said" and q.within is None]
    assert said and said[0].text.rstrip(".").endswith("the flood victims")


def test_scare_quotes_are_not_quotes(quotes_of):
    doc = quotes_of("The so-called “reform” passed the lower house on Monday.")
    assert doc.quotes == []


def test_quote_links_pick_events_of_the_sentence():
    from eventwire.components.quote_links import link_quote
    from eventwire.document import Event, Quote, Sentence, Trigger

    doc = Document.from_raw("Xi told Putin that China backs talks. Troops moved.")
    doc.sentences = [Sentence(0, 37), Sentence(38, 51)]
    ev = [Event("e1", 0, [], [], Trigger("told", 3, 7), "010", "01", {}, 0.0, 1),
          Event("e2", 1, [], [], Trigger("moved", 45, 50), "190", "19", {}, -10.0, 4)]
    doc.events = ev
    q = Quote("that China backs talks", 14, 36, False, cue={"text": "told", "start": 3, "end": 7}, sentence=0)
    assert link_quote(doc, q) == ["e1"]


def test_bare_document_takes_the_owner_named_before(quotes_of):
    doc = quotes_of("According to a Pentagon statement, the United States sent two warships to the Gulf on Friday. "
                    "The ships will stay in the region for a month, the statement said.")
    stay = next(q for q in doc.quotes if q.text.startswith("The ships will stay"))
    assert stay.speaker["text"] == "the statement" and stay.speaker["name"] == "Pentagon"
    doc = quotes_of("The Security Council issued a statement on Monday after the test. "
                    "The launch was a clear violation of its resolutions, the statement said.")
    launch = next(q for q in doc.quotes if q.text.startswith("The launch"))
    assert launch.speaker["name"].endswith("Security Council")
    # with no document named before, "the statement" stays as written
    doc = quotes_of("The ships will stay in the region for a month, the statement said.")
    (alone,) = doc.quotes
    assert alone.speaker["name"] == "the statement"


def test_seed_readout_is_the_account_named_before_it(seed_doc):
    saying = next(q for q in seed_doc.quotes if q.cue["text"] == "saying")
    (readout,) = saying.according_to
    assert readout["text"] == "the readout" and "CCTV" in readout["name"]


@pytest.mark.parametrize("text", [
    "Later, Mayor Karen Bass returned the compliment to Gavin Newsom, telling reporters, "
    "“We have worked side by side for years and he has never let this city down.”",
    "Mayor Karen Bass did not mention Gavin Newsom by name, but told her supporters, "
    "“We have worked side by side for years and nobody will divide this city.”",
])
def test_cue_before_a_quote_speaks_for_its_clause_subject(quotes_of, text):
    """A participle or a second verb before a quote has the subject of its clause, not the last name."""
    doc = quotes_of(text)
    (q,) = [q for q in doc.quotes if q.direct]
    assert "Bass" in q.speaker["text"] and "Newsom" not in q.speaker["text"]


def test_a_blank_line_ends_a_sentence(quotes_of):
    """A live blog's time line is not glued onto the paragraph after it (and is nobody's voice)."""
    doc = quotes_of("9:18 p.m.\n\nDonald Trump is thanking his supporters for a commanding finish in Nevada.")
    assert [doc.text[s.start:s.end].strip() for s in doc.sentences][0] == "9:18 p.m."
    assert all("p.m." not in q.speaker["text"] for q in doc.quotes if q.speaker)


def test_a_headline_and_a_byline_line_are_sentences_of_their_own(quotes_of):
    """A single line break ends a sentence after a line short against the text's full lines (a
    headline, a byline) when a capital or a digit starts the next; the byline's time zone is nobody;
    the recogniser's names do not keep the line break at their edge. Hard-wrapped text keeps its
    sentences across lines."""
    doc = quotes_of("Red Sox extend offer to Teixeira\nPOSTED: 1052 GMT (1852 HKT), December 16, 2008\n"
                    "The Boston Red Sox made an eight-year offer to free agent Mark Teixeira on Monday, "
                    "the club's owner said in a statement released to reporters in Boston.")
    lines = [doc.text[s.start:s.end].strip() for s in doc.sentences]
    assert lines[:2] == ["Red Sox extend offer to Teixeira", "POSTED: 1052 GMT (1852 HKT), December 16, 2008"]
    assert not [e for e in doc.entities if e.text != e.text.strip()]
    import eventwire

    coded = eventwire.process(doc.text)  # the events stage: the byline's time zone is nobody
    assert coded.events and all("GMT" not in a.name for e in coded.events for a in e.source + e.target)
    assert not [a for a in coded.actors if a.name in ("GMT", "HKT")]  # nor an actor
    wrapped = quotes_of("The minister met the delegation from the neighbouring country on Monday\n"
                        "and President Obama said the talks would go on. They agreed to meet\n"
                        "Officials from both sides in Geneva next week, a spokesman told reporters.")
    assert len(wrapped.sentences) == 2


def test_a_name_and_a_colon_opening_a_paragraph_speaks_unless_it_is_a_dateline(quotes_of):
    """A headline's or a transcript's "Name: ..." is a voice; places alone below the headline are a dateline."""
    doc = quotes_of("Moscow: Western sanctions are illegal\n\nPENCE: Well, we will keep the promise we made.\n\n"
                    "New Delhi / Mumbai: An Indian warship foiled a pirate attack in the Gulf of Aden on Friday.")
    said = {q.speaker["text"]: q.text for q in doc.quotes if q.speaker}
    assert said.get("Moscow") == "Western sanctions are illegal"
    assert said.get("PENCE", "").startswith("Well, we will keep the promise")
    assert not [q for q in doc.quotes if "warship" in q.text]


def test_something_withheld_is_not_something_said(quotes_of):
    doc = quotes_of("The journalist was denied entry to the country on Monday. "
                    "Protesters were denied a permit by the city. The claim was denied by officials in Moscow.")
    assert [q.text for q in doc.quotes] == ["The claim"]


def test_of_two_parsed_subjects_the_one_next_to_the_cue_speaks(quotes_of):
    doc = quotes_of("Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, "
                    "calling him “a total stiff.”")  # the parser makes both New Hampshire and Trump subjects
    (q,) = [q for q in doc.quotes if q.direct]
    assert "Trump" in q.speaker["text"]


def test_a_thing_that_shows_is_the_speakers_evidence_not_a_voice(quotes_of):
    doc = quotes_of("The senator said the numbers show that the plan is failing. "
                    "Officials said the report shows that unemployment rose.")
    numbers = next(q for q in doc.quotes if "plan is failing" in q.text)
    assert numbers.text.startswith("the numbers show") and numbers.speaker["text"] == "The senator"
    report = next(q for q in doc.quotes if "unemployment" in q.text)  # a document speaks for its authors
    assert report.speaker["text"] == "the report" and [a["text"] for a in report.according_to] == ["Officials"]


def test_speaker_with_a_title_between_the_quote_and_the_cue(quotes_of):
    doc = quotes_of("Morton Blackwell, founder of the Leadership Institute, endorsed Cruz last week.\n\n"
                    "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, tells "
                    "Breitbart News in an exclusive interview.")
    (q,) = [q for q in doc.quotes if q.direct]
    assert q.speaker["text"] == "Brent Bozell III" and q.text == "Yes, I support Ted Cruz"
    assert not any("Bozell" in x.text for x in doc.quotes)  # the name is not part of what was said


def test_whom_a_cue_is_done_to_is_not_its_speaker(quotes_of):
    """A title in quotation marks before a cue is no quote's end ('“Scandal,” thanked Obama' does not
    make Obama the speaker), and no subject either."""
    doc = quotes_of("Kerry Washington, star of television’s “Scandal,” thanked Obama for "
                    "“taking these steps to make us all safer.”")
    (q,) = [q for q in doc.quotes if "steps" in q.text]
    assert q.speaker["text"] == "Kerry Washington"


def test_a_quote_opening_inside_a_reported_clause_has_its_speaker(quotes_of):
    doc = quotes_of("Trump said that “ethanol people” “do a fantastic job. And it’s so important to the state.”")
    (q,) = [q for q in doc.quotes if q.text.startswith("do a fantastic job")]
    assert q.speaker["text"] == "Trump"


def test_a_straight_quote_after_a_no_break_space_opens():
    """Web text puts a no-break space between sentences; a straight quote after it opens a quote."""
    text = '"They sue," he said.\u00a0"Everybody sues, right?"'
    a, b = quoted_stretches(text)
    assert text[b.start:b.end] == "Everybody sues, right?" and b.open_at == text.index('"Every')


def test_a_second_report_beside_the_first_is_its_own(quotes_of):
    doc = quotes_of("Six in 10 voters said the senator is honest and trustworthy, and three-quarters said "
                    "the same of the governor.")
    by_source = {q.speaker["text"]: q.text for q in doc.quotes if q.speaker}
    assert by_source["Six in 10 voters"] == "the senator is honest and trustworthy"
    assert by_source["three-quarters"] == "the same of the governor"


def test_a_participle_after_the_reported_clause_is_the_speakers_act(quotes_of):
    doc = quotes_of("The governor said the talks should be wrapped up by Friday, referring to the budget deadline.")
    q = next(q for q in doc.quotes if q.cue["text"] == "said")
    assert q.text == "the talks should be wrapped up by Friday"


def test_an_answer_or_a_stand_in_is_what_was_said(quotes_of):
    doc = quotes_of("Asked if the governor is realistic, 72 percent of Democrats said yes while 48 percent "
                    "overall agreed.")
    (q,) = [q for q in doc.quotes if q.cue["text"] == "said"]
    assert q.text == "yes" and q.speaker["text"] == "72 percent"


def test_an_evaluation_whose_object_the_parser_took_into_the_predicate(quotes_of):
    doc = quotes_of("Graham called both Trump and the front-runner “crazy” and said the party would split.")
    q = next(q for q in doc.quotes if q.cue["text"] == "called")
    assert q.text.startswith("both Trump") and "crazy" in q.text and q.speaker["text"] == "Graham"


def test_a_clause_with_a_gerund_subject_is_what_was_said(quotes_of):
    """The parser hangs "legalizing" off "said" as its complement; the clause it opens was said."""
    doc = quotes_of("He said legalizing it could put thousands of people to work in upstate New York.")
    (q,) = doc.quotes
    assert q.text == "legalizing it could put thousands of people to work in upstate New York"
    assert q.speaker["text"] == "He"


def test_a_cue_with_its_own_report_after_a_closed_sentence_does_not_take_the_quote(quotes_of):
    """'... “near and dear to my heart.” He said he recognizes ...': the quote ends its sentence, and
    the next sentence's cue reports its own clause; the quote stays with the first speaker."""
    doc = quotes_of("Sexton said he holds his roots in southern Indiana “very near and dear to my heart.” "
                    "He said he recognizes his family in many of the supporters.")
    said = {q.text: q.speaker["text"] for q in doc.quotes}
    assert said["he recognizes his family in many of the supporters"] == "He"
    assert said["very near and dear to my heart."] == "Sexton"


def test_an_evaluation_after_a_report_is_the_speakers_next_act(quotes_of):
    """'says he respects Clinton and calls her “...”': the parser hangs "calls" on the reported
    clause; it is the speaker's own next act, with its own quote."""
    doc = quotes_of("He says he respects Clinton and calls her “an extremely intelligent woman.”")
    said = {q.cue["text"]: q.text for q in doc.quotes}
    assert said["says"] == "he respects Clinton"
    assert said["calls"].startswith("an extremely intelligent woman")


def test_words_in_quotation_marks_read_as_a_subject_are_not_the_speaker(quotes_of):
    """'and also yelled “Allahu akbar,” ...': the parser makes the shout the verb's subject."""
    doc = quotes_of("The gunman shouted about Aleppo in Turkish, and also yelled “Allahu akbar,” the Arabic "
                    "phrase for “God is great,” continuing in Arabic: “We are the descendants of those who "
                    "supported the Prophet, for jihad.”")
    speakers = {q.speaker["name"] for q in doc.quotes if q.text.startswith("We are")}
    assert speakers == {"The gunman"}


def test_a_quoted_nickname_before_the_cue_is_no_quote_with_an_inverted_speaker(quotes_of):
    """'The man known as Canada's “Prince of Pot” says he's ...': the man speaks, not 'he'."""
    doc = quotes_of("The man known as Canada's “Prince of Pot” says he's “feeling good” after spending a night "
                    "in a Montreal jail.")
    assert [(q.speaker["text"], q.text[:4]) for q in doc.quotes] == [("The man", "he's")]


def test_a_second_cue_on_a_quote_already_found_adds_no_copy(quotes_of):
    doc = quotes_of("The gunman shouted about Aleppo in Turkish, and also yelled “Allahu akbar,” the Arabic "
                    "phrase for “God is great,” continuing in Arabic: “We are the descendants of those who "
                    "supported the Prophet, for jihad.”")
    assert len([q for q in doc.quotes if q.text.startswith("We are")]) == 1


def test_straight_marks_spaced_on_both_sides_pair_up():
    """Tokenised text writes '" voice control "': the first mark opens, the one before the comma closes,
    so nothing after it is taken for a quotation running to the end of the paragraph."""
    text = 'Features include a camera and " voice control ", which lets users speak to the phone.'
    assert [text[s.start:s.end] for s in quoted_stretches(text)] == [" voice control "]


def test_a_product_shown_or_unveiled_is_not_what_was_said(quotes_of):
    """'showed Snow Leopard', 'unveiled the iPhone 3GS': a name as the object is no content; a name
    set in quotation marks is still words someone used."""
    assert quotes_of("Apple also showed Snow Leopard. Apple unveiled the iPhone 3GS on Monday.").quotes == []
    got = quotes_of("The journalist came to fear a “Putin-RibbenTRUMP Pact.”").quotes
    assert [q.kind for q in got] == ["cognition"]


def test_they_after_a_named_group_of_speakers_is_that_group(pipeline):
    """'explained Barclays Capital economists, and they predicted ...': they are the economists, not
    the index the sentence before had as its subject."""
    doc = Document.from_raw('The FTSE 100 rose 2%. "Markets are still sceptic," explained Barclays Capital '
                            'economists, and they predicted stocks would continue to be volatile.')
    pipeline([doc])
    predicted = next(q for q in doc.quotes if q.text.startswith("stocks would"))
    assert predicted.speaker["name"] == "Barclays Capital"


def test_what_is_spoken_called_responded_to_or_tested_for_is_not_what_was_said(quotes_of):
    """'who only speaks French', 'urged to call police', 'responded to the scene', 'test positive to the
    flu': a language, a body called, a place gone to, a result; 'responded to the criticism' and 'is
    confident that ...' are still someone's words and view."""
    got = quotes_of("Bahetoukilae, who only speaks French, ended up in San Francisco. Anyone with information "
                    "is urged to call police immediately. Kentucky State Troopers responded to the scene. If the "
                    "horses test positive to the flu they will be quarantined. The senator responded to the "
                    "criticism on Monday. Smith is confident that the bill will pass.").quotes
    assert sorted(q.text for q in got) == ["that the bill will pass", "the criticism", "to call police immediately"]


# Cue words in a sense that says nothing, beside the same words saying something: (text, the cues found)
CUE_SENSES = [
    # a weight, not a view weighed
    ("The new laptop is only 0.68 in thick and weighs less than 3 lbs. The senator weighed in on the debate.",
     ["weighed in"]),
    # a part put in, a result booked; "added that ..." is words
    ("Intel has recently added Digital Rights Management to its latest processors. Ford has posted an annual "
     "profit of US$2.7 billion. He added that the plan would fail.", ["added"]),
    # armed attacks on a ship or a bank are assaults; attacking a rival for his record, or attacks on his
    # platform, are words
    ("Pirates on a dhow attacked this merchant ship. A firebomb attack on a bank in Athens killed three people. "
     "Trump attacked Clinton for her support of the war. She peppered him with attacks on his biography and "
     "platform.", ["attacked", "attacks"]),
    # someone located, a patient admitted, a status given; "found guilty" is a ruling, "admitted that" words
    ("Nichols was found shoeless, wet and hungry at an apartment. Lindsay Lohan admitted herself to the Betty Ford "
     "Center. 162 animals are listed as threatened. Nichols was found guilty on all counts. He admitted that he "
     "knew he had hit someone.", ["was found", "admitted"]),
    # a number dialled; a call for something is words
    ("Anyone with information should call 860-258-2722 or the tip line. The mayor called for calm.", ["called"]),
    # a name given; calling something racist is a view
    ("The woman lived in Leopoldville, presently called Kinshasa. The parasites, called Trypanosoma brucei, were "
     "studied. Trump stopped short of calling Shelby's actions racially motivated.", ["calling"]),
    # work that goes on says nothing; a speaker who goes on does
    ('Work continues on a vaccine for the virus. "We will win," he continued.', ["continued"]),
]


@pytest.mark.parametrize("text,cues", CUE_SENSES)
def test_cue_words_read_in_their_sense(pipeline, text, cues):
    from eventwire.document import Document

    doc = Document.from_raw(text)
    pipeline([doc])
    assert [q.cue["text"] for q in doc.quotes if q.cue] == cues


def test_a_title_defended_is_no_stance(pipeline):
    """'defended his IBF crown' and 'contested the seat' are competing; 'defended the decision' is a stance."""
    from eventwire.document import Document

    doc = Document.from_raw("Wladimir Klitschko defended his IBF heavyweight crown with ease in Mannheim. "
                            "Jones contested the seat in 2010. The mayor defended the decision to close the park.")
    pipeline([doc])
    assert [q.text for q in doc.quotes] == ["the decision to close the park"]


def test_a_passive_cue_in_a_second_clause_has_no_speaker(pipeline):
    """'DiLeo will coach ... and is expected to remain coach': nobody named expects it, least of all
    DiLeo; an active second verb still has the first one's subject ('said ... and added')."""
    from eventwire.document import Document

    doc = Document.from_raw("DiLeo will coach the Sixers on Saturday and is expected to remain coach for the season. "
                            "The Socialists hold a majority and the bill is expected to pass easily. "
                            "Smith said the plan was dead and argued that it had never worked.")
    pipeline([doc])
    speakers = {q.cue["text"]: (q.speaker or {}).get("text") for q in doc.quotes if q.cue}
    assert speakers["is expected"] is None
    assert speakers["argued"] == "Smith"
    assert all((q.speaker or {}).get("text") is None for q in doc.quotes if q.cue["text"] == "is expected")


def test_the_one_greeted_is_not_what_was_said_and_cuts_seen_are_no_view(pipeline):
    """'The aircraft was greeted by some 400 guests' and 'the United Kingdom will see 1,600 jobs cut'
    say nothing; 'The meeting was first reported by Politico' is Politico's report."""
    from eventwire.document import Document

    doc = Document.from_raw("The aircraft was greeted by some 400 guests at the terminal. The United Kingdom and "
                            "Spain will see 1,600 and 400 jobs cut respectively. The meeting was first reported "
                            "by Politico.")
    pipeline([doc])
    assert [(q.speaker or {}).get("text") for q in doc.quotes] == ["Politico"]


def test_a_relative_or_a_lawyer_speaks_for_themselves_a_spokesman_for_the_owner(pipeline):
    """'His mother said' is the mother speaking, not her son; 'his spokesman said' speaks for Obama."""
    from eventwire.document import Document

    doc = Document.from_raw("Bryan Harman died in March. His mother said he had a fight with his girlfriend. "
                            "Obama spoke on Monday. His spokesman said the president was tired.")
    pipeline([doc])
    names = {q.speaker["text"]: q.speaker["name"] for q in doc.quotes if q.speaker}
    assert names["His mother"] == "His mother"
    assert names["His spokesman"] == "Barack Obama"


def test_a_thing_an_actor_only_describes_is_no_voice(pipeline):
    """'Secret Service protocol called for ...': the protocol is the sources' evidence; the Secret
    Service (an actor) only says whose protocol it is."""
    from eventwire.document import Document

    doc = Document.from_raw("Two sources said Secret Service protocol called for the nominee to be taken to a "
                            "hospital.")
    pipeline([doc])
    (q,) = doc.quotes
    assert q.speaker["text"] == "Two sources" and q.text.startswith("Secret Service protocol called")


def test_what_one_saw_happen_is_no_view(pipeline):
    """'Accenture saw its shares fall' and 'saw large drops as a result of ...' are what happened;
    'sees the program as a waste' and 'saw that the economy was improving' are views."""
    from eventwire.document import Document

    doc = Document.from_raw("Accenture saw its shares fall to a penny. Oil companies saw large drops as a result "
                            "of lower consumption. He sees the program as a waste of money. Voters saw that the "
                            "economy was improving.")
    pipeline([doc])
    assert [q.text for q in doc.quotes] == ["the program as a waste of money", "that the economy was improving"]


def test_a_time_phrase_before_a_reported_clause_is_the_cues(pipeline):
    """'Trump said after the convention he would not accept ...': the parser hangs the clause off
    'said' as an adverbial; what he said starts at 'he'."""
    from eventwire.document import Document

    doc = Document.from_raw("Trump said after the convention he would not accept Cruz's endorsement if it were offered.")
    pipeline([doc])
    assert [q.text for q in doc.quotes] == ["he would not accept Cruz's endorsement if it were offered"]


def test_a_lead_in_that_a_colon_closes_is_not_what_was_said(pipeline):
    """'The revelation ... set off another round of partisan fireworks on Friday: Republicans said
    they're increasingly convinced ...': the Republicans said what follows the cue."""
    from eventwire.document import Document

    doc = Document.from_raw("The revelation that several Hillary Clinton staffers received partial immunity in the "
                            "FBI email probe set off another round of partisan fireworks on Friday: Republicans said "
                            "they're increasingly convinced the Justice Department mishandled the investigation.")
    pipeline([doc])
    said = [q for q in doc.quotes if q.cue and q.cue["text"] == "said"]
    assert said and said[0].text.startswith("they're increasingly convinced"), [q.text for q in said]


def test_a_colon_after_a_label_or_a_heading_is_no_speaker(pipeline):
    """"Editor's note:", "Correction:" and a title-case section heading ("Little Relief for Refugees:")
    speak for no one; "Pence:" opening a headline is Mike Pence, whom the article names in full."""
    from eventwire.document import Document

    doc = Document.from_raw("Pence: Gennifer Flowers Won't Be at Debate.\n\nIndiana Gov. Mike Pence said Sunday that "
                            "Gennifer Flowers would not attend.\n\nLittle Relief for Refugees: The refugee crisis is "
                            "the sort of issue the body was made for.\n\nCorrection: An earlier version of this article "
                            "misstated the date.\n\nEditor's note: This story has been updated.")
    pipeline([doc])
    colon = [q for q in doc.quotes if q.cue and q.cue["text"] == ":"]
    assert [q.speaker["text"] for q in colon] == ["Pence"], [(q.speaker, q.text) for q in colon]
