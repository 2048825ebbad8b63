"""Words that signal attribution: the project's own lists, grouped by what they mean.

A *cue* is the word that introduces what someone said, wrote, reported or
thinks ("said", "told", "according to"). The lists are lemmas, so one entry
covers every inflection ("say" -> says, said, saying). They are grouped by
meaning because the groups behave differently:

- ``SPEECH``: verbs of saying and writing; their clause or quote is what was said.
- ``REPORT``: verbs a publication or an inquiry uses to put something on record.
- ``DIRECTIVE``: verbs of asking someone to act ("urged X to ..."); the content
  is the object plus its infinitive.
- ``COGNITION``: verbs of believing, knowing and wanting; they attribute a
  state of mind rather than words.
- ``EVALUATION``: verbs of taking a stance on something (praise, criticism,
  support, blame); what they are about is their object.
- ``OBJECT_CONTENT``: cues whose direct object can be the content ("noted the
  legitimacy of ...", "denied the report").
- ``REPORT_NOUNS``: nouns for a document or account that speaks for its
  author ("a Kremlin account", "the CCTV report", "the readout").
- ``INTENTION``, ``COMPARISON``, ``FINDING``: verbs of proposing, likening and
  ruling; attributions too, but less sure ones (they never take a quote from a
  verb of saying).
- ``CUE_NOUNS`` / ``STANCE_NOUNS``: nominal cues ("his claim that ...",
  "criticism of ..."), sourced by their possessor or a light verb's subject
  (``SUPPORT_VERBS``: "made the claim", "raised concerns").
"""
from __future__ import annotations

SPEECH = frozenset("""
say tell add note write state claim insist argue explain declare ask answer reply respond
warn acknowledge admit concede confirm deny reiterate repeat stress emphasize emphasise
mention observe remark comment joke quip boast brag contend maintain assert allege
tweet post recall describe testify predict promise pledge vow threaten accuse charge
complain criticize criticise blame praise affirm reaffirm underline underscore highlight
caution counter retort proclaim announce disclose reveal signal hint concur cite quote
suggest propose recommend advise demand request insist lament muse scoff shout yell
whisper tout dismiss question challenge continue conclude estimate point agree disagree
decline refuse
speak talk chat converse recount relay narrate preach lecture exclaim interject opine posit
speculate theorize theorise surmise elaborate clarify assure reassure remind inform notify
brief vent gripe grumble fume rant rave plead chant cheer boo apologize apologise
congratulate thank greet express voice echo paraphrase recite read sing put
""".split())

REPORT = frozenset("""
report show find indicate reveal suggest conclude estimate publish broadcast air
""".split())

DIRECTIVE = frozenset("""
urge call implore beg encourage ask tell advise order instruct invite appeal plead press
exhort entreat challenge dare prod pressure lobby petition direct command summon
""".split())

COGNITION = frozenset("""
believe think feel hope fear expect want know worry doubt assume consider suspect
wonder realize realise recognize recognise understand see imagine guess reckon seek
view regard deem perceive remember care
""".split())

EVALUATION = frozenset("""
criticize criticise slam blast attack assail decry denounce condemn lambaste rebuke chide scold mock
ridicule deride dismiss reject oppose support back endorse praise applaud hail welcome laud commend
defend champion tout celebrate thank blame accuse question challenge dispute contest fault knock bash
trash rip pan lament bemoan regret apologize embrace favor favour prefer like love hate dislike rail
lash weigh speak talk focus dwell harp reflect side lobby advocate
press react object inveigh fault slam salute congratulate tout trumpet hype
promote pitch float champion disparage belittle malign smear vilify demonize demonise
 comment reference mention allude refer discuss address highlight boast brag
imply insinuate acknowledge concede admit characterize characterise label brand dub call
""".split())

# intending and proposing: the plan or offer is what the source put forward ("plans to ...",
# "proposed cutting ...", "offered no proof")
INTENTION = frozenset("""
plan propose intend aim vow offer decide resolve commit
""".split())

