"""Write a benchmark's figures into docs/performance.md, between markers, so a new run
replaces the block of the earlier one."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DOC", "replace_block"]

DOC = Path(__file__).resolve().parents[1] / "docs" / "performance.md"


def replace_block(doc: Path, marker: str, body: str, section_heading: str) -> None:
    """Put ``body`` between ``<!-- marker begin -->`` and ``<!-- marker end -->``: where the
    markers are, or at the end of the section headed ``section_heading`` (made if missing)."""
    begin_mark, end_mark = f"<!-- {marker} begin -->", f"<!-- {marker} end -->"
    block = f"{begin_mark}\n{body.strip()}\n{end_mark}"
    content = doc.read_text(encoding="utf-8")
    begin = content.find(begin_mark)
    if begin >= 0:
        end = content.index(end_mark, begin) + len(end_mark)
        content = content[:begin] + block + content[end:]
    else:
        if section_heading not in content:
            content = content.rstrip("\n") + f"\n\n{section_heading}\n"
        start = content.index(section_heading)
        level = section_heading.split(" ", 1)[0]
        following = [
            i
            for i in (content.find(f"\n{'#' * n} ", start + 1) for n in range(1, len(level) + 1))
            if i > 0
        ]
        at = min(following) if following else len(content)
        content = content[:at].rstrip("\n") + "\n\n" + block + "\n" + content[at:]
    doc.write_text(content, encoding="utf-8")
