"""Scale: parallel runs (local processes, Dask), incremental runs, Parquet output, resume after kill -9."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, store_snapshot, write_articles
from eventwire.cli import main
from eventwire.pipeline import get_pipeline
from eventwire.runner import run
from eventwire.store import Store


def cli(*args) -> "click.testing.Result":
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def corpus(tmp_path) -> Path:
    folder = tmp_path / "in"
    write_articles(folder, 24)
    write_articles(folder, 12, start=100, per_file=4)
    # a duplicate under another name and a bad file: skipped once, reported once
    (folder / "zz_dup.txt").write_text((folder / "a00003.txt").read_text("utf-8"), encoding="utf-8")
    (folder / "zz_bad.json").write_text("{not json", encoding="utf-8")
    return folder


def test_local_workers_store_what_one_process_stores(tmp_path, corpus, repair_only_config):
    one, many = tmp_path / "one.duckdb", tmp_path / "many.duckdb"
    r1 = cli("run", corpus, "--db", one, "--config", repair_only_config, "--batch-size", 4, "-q", "--json")
    r2 = cli("run", corpus, "--db", many, "--config", repair_only_config, "--batch-size", 4, "-q", "--json",
             "--workers", 2)
    assert r1.exit_code == r2.exit_code == 1, (r1.output, r2.output)  # the bad file
    assert '"articles": 36' in r1.output and '"articles": 36' in r2.output
    assert '"skipped": 1' in r2.output and '"failed": 1' in r2.output
    assert store_snapshot(one) == store_snapshot(many)


def test_dask_local_cluster_stores_what_one_process_stores(tmp_path, corpus, repair_only_config):
    from eventwire.executors import DaskCluster

    pipe = get_pipeline(repair_only_config)
    one, dask_db = tmp_path / "one.duckdb", tmp_path / "dask.duckdb"
    with Store(one) as s:
        run([corpus], s, pipeline=pipe, batch_size=5)
    ex = DaskCluster("local", pipe.config, n_workers=2, processes=False)
    with Store(dask_db) as s:
        summary = run([corpus], s, pipeline=pipe, executor=ex, batch_size=5)
    assert summary.articles == 36 and summary.skipped == 1 and summary.failed == 1
    assert store_snapshot(one) == store_snapshot(dask_db)


def test_incremental_skips_done_and_reprocesses_a_new_pipeline_version(tmp_path, corpus, repair_only_config):
    db = tmp_path / "s.duckdb"
    first = cli("run", corpus, "--db", db, "--config", repair_only_config, "-q", "--json")
    assert '"articles": 36' in first.output
    again = cli("run", corpus, "--db", db, "--config", repair_only_config, "-q", "--json")
    assert '"articles": 0' in again.output and '"skipped": 37' in again.output
    # another pipeline (different settings, so a different version) re-processes everything
    other = tmp_path / "other.toml"
    other.write_text('[pipeline]\ncomponents = ["repair"]\ntime_limit = 99\n', encoding="utf-8")
    redo = cli("run", corpus, "--db", db, "--config", other, "-q", "--json")
    assert '"articles": 36' in redo.output
    with Store(db, read_only=True) as s:
        assert s.query("SELECT count(*) AS n FROM articles")[0]["n"] == 36
        versions = s.query("SELECT DISTINCT pipeline_version AS v FROM articles")
    assert [v["v"] for v in versions] == [get_pipeline(other).version]


def test_new_only_and_since_skip_input_files(tmp_path, corpus, repair_only_config):
    db = tmp_path / "s.duckdb"
    cli("run", corpus, "--db", db, "--config", repair_only_config, "-q")
    write_articles(corpus, 2, start=500)
    r = cli("run", corpus, "--db", db, "--config", repair_only_config, "-q", "--json", "--new-only")
    assert '"articles": 2' in r.output and '"inputs_skipped": 29' in r.output, r.output
    # a changed file is read again; --since skips files modified before the day given
    changed = corpus / "a00001.txt"
    changed.write_text("Testwire\nA wholly new report: the talks in Lima collapsed on Friday.\n", encoding="utf-8")
    old = time.mktime((2020, 1, 1, 0, 0, 0, 0, 0, -1))
    for p in corpus.iterdir():
        if p.name != "a00001.txt":
            os.utime(p, (old, old))
    r = cli("run", corpus, "--db", db, "--config", repair_only_config, "-q", "--json", "--since", "2021-01-01")
    assert '"articles": 1' in r.output and '"inputs_skipped": 30' in r.output, r.output
    assert "use YYYY-MM-DD" in cli("run", corpus, "--db", db, "--since", "yesterday").output


def test_since_skips_articles_published_before(tmp_path, repair_only_config):
    folder = tmp_path / "in"
    write_articles(folder, 9, per_file=9)  # published 2024-03-01 .. 2024-03-09
    db = tmp_path / "s.duckdb"
    r = cli("run", folder, "--db", db, "--config", repair_only_config, "-q", "--json", "--since", "2024-03-05")
    assert '"articles": 5' in r.output and '"skipped": 4' in r.output, r.output


def test_parquet_dataset_loads_into_the_same_store(tmp_path, corpus, repair_only_config):
    import duckdb

    db, ds, loaded = tmp_path / "s.duckdb", tmp_path / "ds", tmp_path / "loaded.duckdb"
    cli("run", corpus, "--db", db, "--config", repair_only_config, "-q", "--batch-size", 8)
    r = cli("run", corpus, "--parquet", ds, "--config", repair_only_config, "-q", "--batch-size", 8,
            "--workers", 2)
    assert r.exit_code == 1 and "36 articles stored" in r.output, r.output
    # readable in place by DuckDB with the documented glob
    n = duckdb.connect().execute("SELECT count(*) FROM read_parquet(?)",
                                 [str(ds / "*" / "articles.parquet")]).fetchone()[0]
    assert n == 36
    # a resumed run adds nothing; loading twice changes nothing
    assert "0 articles stored" in cli("run", corpus, "--parquet", ds, "--config", repair_only_config, "-q").output
    counts = []
    for _ in range(2):
        assert cli("load", ds, "--db", loaded).exit_code == 0
        with Store(loaded, read_only=True) as s:
            counts.append(s.counts() | {"runs": s.query("SELECT count(*) AS n FROM runs")[0]["n"]})
    assert counts[0] == counts[1] and counts[0]["errors"] == 2 and counts[0]["runs"] == 2  # the bad file, per run
    assert store_snapshot(loaded) == store_snapshot(db)
    with Store(loaded, read_only=True) as s:  # every loaded article placed in a story
        assert s.query("SELECT sum(n_articles) AS a FROM stories")[0]["a"] == 36


def test_parquet_dataset_hides_partial_batches_and_refuses_mixing(tmp_path, corpus, repair_only_config):
    ds = tmp_path / "ds"
    cli("run", corpus, "--parquet", ds, "--config", repair_only_config, "-q")
    partial = ds / "_tmp-batch-killed-000001"  # what a run killed while writing leaves
    partial.mkdir()
    (partial / "articles.parquet").write_bytes(b"PAR1 half written")
    loaded = tmp_path / "l.duckdb"
    assert cli("load", ds, "--db", loaded).exit_code == 0  # the partial batch is not part of the dataset
    assert cli("run", corpus, "--parquet", ds, "--config", repair_only_config, "-q").exit_code == 1
    assert not partial.exists()  # cleaned by the next writer
    r = cli("run", corpus, "--parquet", ds, "-q")  # the default pipeline: another version
    assert r.exit_code == 2 and "new --parquet folder" in r.output
    r = cli("run", corpus, "--parquet", tmp_path / "x", "--db", tmp_path / "x.duckdb")
    assert r.exit_code == 2 and "one output" in r.output
    assert cli("load", tmp_path / "nothing", "--db", loaded).exit_code == 2


class _SlowExecutor:
    """Results arrive only when asked for: shows how many batches the runner lets pile up."""

    slots = 3

    def __init__(self, pipe):
        from eventwire.executors import InProcess

        self.inner = InProcess(pipe)
        self.outstanding = self.most = 0

    def submit(self, payloads):
        self.outstanding += 1
        self.most = max(self.most, self.outstanding)
        return _NotDone(payloads)

    def result(self, handle):
        self.outstanding -= 1
        return self.inner.submit(handle.payloads).result()

    def close(self):
        pass


class _NotDone:
    def __init__(self, payloads):
        self.payloads = payloads

    def done(self):
        return False


def test_batches_in_flight_are_bounded_and_written_in_input_order(tmp_path, repair_only_config):
    folder = tmp_path / "in"
    write_articles(folder, 40)
    pipe = get_pipeline(repair_only_config)
    ex = _SlowExecutor(pipe)
    with Store(tmp_path / "s.duckdb") as s:
        summary = run([folder], s, pipeline=pipe, executor=ex, batch_size=2)
        order = [r["path"] for r in s.query("SELECT path FROM inputs ORDER BY read_at, path")]
    assert summary.articles == 40
    assert ex.most == ex.slots + 1  # the one just submitted, and at most `slots` waiting
    assert order == sorted(order)


def _snapshot_of_clean_run(folder: Path, db: Path, *args) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "eventwire", "run", str(folder), "--db", str(db), "-q", *args],
                   env=env, check=False, capture_output=True, timeout=300)
    return store_snapshot(db)


def _run_with_kills(folder: Path, out: Path, kills: int, window: float, *args, out_flag: str = "--db"
                    ) -> list[float]:
    """Start a real `eventwire run`, kill -9 it at a random moment, ``kills`` times; then let it finish."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "eventwire", "run", str(folder), out_flag, str(out), "-q", *args]
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    moments = []
    for _ in range(kills):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        moment = rng.uniform(0.2, window)
        moments.append(round(moment, 2))
        try:
            proc.wait(timeout=moment)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        assert _group_exits(proc.pid), "worker processes outlived the killed run"
    final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert final.returncode in (0, 1), final.stderr
    return moments