# comparing and ranking: the comparison is the claim ("likened RT to the BBC", "rated 32% ... false")
COMPARISON = frozenset("""
liken compare equate rate rank grade echo cast paint portray depict
""".split())

# finding out and ruling: an inquiry, court or newsroom puts a finding on record
FINDING = frozenset("""
learn discover determine rule judge document confirm uncover establish
""".split())

CUE_VERBS = SPEECH | REPORT | DIRECTIVE | COGNITION | EVALUATION | INTENTION | COMPARISON | FINDING

# cues whose direct object may itself be what was said/thought
OBJECT_CONTENT = frozenset("""
note announce deny confirm acknowledge reiterate repeat stress emphasize emphasise
predict promise pledge propose suggest recommend demand request cite express voice
reaffirm underline underscore highlight praise criticize criticise describe admit
concede allege claim report reveal disclose want expect fear
show indicate project forecast estimate document detail outline chronicle depict portray
float pitch tout promote unveil present sketch seek say write offer
""".split())

# cues whose direct object is the person addressed, never what was said ("told *reporters*")
RECIPIENT_CUES = frozenset("""
tell ask inform notify remind assure reassure brief advise warn thank congratulate greet
answer urge implore beg encourage order instruct invite call press exhort entreat dare prod
pressure lobby petition direct command summon lecture
""".split())

# cues whose infinitive complement is the content ("urged X to ...", "wants to ...")
XCOMP_CONTENT = DIRECTIVE | frozenset("""
want hope expect promise pledge vow threaten agree refuse decline seek
plan intend aim decide resolve commit offer propose
warn caution remind
""".split())

# prepositions after a cue's object that belong to the content ("described X *as* Y",
# "accused X *of* Y", "blasted X *for* Y", "likened X *to* Y")
OBJECT_PREPS = frozenset("as of for to".split())

# nouns naming something said, thought, proposed or felt; their clause ("the claim *that*
# ...", "a plan *to* ...") is its content, their possessor or their verb's subject its source
CUE_NOUNS = frozenset("""
claim assertion allegation argument belief view opinion warning promise pledge vow threat
plan proposal call demand request suggestion prediction accusation charge denial admission
acknowledgment acknowledgement insistence hope fear concern worry doubt complaint decision
agreement announcement assessment conclusion finding contention position expectation
suspicion assurance guarantee commitment recommendation reminder message notion idea
insinuation implication statement testimony vision goal intention intent
""".split())

# nouns of stance or talk whose prepositional object is what it is about ("criticism *of*
# the plan", "questions *about* his health", "disdain *for* ...", "support *for* ...")
STANCE_NOUNS = frozenset("""
criticism praise support opposition disdain contempt question questions concern concerns worry
worries doubt doubts complaint complaints attack attacks comment comments remark remarks
view views position stance skepticism scepticism outrage anger frustration objection
objections
""".split())

# people named by a stance they hold: their "of" object is what they hold it on ("a staunch opponent
# *of the death penalty*", "critics *of the program*"), and they are its source
STANCE_HOLDERS = frozenset("""
opponent opponents supporter supporters critic critics defender defenders advocate advocates proponent
proponents champion champions admirer admirers detractor detractors skeptic skeptics sceptic sceptics
""".split())

# adjectives of certainty and of stance: with a copula their clause or prepositional object is
# what the subject believes or feels ("is confident *that ...*", "was critical *of the deal*",
# "are wary *of ...*")
CERTAINTY_ADJECTIVES = frozenset("""
sure certain confident convinced aware clear unclear uncertain unsure doubtful skeptical sceptical
optimistic pessimistic hopeful adamant insistent positive mindful cognizant conscious
""".split())
STANCE_ADJECTIVES = frozenset("""
critical proud concerned worried anxious nervous afraid fearful scared angry furious mad upset
outraged happy glad pleased delighted thrilled excited disappointed frustrated unhappy dismayed
alarmed troubled wary suspicious supportive dismissive appreciative grateful thankful fond
enamored enamoured tired weary sick ashamed embarrassed eager keen willing unwilling reluctant
ready determined committed opposed receptive hostile enthusiastic passionate vocal outspoken
silent quiet coy cagey candid frank honest upfront forthcoming explicit firm bullish bearish
sympathetic contemptuous disdainful disgusted horrified shocked surprised impressed satisfied
dissatisfied comfortable uncomfortable
""".split())
# prepositions whose object is what an adjective of stance is about
ADJECTIVE_PREPS = frozenset("of about on with over at toward towards to for against in".split())

