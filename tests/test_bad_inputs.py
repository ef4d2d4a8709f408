"""One bad input never costs the others: each made-up bad input is built beside a good article, and
the good one is still built, the bad one reported with its reason (end to end)."""

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsledger.cli import main

GOOD = "Ferry Resumes Service\n\nThe ferry to Torvik resumed service on Monday after a week of repairs, the operator said.\n"


def _nested(folder: Path) -> str:
    (folder / "deep.jsonl").write_text('{"text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    return "deep.jsonl"


def _surrogate(folder: Path) -> str:
    (folder / "lone.jsonl").write_text(
        '{"title": "Odd", "text": "A record with a lone \\ud800 surrogate in its text, read anyway."}\n'
    )
    return "lone.jsonl"


def _self_link(folder: Path) -> str:
    os.symlink(folder / "loop", folder / "loop")
    return "loop"


def _fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.txt")
    return "pipe.txt"


def _huge_number(folder: Path) -> str:
    (folder / "huge.txt").write_text("Debt Soars\n\nThe debt reached " + "9" * 320 + " dollars last year, officials said.\n")
    return "huge.txt"


def _empty_folder(folder: Path) -> str:
    (folder / "nothing").mkdir()
    return "nothing"


def _bad_fields(folder: Path) -> str:
    (folder / "fields.jsonl").write_text(
        json.dumps({"title": "Dated", "text": "The council met on Tuesday.", "date": [2013]}) + "\n"
    )
    return "fields.jsonl"


CASES = {
    "nested JSON": (_nested, "skipped", "nested too deeply"),
    "lone surrogate": (_surrogate, "read", None),
    "link to itself": (_self_link, "skipped", "link"),
    "named pipe": (_fifo, "skipped", "not a regular file"),
    "number too large": (_huge_number, "read", None),
    "empty folder": (_empty_folder, "skipped", "empty folder"),
    "unreadable date field": (_bad_fields, "read", None),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_input_beside_a_good_one(case, tmp_path):
    make, status, reason = CASES[case]
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(GOOD)
    name = make(src)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    arts = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert any(a["title"] == "Ferry Resumes Service" for a in arts)
    report = json.loads((out / "report.json").read_text())
    by = {Path(r["source"].split("#")[0]).name: r for r in report["input_reports"]}
    assert by[name]["status"] == status, by[name]
    if reason:
        assert reason in (by[name]["reason"] or "")
    for line in (out / "claims.jsonl").read_text().splitlines():
        assert "Infinity" not in line and "NaN" not in line
        json.loads(line)
    if case == "lone surrogate":
        assert any("\ufffd" in a["text"] for a in arts)
    if case == "unreadable date field":
        assert any("'date'" in w for w in by[name]["warnings"])


def test_a_malformed_url_is_reported_and_the_rest_built(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    res = CliRunner().invoke(
        main, ["build", str(tmp_path / "good.txt"), "http://[::1", "--out", str(tmp_path / "out"), "--quiet"]
    )
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    (bad,) = [r for r in report["input_reports"] if r["source"].startswith("http")]
    assert bad["status"] == "skipped" and "unreachable" in bad["reason"]


@pytest.mark.parametrize("option", [["--workers", "-1"], ["--limit", "-5"], ["--max-bytes", "0"]])
def test_option_values_are_checked(option, tmp_path):
    res = CliRunner().invoke(main, ["build", "x", "--out", str(tmp_path / "o"), *option])
    assert res.exit_code == 2 and "Invalid value" in res.output


def test_extract_costs_a_bad_record_only_that_record():
    lines = [
        json.dumps({"id": "a", "text": "Officials said 300 troops arrived.", "published": 2013}),
        json.dumps({"id": "b", "text": "x" * 1_000_001 + "\nThe port said 70 ships were waiting."}),  # past spaCy's limit
        json.dumps({"id": "c", "text": "The port said 40 ships were waiting."}),
    ]
    data = ("\n".join(lines) + "\n").encode() + b'{"id": "d", "text": "caf\xe9 owners said 12 shops closed."}\n'
    res = CliRunner().invoke(main, ["extract", "-"], input=data)
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert [r["id"] for r in out] == ["a", "b", "c", "d"]
    assert "'published' is not a date string" in res.stderr
    # a text over spaCy's million characters is read in pieces: its facts keep their place in the whole text
    (figure,) = [c for c in out[1]["quantities"] if c["value"] == 70]
    assert figure["start"] == 1_000_001 + len("\nThe port said ")


def test_a_second_build_into_the_same_folder_refuses_while_the_first_runs(tmp_path):
    import fcntl

    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".build.lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242")
        held.flush()
        res = CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(out), "--quiet"])
    assert res.exit_code == 1 and "another build is writing here (pid 4242)" in res.output
    res = CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output  # the lock is free again


def test_a_ledger_of_another_schema_version_is_refused_with_the_way_out(tmp_path):
    import sqlite3

    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(out), "--quiet"]).exit_code == 0
    with sqlite3.connect(out / "ledger.sqlite") as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(out), "--quiet"])
    assert res.exit_code == 1 and "schema version 1, written by an older newsledger" in res.output
    assert "ledger.sqlite.v1" in res.output and "Traceback" not in res.output


