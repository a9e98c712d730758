"""Values worked out once per segment reader: a segment never changes while its reader lives.

Each thread searches with its own searcher, so two threads may ask at once; the cache is
locked, but the value is made outside the lock (reading a date column takes a while).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import Any, Generic, TypeVar

__all__ = ["ReaderCache"]

T = TypeVar("T")


class ReaderCache(Generic[T]):
    """``key`` -> value, per segment reader, forgotten with the reader."""

    def __init__(self) -> None:
        self._values: weakref.WeakKeyDictionary[Any, dict[str, T]] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def get(self, reader: Any, key: str, make: Callable[[], T]) -> T:
        with self._lock:
            known = self._values.get(reader)
            if known is not None and key in known:
                return known[key]
        value = make()
        with self._lock:
            return self._values.setdefault(reader, {}).setdefault(key, value)