def _group_exits(pgid: int, wait: float = 20) -> bool:
    """Whether the worker processes of a killed run exit on their own (else they are killed here)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    os.killpg(pgid, signal.SIGKILL)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["in-process", "workers", "parquet"])
def test_run_killed_at_random_points_resumes_to_the_clean_result(tmp_path, mode, repair_only_config):
    """The default pipeline in one process; the repair stage alone (fast workers, many batches) with
    two worker processes into a store and into a Parquet dataset."""
    folder = tmp_path / "in"
    n = 20 if mode == "in-process" else 200
    write_articles(folder, n)
    write_articles(folder, 12, start=1000, per_file=6)
    args = ["--batch-size", "3"]
    if mode != "in-process":
        args += ["--workers", "2", "--config", str(repair_only_config)]
    t = time.monotonic()
    clean = _snapshot_of_clean_run(folder, tmp_path / "clean.duckdb", *args)
    took = time.monotonic() - t
    assert len(clean["articles"]) == n + 12
    if mode == "parquet":
        out = tmp_path / "ds"
        moments = _run_with_kills(folder, out, 3, took, *args, out_flag="--parquet")
        assert not list(out.glob("_tmp-*"))
        assert cli("load", out, "--db", tmp_path / "killed.duckdb").exit_code == 0
    else:
        moments = _run_with_kills(folder, tmp_path / "killed.duckdb", 3, took, *args)
    assert store_snapshot(tmp_path / "killed.duckdb") == clean, f"killed at {moments} s"


def test_malformed_dask_address_is_a_clear_error(tmp_path, examples_dir, repair_only_config):
    r = cli("run", examples_dir, "--db", tmp_path / "s.duckdb", "--config", repair_only_config, "--dask", "nowhere")
    assert r.exit_code == 2 and "cannot reach the Dask scheduler" in r.output and "--dask local" in r.output


@pytest.fixture(scope="module")
def story_docs(pipeline):
    import eventwire

    fixtures = Path(__file__).parent / "fixtures" / "stories"
    docs, failed = pipeline([d for d in eventwire.read(fixtures) if isinstance(d, eventwire.Document)])
    assert not failed
    return docs


def _story_tables(store) -> tuple:
    return (store.query("SELECT * EXCLUDE (placed_at) FROM story_articles ORDER BY article_id"),
            store.query("SELECT * EXCLUDE (updated_at) FROM stories ORDER BY story_id"),
            store.query("SELECT * EXCLUDE (updated_at) FROM merged_events ORDER BY event_id"))


def test_story_inputs_from_workers_place_articles_as_the_stored_records_do(story_docs):
    """The story stage places articles the same with the features and signatures a worker prepared
    (what `run` passes) as with those it reads back from the stored records (a killed run's articles)."""
    from eventwire import stories

    placed = []
    for prepared in (None, stories.prepare([d.to_dict() for d in story_docs])):
        with Store(":memory:") as store:
            store.write(story_docs)
            summary = stories.update(store, [d.id for d in story_docs], prepared=prepared)
            placed.append((summary.as_dict() | {"seconds": 0}, _story_tables(store)))
    assert placed[0][0]["duplicates"] == 2 and len(placed[0][1][0]) == len(story_docs) == 5
    assert placed[0] == placed[1]


def test_summaries_deferred_by_a_killed_run_are_refreshed_by_the_next_stage(story_docs, tmp_path):
    """A run refreshes merged events and stories once, at its end; one killed before that leaves them
    marked stale, and the next story stage brings them to what a run that was not killed has."""
    from eventwire.stories import StoryStage

    first, copies = [story_docs[i] for i in (0, 3, 4)], story_docs[1:3]  # the copies join a story
    with Store(tmp_path / "clean.duckdb") as store:
        store.write(story_docs)
        stage = StoryStage(store)
        for batch in (first, copies):
            stage.update([d.id for d in batch])
        clean = _story_tables(store)
    with Store(tmp_path / "killed.duckdb") as store:
        store.write(story_docs)
        stage = StoryStage(store)
        stage.update([d.id for d in first])  # summaries written
        stage.update([d.id for d in copies], refresh=False)  # ... and the run killed here
        assert _story_tables(store) != clean
        StoryStage(store).update()  # what the next run's stage does first
        assert _story_tables(store) == clean
        assert not store.query("SELECT * FROM stories WHERE updated_at IS NULL")


def test_rows_become_arrow_tables_whatever_their_keys_and_types():
    from eventwire.store.rows import arrow_table, concat_tables

    t = arrow_table([{"a": 1, "b": 2}, {"a": "x"}, {"c": 2.5}])
    assert t.column_names == ["a", "b", "c"]
    assert t.column("a").to_pylist() == ["1", "x", None]  # numbers and text mixed: text
    assert t.column("b").to_pylist() == [2, None, None]
    both = concat_tables([{"events": [{"id": "e1", "n": 1}]}, {"events": [{"id": "e2", "n": 1.5, "m": True}]},
                          {"events": [{"id": "e3", "n": "many"}]}])
    assert both["events"].to_pylist() == [{"id": "e1", "n": "1", "m": None}, {"id": "e2", "n": "1.5", "m": True},
                                          {"id": "e3", "n": "many", "m": None}]


def test_the_last_batches_are_cut_into_pieces_of_about_equal_text():
    from eventwire.document import Document
    from eventwire.runner import _Batch, _last_pieces

    docs = [Document.from_raw("word " * n) for n in (50, 10, 10, 30, 20, 40, 10, 30)]
    full = _Batch(docs=docs[:5], errors=[{"input": "bad.txt"}], items=6, chars=sum(len(d.raw) for d in docs[:5]))
    rest = _Batch(docs=docs[5:], inputs=[{"path": "last.jsonl"}], items=4, chars=sum(len(d.raw) for d in docs[5:]))
    pieces = _last_pieces([full, rest], 4)
    assert [d for p in pieces for d in p.docs] == docs  # input order kept, nothing lost
    assert len(pieces) == 4 and all(p.docs for p in pieces)
    sizes = [p.chars for p in pieces]
    assert max(sizes) <= 2 * min(sizes)  # 1000 characters in 4 pieces: none holds twice another's text
    assert pieces[0].errors == [{"input": "bad.txt"}] and not any(p.errors for p in pieces[1:])
    assert pieces[-1].inputs == [{"path": "last.jsonl"}] and not any(p.inputs for p in pieces[:-1])
    assert sum(p.items for p in pieces) == 10
    assert _last_pieces([full, rest], 1) == [full, rest]  # one at a time: as they were, within the limits
    assert _last_pieces([_Batch()], 4) == [] and _last_pieces([_Batch()], 1) == []
    assert _last_pieces([_Batch(items=1)], 4) == [_Batch(items=1)]  # a skipped article still counts
