"""Same answer everywhere: in-process, process-pool and Ray executors give identical exports
on a realistic corpus with exact and near duplicates: text files and WARC crawl shards."""

import importlib.util
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.cli import main

EXPORTS = ("articles.jsonl", "claims.jsonl", "quotes.jsonl", "entities.jsonl", "events.jsonl", "figures.csv")
CITIES = ["Arlen", "Bexley", "Corvin", "Dalby", "Elstow", "Farrow", "Gisby", "Holm", "Ilkton", "Jarrow"]


def _warc_shard(path: Path, pages: list[tuple[str, str]]) -> None:
    """A crawl shard as CC-NEWS has them: gzipped WARC of HTML responses."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers)
            )


def _corpus(folder: Path) -> None:
    folder.mkdir()
    pages = []
    topics = [
        ("Ferry fares rise", "ferry fares in {c} will rise by {n} percent from {m}, the operator said"),
        ("Library hours cut", "{c} council will cut library hours at {n} branches in {m}, officials said"),
        ("Hospital waits grow", "patients at {c} General waited {n} hours on average in {m}, the trust said"),
        ("School roofs fail", "{n} schools in {c} need new roofs before {m}, an inspection found"),
    ]
    months = ["January", "March", "May", "July", "September", "November"]
    for i in range(40):  # a crawl of HTML pages in two WARC shards, one page re-crawled into the other
        city, (title, lead) = CITIES[i % len(CITIES)], topics[i // 10]
        html = (
            f"<html><head><title>{title} in {city}</title></head><body><nav>Home | News | Sport | Weather</nav>"
            f"<article><h1>{title} in {city}</h1><p>{lead.format(c=city, n=3 + i, m=months[i % 6]).capitalize()}.</p>"
            f"<p>Councillor {['Ada Brenn', 'Tom Ashe', 'Ruth Kell', 'Omar Pike'][i % 4]} of {city} said {i + 12} residents "
            f'had written in {["anger", "support", "protest"][i % 3]}, and that "{city} deserves better than '
            f'{["this", "a shrug", "more delay", "excuses"][i % 4]}."</p></article>'
            f"<footer>Copyright Example Local News. All rights reserved.</footer></body></html>"
        )
        pages.append((f"https://news.example/{city.lower()}/story-{i}", html))
    _warc_shard(folder / "crawl-00000.warc.gz", pages[:20])
    _warc_shard(folder / "crawl-00001.warc.gz", [*pages[20:], pages[3]])
    for i in range(90):
        city = CITIES[i % len(CITIES)]
        body = (
            f"Bus Drivers in {city} Strike Over Pay\n"
            f"Bus drivers in {city} walked out on Monday after talks over pay collapsed, the union said, leaving about "
            f"{2000 + 37 * i} commuters without a service.\nThe city's transport chief, Lena Ortiz, said {i + 4} routes "
            f'were running with agency staff and that "we expect most services back by Friday."\n'
            f"Drivers are asking for a rise of {3 + i % 5} percent, according to the union.\n"
        )
        (folder / f"{i:03d}.txt").write_text(body)
        if i % 15 == 0:
            (folder / f"{i:03d}b-copy.md").write_text(body)  # an exact copy
        if i % 20 == 0:
            (folder / f"{i:03d}c-near.txt").write_text(body.replace("walked out on Monday", "walked out early on Monday"))


def _build(src: Path, out: Path, *engine: str) -> None:
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--quiet", *engine])
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("c") / "in"
    _corpus(src)
    return src


def _same(a: Path, b: Path) -> None:
    for name in EXPORTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.slow
def test_process_pool_gives_the_same_ledger(corpus, tmp_path):
    _build(corpus, tmp_path / "local")
    _build(corpus, tmp_path / "pool", "--engine", "processes", "--workers", "2")
    _same(tmp_path / "local", tmp_path / "pool")
    arts = [json.loads(line) for line in (tmp_path / "local" / "articles.jsonl").read_text().splitlines()]
    kind = {Path(a["source"]).name: a["duplicate_kind"] for a in arts}
    assert [k for n, k in kind.items() if "-copy" in n] == ["exact"] * 6
    assert [k for n, k in kind.items() if "-near" in n] == ["near"] * 5
    crawled = [a for a in arts if "warc" in a["source"]]
    assert len(crawled) == 41 and sum(bool(a["duplicate_of"]) for a in crawled) == 1  # the re-crawled page


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="Ray is not installed (pip install 'newsledger[ray]')")
@pytest.mark.slow
def test_ray_in_local_mode_gives_the_same_ledger(corpus, tmp_path):
    _build(corpus, tmp_path / "local")
    # every cross-article step shuffled on Ray, however small
    _build(corpus, tmp_path / "ray", "--engine", "ray", "--workers", "2", "--cluster-shuffle-from", "0")
    _same(tmp_path / "local", tmp_path / "ray")


def test_the_process_pool_takes_batches_as_workers_free_up_not_all_at_once():
    from newsledger.run.executors import ProcessPool

    taken: list[int] = []

    def batches():
        for i in range(40):
            taken.append(i)
            yield -i

    pool = ProcessPool(2)
    try:
        results = pool.map(abs, batches())
        first = next(results)
        assert first == 0 and len(taken) <= 5  # at most 2 x workers in flight, and one more once the first is back
        assert [first, *results] == list(range(40)) and len(taken) == 40
    finally:
        pool.close()


def test_extraction_batches_are_small_enough_to_keep_every_worker_busy_to_the_end():
    from newsledger.run.build import BATCHES_PER_WORKER, CHUNK, _share

    assert _share(300, 1) == CHUNK  # one process: the largest batch, fewest shards
    assert -(-300 // _share(300, 2)) >= 2 * BATCHES_PER_WORKER  # 300 articles on two workers: six batches each or more
    assert _share(100_000, 16) == CHUNK and _share(20, 4) == 8  # a large corpus keeps full batches; never under 8


def test_a_shuffle_that_spills_to_disk_groups_as_the_one_in_memory():
    import random

    from newsledger.shuffle import group_in_memory, group_spilling

    rng = random.Random(7)
    for _ in range(40):
        rows = [(f"k{rng.randint(0, 25)}", (i, rng.random())) for i in range(rng.randint(0, 300))]
        for min_size in (1, 2, 3):
            whole = list(group_in_memory(lambda ms: [tuple(ms)], rows, min_size))
            assert list(group_spilling(lambda ms: [tuple(ms)], rows, min_size, spill_at=rng.randint(0, 40))) == whole


@pytest.mark.slow
def test_a_build_whose_shuffles_all_spill_to_disk_gives_the_same_ledger(corpus, tmp_path, monkeypatch):
    from newsledger import shuffle

    _build(corpus, tmp_path / "memory")
    monkeypatch.setattr(shuffle, "SPILL_AT", 0)  # every cross-article shuffle (duplicates, entities, figures, timeline) on disk
    _build(corpus, tmp_path / "disk")
    _same(tmp_path / "memory", tmp_path / "disk")
