"""People close to someone: a phrase headed by one of these nouns ("his mother", "Ms Raggi's adviser")
names that other person, not its possessor. The events coder and the quote speakers add their own
words (a lawyer's act is the client's in an event, as a spokesman's is, but a lawyer quoted speaks for
the lawyer)."""
from __future__ import annotations

KIN = frozenset("""wife husband son daughter mother father brother sister girlfriend boyfriend cousin uncle
aunt""".split())
ASSOCIATES = frozenset("""friend aide adviser advisor colleague partner""".split())
CLOSE_PEOPLE = KIN | ASSOCIATES
