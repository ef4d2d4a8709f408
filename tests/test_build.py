"""End-to-end: `newsledger build` on corpora, outputs checked."""

import gzip
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.ledger.store import SCHEMA_VERSION

FIX = Path(__file__).parent / "fixtures"
HTML = ("<html><head><title>Dock strike halts port</title><meta property='article:published_time' content='2024-07-02'></head>"
        "<body><nav>Home | World | Sport</nav><article><h1>Dock strike halts port</h1>"
        "<p>Dock workers walked out on Monday over pay, the union said, halting container traffic at the country's largest port.</p>"
        "<p>The port authority said about 40 ships were waiting offshore and that talks with the union would resume on Wednesday.</p>"
        "</article><footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>")  # fmt: skip


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.txt").write_text((FIX / "page_with_related.txt").read_text())
    (src / "copy.md").write_text((FIX / "page_with_related.txt").read_text())
    (src / "topic.txt").write_text((FIX / "topic_page.txt").read_text())
    (src / "dock.html.gz").write_bytes(gzip.compress(HTML.encode()))
    (src / "empty.txt").write_text("")
    (src / "headline.txt").write_text("Storm closes mountain pass\n")
    (src / "broken.jsonl").write_text('{"text": "A short item from a feed that says the minister resigned on Friday."}\n{oops\n')
    return src


def _build(*args: str) -> tuple[int, str]:
    res = CliRunner().invoke(main, ["build", *args, "--quiet"])
    return res.exit_code, res.output


def test_build_outputs_and_report_account_for_every_input(corpus, tmp_path):
    out = tmp_path / "out"
    code, output = _build(str(corpus), "--out", str(out))
    assert code == 0, output
    arts = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    required = {"id", "source", "role", "title", "published", "published_precision", "byline", "text", "duplicate_of"}
    assert all(required <= set(a) for a in arts)
    report = json.loads((out / "report.json").read_text())
    by_source = {Path(r["source"]).name: r for r in report["input_reports"]}
    assert set(by_source) == {"page.txt", "copy.md", "topic.txt", "dock.html.gz", "empty.txt", "broken.jsonl", "headline.txt"}
    assert by_source["empty.txt"]["status"] == "skipped" and by_source["empty.txt"]["reason"] == "empty input"
    assert by_source["headline.txt"]["status"] == "skipped" and "no article found" in by_source["headline.txt"]["reason"]
    assert by_source["broken.jsonl"]["status"] == "partial" and "malformed JSON" in by_source["broken.jsonl"]["errors"][0]
    assert sum(r["articles"] for r in report["input_reports"]) == len(arts) == report["articles"]
    # copy.md is read first (folders are walked in name order): page.txt's stories are its duplicates
    copy_ids = {a["id"] for a in arts if a["source"].endswith("copy.md")}
    page = [a for a in arts if a["source"].endswith("page.txt")]
    assert len(page) == len(copy_ids) == 3
    assert all(a["duplicate_of"] in copy_ids and a["duplicate_kind"] == "exact" for a in page)
    dock = next(a for a in arts if a["source"].endswith("dock.html.gz"))
    assert dock["title"] == "Dock strike halts port" and dock["published"] == "2024-07-02"
    assert "Home | World" not in dock["text"] and "All rights reserved" not in dock["text"]
    db = sqlite3.connect(out / "ledger.sqlite")
    assert db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == len(arts)
    assert "articles.jsonl" in output and "report.json" in output


def test_rebuild_is_byte_identical_and_incremental(corpus, tmp_path):
    out = tmp_path / "out"
    _build(str(corpus), "--out", str(out))
    exports = ("articles.jsonl", "claims.jsonl", "quotes.jsonl", "entities.jsonl", "report.json")
    before = {name: (out / name).read_bytes() for name in exports}
    first = before["articles.jsonl"]
    _build(str(corpus), "--out", str(out))
    assert {name: (out / name).read_bytes() for name in exports} == before
    (corpus / "new.txt").write_text((FIX / "headline_list.txt").read_text())
    _build(str(corpus), "--out", str(out))
    arts = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert len(arts) == first.count(b"\n") + 1
    assert len({a["id"] for a in arts}) == len(arts)


def test_exit_status_nonzero_only_when_nothing_readable(tmp_path):
    (tmp_path / "e.txt").write_text("")
    code, _output = _build(str(tmp_path / "e.txt"), str(tmp_path / "missing.txt"), "--out", str(tmp_path / "o"))
    assert code == 1
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    assert [r["status"] for r in report["input_reports"]] == ["skipped", "skipped"]


