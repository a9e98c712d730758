"""Decode a dump file's bytes into text, or say in one line why it is not a text file."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# BOMs are checked longest first so that UTF-8's three bytes win over nothing else.
_BOM_ENCODINGS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Dump files are kilobytes to a few megabytes; a larger "dump" is something else, and reading it
# whole would cost memory and minutes. Documented in the README.
MAX_DUMP_BYTES = 32 * 1024 * 1024

_DISALLOWED_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05


class ReadError(Exception):
    """The bytes are not a text dump; the message is one line naming the reason."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A dump's text (newlines normalised to ``\\n``) and the encoding it was read with."""

    text: str
    encoding: str


def decode_bytes(data: bytes) -> DecodedText:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 text.

    Raises :class:`ReadError` for empty files, binary files and bytes that no supported
    encoding accepts.
    """
    if not data:
        raise ReadError("empty file")
    if len(data) > MAX_DUMP_BYTES:
        raise ReadError(too_large_message(len(data)))
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            raise ReadError(f"not a text file (looks like {kind})")
    encoding, body = _split_bom(data)
    if encoding is not None:
        text = _decode_strict(body, encoding)
        if text is None:
            raise ReadError(f"invalid {encoding.removesuffix('-sig').upper()} text after its BOM")
    else:
        if b"\x00" in data:
            guessed = _utf16_without_bom(data)
            if guessed is None:
                raise ReadError("not a text file (contains NUL bytes)")
            text, encoding = guessed
        else:
            text, encoding = _decode_without_bom(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _reject_binary_text(text)
    if not text.strip():
        raise ReadError("empty file (whitespace only)")
    return DecodedText(text, encoding)


def too_large_message(size: int) -> str:
    limit = MAX_DUMP_BYTES // (1024 * 1024)
    return f"too large ({size / (1024 * 1024):.0f} MB; dump files of up to {limit} MB are read)"


def _split_bom(data: bytes) -> tuple[str | None, bytes]:
    for bom, encoding in _BOM_ENCODINGS:
        if data.startswith(bom):
            return encoding, data if encoding == "utf-8-sig" else data[len(bom) :]
    return None, data


def _decode_strict(data: bytes, encoding: str) -> str | None:
    """Decode, forgiving only an incomplete last character (a file cut off mid-download)."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        cut_short = error.reason == "unexpected end of data" and error.start > 0
        if encoding.startswith("utf") and cut_short:
            try:
                return data[: error.start].decode(encoding)
            except UnicodeDecodeError:
                return None
        return None


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    text = _decode_strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    # Before GBK takes the whole file (and turns its UTF-8 lines into mojibake): a file pieced
    # together from UTF-8 and GBK sources decodes line by line.
    mixed = _decode_mixed_lines(data)
    if mixed is not None:
        return mixed, "utf-8+gb18030"
    for encoding in ("gbk", "gb18030"):
        text = _decode_strict(data, encoding)
        if text is not None:
            return text, encoding
    raise ReadError("not valid UTF-8, UTF-16 or GB18030/GBK text")


def _decode_mixed_lines(data: bytes) -> str | None:
    """Decode line by line when some non-ASCII lines are UTF-8 and the others GB18030."""
    lines = data.split(b"\n")
    decoded: list[str] = []
    utf8_lines = other_lines = 0
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            try:
                decoded.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                return None
            other_lines += 1
    if utf8_lines and other_lines:
        return "\n".join(decoded)
    return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text that lost its BOM: its NUL bytes sit on one parity (the ASCII characters)."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    encoding = "utf-16-le" if odd_nuls > 4 * even_nuls else "utf-16-be"
    if min(even_nuls, odd_nuls) * 4 >= max(even_nuls, odd_nuls):
        return None
    text = _decode_strict(data, encoding)
    if text is None:
        return None
    readable = sum(1 for c in text if c.isprintable() or c in "\n\t") / max(len(text), 1)
    return (text, encoding) if readable > 0.95 else None


def _reject_binary_text(text: str) -> None:
    if "\x00" in text:
        raise ReadError("not a text file (contains NUL characters)")
    controls = len(_DISALLOWED_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ReadError("not a text file (too many control characters)")
