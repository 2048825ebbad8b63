import pytest

import eventwire
from eventwire.document import Document
from eventwire.errors import ConfigError
from eventwire.pipeline import Pipeline, component, read_config


def test_default_config_builds(pipeline):
    assert pipeline.names[:2] == ["repair", "nlp"]
    assert pipeline.version.startswith(eventwire.__version__ + "+")


def test_unknown_component_is_a_clear_error():
    with pytest.raises(ConfigError, match="unknown component 'nope'"):
        Pipeline({"pipeline": {"components": ["repair", "nope"]}})


def test_misspelt_setting_is_a_clear_error():
    with pytest.raises(ConfigError, match="component 'nlp' has no setting 'select'; its settings: .*parse"):
        Pipeline({"pipeline": {"components": ["repair", "nlp"]}, "components": {"nlp": {"select": "all"}}})


def test_component_order_is_checked():
    with pytest.raises(ConfigError, match="reads text"):
        Pipeline({"pipeline": {"components": ["nlp"]}})


def test_bad_config_file(tmp_path):
    p = tmp_path / "c.toml"
    p.write_text("[pipeline\ncomponents=")
    with pytest.raises(ConfigError, match="invalid TOML"):
        read_config(p)


def test_a_failing_document_does_not_stop_the_batch():
    @component("explode_on_boom", reads=["text"], writes=[], version="test")
    def make(settings):
        def run(docs):
            for d in docs:
                if "boom" in d.text:
                    raise ValueError("cannot handle boom")
        return run

    pipe = Pipeline({"pipeline": {"components": ["repair", "explode_on_boom"]}})
    docs = [Document.from_raw(t) for t in ("fine one", "boom here", "fine two")]
    ok, failed = pipe(docs)
    assert [d.text for d in ok] == ["fine one", "fine two"]
    assert failed[0].component == "explode_on_boom" and "boom" in failed[0].message


def test_pipeline_records_versions(example_docs):
    info = example_docs[0].pipeline
    assert set(info) >= {"version", "model", "kb"}
