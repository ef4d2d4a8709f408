"""End-to-end: a build killed midway leaves a ledger the next build completes, with nothing
duplicated or lost (the result equals an uninterrupted build's)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXPORTS = ("articles.jsonl", "claims.jsonl", "quotes.jsonl", "entities.jsonl", "events.jsonl", "figures.csv")
TOWNS = ["Aldermoor", "Brackwater", "Cindervale", "Dunmere", "Eastholm", "Fernby", "Glenrock", "Harrowgate"]


def _corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        (folder / f"{i:03d}.txt").write_text(
            f"Flooding Closes Roads Around {town} for Day {i + 2}\n"
            f"Floodwater closed {i + 3} roads around {town} on Tuesday, the county council said, and about {100 + 7 * i} homes "
            f"were without power.\nThe council's leader, Mara Quill, said crews had pumped water from {i + 1} schools and "
            f'that "the worst is behind us, but the river is still rising in places."\n'
        )


def _build(src: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "newsledger.cli", "build", str(src), "--out", str(out), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip


def _stored(out: Path) -> int:
    try:
        with sqlite3.connect(out / "ledger.sqlite", timeout=0.1) as db:
            return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_build_is_completed_by_the_next(tmp_path):
    src = tmp_path / "in"
    _corpus(src, 150)
    reference = tmp_path / "ref"
    assert _build(src, reference).wait(timeout=300) == 0

    out = tmp_path / "out"
    proc = _build(src, out)
    deadline = time.time() + 120
    while time.time() < deadline and _stored(out) == 0:
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _stored(out)
    assert partial > 0, "the build stored nothing before it was stopped"
    assert not (out / "articles.jsonl").exists(), "the build finished before it could be stopped"

    assert _build(src, out).wait(timeout=300) == 0
    for name in EXPORTS:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    with sqlite3.connect(out / "ledger.sqlite") as db:
        assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 150
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (150, 150)


def test_shards_a_worker_finished_are_loaded_not_extracted_again(tmp_path, monkeypatch):
    """A build killed after its workers wrote their Parquet shards but before the driver loaded
    them: the next build loads the shards, extracts nothing again, and ends with the same ledger."""
    import pyarrow.parquet as pq

    import newsledger.run.shards as shards
    from newsledger.run.build import build

    src = tmp_path / "in"
    _corpus(src, 12)
    reference = tmp_path / "ref"
    build([str(src)], reference, progress=False)
    claims_in_shards = sum(pq.read_table(p).num_rows for p in (reference / "shards").glob("*/claims.parquet"))
    assert claims_in_shards == len((reference / "claims.jsonl").read_text().splitlines()) > 0

    out = tmp_path / "out"
    build([str(src)], out, progress=False)  # the same build, then its facts lost as if never loaded
    with sqlite3.connect(out / "ledger.sqlite") as db:
        for table in ("claims", "quotes", "times", "events", "mentions"):
            db.execute(f"DELETE FROM {table}")
        db.execute("UPDATE articles SET extracted=0")
    (out / "shards" / ".0123456789abcdef.999.tmp").mkdir()  # an unfinished shard's folder is ignored

    def no_extraction(texts):
        raise AssertionError("an article with a finished shard was extracted again")

    monkeypatch.setattr(shards, "extract_articles", no_extraction)
    build([str(src)], out, progress=False)
    for name in EXPORTS:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def _built_with_facts_dropped(tmp_path: Path) -> tuple[Path, Path, Path, Path]:
    """A corpus built twice (a reference and a ledger whose facts are then dropped, as if the
    driver never loaded its one shard): the corpus, the two folders and the shard."""
    from newsledger.run.build import build

    src = tmp_path / "in"
    _corpus(src, 6)
    reference = tmp_path / "ref"
    build([str(src)], reference, progress=False)
    out = tmp_path / "out"
    build([str(src)], out, progress=False)
    with sqlite3.connect(out / "ledger.sqlite") as db:
        for table in ("claims", "quotes", "times", "events", "mentions"):
            db.execute(f"DELETE FROM {table}")
        db.execute("UPDATE articles SET extracted=0")
    (shard,) = (out / "shards").iterdir()
    return src, reference, out, shard


def test_a_damaged_shard_is_set_aside_and_its_articles_extracted_again(tmp_path):
    src, reference, out, shard = _built_with_facts_dropped(tmp_path)
    (shard / "claims.parquet").write_bytes(b"PAR1 not a parquet file")  # a disk that failed under it
    from newsledger.run.build import build

    build([str(src)], out, progress=False)
    for name in EXPORTS:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert (out / "shards" / f".{shard.name}.damaged").is_dir()


def test_a_shard_whose_done_file_is_garbled_is_set_aside_and_its_articles_extracted_again(tmp_path):
    src, reference, out, shard = _built_with_facts_dropped(tmp_path)
    (shard / "done.json").write_text('{"key": "abc", "article_ids": [')  # cut off mid-write by a failing disk
    from newsledger.run.build import build

    build([str(src)], out, progress=False)
    for name in EXPORTS:
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    assert (out / "shards" / f".{shard.name}.damaged").is_dir()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found += [int(c) for c in task.read_text().split()]
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_pool_workers_end_when_the_build_is_killed(tmp_path):
    src = tmp_path / "in"
    _corpus(src, 150)
    cmd = [sys.executable, "-m", "newsledger.cli", "build", str(src), "--out", str(tmp_path / "o"), "--quiet",
           "--engine", "processes", "--workers", "2"]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2:
        workers = _children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool did not start"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 20
    while time.time() < deadline and any(Path(f"/proc/{w}").exists() and "zombie" not in _state(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("State:")).lower()
    except (OSError, StopIteration):
        return "zombie"
