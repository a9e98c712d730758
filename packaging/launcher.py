"""Entry script of the frozen bundle: the `archive-reader` command, as the console script."""

from __future__ import annotations

import multiprocessing
import sys

from desktop.cli.main import main

if __name__ == "__main__":
    # The library import writes its search index with worker processes (Whoosh ``procs=2``).
    # A frozen program started with ``spawn`` (Windows, macOS) must hand those over here.
    multiprocessing.freeze_support()
    sys.exit(main())
