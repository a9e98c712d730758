"""The forward damage model of corruption.md: annotate GBK bytes, cut at punctuation, decode."""

from __future__ import annotations

import re
from collections.abc import Mapping

from index.repair.gbk_codec import FULLWIDTH_TO_ASCII, decode_piece

_PUNCT_BYTES = {full.encode("gbk"): ascii_ for full, ascii_ in FULLWIDTH_TO_ASCII.items()}
_PUNCT_PATTERN = re.compile(b"|".join(re.escape(code) for code in _PUNCT_BYTES))


def annotate_bytes(data: bytes, table: Mapping[str, str]) -> bytes:
    """Insert ``(pinyin)`` after every byte pair equal to an annotated character's code."""
    for char, pinyin in table.items():
        code = char.encode("gbk")
        data = data.replace(code, code + b"(" + pinyin.encode("gbk") + b")")
    return data


def damage_text(text: str, table: Mapping[str, str]) -> str:
    """Damage clean (traditional) text exactly the way the mirror sites did."""
    data = annotate_bytes(text.encode("gbk", errors="replace"), table)
    out: list[str] = []
    start = 0
    for match in _PUNCT_PATTERN.finditer(data):
        out.append(decode_piece(data[start : match.start()]))
        out.append(_PUNCT_BYTES[match.group()])
        start = match.end()
    out.append(decode_piece(data[start:]))
    return "".join(out)
