"""Run library work on a worker thread and hand the result back on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

__all__ = ["Background"]

T = TypeVar("T")
Failure = Callable[[BaseException], None]


class Background(QObject):
    """One worker thread; jobs run in the order given.

    ``run(job, then)`` calls ``job()`` on the worker and ``then(result)`` on the GUI thread
    (``failed(error)`` if the job raised). After ``shutdown`` jobs are not run (their futures
    come back cancelled).
    """

    _finished = Signal(object, object, object)  # future, then, failed

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._closed = False
        self._finished.connect(self._deliver)  # queued: emitted on the worker thread

    def run(
        self, job: Callable[[], T], then: Callable[[T], None], failed: Failure | None = None
    ) -> Future[T]:
        future = self.submit(job)
        future.add_done_callback(lambda done: self._finished.emit(done, then, failed))
        return future

    def submit(self, job: Callable[[], T]) -> Future[T]:
        """Start ``job`` on the worker; the caller collects the future's result itself."""
        if self._closed:
            future: Future[T] = Future()
            future.cancel()
            return future
        return self._executor.submit(job)

    def call(self, job: Callable[[], T]) -> T:
        """Run ``job`` on the worker and wait for its result (or its exception); after
        ``shutdown``, run it on this thread."""
        if self._closed:
            return job()
        return self._executor.submit(job).result()

    def _deliver(
        self, future: Future[Any], then: Callable[[Any], None], failed: Failure | None
    ) -> None:
        if self._closed or future.cancelled():
            return
        error = future.exception()
        if error is None:
            then(future.result())
        elif failed is not None:
            failed(error)
        else:
            raise error

    def shutdown(self) -> None:
        """Drop the jobs not started and wait for the running one; no result is delivered
        after this."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)
