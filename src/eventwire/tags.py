"""Reading parts of speech where the ``nlp`` stage may have left a sentence untagged.

With ``[components.nlp] parse = "selected"`` only the sentences that can hold an
event or a quote are tagged and parsed; the others keep their tokens, entities
and boundaries but have no tags, lemmas or parse. Stages that find names in
every sentence (actors, places) read parts of speech through these predicates,
so that a capitalised word of an untagged sentence still counts as a name.
"""
from __future__ import annotations

# Words that open a relative clause in the subject's or object's place ("Abdi, who was detained").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})


def untagged(tok) -> bool:
    """Whether the tagger did not run over ``tok``'s sentence."""
    return tok.tag == 0


def is_proper_noun(tok) -> bool:
    """Tagged a proper noun, or with a capital letter in an untagged sentence ("Boeing", "iPod")."""
    return tok.pos_ == "PROPN" or (tok.tag == 0 and any(c.isupper() for c in tok.text))


def is_pronoun(tok) -> bool:
    """Tagged a pronoun, or untagged (callers have already checked the word itself)."""
    return tok.pos_ == "PRON" or tok.tag == 0


def is_noun(tok) -> bool:
    """Tagged a common or proper noun, or untagged (callers have matched the word as a noun already)."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.tag == 0
