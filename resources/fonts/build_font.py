"""Regenerate the bundled CJK font from Debian's fonts-noto-cjk (by hand, not at runtime)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FACE = "Noto Sans CJK SC"
OUTPUT = Path(__file__).with_name("NotoSansCJKsc-Regular-subset.otf")
# A family name of its own, so that Qt never picks a system-wide Noto Sans CJK SC (which still maps
# the radicals) instead of this subset.
FAMILY = "Archive Reader Sans CJK SC"
POSTSCRIPT_NAME = "ArchiveReaderSansCJKsc-Regular"
# Kangxi radicals and CJK radical supplement: mapped to the same glyphs as ordinary ideographs,
# so Qt's PDF text layer would write 二 as ⼆. Never in the cmap (see shared docs/facts.md).
RADICALS = range(0x2E80, 0x2FE0)
EXTRA_RANGES = (
    range(0x20, 0x7F),  # ASCII
    range(0xA0, 0x180),  # Latin-1 and Latin Extended-A (names, quotes)
    range(0x2000, 0x2070),  # general punctuation
    range(0x2100, 0x2200),  # letterlike symbols, number forms, arrows
    range(0x2460, 0x2500),  # enclosed alphanumerics ①
    range(0x3000, 0x3040),  # CJK symbols and punctuation
    range(0xFE30, 0xFE50),  # CJK compatibility forms
    range(0xFF00, 0xFFF0),  # full-width forms
)


def double_byte_characters(codec: str) -> set[str]:
    """Every character a double-byte codec (GBK = GB18030's two-byte range, Big5) can encode."""
    found: set[str] = set()
    for lead in range(0x81, 0xFF):
        for trail in range(0x40, 0xFF):
            try:
                found.update(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return found


def wanted_codepoints() -> set[int]:
    characters = double_byte_characters("gbk") | double_byte_characters("big5")
    codepoints = {ord(c) for c in characters} | {c for r in EXTRA_RANGES for c in r}
    return {c for c in codepoints if c not in RADICALS}


def extract_face(source: Path, face: str) -> TTFont:
    for font in TTCollection(str(source)).fonts:
        if font["name"].getDebugName(4) == face:
            return font
    raise SystemExit(f"{face!r} not found in {source}")


def rename(font: TTFont, family: str = FAMILY, postscript_name: str = POSTSCRIPT_NAME) -> None:
    """Give the subset a family name of its own, so it never poses as the original."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 17, 18, 20, 21, 22):
            names.removeNames(nameID=record.nameID)
    names.setName(family, 1, 3, 1, 0x409)
    names.setName("Regular", 2, 3, 1, 0x409)
    names.setName(f"{family}; subset of Noto Sans CJK SC", 3, 3, 1, 0x409)
    names.setName(family, 4, 3, 1, 0x409)
    names.setName(postscript_name, 6, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [postscript_name]
    top = cff.topDictIndex[0]
    top.FamilyName = family
    top.FullName = family


def build(source: Path, face: str, output: Path) -> None:
    font = extract_face(source, face)
    options = subset.Options()
    options.layout_features = ["vert", "vrt2", "locl", "kern", "palt", "halt", "vpal"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(wanted_codepoints()))
    subsetter.subset(font)
    rename(font)
    mapped = font.getBestCmap()
    leaked = [c for c in mapped if c in RADICALS]
    if leaked:
        raise SystemExit(f"radicals left in the cmap: {leaked[:5]}")
    font.save(str(output))
    print(f"{output}: {output.stat().st_size / 1e6:.1f} MB, {len(mapped)} characters")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--source", type=Path, default=SOURCE, help="the Debian .ttc file")
    parser.add_argument("--face", default=FACE)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--rename-only", action="store_true", help="only rename the existing --output file"
    )
    args = parser.parse_args(argv)
    if args.rename_only:
        font = TTFont(str(args.output))
        rename(font)
        font.save(str(args.output))
        return 0
    build(args.source, args.face, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
