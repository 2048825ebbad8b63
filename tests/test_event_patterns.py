"""The pattern files load, name only known codes, and cover every CAMEO root."""
import pytest

from eventwire.errors import PatternError
from eventwire.events.codebook import load_codebook
from eventwire.events.patterns import load_patterns, load_patterns_from, parse_phrase


def test_patterns_cover_all_roots():
    pats = load_patterns()
    roots = {p.code[:2] for table in pats.by_head.values() for ps in table.values() for p in ps}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    assert len(pats.version) == 12


def test_phrase_syntax():
    assert parse_phrase("noun", "phone call") == ("call", ("phone",), (), None)
    assert parse_phrase("noun", "call for") == ("call", (), ("for",), None)
    assert parse_phrase("verb", "call +on") == ("call", (), (), "on")
    assert parse_phrase("verb", "impose sanction") == ("impose", (), ("sanction",), None)


def test_unknown_code_is_a_clear_error(tmp_path):
    (tmp_path / "cues.toml").write_text("[defaults]\nverb_target = []\n")
    (tmp_path / "x.toml").write_text('[[pattern]]\ncode = "999"\nverbs = ["frobnicate"]\n')
    with pytest.raises(PatternError, match="999"):
        load_patterns_from(tmp_path, load_codebook())


def test_maps_name_known_codes():
    pats = load_patterns()
    cb = load_codebook()
    for table in ("intent", "threat", "request", "reject"):
        assert pats.map_code(table, "0841") in cb


def test_everyday_senses_of_trigger_words_are_no_events(pipeline):
    """cues.toml other_senses: 'ordered new aircraft', 'enter service', 'charging customers more'."""
    from eventwire.document import Document

    doc = Document.from_raw("Air Canada ordered 30 new aircraft from Boeing. The jet will enter service in May. "
                            "Apple was charging customers in Britain 10 percent more. Airbus won 35 new orders. "
                            "Nissan sales dropped 30%. The firm held 19 percent of the market. "
                            "Russian troops entered Ukraine on Thursday.")
    pipeline([doc])
    assert [(e.cameo, e.trigger.text) for e in doc.events] == [("190", "entered")]


def _codes(pipeline, text: str) -> list[str]:
    """The CAMEO codes the full pipeline gives ``text``, in order."""
    from eventwire.document import Document

    doc = Document.from_raw(text)
    pipeline([doc])
    return [e.cameo for e in doc.events]


def test_gunmen_and_attackers_are_armed_groups(pipeline):
    from eventwire.document import Document

    doc = Document.from_raw("Gunmen killed five Afghan soldiers in Kabul.")
    pipeline([doc])
    assert any(e.cameo[:2] in ("18", "19") and e.source and (e.source[0].code or "").endswith("UAF")
               for e in doc.events)