def test_demo_corpus_roles_and_duplicate(tmp_path):
    out = tmp_path / "demo"
    code, _output = _build("--sample", "--out", str(out))
    assert code == 0
    arts = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    roles = [a["role"] for a in arts]
    assert roles.count("main") == 4 and roles.count("related") == 3 and roles.count("teaser") == 9
    dups = [a for a in arts if a["duplicate_of"]]
    assert len(dups) == 1
    original = next(a for a in arts if a["id"] == dups[0]["duplicate_of"])
    assert original["title"] == dups[0]["title"] and original["position"] < dups[0]["position"]
    for a in arts:
        for junk in ("Subscribe", "minutes ago", "No comments", "![", "log in", "contributed to this report", "Translated from"):
            assert junk not in a["text"], (junk, a["source"])


def test_clean_command_prints_json_list(fixtures):
    proc = subprocess.run([sys.executable, "-m", "newsledger.cli", "clean", str(fixtures / "page_with_related.txt")],
                          capture_output=True, text=True, check=True)  # fmt: skip
    arts = json.loads(proc.stdout)
    assert [a["role"] for a in arts] == ["main", "related", "related"]


def test_every_command_has_help():
    for cmd in ([], ["build"], ["clean"]):
        res = CliRunner().invoke(main, [*cmd, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output


def test_an_article_extraction_fails_on_is_reported_and_the_rest_extracted(tmp_path: Path, monkeypatch):
    import newsledger.extract.stage as stage

    real = stage.extract_texts

    def fragile(texts):
        texts = list(texts)
        if any("walked out" in t[2] for t in texts):
            raise ValueError("parser blew up")
        return real(texts)

    monkeypatch.setattr(stage, "extract_texts", fragile)
    src = tmp_path / "in"
    src.mkdir()
    (src / "dock.html").write_text(HTML)
    (src / "item.txt").write_text("The minister resigned on Friday after 12 years in office, aides said.")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text())
    (error,) = report["extraction_errors"]
    assert "dock.html" in error and "parser blew up" in error
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert [c["value"] for c in claims] == [12]


def test_a_counted_one_is_extracted_but_not_a_ledger_figure(tmp_path: Path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "talks.txt").write_text(
        "Port Talks Stall\nOne reason the talks failed was pay, the union said, as about 40 ships waited offshore.\n"
    )
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--quiet"]).exit_code == 0
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert sorted(c["text"] for c in claims) == ["One", "about 40"]
    figures = (out / "figures.csv").read_text()
    assert "about 40" in figures and ",One," not in figures


def test_a_slotted_event_record_reads_and_pickles_like_the_dict_row():
    import pickle

    from newsledger.model import EventRecord

    rec = EventRecord(id="e1", article_id="a" * 16, event_date="2024-05-01", actor1="Port workers", fatalities=None)
    assert rec["event_date"] == "2024-05-01" and rec.get("outlet") is None and rec.get("nope", 7) == 7
    rec["story_id"] = "s1"
    assert "story_id" in rec and "nope" not in rec and rec["story_id"] == "s1"
    assert pickle.loads(pickle.dumps(rec)) == rec
    with pytest.raises(KeyError):
        rec["nope"]


def test_a_slotted_record_refuses_a_column_it_does_not_name():
    from newsledger.model import ClaimRecord

    with pytest.raises(TypeError):
        ClaimRecord(id="c1", colour="red")


def test_parquet_tables_are_written_in_row_groups_read_a_few_rows_at_a_time(tmp_path, monkeypatch):
    import sqlite3

    import pyarrow.parquet as pq

    from newsledger.present import exports

    db = sqlite3.connect(tmp_path / "l.sqlite")
    db.execute("CREATE TABLE notes (id TEXT, n INTEGER, share REAL)")
    rows = [(f"n{i:02d}", i, i / 4) for i in range(12)]
    db.executemany("INSERT INTO notes VALUES (?, ?, ?)", rows)
    db.commit()
    db.close()
    monkeypatch.setattr(exports, "PARQUET_BATCH", 5)
    monkeypatch.setattr(exports, "PARQUET_FETCH", 2)
    (path,) = exports.write_parquet_tables(tmp_path / "l.sqlite", tmp_path / "pq")
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [5, 5, 2]
    table = pq.read_table(path)
    assert list(zip(*(table.column(c).to_pylist() for c in ("id", "n", "share")), strict=True)) == rows
    assert str(table.schema.field("n").type) == "int64" and str(table.schema.field("share").type) == "double"