# verbs of appearance: the writer's hedged claim, with no source ("Rubio *appeared* to be on
# the upswing", "it *seems* that ...", "he *appears* uneasy")
EVIDENTIAL = frozenset("seem appear".split())

# prepositions whose object is what a cue is about ("railed against X", "spoke about X")
PREP_CONTENT = frozenset("about against on of for over".split())

# what police and firefighters respond to: a place or a call, not words ("responded to the scene")
SCENES = frozenset("""
scene call incident emergency fire blaze crash accident site location area home house residence address
shooting alarm
""".split())

# verbs that join a subject to an adjective of certainty or stance ("is sure", "felt confident"),
# unlike "tested positive"
STATE_VERBS = frozenset("""
be feel seem remain become appear sound look stay grow get 's 're 'm
""".split())  # the last three: contracted "be" ("she's frustrated that ...")

# cues only with the word that follows them: "point *out*", "as he put *it*"
PARTICLE_CUES = {"point": "out", "put": "it"}

# verbs whose prepositional object is what they are about, whoever or whatever it names
# ("referring to *the former president*", "voted for *Sanders*", "talked about *Clinton*",
# "pointed to *the poll*", "pressed for *a vote*"); unlike PREP_CONTENT, a bare name counts
PREP_CUES = {
    "refer": "to", "allude": "to", "point": "to", "respond": "to", "react": "to", "reply": "to",
    "object": "to", "talk": "about of", "speak": "about of against", "write": "about of on",
    "comment": "on", "elaborate": "on", "reflect": "on", "dwell": "on", "harp": "on", "focus": "on",
    "weigh": "on", "testify": "about on", "warn": "about of against", "complain": "about of",
    "boast": "about of", "brag": "about of", "joke": "about", "ask": "about", "worry": "about",
    "care": "about", "lobby": "for against",
    "advocate": "for against", "press": "for", "call": "for", "argue": "for against",
    "side": "with", "apologize": "for", "apologise": "for", "rail": "against", "inveigh": "against",
    "caution": "against", "fume": "about over", "rant": "about against", "muse": "about",
    "speculate": "about on", "agree": "with on", "disagree": "with on",
    "praise": "for", "blame": "for", "criticize": "for", "criticise": "for", "attack": "for",
}
PREP_CUES = {k: frozenset(v.split()) for k, v in PREP_CUES.items()}

REPORT_NOUNS = frozenset("""
account report readout statement transcript release broadcast announcement interview
video tweet post letter memo poll survey study data analysis communique communiqué
summary version record document documents filing filings footage bulletin editorial
article story newspaper paper spokesman spokeswoman spokesperson
""".split())

# report nouns for a document that speaks for whoever issued it, which news names once with its owner
# ("the Kremlin readout") and then as "the readout" (see speakers.resolve)
DOCUMENT_NOUNS = REPORT_NOUNS & frozenset("""
account readout report statement transcript communique communiqué summary version release bulletin
""".split())

# "In <noun>, ...": documents and views that source the clause they open
IN_SOURCE_NOUNS = frozenset("""
poll polls survey surveys study studies report reports statement statements interview interviews view
views opinion estimate estimates analysis letter tweet post memo speech editorial column filing
""".split())

PRONOUNS = {
    "he": ("PERSON",), "him": ("PERSON",), "she": ("PERSON",), "her": ("PERSON",),
    "it": ("ORG", "GPE", "NORP"), "they": ("ORG", "NORP", "GPE", "PERSON"),
    "them": ("ORG", "NORP", "GPE", "PERSON"),
}
FIRST_PERSON = frozenset({"i", "we", "me", "us"})