def test_a_damaged_ledger_is_named_with_the_way_out(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ledger.sqlite").write_bytes(b"this is not a database" * 100)
    res = CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(out), "--quiet"])
    assert res.exit_code == 1 and "the ledger is damaged" in res.output and "move it aside" in res.output
    assert "Traceback" not in res.output


def test_an_output_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "taken").write_text("a file where the folder should be")
    res = CliRunner().invoke(main, ["build", str(tmp_path / "good.txt"), "--out", str(tmp_path / "taken" / "out"), "--quiet"])
    assert res.exit_code == 1 and "cannot write to the output folder" in res.output and "Traceback" not in res.output


def test_utf16_text_with_its_byte_order_mark_is_read(tmp_path):
    (tmp_path / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(tmp_path / "wide.txt"), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    (art,) = [json.loads(line) for line in (out / "articles.jsonl").read_text().splitlines()]
    assert art["title"] == "Ferry Resumes Service"


def test_an_archive_with_no_html_response_says_so(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "images.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.0")
        writer.write_record(
            writer.create_warc_record("http://example.org/a.png", "response", payload=BytesIO(b"\\x89PNG"), http_headers=headers)
        )
    (tmp_path / "good.txt").write_text(GOOD)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(tmp_path), "--out", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    report = json.loads((out / "report.json").read_text())
    (warc,) = [r for r in report["input_reports"] if r["source"].endswith(".warc.gz")]
    assert warc["status"] == "skipped" and "no HTML response" in warc["reason"]


def test_a_long_text_read_in_pieces_gives_what_one_read_gives(monkeypatch):
    from newsledger.extract import stage

    text = "".join(f"Marta Bellini visited Varenna on day {i}.\nThe Kestrel ferry carried {i + 10} cars.\n" for i in range(12))
    whole = stage.extract_texts([("a" * 16, "s", text)])
    monkeypatch.setattr(stage, "LIGHT_CHUNK", 150)
    assert len(stage._pieces(text)) > 5 and "".join(p for _, p in stage._pieces(text)) == text
    assert all(p.endswith("\n") for _, p in stage._pieces(text)[:-1])  # cut after a line break
    pieces = stage.extract_texts([("a" * 16, "s", text)])
    assert [(m.start, m.end, m.label) for m in pieces.mentions] == [(m.start, m.end, m.label) for m in whole.mentions]
    assert [(c.span.start, c.value) for c in pieces.claims] == [(c.span.start, c.value) for c in whole.claims]


def test_an_article_of_endless_sentences_is_parsed_up_to_a_budget_and_says_so(monkeypatch):
    from newsledger.extract import stage

    monkeypatch.setattr(stage, "MAX_PARSED_SENTENCES", 5)
    text = "".join(f"Pier {i} received {i + 3} boats.\n" for i in range(12))
    facts = stage.extract_texts([("a" * 16, "s", text)])
    assert facts.parsed == 5 and facts.sentences == 12
    assert facts.claims and max(c.span.start for c in facts.claims) < text.index("Pier 5 ")  # the rest unparsed
    (note,) = facts.errors
    assert "7 sentence(s) past the first 5 parsed were not parsed" in note and note.startswith("a" * 16)


def test_a_text_with_no_full_stops_keeps_each_fact_with_a_window_of_context_not_the_whole():
    from newsledger.extract import stage

    filler = " ".join(["the ferry crossed the bay"] * 800)  # about 20,000 characters, no full stop
    text = f"{filler} while Marta Bellini waited in Varenna on Monday {filler}"
    facts = stage.extract_texts([("a" * 16, "s", text, "2016-09-14")])
    (bellini,) = [m for m in facts.mentions if m.text == "Marta Bellini"]
    assert "Marta Bellini" in bellini.sentence and len(bellini.sentence) <= 2 * stage.CONTEXT_CHARS + 20
    (monday,) = [t for t in facts.times if t.text == "Monday"]
    where = monday.span
    assert where.sentence[where.start - where.sentence_start : where.end - where.sentence_start] == "Monday"


def test_an_input_over_its_time_budget_is_stopped_and_reported_and_the_others_kept(tmp_path, monkeypatch):
    import time

    from newsledger import budget
    from newsledger.extract import stage
    from newsledger.run import build as build_module

    real_clean, real_times = build_module.clean_document, stage.find_timexes

    def slow_clean(doc):
        if "stall the cleaner" in doc.content:
            time.sleep(5)
        return real_clean(doc)

    def slow_times(text, anchor=None):
        if "stall the parser" in text:
            time.sleep(5)
        return real_times(text, anchor)

    monkeypatch.setattr(build_module, "clean_document", slow_clean)
    monkeypatch.setattr(stage, "find_timexes", slow_times)
    monkeypatch.setattr(budget, "CLEAN_SECONDS", 0.5)
    monkeypatch.setattr(budget, "EXTRACT_SECONDS", 0.5)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Ferry Resumes\n\nThe Kestrel ferry resumed service with 40 crew on Monday.\n")
    (src / "b.txt").write_text("Odd Page\n\nThese words stall the cleaner for a long time.\n")
    (src / "c.txt").write_text("Port Reopens\n\nThe port reopened, and these words stall the parser for a while.\n")
    started = time.monotonic()
    result = build_module.build([str(src)], tmp_path / "out", progress=False)
    assert time.monotonic() - started < 30
    report = {r.source.split("/")[-1]: r for r in result.reports}
    assert report["b.txt"].articles == 0 and any("cleaning took longer than 0.5 s" in e for e in report["b.txt"].errors)
    assert any("extraction took longer than 0.5 s" in e for e in result.extraction_errors)
    claims = [json.loads(line) for line in result.outputs["claims"].read_text().splitlines()]
    assert {c["value"] for c in claims} == {40.0}  # the good article's figure is kept


def test_html_nested_deeper_than_the_tree_parser_reads_still_gives_its_text(tmp_path):
    depth = 3000
    page = "<html><body>" + "<div>" * depth + "<h1>Harbour reopens</h1><p>The Halden harbour reopened on Monday after a"
    page += " strike that halted 40 ships, the union said.</p>" + "</div>" * depth + "<script>var x=1;</script></body></html>"
    (tmp_path / "deep.html").write_text(page)
    res = CliRunner().invoke(main, ["build", str(tmp_path / "deep.html"), "--out", str(tmp_path / "o"), "--quiet"])
    assert res.exit_code == 0, res.output
    (art,) = [json.loads(line) for line in (tmp_path / "o" / "articles.jsonl").open()]
    assert "halted 40 ships" in art["text"] and "var x" not in art["text"]


def _hostile_corpus(folder, seed: int, n: int = 36) -> list[str]:
    """A seeded generator of adversarial inputs: random bytes, random and broken Unicode, broken
    JSON Lines, tag soup, pathological repetitions, each with a plausible name."""
    import random

    rng = random.Random(seed)
    alphabet = "aé漢\u200b\ufeff\x00\x1b\n\t \"'“”$%,.-0123456789<>&;:[]{}()" + "\ud7ff"
    words = ["said", "the", "port", "$", "1,200", "on", "Monday", "“", "”", "percent", "troops", "<p>", "</div>", "\\u0000"]
    names = []
    for i in range(n):
        kind = i % 6
        if kind == 0:
            name, data = f"r{i}.txt", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        elif kind == 1:
            name, data = (
                f"u{i}.txt",
                "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 4000))).encode("utf-8", "replace"),
            )
        elif kind == 2:
            lines = [json.dumps({"text": " ".join(rng.choice(words) for _ in range(rng.randrange(0, 60))),
                                 rng.choice(["published", "date", "title", "url"]): rng.choice([None, 3, [], {}, "x", "2024-13-45"])})
                     for _ in range(rng.randrange(1, 5))]  # fmt: skip
            lines.insert(rng.randrange(len(lines) + 1), '{"text": ' + rng.choice(['"unterminated', "[[[[", "null", "1e999"]))
            name, data = f"j{i}.jsonl", "\n".join(lines).encode()
        elif kind == 3:
            tags = [
                "<div>",
                "</div>",
                "<p>",
                "</p>",
                "<script>",
                "</script>",
                "<table><tr><td>",
                "<!--",
                "-->",
                "<h1>",
                "&amp;",
                "&#0;",
            ]
            soup = "".join(rng.choice(tags) + rng.choice(words) + " " for _ in range(rng.randrange(1, 400)))
            name, data = f"h{i}.html", soup.encode()
        elif kind == 4:
            unit = rng.choice(['said "', "$,", "1-1 ", "“", "Mr. ", "-" * 50, "12,345,678,901,234,567 "])
            name, data = f"p{i}.txt", ("Headline\n\n" + unit * rng.randrange(100, 3000)).encode()
        else:
            name, data = f"e{i}.txt", b""
        (folder / name).write_bytes(data)
        names.append(name)
    return names


@pytest.mark.parametrize("seed", [1, 2])
def test_property_no_adversarial_input_escapes_the_guard_and_every_input_is_reported(tmp_path, seed):
    src = tmp_path / "in"
    src.mkdir()
    names = _hostile_corpus(src, seed)
    (src / "good.txt").write_text(GOOD)
    res = CliRunner().invoke(main, ["build", str(src), "--out", str(tmp_path / "o"), "--quiet"])
    assert res.exit_code == 0, res.output
    assert res.exception is None and "Traceback" not in res.output
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    reported = {r["source"].rsplit("/", 1)[-1]: r for r in report["input_reports"]}
    assert set(names) | {"good.txt"} <= reported.keys()  # every input accounted for
    assert all(r["status"] in ("read", "partial", "skipped") for r in reported.values())
    assert all(r["reason"] for r in reported.values() if r["status"] != "read")  # never skipped without a word why
    assert reported["good.txt"]["status"] == "read" and reported["good.txt"]["articles"] == 1
