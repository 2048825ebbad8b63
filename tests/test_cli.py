import json
import subprocess
import sys

from click.testing import CliRunner

from eventwire.cli import main
from conftest import needs_shared


def test_run_and_list(tmp_path, examples_dir):
    db = str(tmp_path / "ex.duckdb")
    r = CliRunner().invoke(main, ["run", str(examples_dir), "--db", db, "-q"])
    assert r.exit_code == 0, r.output
    assert "7 articles stored" in r.output
    r2 = CliRunner().invoke(main, ["run", str(examples_dir), "--db", db, "-q"])
    assert "0 articles stored, 7 skipped" in r2.output
    r3 = CliRunner().invoke(main, ["articles", "--db", db, "--json"])
    rows = [json.loads(line) for line in r3.output.splitlines()]
    assert len(rows) == 7
    r4 = CliRunner().invoke(main, ["articles", "--db", db, "--csv", "--outlet", "Reuters"])
    assert r4.output.splitlines()[0].startswith("id,outlet") and len(r4.output.splitlines()) == 2


def test_run_reports_bad_files_and_keeps_good(tmp_path, examples_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Reuters\nPolice arrested two men in Lagos on Monday.")
    (folder / "empty.txt").write_text("")
    (folder / "bad.json").write_text("{nope")
    db = str(tmp_path / "s.duckdb")
    r = CliRunner().invoke(main, ["run", str(folder), "--db", db, "-q"])
    assert r.exit_code == 1
    assert "1 articles stored" in r.output and "2 failed" in r.output
    assert "empty.txt" in r.output and "bad.json" in r.output
    from eventwire.store import Store
    with Store(db, read_only=True) as s:
        assert s.counts()["errors"] == 2 and s.counts()["articles"] == 1


def test_extract_prints_valid_json(examples_dir):
    from eventwire.schema import validate_record

    r = CliRunner().invoke(main, ["extract", str(examples_dir / "01_summit_talks.txt"), "--published", "2024-01-09"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output)
    assert validate_record(rec) == []
    assert rec["source"]["published"] == "2024-01-09"


def test_cli_errors_are_one_line(tmp_path):
    r = CliRunner().invoke(main, ["extract", "x.txt", "--published", "garbage"])
    assert r.exit_code == 2 and "not a date" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert r.exit_code == 2 and "no such database" in r.output


def test_extract_stdin():
    r = CliRunner().invoke(main, ["extract", "-"], input="Rebels attacked a convoy near Goma on Friday.")
    assert r.exit_code == 0
    assert json.loads(r.output)["text"].startswith("Rebels attacked")


def test_console_script_entry_point(examples_dir):
    out = subprocess.run([sys.executable, "-m", "eventwire", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "eventwire" in out.stdout


@needs_shared
def test_extract_seed(seed_path):
    r = CliRunner().invoke(main, ["extract", str(seed_path)])
    rec = json.loads(r.output)
    assert rec["source"]["outlet"] == "Bloomberg"
    assert len(rec["repairs"]) == 3
