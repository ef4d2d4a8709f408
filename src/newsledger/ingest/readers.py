"""Readers for every kind of input. Each yields ``Document``s and ``ReadError``s, never raises.

An input that fails in the middle (a truncated gzip or WARC, a bad JSON line) keeps what was
read before the failure, so nothing readable is lost.
"""

from __future__ import annotations

import fnmatch
import gzip
import http.client
import io
import json
import os
import re
import stat
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsledger.ingest.decode import DecodeError, decode_bytes
from newsledger.model import Document, content_id

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")


class ReadError(Exception):
    """One input (or one record inside it) that could not be read, and why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(source, reason)
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def expand_inputs(specs: list[str], glob: str | None = None) -> Iterator[str | ReadError]:
    """Expand folders recursively (following links, refusing loops) into input names; with
    ``glob``, only files whose name matches it are taken from folders ("*.warc.gz")."""
    for spec in specs:
        if is_url(spec):
            yield spec
            continue
        path = Path(spec)
        if not path.exists():
            yield ReadError(spec, "no such file or directory")
        elif path.is_dir():
            for item in _walk(path, set()):
                if glob is None or isinstance(item, ReadError) or fnmatch.fnmatch(Path(item).name, glob):
                    yield item
        else:
            yield spec


def _walk(folder: Path, seen: set[tuple[int, int]]) -> Iterator[str | ReadError]:
    try:
        st = folder.stat()
    except OSError as exc:
        yield ReadError(str(folder), f"cannot open folder ({exc.strerror})")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        yield ReadError(str(folder), "directory loop (a link back to a folder already being read); skipped")
        return
    seen = seen | {key}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield ReadError(str(folder), f"cannot list folder ({exc.strerror})")
        return
    if not entries:
        yield ReadError(str(folder), "empty folder (no files in it)")
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(follow_symlinks=True), entry.is_file(follow_symlinks=True)
        except OSError as exc:  # a link to itself: "too many levels of symbolic links"
            yield ReadError(str(path), f"unreadable link ({exc.strerror}); skipped")
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif is_file or not entry.is_symlink():
            yield str(path)  # a pipe or device is refused, with its reason, when it is read
        else:
            yield ReadError(str(path), "broken link")


def _kind(name: str) -> str | None:
    low = name.lower()
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    if low.endswith(".gz"):
        low = low[:-3]
    if low.endswith(TEXT_SUFFIXES):
        return "text"
    if low.endswith(HTML_SUFFIXES):
        return "html"
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return None


def _sniff(text: str) -> str:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<html" in head:
        return "html"
    return "text"


def shown_name(path: str, spec: str) -> str:
    """The name an input is recorded under: as the user wrote it, never a machine's absolute path.

    A URL is itself; a relative path stays as given ("corpus/a.txt"); a file found under an
    absolute path is named from the folder the user named ("/data/crawl" gives "crawl/a.txt"),
    and an absolute file path by its file name."""
    if is_url(path) or not Path(path).is_absolute():
        return path
    root = Path(spec)
    try:
        return str(Path(path).relative_to(root.parent if root.parent != root else root))
    except ValueError:
        return Path(path).name or path


def read_input(
    spec: str, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = 15.0, name: str | None = None
) -> Iterator[Document | ReadError]:
    """Read one input (a file path or a URL) into documents, recorded under ``name`` (default:
    the path as given)."""
    label = name or spec
    if is_url(spec):
        yield from _read_url(spec, max_bytes, timeout)
        return
    kind = _kind(spec)
    if kind == "warc":
        yield from _read_warc(spec, max_bytes, label)
        return
    try:
        st = os.stat(spec)
    except OSError as exc:
        yield ReadError(label, f"cannot read ({exc.strerror})")
        return
    if not stat.S_ISREG(st.st_mode):  # a named pipe, device or socket would block or never end
        yield ReadError(label, "not a regular file (a pipe, device or socket); skipped")
        return
    size = st.st_size
    if size > max_bytes:
        yield ReadError(label, f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB, see --max-bytes)")
        return
    try:
        data = _read_bytes(spec, max_bytes, label)
    except ReadError as err:
        yield err
        return
    if kind == "jsonl":
        yield from _read_jsonl(label, data)
        return
    try:
        text, warnings = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError(label, str(exc))
        return
    fmt = kind or _sniff(text)
    yield Document(id=content_id(data), source=label, format=fmt, content=text, warnings=warnings)  # type: ignore[arg-type]


def _read_bytes(spec: str, max_bytes: int, label: str) -> bytes:
    try:
        with open(spec, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(label, f"cannot read ({exc.strerror})") from exc
    if data[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
                data = gz.read(max_bytes + 1)
        except (EOFError, zlib.error, OSError) as exc:
            raise ReadError(label, f"truncated or corrupt gzip ({exc})") from exc
        if len(data) > max_bytes:
            raise ReadError(label, f"too large once unpacked (over {max_bytes / 1e6:.0f} MB)")
    return data


def _read_jsonl(spec: str, data: bytes) -> Iterator[Document | ReadError]:
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{spec}#L{lineno}"
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadError(where, f"malformed JSON line ({exc})")
            continue
        except RecursionError:
            yield ReadError(where, "JSON line nested too deeply to read")
            continue
        obj = _no_lone_surrogates(obj)
        if not isinstance(obj, dict):
            yield ReadError(where, "JSON line is not an object")
            continue
        html, text = obj.get("html"), obj.get("text")
        body = html if isinstance(html, str) and html.strip() else text
        if not isinstance(body, str) or not body.strip():
            yield ReadError(where, "JSON line has no 'html' or 'text' field with content")
            continue
        fmt = "html" if body is html else "text"
        warnings: list[str] = []
        published = _field(obj, DATE_FIELDS, "a publication date", warnings)
        outlet = _field(obj, OUTLET_FIELDS, "an outlet name", warnings)
        yield Document(
            id=content_id(body),
            source=where,
            format=fmt,  # type: ignore[arg-type]
            content=body,
            url=_str_or_none(obj.get("url")),
            title=_str_or_none(obj.get("title")),
            published=published,
            outlet=outlet,
            warnings=warnings,
            record=True,
        )


# the names news datasets give a record's publication date and its outlet, in order of preference
DATE_FIELDS = ("published", "date", "date_publish", "publish_date", "pubDate", "published_at", "publishedAt")
OUTLET_FIELDS = ("outlet", "site_name", "sitename", "publisher", "source")


def _field(obj: dict, names: tuple[str, ...], what: str, warnings: list[str]) -> str | None:
    """The first of ``names`` the record holds as text (or as an object's ``name``, as
    ``{"source": {"name": ...}}`` is written); a field present but unreadable is a warning."""
    for key in names:
        if key not in obj or obj[key] is None:
            continue
        value = obj[key]
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
        warnings.append(f"field '{key}' is not {what} ({type(obj[key]).__name__}); ignored")
    return None


def _no_lone_surrogates(value: object) -> object:
    """A record's strings with any lone surrogate ("\\ud800", which no file can hold) replaced by U+FFFD."""
    if isinstance(value, str):
        return re.sub(r"[\ud800-\udfff]", "\ufffd", value)
    if isinstance(value, dict):
        return {k: _no_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_lone_surrogates(v) for v in value]
    return value


