"""Tests for decoding dump bytes into text."""

from __future__ import annotations

import codecs

import pytest

from index.ingest.read import DecodedText, ReadError, decode_bytes

TEXT = "來源：江門日報\n活動現場，不少市民體驗傳統文化魅力。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("gbk"), "gbk"),
    ],
)
def test_decodes_supported_encodings(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == DecodedText(TEXT, encoding)


def test_gb18030_only_characters_are_decoded_as_gb18030() -> None:
    text = "社區活動 𠀀 ₠ 完"  # outside GBK, inside GB18030
    assert decode_bytes(text.encode("gb18030")) == DecodedText(text, "gb18030")


def test_bom_is_not_part_of_the_text() -> None:
    assert not decode_bytes(codecs.BOM_UTF8 + b"abc").text.startswith("\ufeff")


def test_newlines_are_normalised() -> None:
    assert decode_bytes("一\r\n二\r三\n".encode()).text == "一\n二\n三\n"


def test_damaged_text_is_passed_through_untouched() -> None:
    damaged = "江門日?qǐng)?bào)  發(fā)表時間:2025-07-10"
    assert decode_bytes(damaged.encode("utf-8")).text == damaged


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (codecs.BOM_UTF8, "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP archive"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        (b"abc\x00def", "NUL bytes"),
        (b"\x80\xff\x80\xff", "not valid UTF-8, UTF-16 or GB18030/GBK text"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid UTF-16-LE text"),
        (b"\x01\x02\x03\x04 abc", "control characters"),
    ],
)
def test_undecodable_input_raises_read_error_naming_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as raised:
        decode_bytes(data)
    message = str(raised.value)
    assert reason in message
    assert "\n" not in message


def test_utf8_cut_off_inside_its_last_character_keeps_everything_before_it() -> None:
    text = "江海區第二屆幸福鄰里節啟動"
    data = text.encode("utf-8")[:-1]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text == text[:-1]


def test_utf8_broken_in_the_middle_is_not_forgiven() -> None:
    data = "江海".encode() + b"\xe6" + "區第二屆".encode()
    with pytest.raises(ReadError):
        decode_bytes(data)