# entity labels that can name a source, best first
SOURCE_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART")

OPENING_QUOTES = "“„«\""
CLOSING_QUOTES = "”»\""

# light verbs whose subject is the source of their nominal cue ("Trump *made* the claim that
# ...", "she *raised* concerns about ...", "he *expressed* doubt that ...")
SUPPORT_VERBS = frozenset("""
make raise express voice issue share have hold air lodge file level offer give put repeat
reiterate renew
""".split())

# What one calls to reach someone or to stop play, not what one says ("call the tip line", "called a
# timeout"); a meeting called to discuss something stays a cue, as PolNeAR reads it
CALLED_NUMBERS = frozenset({"recess", "timeout", "time-out", "line", "number", "hotline"})
# What a court or an inquiry finds someone ("was found guilty"); found in any other state, one was located
VERDICTS = frozenset({"guilty", "innocent", "liable", "responsible", "competent", "incompetent", "insane", "sane",
                      "fit", "unfit", "negligent", "culpable", "eligible", "ineligible", "unconstitutional",
                      "constitutional", "lawful", "unlawful", "illegal", "legal", "invalid", "valid"})
# What an armed attack is made on or with: an attack on these, or with these, is an assault, not words
# ("attacked banks and shops", "a firebomb attack on a bank", "a pirate attack on merchant vessels")
ATTACKED_THINGS = frozenset({"ship", "vessel", "boat", "dhow", "tanker", "freighter", "truck", "car", "bus", "convoy",
                             "train", "plane", "aircraft", "bank", "shop", "store", "building", "house", "home",
                             "embassy", "consulate", "base", "camp", "station", "post", "checkpoint", "village",
                             "town", "city", "school", "hospital", "church", "mosque", "synagogue", "temple", "market",
                             "hotel", "restaurant", "police", "troops", "soldier", "patrol", "position"})
ATTACK_MEANS = frozenset({"bomb", "firebomb", "fire", "rocket", "missile", "mortar", "suicide", "knife", "gun", "grenade",
                          "drone", "air", "arson", "pirate", "terror", "terrorist", "militant", "shark", "dog",
                          "chemical", "armed", "military", "insurgent", "rebel", "gas", "acid"})

# Verbs of taking a stance that also name competing for something held ("defended his title") ...
CONTESTING = frozenset({"defend", "contest", "challenge"})
# ... when their object is the prize
PRIZES = frozenset({"title", "crown", "belt", "championship", "seat", "trophy", "cup", "medal", "record", "lead",
                    "presidency", "nomination"})

# Verbs of judging that also measure ("weighs 3 lbs", "measures 10 inches")
MEASURING = frozenset({"weigh", "measure"})
# verbs of seeing whose small clause is what happened before one's eyes, not what one thinks
PERCEIVING = frozenset({"see", "watch"})
# what a firm or a team posts that is no post online ("posted a loss", "posted a 3-1 win")
RESULTS = frozenset("""profit loss gain revenue earnings income sale record increase decline drop rise fall deficit
surplus growth result return margin figure win victory defeat score time lead quarter""".split())

# Cues whose object is always someone addressed, never what was said: their passive subject is the one
# greeted or urged ("The aircraft was greeted by some 400 guests"), while a story or a question can be
# what was told or asked ("a different side of the story was being told by The Daily Caller")
ADDRESSEE_ONLY = RECIPIENT_CUES - {"tell", "ask", "answer", "call", "order", "direct", "warn"}

# Verbs that give something its name ("a company called LifeCell", "presently named Kinshasa")
NAMING = frozenset({"call", "name", "dub", "title", "term", "christen", "rename"})

# Speech verbs that only go on with words already quoted ('"...," he continued'): what they go on "on" or
# "about" is no content ("work continues on a vaccine")
GOING_ON = frozenset({"continue", "resume", "proceed"})
