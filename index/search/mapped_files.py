"""Read Whoosh's segment files in place from their memory map instead of copying them.

Whoosh memory-maps each segment file and opens the files inside it (terms, postings, stored
fields, lengths) as ``BufferFile`` objects over slices of the map; but ``BufferFile`` wraps its
slice in ``io.BytesIO``, which copies it. Every reader or searcher opened therefore copied the
whole terms and postings files into the process: ~200 MB per searcher at 10k articles, ~2 GB
at 100k, and as much again for the health check's reader. :class:`SliceReader` gives
``BufferFile`` the same file interface over the slice without a copy, so the operating system
pages in only what a search touches (and shares it between readers and processes).
"""

from __future__ import annotations

import io
from typing import Any

from whoosh.filedb.structfile import BufferFile

__all__ = ["SliceReader", "read_segments_in_place"]


class SliceReader:
    """A read-only binary file over a buffer (a memoryview of a map, or bytes), no copy."""

    __slots__ = ("_position", "_view")

    def __init__(self, buffer: Any) -> None:
        self._view = memoryview(buffer).cast("B")
        self._position = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self._position
        end = len(self._view) if size is None or size < 0 else min(start + size, len(self._view))
        self._position = max(start, end)
        return self._view[start:end].tobytes()

    def readinto(self, target: Any) -> int:
        into = memoryview(target).cast("B")
        start = self._position
        count = max(0, min(len(into), len(self._view) - start))
        into[:count] = self._view[start : start + count]
        self._position = start + count
        return count

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self._view) if size is None or size < 0 else self._position + size
        end = self._position
        while end < min(limit, len(self._view)):
            end += 1
            if self._view[end - 1] == 0x0A:  # b"\n"
                break
        return self.read(end - self._position)

    def __iter__(self) -> SliceReader:
        return self

    def __next__(self) -> bytes:
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_CUR:
            offset += self._position
        elif whence == io.SEEK_END:
            offset += len(self._view)
        if offset < 0:
            raise ValueError(f"negative seek position {offset}")
        self._position = offset
        return offset

    def tell(self) -> int:
        return self._position

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self._view = memoryview(b"")
        self._position = 0


def _buffer_file_init(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
    # BufferFile.__init__ as in Whoosh 2.7.4, with SliceReader in place of BytesIO(buf).
    self._buf = buf
    self._name = name
    self.file = SliceReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def read_segments_in_place() -> None:
    """Make Whoosh's ``BufferFile`` read its buffer in place (idempotent)."""
    BufferFile.__init__ = _buffer_file_init
