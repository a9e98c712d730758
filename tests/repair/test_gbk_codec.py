"""The mirror's decoder, reproduced: the rules corruption.md worked out byte by byte."""

from __future__ import annotations

from index.repair.gbk_codec import char_code, code_char, decode_piece, two_byte_table


def test_every_two_byte_code_maps_to_one_character_and_back() -> None:
    decode, encode = two_byte_table()
    assert len(decode) == len(encode) == 126 * 190
    assert all(encode[char] == code for code, char in decode.items())


def test_lead_byte_before_a_non_trail_byte_eats_both() -> None:
    # D4 followed by "(" prints one "?" and the "(" is gone: that is why annotations lose it.
    assert decode_piece(b"\xd4" + "(cè)".encode("gbk")) == "?cè)"


def test_orphaned_lead_at_the_end_of_a_piece_prints_a_question_mark() -> None:
    assert decode_piece("幸".encode("gbk") + b"\xb8") == "幸?"


def test_user_defined_area_decodes_to_private_use_characters() -> None:
    assert 0xE000 <= ord(decode_piece(b"\xaa\xa1")) <= 0xF8FF


def test_shifted_bytes_decode_to_other_characters_until_an_ascii_byte() -> None:
    # "們在現" shifted by one byte after the lead byte of 們: 诂 and a stray F.
    assert decode_piece(b"\xda\xac\x46") == "诂F"


def test_char_code_and_code_char_are_inverse() -> None:
    code = char_code("節")
    assert code == 0xB99D
    assert code_char(0xB9, 0x9D) == "節"
    assert char_code("a") is None
    assert code_char(0x41, 0x41) is None
