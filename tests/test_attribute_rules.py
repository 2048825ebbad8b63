"""The compiled attribute ruler gives exactly what spaCy's own gives."""
from __future__ import annotations

import pytest

TEXT = ("I'd have gone, but I ain't gonna wait. Y'all gotta see it: let's go, c'mon! There is nothin' left "
        "and there were three of them.  \n\nIt was him, not me; you and I did it, and she'd said so herself. "
        "What is that? Those who do, did. He has had enough, hasn't he? We're sure they'll come, "
        "ca n't they? Whether or not it rains, the U.S. won't stop.\t\tGet 'em!")


@pytest.fixture(scope="module")
def models():
    import spacy

    from eventwire.attribute_rules import install
    from eventwire.components.nlp import resolve_model_name

    shipped, compiled = spacy.load(resolve_model_name()), spacy.load(resolve_model_name())
    assert install(compiled)
    return shipped, compiled


def _annotations(nlp, texts):
    return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in d] for d in nlp.pipe(texts)]


def test_compiled_rules_match_spacy(models):
    shipped, compiled = models
    texts = [TEXT, "", " ", "\n\n", TEXT.upper(), TEXT.lower(), "gon na got ta ai n't"]
    assert type(compiled.get_pipe("attribute_ruler")).__name__ == "ArrayAttributeRuler"
    assert compiled.pipe_names == shipped.pipe_names
    got, want = _annotations(compiled, texts), _annotations(shipped, texts)
    assert got == want
    # the rules did something: auxiliaries and pronouns got their parts of speech and features
    toks = [t for d in compiled.pipe([TEXT]) for t in d]
    assert {"AUX", "PRON", "SPACE"} <= {t.pos_ for t in toks}
    assert any(t.lower_ == "ai" and t.lemma_ == "be" for t in toks)  # a two-token rule


def test_a_ruler_with_an_operator_is_left_to_spacy():
    import spacy

    from eventwire.attribute_rules import compile_rules, install

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    assert compile_rules(ruler) is None
    assert not install(nlp) and type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_unknown_kernels_setting_is_a_config_error():
    from eventwire.components.nlp import load_model
    from eventwire.errors import ConfigError

    with pytest.raises(ConfigError, match="nlp.kernels"):
        load_model(kernels="fast")


def test_eventwire_kernels_annotate_as_the_model_as_shipped():
    """kernels = "eventwire" (numpy's BLAS, compiled attribute rules) changes how, not what."""
    from eventwire.components.nlp import load_model

    news = ("Chinese President Xi Jinping held a phone call with Russian President Vladimir Putin on Wednesday, "
            "according to state broadcaster CCTV. The two leaders, who have not met since February, discussed "
            "trade, energy and the war in Ukraine.\n\nWashington has pressed Beijing not to help Moscow evade "
            "sanctions imposed by the US, the European Union and Japan. " + TEXT)
    assert _annotations(load_model(), [news]) == _annotations(load_model(kernels="spacy"), [news])
    ents = lambda nlp: [(e.start_char, e.end_char, e.label_) for e in nlp(news).ents]  # noqa: E731
    assert ents(load_model()) == ents(load_model(kernels="spacy"))
