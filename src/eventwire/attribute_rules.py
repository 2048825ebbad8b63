"""spaCy's attribute ruler, compiled to array operations over a batch of Docs.

en_core_web_sm's ``attribute_ruler`` (tag -> part of speech and morphology,
pronoun and auxiliary exceptions) runs a token ``Matcher`` over every token:
about 0.6 of the model's 3.3 CPU seconds on MEANTIME once the networks use
numpy's BLAS, the largest single cost after NER. Its patterns are all of one
kind: fixed-length token sequences whose tokens are tested by equality, ``IN``,
``NOT_IN`` or ``REGEX`` on a few token attributes. Such tests are column
comparisons on ``Doc.to_array``, so :class:`ArrayAttributeRuler` evaluates each
pattern as a boolean mask over all tokens of a batch at once and writes the
result back with ``Doc.from_array``.

It gives exactly what spaCy's ruler gives: patterns are applied in the order
they were added, every one tested against the tokens as they were before any
rule applied, a later rule's value winning (``AttributeRuler.match`` sorts by
rule number; ``tests/test_attribute_rules.py`` compares the two on text).
:func:`compile_rules` returns None for a ruler it cannot compile exactly (an
operator such as ``OP`` or ``>=``, an unknown attribute, extension attributes),
and the model then keeps spaCy's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy

# token attributes a pattern may test, read as string hashes
STRING_KEYS = {"ORTH": "ORTH", "TEXT": "ORTH", "LOWER": "LOWER", "NORM": "NORM", "TAG": "TAG", "DEP": "DEP",
               "LEMMA": "LEMMA"}
FLAG_PREFIX = "IS_"
PREDICATES = {"IN", "NOT_IN", "REGEX"}
# token attributes a rule may set (spaCy's normalised ids -> what from_array writes)
SETTABLE = ("TAG", "POS", "MORPH", "LEMMA", "DEP")


@dataclass
class TokenTest:
    """One token of a pattern: (column name, predicate, value) tests, all of which must hold."""

    tests: list[tuple[str, str, object]]


@dataclass
class Rule:
    alternatives: list[list[TokenTest]]  # the rule's patterns (one is enough)
    index: int  # which token of the match gets the attributes
    values: dict[str, int]  # column name -> normalised value


class Unsupported(Exception):
    """A pattern this module cannot evaluate exactly."""


def _unsupported(value) -> int:
    raise Unsupported(repr(value))


def _token_test(spec: dict, strings) -> TokenTest:
    from spacy.parts_of_speech import IDS as POS_IDS

    tests = []
    for key, value in spec.items():
        key = key.upper()
        if key in STRING_KEYS:
            column, to_id = STRING_KEYS[key], lambda v: strings[v] if isinstance(v, str) else _unsupported(v)
        elif key == "POS":
            column, to_id = "POS", POS_IDS.__getitem__
        elif key.startswith(FLAG_PREFIX) and isinstance(value, bool):
            column, to_id = key, int
        else:
            raise Unsupported(key)
        if isinstance(value, dict):
            if not set(value) <= PREDICATES or len(value) != 1:
                raise Unsupported(str(value))
            (op, arg), = value.items()
            if op == "REGEX":
                if column not in STRING_KEYS.values():
                    raise Unsupported(key)
                tests.append((column, "REGEX", re.compile(arg)))
            else:
                tests.append((column, op, numpy.array([to_id(v) for v in arg], dtype="uint64")))
        elif isinstance(value, (str, bool, int)):
            tests.append((column, "==", numpy.uint64(to_id(value))))
        else:
            raise Unsupported(str(value))
    return TokenTest(tests)


FACTORY = "eventwire_array_attribute_ruler"


def install(nlp) -> bool:
    """Put the compiled form of ``nlp``'s ``attribute_ruler`` in its place (same name, same
    position); False, and ``nlp`` unchanged, when it has none or it cannot be compiled."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.component_names:
        return False
    compiled = compile_rules(nlp.get_pipe("attribute_ruler"))
    if compiled is None:
        return False
    if not Language.has_factory(FACTORY):
        Language.factory(FACTORY, func=lambda nlp, name: ArrayAttributeRuler(nlp.vocab, []))
    nlp.replace_pipe("attribute_ruler", FACTORY).set_rules(compiled.rules)
    return True