@pytest.mark.parametrize("text, expected", [
    # figurative force and withdrawal: killing a deal, fighting an illness, a fire or the weather,
    # leaving someone in charge, in a state or a figure at a level; the literal senses stay events
    ("The Pentagon killed the deal after the reports.", []),
    ("Steve Jobs fought pancreatic cancer for years.", []),
    ("French police battled the blaze for hours.", []),
    ("The Chinese army fought the wildfire for days.", []),
    ("Canadian soldiers are combatting cold winters in the Arctic.", []),
    ("President Macron left his deputy in charge.", []),
    ("The Dow's 344-point fall left the index at 11,188.", []),
    ("Trump's remarks have left many congressional Republicans facing a painful dilemma.", []),
    ("Rebels fought government troops near the border. The rebels left the city on Monday.", ["190", "166"]),
    # political phrasings: a court striking down a law, returning money, conceding that something is
    # so, one's own side's "we should", "whether or not", attacking someone's policy
    ("The Supreme Court struck down limits on political contributions.", []),
    ("Senator Kelly Ayotte returned $43,100 in donations from Turkey.", []),
    ('"I don\'t know how Wyoming will go," Trump adviser Paul Manafort conceded in an interview.', []),
    ('"We should be doing much better," Trump said.', []),
    ("The question is whether or not Israel is willing to sacrifice certain things.", ["030"]),
    ("Senator Graham attacked Obama's immigration policy.", ["111"]),
    ("The rebels conceded defeat.", ["080"]),
    # cues.toml natural_causes: an illness or a disaster kills no one on purpose; a doer's clause that
    # names a flood does not count; slaughtered cattle are no massacre
    ("Her suspected H5N1 infection killed her on January 17.", []),
    ("This is not the same type of Avian Flu that has killed over 150 people worldwide.", []),
    ("Parts are removed from all cattle slaughtered in Canada.", []),
    ("The Russian army, backed by flood-relief units, attacked the rebels.", ["180"]),
    # a passive death with no doer is an attack by someone unknown, unless an accident or a disaster
    # caused it; a bomb is an attack
    ("Beau Dunn was killed when his car went off the ramp and crashed into several trees.", []),
    ("State police say Dunn was killed in the crash.", []),
    ("Five Syrian villagers were killed when the quake struck.", []),
    ("Riley Oliver Smith, 70, of Paris entered eternal rest on April 13.", []),
    ("Two Iraqi policemen were killed when a bomb exploded in Baghdad.", ["180"]),
    # a vehicle or a named product is no party: "a pickup that struck", "a Honda Accord which left the
    # road and struck trees" (nor is "Accord" an agreement there); the particle of "give in" is no
    # "in" phrase; striking out is no strike
    ("Evens was driving a 1996 Dodge pickup that struck Corbin at 1:33 a.m.", []),
    ("Raby was driving a 1995 Honda Accord which left the road and struck several trees.", []),
    ("Al Meredith repeated the message he gave in interviews this week.", []),
    ("Alan Wood, 79, strikes out in marathon.", []),
    ("The Israel Defense Forces launched a massive attack on the Gaza Strip.", ["190"]),
    # seen on ECB+: hit by a car, worst hit by a quake, held accountable, trying to do something
    ("She was hit by a 2013 Toyota Camry, which then fled.", []),
    ("The villages of Karavan and Kousheh were worst hit.", []),
    ("Billy King knows he's being held accountable.", []),
    ("Greek protesters tried to storm parliament.", ["180"]),
    ("Brian Nichols was tried for murder in Atlanta.", ["173"]),
    # speaking to reporters is telling the news, no talks with the press
    ("Speaking to reporters after his release, Emery said he would stay in Quebec.", []),
    ("Putin spoke with Xi by phone.", ["040"]),
    # entering rehab, a tour of duty, hosting a show; hosting a summit stays a meeting
    ("Tara Reid has entered a rehab program, her rep confirmed.", []),
    ("It will be DeGeneres' second tour of duty as Oscar host.", []),
    ("Johnny Carson hosted the Oscars in 1979.", []),
    ("Singapore's Prime Minister Lee Hsien Loong is hosting the Asean Summit.", ["040"]),
    # a pattern whose only extra word is a preposition has not settled the sense
    ("Turkmens go to the polls Sunday in a parliamentary election.", []),
    ("The case first came to the attention of the New Milford Police Department in March.", []),
    ("Putin came to power in Russia in 1999.", []),
    ("Russia came to the aid of Syria in 2015.", ["070"]),
    ("Bernie Sanders whipped Hillary Clinton across all demographic categories.", []),
    ("Police whipped the protesters in Cairo.", ["182"]),
    ("Hillary Clinton's gun control offensive against Bernie Sanders began in South Carolina.", []),
    ("Trump's diverse appeal among Republicans will be tough for Ted Cruz.", []),
    ("Iran appealed to the United Nations.", ["020"]),
    ("By Bill Engle Staff Writer March 27, 2009 Luminous Electronics Recycling was near announcing plans.", []),
    ("Vladimir Putin requires a stem cell transplant.", []),
    ("Vladimir Putin withdrew his request.", []),
    ("Russia withdrew its troops from Syria.", ["087"]),
    ("General Motors said it was cancelling a deal to sell Opel to Magna.", ["160"]),
    ("Prosecutors dropped the charges against Alexei Navalny.", ["080"]),
    ("Ted Cruz had succeeded in picking up delegates in Georgia.", []),
    ("Police picked up the suspect in Cairo.", ["173"]),
    ("All judges should be held to that standard.", []),
    ("Ted Cruz continued his romp through the Republican Party's state conventions.", []),
    ("Russia signed the convention on chemical weapons with France.", ["057"]),
    ("Senator Mark Kirk, who still speaks with difficulty, voted.", []),
    ("Donald Trump spoke with Vladimir Putin.", ["040"]),
    ("Marco Rubio has exited the race.", []),
    ("Paul Ryan calls Trump line 'racist,' but backs him.", ["111", "051"]),  # no phone call: name-calling
    ("Donald Trump questioned whether he was receiving a fair trial.", []),
    ("Agent Orange was used by the United States during the Vietnam war.", []),
    ("Russia's war against Ukraine continued.", ["190"]),
    ("Pope John Paul II left Rome's Gemelli hospital today.", []),
    ("A CAT scan had ruled out any new illnesses, the Vatican said.", []),
    ("Vladimir Putin ruled out talks with Ukraine.", ["125"]),
    ("Steve Jobs fought against pancreatic cancer for years.", []),
    ("Kurdish fighters fought against Islamic State.", ["190"]),
    ("Senator Graham hit out at Obama's record on Iran.", ["111"]),
    # an animal's attack, a blood pressure, capturing carbon dioxide
    ("Man recovers after 'killer bee' attack in Silverado Ranch area.", []),
    ("Kremlin doctors checked Putin's blood pressure.", []),
    ("French engineering company Alstom will build a pilot plant to capture carbon dioxide at Dow's coal-fired "
     "plant.", []),
    ("Iraqi forces captured the town of Tikrit.", ["192"]),
    # seen on PolNeAR: elections and deals in the words of force; migrants are no demonstration
    ("She has dominated Sanders in the South, previously capturing wins in South Carolina and Alabama.", []),
    ("Clinton beat rival Bernie Sanders in the state's Democratic caucuses.", []),
    ("Russian troops beat Ukrainian prisoners.", ["182"]),
    ("Before the RNC executes such list-sharing deals, it works with lawyers.", []),
    ("Iran executed three men convicted of drug smuggling.", ["180"]),
    ("Kasich has liked peaceful protest since he went to college in the 1970s.", []),
    ("Thousands of migrants crossed into Greece from Turkey.", []),
    ("Thousands of protesters entered the parliament building in Kiev.", ["141"]),
    # a town before an event noun is where, not who; a place in a race is no fight; a state's strike
    # is a military one, workers' a walkout
    ("Questions linger on many aspects of the Benghazi attack, including a stand down order.", []),
    ("As results stream in, Rubio and Cruz are fighting for second place behind winner Trump.", []),
    ("A US strike killed two Iraqi militants.", ["190", "190"]),
    ("French rail workers began a strike on Monday.", ["143"]),
    # words of force given a reason are criticism; a span of time or a military aim is no reason
    ("Clinton has hammered the Vermont senator Bernie Sanders for his vote in 2005.", ["111"]),
    ("Senator Graham attacked Obama over his Iran policy.", ["111"]),
    ("Israel struck Gaza for a third day.", ["180"]),
    ("Rebels attacked the town for control of the road.", ["180"]),
    # the possessor of an arrest or a prosecution undergoes it; a home invasion is a burglary; firing
    # a manager is a dismissal; an accident kills no one on purpose
    ("Sengel, who will head Smith's prosecution, said nothing.", []),
    ("Russia's invasion of Ukraine began in February.", ["190"]),
    ("A federal trial that focused only on the Pottstown home invasion ended with a hung jury.", []),
    ("Rhonda Poston-O'Connor was fired as county manager in September.", []),
    ("Gunmen fired at Iraqi police in Baghdad.", ["193"]),
    ("An 80-year-old Texas woman was killed this morning when a neighbor accidentally backed up over her.", []),
    # seen on GeoVirus: halting a disease, an aid programme
    ("Mugabe said the WHO have now arrested cholera.", []),
    ("The United Nations Office for the Coordination of Humanitarian Affairs initiated a three month intervention "
     "for the Chadian camps.", []),
    ("NATO's military intervention in Libya began in March.", ["190"]),
])
def test_trigger_words_read_in_their_sense(pipeline, text, expected):
    assert _codes(pipeline, text) == expected
