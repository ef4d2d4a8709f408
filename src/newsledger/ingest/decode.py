"""Bytes to text, refusing what is not text and repairing mixed encodings line by line."""

from __future__ import annotations

import charset_normalizer

_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "an SQLite database",
}


class DecodeError(ValueError):
    """The bytes are not usable text; the message is the reason shown to the user."""


def _control_ratio(sample: bytes) -> float:
    if not sample:
        return 0.0
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample)


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Decode page bytes; return the text and warnings (e.g. about mixed encodings).

    UTF-8 is tried first (most pages are UTF-8, and a strict decode is a reliable test). When
    it fails, each line is decoded on its own, so a file pasted together from a UTF-8 and a
    Windows-1252 source keeps both halves readable; a file in one legacy encoding is handed to
    charset-normalizer.
    """
    if not data.strip():
        raise DecodeError("empty input")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DecodeError(f"binary content ({what}), not text")
    sample = data[:65536]
    if b"\x00" in sample and not (sample.startswith(b"\xff\xfe") or sample.startswith(b"\xfe\xff")):
        raise DecodeError("binary content (NUL bytes), not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte-order mark: its NULs are text
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise DecodeError(f"undecodable UTF-16 ({exc.reason})") from exc
    if _control_ratio(sample) > 0.05:
        raise DecodeError("binary content (control characters), not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8_lines = legacy_lines = 0
    out: list[str] = []
    for raw in lines:
        try:
            line = raw.decode("utf-8")
            if any(b > 127 for b in raw):
                utf8_lines += 1
        except UnicodeDecodeError:
            line = raw.decode("cp1252", errors="replace")
            legacy_lines += 1
        out.append(line)
    if utf8_lines and legacy_lines:
        return "\n".join(out), [f"mixed encodings: {utf8_lines} line(s) UTF-8, {legacy_lines} line(s) decoded as Windows-1252"]
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    text = str(best)
    if "\ufffd" in text and text.count("\ufffd") > len(text) / 100:
        raise DecodeError(f"undecodable: too many invalid characters as {best.encoding}")
    return text, [f"decoded as {best.encoding}"]