def compile_rules(ruler) -> "ArrayAttributeRuler | None":
    """An :class:`ArrayAttributeRuler` equivalent to spaCy's ``ruler``, or None if a pattern is out of reach."""
    from spacy import attrs as A

    names = {getattr(A, name): name for name in SETTABLE}
    rules = []
    try:
        for i, entry in enumerate(ruler.patterns):
            normed = ruler.attrs[i]
            if any(k not in names for k in normed):
                raise Unsupported(str(normed))
            alternatives = []
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    raise Unsupported(str(pattern))
                alternatives.append([_token_test(spec, ruler.vocab.strings) for spec in pattern])
            rules.append(Rule(alternatives, ruler.indices[i], {names[k]: int(v) for k, v in normed.items()}))
    except (Unsupported, KeyError, re.error):
        return None
    return ArrayAttributeRuler(ruler.vocab, rules)


class ArrayAttributeRuler:
    """Callable pipeline component (``__call__`` and ``pipe``) standing in for spaCy's ``attribute_ruler``."""

    def __init__(self, vocab, rules: list[Rule]):
        self.vocab = vocab
        self.set_rules(rules)

    def set_rules(self, rules: list[Rule]) -> None:
        from spacy import attrs as A

        self.rules = rules
        read = sorted({c for r in rules for alt in r.alternatives for t in alt for c, _, _ in t.tests})
        self.read = read
        self.read_ids = [getattr(A, c) for c in read]
        self.write = [c for c in SETTABLE if any(c in r.values for r in rules)]
        self.write_ids = [getattr(A, c) for c in self.write]

    def __call__(self, doc):
        self.annotate([doc])
        return doc

    def pipe(self, stream, batch_size: int = 128):
        from spacy.util import minibatch

        for batch in minibatch(stream, batch_size):
            yield from self.annotate(list(batch))

    def annotate(self, docs: list) -> list:
        docs_with_tokens = [d for d in docs if len(d)]
        if not docs_with_tokens:
            return docs
        cols = numpy.concatenate([d.to_array(self.read_ids).reshape(len(d), -1) for d in docs_with_tokens])
        column = {c: cols[:, k] for k, c in enumerate(self.read)}
        out = numpy.concatenate([d.to_array(self.write_ids).reshape(len(d), -1) for d in docs_with_tokens])
        n = len(cols)
        # position of each token inside its doc, and its doc's length: a match never crosses docs
        lengths = numpy.array([len(d) for d in docs_with_tokens])
        starts = numpy.repeat(numpy.cumsum(lengths) - lengths, lengths)
        pos_in_doc = numpy.arange(n) - starts
        left = numpy.repeat(lengths, lengths) - pos_in_doc  # tokens from here to the doc's end
        for rule in self.rules:
            target = numpy.zeros(n, dtype=bool)
            for alt in rule.alternatives:
                span = len(alt)
                ok = left >= span
                for k, test in enumerate(alt):  # token k of a match starting here
                    ok[: n - k] &= self._mask(test, column)[k:]
                index = rule.index if rule.index >= 0 else span + rule.index
                hits = numpy.flatnonzero(ok) + index
                target[hits] = True
            if target.any():
                for c, v in rule.values.items():
                    out[target, self.write.index(c)] = v
        at = 0
        for d in docs_with_tokens:
            d.from_array(self.write_ids, out[at:at + len(d)])
            at += len(d)
        return docs

    def _mask(self, test: TokenTest, column: dict) -> numpy.ndarray:
        """Whether each token passes all of ``test``'s tests."""
        got = numpy.ones(len(next(iter(column.values()))), dtype=bool)
        for c, op, arg in test.tests:
            col = column[c]
            if op == "==":
                got &= col == arg
            elif op == "IN":
                got &= numpy.isin(col, arg)
            elif op == "NOT_IN":
                got &= ~numpy.isin(col, arg)
            else:  # REGEX, on each distinct string once
                values, inverse = numpy.unique(col, return_inverse=True)
                strings = self.vocab.strings
                hit = numpy.array([bool(arg.search(strings[int(v)] if v else "")) for v in values.tolist()])
                got &= hit[inverse]
        return got
