"""Faults (issue 11): a full disk, a locked or corrupt store, workers dying mid-task.

In every case the store stays consistent (whole batches only), the run fails
with one clear line or completes, and re-running the same command finishes
the job with the same result as a clean run.
"""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, store_snapshot, write_articles
from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import Store

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def eventwire(*args, preexec_fn=None, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire", *map(str, args)], env=ENV, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=preexec_fn)


def assert_one_clear_line(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr, stderr
    line = stderr.strip().splitlines()[-1]
    assert line.startswith("eventwire: error:"), stderr
    for w in words:
        assert w in line, line


# -- a full disk ------------------------------------------------------------------
@pytest.fixture()
def tiny_disk(tmp_path):
    """A 1.2 MB tmpfs (root with mount rights), remountable larger to 'free space'."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    try:
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", str(mnt)], check=True,
                       capture_output=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a tmpfs here (needs root and mount rights); the rlimit variant covers it")

    def grow():
        subprocess.run(["mount", "-o", "remount,size=256m", str(mnt)], check=True, timeout=10)

    yield mnt, grow
    subprocess.run(["umount", "-l", str(mnt)], check=False, timeout=10)


def _file_size_limit(nbytes: int):
    def apply():  # runs in the child: writes past nbytes fail with EFBIG, like a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))

    return apply


@pytest.mark.parametrize("output", ["--db", "--parquet"])
def test_full_disk_fails_cleanly_and_the_rerun_finishes(tmp_path, tiny_disk, repair_only_config, output):
    mnt, grow = tiny_disk
    folder = tmp_path / "in"
    write_articles(folder, 200, per_file=20, repeat=8)
    target = mnt / ("s.duckdb" if output == "--db" else "ds")
    batch = 10 if output == "--db" else 2  # Parquet compresses well: fill the disk with files
    args = ["run", folder, output, target, "--config", repair_only_config, "-q", "--batch-size", batch]
    first = eventwire(*args)
    assert first.returncode == 2, first.stderr
    assert_one_clear_line(first.stderr, "No space left", "re-run")
    grow()
    again = eventwire(*args)
    assert again.returncode == 0, again.stderr
    clean = tmp_path / "clean.duckdb"
    eventwire("run", folder, "--db", clean, "--config", repair_only_config, "-q")
    got = target
    if output == "--parquet":
        got = tmp_path / "loaded.duckdb"
        assert eventwire("load", target, "--db", got).returncode == 0
    assert store_snapshot(got) == store_snapshot(clean)


def test_file_size_limit_fails_cleanly_and_the_rerun_finishes(tmp_path, repair_only_config):
    folder = tmp_path / "in"
    write_articles(folder, 200, per_file=20, repeat=8)
    db = tmp_path / "s.duckdb"
    args = ["run", folder, "--db", db, "--config", repair_only_config, "-q", "--batch-size", 10]
    first = eventwire(*args, preexec_fn=_file_size_limit(1_000_000))
    assert first.returncode == 2, first.stderr
    # a full disk may hit the batch write or the story update after it: one clear line either way
    assert_one_clear_line(first.stderr, "failed", "store_write", "re-run")
    with Store(db, read_only=True) as s:  # consistent: whole batches, every article with its record
        n = s.query("SELECT count(*) AS n, count(record) AS r FROM articles")[0]
        assert n["n"] == n["r"] and n["n"] < 200
    assert eventwire(*args).returncode == 0
    clean = tmp_path / "clean.duckdb"
    eventwire("run", folder, "--db", clean, "--config", repair_only_config, "-q")
    assert store_snapshot(db) == store_snapshot(clean)


# -- a locked or corrupt store -----------------------------------------------------
def test_second_writer_gets_a_clear_message(tmp_path, examples_dir, repair_only_config):
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('held', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        r = eventwire("run", examples_dir, "--db", db, "--config", repair_only_config, "-q")
        assert r.returncode == 2
        assert_one_clear_line(r.stderr, "locked by another process", f"PID {holder.pid}", "store_locked")
        r = eventwire("articles", "--db", db)
        assert r.returncode == 2 and "locked" in r.stderr
    finally:
        holder.kill()
        holder.wait()


def test_second_writer_of_a_parquet_dataset_gets_a_clear_message(tmp_path, examples_dir, repair_only_config):
    from eventwire.store.parquet import ParquetDataset

    ds = tmp_path / "ds"
    with ParquetDataset(ds):
        r = eventwire("run", examples_dir, "--parquet", ds, "--config", repair_only_config, "-q")
    assert r.returncode == 2
    assert_one_clear_line(r.stderr, "being written by another process")


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_store_is_reported_and_left_untouched(tmp_path, examples_dir, repair_only_config, damage):
    db = tmp_path / "s.duckdb"
    if damage == "garbage":
        db.write_bytes(os.urandom(300_000))
    else:
        assert eventwire("run", examples_dir, "--db", db, "--config", repair_only_config, "-q").returncode == 0
        db.write_bytes(db.read_bytes()[:5000])
    before = db.read_bytes()
    r = eventwire("run", examples_dir, "--db", db, "--config", repair_only_config, "-q")
    assert r.returncode == 2
    assert_one_clear_line(r.stderr, str(db), "damaged or not a DuckDB database", "left untouched")
    assert db.read_bytes() == before
    assert not Path(f"{db}.wal").exists()
    with pytest.raises(StoreError, match="damaged"):
        Store(db, read_only=True)


# -- workers dying mid-task --------------------------------------------------------
def _worker_pids(parent_pid: int) -> list[int]:
    import psutil

    try:
        kids = psutil.Process(parent_pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    return [k.pid for k in kids if "resource_tracker" not in " ".join(k.cmdline())]


@pytest.mark.slow
def test_local_worker_killed_mid_run_is_replaced_and_the_run_completes(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 24)
    args = ["--batch-size", "2", "--workers", "2"]
    clean = tmp_path / "clean.duckdb"
    assert eventwire("run", folder, "--db", clean, "-q", *args).returncode == 0
    db = tmp_path / "s.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "run", str(folder), "--db", str(db), "-q", *args],
                            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and proc.poll() is None and time.monotonic() < deadline:
        import psutil

        busy = [p for p in _worker_pids(proc.pid) if psutil.Process(p).cpu_times().user > 1.0]
        if busy:  # a worker that has loaded the model and is processing a batch
            os.kill(busy[0], signal.SIGKILL)
            killed = busy[0]
        time.sleep(0.1)
    out, err = proc.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert store_snapshot(db) == store_snapshot(clean)


@pytest.mark.slow
def test_dask_worker_killed_mid_task_the_run_completes_without_duplicates(tmp_path):
    from eventwire.executors import DaskCluster
    from eventwire.pipeline import get_pipeline
    from eventwire.runner import run

    folder = tmp_path / "in"
    write_articles(folder, 30)
    pipe = get_pipeline()
    clean = tmp_path / "clean.duckdb"
    with Store(clean) as s:
        run([folder], s, pipeline=pipe, batch_size=3)
    ex = DaskCluster("local", pipe.config, n_workers=2)
    pids = ex.client.run(os.getpid)
    killed: list[int] = []

    def kill_one_busy_worker():
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            busy = [w for w, tasks in ex.client.processing().items() if tasks]
            if busy and busy[0] in pids:
                time.sleep(0.3)  # inside the task
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(pids[busy[0]])
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_one_busy_worker, daemon=True)
    killer.start()
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        summary = run([folder], s, pipeline=pipe, executor=ex, batch_size=3)
    killer.join(timeout=5)
    assert killed, "no worker was killed"
    assert summary.articles == 30 and summary.failed == 0
    assert store_snapshot(db) == store_snapshot(clean)
