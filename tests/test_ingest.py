"""Unit and stage tests for the readers: every kind of input, and every kind of bad input."""

import gzip
import http.server
import io
import json
import os
import threading
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsledger.ingest import ReadError, expand_inputs, read_input
from newsledger.ingest.decode import DecodeError, decode_bytes

PAGE = "<html><head><title>Port strike</title></head><body><article><h1>Port strike</h1><p>Dock workers walked out on Monday over pay, the union said, halting container traffic at the country's largest port for the first time in a decade.</p></article></body></html>"


def _read(path) -> tuple[list, list[ReadError]]:
    items = list(read_input(str(path)))
    return [i for i in items if not isinstance(i, ReadError)], [i for i in items if isinstance(i, ReadError)]


def test_decode_rejects_empty_and_binary():
    with pytest.raises(DecodeError, match="empty"):
        decode_bytes(b"  \n ")
    with pytest.raises(DecodeError, match="PNG"):
        decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(bytes(range(256)) * 4)


def test_decode_repairs_mixed_encodings_line_by_line():
    data = "Kyiv’s mayor said “enough”.\n".encode() + "The café closed – for now.\n".encode("cp1252")
    text, warnings = decode_bytes(data)
    assert "Kyiv’s mayor" in text and "The café closed – for now." in text
    assert warnings and "mixed encodings" in warnings[0]


def test_html_gz_and_text_are_read_with_stable_ids(tmp_path):
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "b.txt").write_text("Plain text page with enough words to be an article body, said officials.")
    docs_a, _ = _read(tmp_path / "a.html.gz")
    docs_a2, _ = _read(tmp_path / "a.html.gz")
    docs_b, _ = _read(tmp_path / "b.txt")
    assert docs_a[0].format == "html" and docs_b[0].format == "text"
    assert docs_a[0].id == docs_a2[0].id != docs_b[0].id


def test_truncated_gzip_is_an_error_naming_the_input(tmp_path):
    bad = tmp_path / "cut.html.gz"
    bad.write_bytes(gzip.compress(PAGE.encode() * 50)[:120])
    docs, errors = _read(bad)
    assert not docs and "cut.html.gz" in str(errors[0]) and "gzip" in errors[0].reason


def test_too_large_file_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    items = list(read_input(str(big), max_bytes=100))
    assert isinstance(items[0], ReadError) and "too large" in items[0].reason


def test_jsonl_keeps_good_lines_and_reports_bad_ones(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"text": "First story text, long enough.", "url": "https://n.example/2024/05/02/a", "published": "2024-05-02"}
        ),
        "{not json",
        json.dumps({"html": PAGE, "title": "Port strike"}),
        json.dumps({"url": "https://n.example/x"}),
    ]
    f.write_text("\n".join(lines) + "\n")
    docs, errors = _read(f)
    assert [d.format for d in docs] == ["text", "html"]
    assert docs[0].published == "2024-05-02" and docs[1].title == "Port strike"
    assert [e.source for e in errors] == [f"{f}#L2", f"{f}#L4"]
    assert "malformed JSON" in errors[0].reason and "no 'html' or 'text'" in errors[1].reason


def _warc(records: int) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for i in range(records):
        payload = PAGE.replace("Monday", f"day {i}").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"https://news.example/2024/06/0{i + 1}/story", "response", payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_records_have_url_and_fetch_date(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(_warc(2))
    docs, errors = _read(f)
    assert not errors
    assert [d.url for d in docs] == ["https://news.example/2024/06/01/story", "https://news.example/2024/06/02/story"]
    assert all(d.fetched and len(d.fetched) == 10 for d in docs)


def test_truncated_warc_keeps_records_before_the_cut(tmp_path):
    data = _warc(3)
    f = tmp_path / "cut.warc.gz"
    f.write_bytes(data[: int(len(data) * 0.8)])
    docs, errors = _read(f)
    assert 1 <= len(docs) < 3
    assert errors and "truncated or corrupt WARC" in errors[0].reason


def test_directory_loop_is_reported_and_walk_finishes(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "page.txt").write_text("text")
    os.symlink(tmp_path, tmp_path / "a" / "back")
    out = list(expand_inputs([str(tmp_path)]))
    files = [o for o in out if isinstance(o, str)]
    loops = [o for o in out if isinstance(o, ReadError)]
    assert files == [str(tmp_path / "a" / "page.txt")]
    assert loops and "directory loop" in loops[0].reason


def test_missing_path_is_reported():
    (err,) = list(expand_inputs(["/no/such/place.txt"]))
    assert isinstance(err, ReadError) and err.reason == "no such file or directory"


@pytest.fixture
def server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path == "/slow":  # a server that answers a byte at a time
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                for ch in PAGE.encode()[:200]:
                    self.wfile.write(bytes([ch]))
                    self.wfile.flush()
                    time.sleep(0.05)
                return
            if self.path == "/2024/07/01/story.html":
                body = PAGE.encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_from_local_server(server):
    (doc,) = list(read_input(f"{server}/2024/07/01/story.html"))
    assert doc.format == "html" and doc.url.endswith("/2024/07/01/story.html") and doc.fetched


def test_a_server_that_answers_a_byte_at_a_time_is_given_up_on_after_the_deadline(server):
    from newsledger.ingest.readers import _read_url

    started = time.monotonic()
    (slow,) = list(_read_url(f"{server}/slow", 1_000_000, timeout=5, deadline=1.0))
    assert isinstance(slow, ReadError) and "too slow" in slow.reason and "1 s" in slow.reason
    assert time.monotonic() - started < 4


def test_http_error_and_unreachable_url_are_reported(server):
    (err404,) = list(read_input(f"{server}/missing"))
    assert isinstance(err404, ReadError) and "404" in err404.reason
    (down,) = list(read_input("http://127.0.0.1:9/", timeout=2))
    assert isinstance(down, ReadError) and "unreachable" in down.reason


def test_binary_file_with_text_extension_is_refused(tmp_path: Path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    (err,) = list(read_input(str(f)))
    assert isinstance(err, ReadError) and "JPEG" in err.reason