def _str_or_none(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _read_warc(spec: str, max_bytes: int, label: str) -> Iterator[Document | ReadError]:
    count = 0
    end = 0  # file offset just past the last whole record
    html = 0  # HTML responses met, read or not
    try:
        size = os.path.getsize(spec)
        with open(spec, "rb") as fh:
            records = ArchiveIterator(fh)
            for record in records:
                item = _warc_document(label, record, max_bytes)
                records.read_to_end(record)
                end = records.get_record_offset() + records.get_record_length()
                if item is not None:
                    count += isinstance(item, Document)
                    html += 1
                    yield item
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        yield ReadError(label, f"truncated or corrupt WARC after {count} record(s) ({str(exc).splitlines()[0][:120]})")
        return
    if end < size:
        yield ReadError(label, f"truncated or corrupt WARC after {count} record(s) ({size - end} trailing bytes unreadable)")
    elif html == 0:
        yield ReadError(label, "no HTML response in this archive (requests, metadata or other content types only)")


def _warc_document(spec: str, record: object, max_bytes: int) -> Document | ReadError | None:
    """An HTML response record as a document; other records (requests, metadata) as None."""
    if record.rec_type != "response":  # type: ignore[attr-defined]
        return None
    headers = record.http_headers  # type: ignore[attr-defined]
    ctype = (headers.get_header("Content-Type") if headers else "") or ""
    if "html" not in ctype.lower():
        return None
    rec_headers = record.rec_headers  # type: ignore[attr-defined]
    url = rec_headers.get_header("WARC-Target-URI")
    where = f"{spec}#{url}"
    payload = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(payload) > max_bytes:
        return ReadError(where, "WARC record too large")
    try:
        text, warnings = decode_bytes(payload)
    except DecodeError as exc:
        return ReadError(where, str(exc))
    return Document(
        id=content_id(payload),
        source=where,
        format="html",
        content=text,
        url=url,
        fetched=(rec_headers.get_header("WARC-Date") or "")[:10] or None,
        warnings=warnings,
    )


URL_DEADLINE = 60.0  # seconds a whole page may take to arrive (``timeout`` bounds each wait for a byte)


class _TooSlow(Exception):
    pass


def _read_within(resp: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    """The response body up to ``max_bytes`` + 1 bytes, read in pieces until ``deadline`` (a
    monotonic time): a server that answers a byte at a time cannot hold the build."""
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        if time.monotonic() > deadline:
            raise _TooSlow
        chunk = resp.read1(65536)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_url(url: str, max_bytes: int, timeout: float, deadline: float | None = None) -> Iterator[Document | ReadError]:
    total = URL_DEADLINE if deadline is None else deadline
    try:
        request = urllib.request.Request(url, headers={"User-Agent": "newsledger/0.1 (+offline news ledger)"})
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            data = _read_within(resp, max_bytes, time.monotonic() + total)
            ctype = resp.headers.get("Content-Type", "") or ""
            final_url = resp.geturl()
    except _TooSlow:
        yield ReadError(url, f"too slow: the page had not arrived after {total:g} s")
        return
    except urllib.error.HTTPError as exc:
        yield ReadError(url, f"HTTP error {exc.code} {exc.reason}")
        return
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        yield ReadError(url, f"unreachable ({reason})")
        return
    if len(data) > max_bytes:
        yield ReadError(url, f"too large (over {max_bytes / 1e6:.0f} MB)")
        return
    try:
        text, warnings = decode_bytes(data)
    except DecodeError as exc:
        yield ReadError(url, str(exc))
        return
    fmt = "html" if "html" in ctype.lower() else ("text" if "text/plain" in ctype.lower() else _sniff(text))
    yield Document(
        id=content_id(data),
        source=url,
        format=fmt,  # type: ignore[arg-type]
        content=text,
        url=final_url,
        fetched=datetime.now(UTC).date().isoformat(),
        warnings=warnings,
    )
