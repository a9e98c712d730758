"""GBK byte tables and the mirror site's lossy GBK decoder, reproduced byte for byte."""

from __future__ import annotations

from functools import cache

FULLWIDTH_TO_ASCII = {"，": ",", "！": "!", "：": ":", "；": ";", "？": "?", "（": "(", "）": ")"}
ASCII_TO_FULLWIDTH = {ascii_: full for full, ascii_ in FULLWIDTH_TO_ASCII.items()}
# Second GBK byte of each full-width punctuation mark (the first is always 0xA3).
PUNCT_SECOND_BYTE = {a: full.encode("gbk")[1] for full, a in FULLWIDTH_TO_ASCII.items()}
PUNCT_LEAD = 0xA3


def is_lead(byte: int) -> bool:
    return 0x81 <= byte <= 0xFE


def is_trail(byte: int) -> bool:
    return 0x40 <= byte <= 0xFE and byte != 0x7F


@cache
def two_byte_table() -> tuple[dict[int, str], dict[str, int]]:
    """Every valid two-byte code and the character the mirror decoded it to, both ways.

    Assigned GBK codes decode as GBK; the user-defined areas come out as private-use
    characters, as GB18030 maps them.
    """
    decode: dict[int, str] = {}
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            if trail == 0x7F:
                continue
            raw = bytes((lead, trail))
            try:
                char = raw.decode("gbk")
            except UnicodeDecodeError:
                char = raw.decode("gb18030")
            decode[(lead << 8) | trail] = char
    encode = {char: code for code, char in decode.items()}
    return decode, encode


def char_code(char: str) -> int | None:
    """The two-byte code of a character, or None for ASCII and characters outside GBK."""
    return two_byte_table()[1].get(char)


def code_char(lead: int, trail: int) -> str | None:
    # is_lead and is_trail, spelled out: the realignment asks this for every shifted token.
    if 0x81 <= lead <= 0xFE and 0x40 <= trail <= 0xFE and trail != 0x7F:
        return two_byte_table()[0].get((lead << 8) | trail)
    return None


def decode_piece(data: bytes) -> str:
    """Decode like the mirror did: a lead byte before a non-trail byte eats both bytes."""
    decode = two_byte_table()[0]
    out: list[str] = []
    i, n = 0, len(data)
    while i < n:
        byte = data[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
        elif not is_lead(byte) or i + 1 == n:
            out.append("?")
            i += 1
        elif not is_trail(data[i + 1]):
            out.append("?")
            i += 2
        else:
            out.append(decode[(byte << 8) | data[i + 1]])
            i += 2
    return "".join(out)
