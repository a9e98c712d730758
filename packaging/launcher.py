"""Entry script of the frozen bundle: the `archive-reader` command, as the console script."""

from __future__ import annotations

import multiprocessing
import sys

from desktop.cli.main import main

if __name__ == "__main__":
    # The library import repairs files in worker processes, started by fork from the command
    # line and from a fork server when the GUI imports: the frozen program must hand those
    # over here.
    multiprocessing.freeze_support()
    sys.exit(main())
