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
speak
""".split())

REPORT = frozenset("""
report show find indicate reveal suggest conclude estimate publish broadcast air
""".split())

DIRECTIVE = frozenset("""
urge call implore beg encourage ask tell advise order instruct invite appeal plead
""".split())

COGNITION = frozenset("""
believe think feel hope fear expect want know worry doubt assume consider suspect
wonder realize realise recognize recognise understand see imagine guess reckon seek
""".split())

EVALUATION = frozenset("""
criticize criticise slam blast attack assail decry denounce condemn lambaste rebuke chide scold mock
ridicule deride dismiss reject oppose support back endorse praise applaud hail welcome laud commend
defend champion tout celebrate thank blame accuse question challenge dispute contest fault knock bash
trash rip pan lament bemoan regret apologize embrace favor favour prefer like love hate dislike rail
lash weigh speak comment reference mention allude refer discuss address highlight boast brag
imply insinuate acknowledge concede admit characterize characterise label brand dub call
""".split())

CUE_VERBS = SPEECH | REPORT | DIRECTIVE | COGNITION | EVALUATION

# cues whose direct object may itself be what was said/thought
OBJECT_CONTENT = frozenset("""
note announce deny confirm acknowledge reiterate repeat stress emphasize emphasise
predict promise pledge propose suggest recommend demand request cite express voice
reaffirm underline underscore highlight praise criticize criticise describe admit
concede allege claim report reveal disclose want expect fear
""".split())

# cues whose infinitive complement is the content ("urged X to ...", "wants to ...")
XCOMP_CONTENT = DIRECTIVE | frozenset("""
want hope expect promise pledge vow threaten agree refuse decline seek
""".split())

# prepositions whose object is what a cue is about ("railed against X", "spoke about X")
PREP_CONTENT = frozenset("about against on of for over".split())

# "call" is a cue only as "call for", "call on X to" or with a clause
PARTICLE_CUES = {"point": "out"}

REPORT_NOUNS = frozenset("""
account report readout statement transcript release broadcast announcement interview
video tweet post letter memo poll survey study data analysis communique communiqué
summary version record document documents filing filings footage bulletin editorial
article story newspaper paper spokesman spokeswoman spokesperson
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
