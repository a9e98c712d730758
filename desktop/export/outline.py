"""Add what QPdfWriter cannot write to a finished PDF: the outline and the document metadata."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter

__all__ = ["OutlineEntry", "add_outline"]

OutlineEntry = tuple[str, int]  # bookmark title, zero-based page index


def add_outline(source: Path, target: Path, entries: Sequence[OutlineEntry], title: str) -> None:
    """Copy ``source`` to ``target`` with one top-level bookmark per entry and ``title`` set.

    The viewer opens with the outline shown.
    """
    writer = PdfWriter(clone_from=PdfReader(source))
    for name, page in entries:
        writer.add_outline_item(title=name, page_number=page)
    writer.add_metadata({"/Title": title, "/Creator": "Archive Reader"})
    writer.page_mode = "/UseOutlines"
    with target.open("wb") as out:
        writer.write(out)
