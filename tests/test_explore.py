"""The explorer: newsledger's pages on Datasette, as JSON (unit) and as a person uses them in real
Chromium (end to end): search, land on the sentence, follow a speaker, back and forward."""

import asyncio
import shutil
import socket
import sqlite3
import threading
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from newsledger.cli import main, serve
from newsledger.explore.serve import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

STRIKE_1 = """Dock Strike Spreads to Second Port
Dock workers at the northern port of Halden walked out on Monday, the union said, joining a strike that has halted about 40 ships. <script>document.title='pwned'</script>
"We will not go back until the pay offer is fair," union leader Marta Bellini said on Monday, pointing members to [the union site](javascript:alert(1)) for news.
The port authority said more than 12,000 containers were waiting at Halden.
"""
STRIKE_2 = """Port Strike Enters Second Week
Officials said only 3,000 containers were waiting at Halden on Monday, far fewer than the union claimed.
Marta Bellini said the union would meet the port authority on Wednesday.
"""
BAKERY = """Village Bakery Wins National Bread Prize
A family bakery in the village of Ostby won the national bread prize for its rye loaf, the jury said.
The baker, Jonas Lind, said the recipe came from his grandmother and used no added sugar.
"""


def _build(src: Path, out: Path) -> None:
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output


@pytest.fixture(scope="module")
def ledger(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("in")
    (src / "strike1.txt").write_text(STRIKE_1)
    (src / "strike2.txt").write_text(STRIKE_2)
    (src / "bakery.txt").write_text(BAKERY)
    out = tmp_path_factory.mktemp("out")
    _build(src, out)
    return out


def _get(out: Path, *paths: str) -> list[httpx.Response]:
    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app(out / "ledger.sqlite")), base_url="http://t") as c:
            return [await c.get(p) for p in paths]

    return asyncio.run(run())


def test_pages_as_json_link_stories_figures_speakers_and_sentences(ledger):
    home, search = _get(ledger, "/-/newsledger/index.json", "/-/newsledger/search.json?q=containers&kind=figure")
    stories = home.json()["stories"]
    assert sorted(s["articles"] for s in stories) == [1, 2]
    strike = next(s for s in stories if s["articles"] == 2)
    hits = search.json()["results"]
    assert hits and all(h["kind"] == "figure" and h["story_id"] == strike["id"] for h in hits)
    assert "\u0001containers\u0002" in hits[0]["snippet"]
    (page,) = _get(ledger, f"/-/newsledger/story/{strike['id']}.json")
    data = page.json()
    (group,) = [g for g in data["figure_groups"] if g["unit"] == "container"]
    assert group["claims"] == 2 and group["conflicts"] == 1
    speaker = next(q for q in data["quotes"] if q["speaker"] == "Marta Bellini")
    (ent,) = _get(ledger, f"/-/newsledger/entity/{speaker['entity_id']}.json")
    assert ent.json()["entity"]["name"] == "Marta Bellini"
    assert {"direct", "indirect"} <= {q["kind"] for q in ent.json()["quotes"]}  # her words in both articles, one person
    (csv,) = _get(ledger, "/-/newsledger/search.csv?q=bakery")
    assert csv.text.splitlines()[0].startswith("kind,ref,article_id")


def test_the_home_page_pages_through_every_story(ledger, monkeypatch):
    from newsledger.explore import pages

    monkeypatch.setattr(pages, "CAP", 1)
    first, second, third, html = _get(
        ledger, "/-/newsledger/index.json", "/-/newsledger/index.json?page=2", "/-/newsledger/index.json?page=3",
        "/-/newsledger/?page=2",
    )  # fmt: skip
    one, two, three = first.json(), second.json(), third.json()
    assert one["more"] and not two["more"] and three["stories"] == []
    assert {one["stories"][0]["id"], two["stories"][0]["id"]} == {r["id"] for r in _stories(ledger)}
    assert 'rel="prev" href="?page=1"' in html.text and 'rel="next"' not in html.text


def _stories(out: Path) -> list[dict]:
    with sqlite3.connect(out / "ledger.sqlite") as db:
        return [{"id": r[0]} for r in db.execute("SELECT id FROM stories")]


def test_hostile_text_is_shown_as_text_and_pages_allow_no_script(ledger):
    home, search = _get(ledger, "/-/newsledger/", "/-/newsledger/search?q=pwned")
    csp = home.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
    hit = search.text
    assert "<script>" not in hit and "&lt;script&gt;" in hit
    (article,) = _get(ledger, search.text.split('class="hit" href="', 1)[1].split("#", 1)[0])
    assert article.status_code == 200
    assert "<script>document" not in article.text and "script&gt;document.title=&#39;pwned" in article.text
    assert 'href="javascript:' not in article.text and "javascript:alert(1)" in article.text  # shown, never a link
    (missing,) = _get(ledger, "/-/newsledger/story/ffffffffffffffff")
    assert missing.status_code == 404


def test_the_app_writes_nothing_and_listens_on_this_machine_only(ledger):
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"
    before = sqlite3.connect(ledger / "ledger.sqlite").execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    (attempt,) = _get(ledger, "/ledger.json?sql=DELETE+FROM+articles")
    assert attempt.status_code >= 400
    assert sqlite3.connect(ledger / "ledger.sqlite").execute("SELECT COUNT(*) FROM articles").fetchone()[0] == before


def test_a_build_while_the_app_runs_shows_on_the_next_page_load(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "bakery.txt").write_text(BAKERY)
    out = tmp_path / "out"
    _build(src, out)
    application = app(out / "ledger.sqlite")

    async def totals() -> int:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=application), base_url="http://t") as c:
            return (await c.get("/-/newsledger/index.json")).json()["totals"]["articles"]

    assert asyncio.run(totals()) == 1
    (src / "strike1.txt").write_text(STRIKE_1)
    _build(src, out)
    assert asyncio.run(totals()) == 2


@pytest.fixture(scope="module")
def server(ledger):
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(app(ledger / "ledger.sqlite"), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (CI installs it: see .ci/run)")
def test_explorer_in_a_real_browser(server):
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{server}/-/newsledger/")
        assert page.locator("table a", has_text="Strike").count() == 1 and page.locator("table a").count() == 2
        # type a search, open a result, land on the highlighted sentence
        page.get_by_role("searchbox").fill("containers waiting")
        page.get_by_role("button", name="Search").click()
        page.wait_for_url("**/search?q=*")
        results_url = page.url
        hit = page.locator("a.hit").first
        assert "containers" in hit.locator("mark").first.inner_text()
        hit.click()
        page.wait_for_url("**/article/**")
        target = page.locator(".s:target")
        assert target.count() == 1 and target.is_visible() and "containers" in target.inner_text()
        assert target.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(253, 230, 138)"
        assert page.title() != "pwned"
        # back and forward
        page.go_back()
        assert page.url == results_url and page.locator("a.hit").count() >= 1
        page.go_forward()
        assert "/article/" in page.url
        # the story: its figure chart shows every claim; a speaker opens the entity
        page.locator("a", has_text="story").first.click()
        group = page.locator(".group", has_text="container")
        claims = int(group.get_attribute("data-claims"))
        assert claims == 2 and group.locator("svg title").count() == claims
        page.locator("a.speaker", has_text="Marta Bellini").first.click()
        page.wait_for_url("**/entity/**")
        assert page.locator("h1").inner_text() == "Marta Bellini"
        assert page.locator(".quote").count() >= 2 and page.locator(".quote", has_text="pay offer is fair").count() == 1
        browser.close()
    assert all(u.startswith(server) for u in requests), requests
    assert not [e for e in errors if "Content Security Policy" in e], errors
