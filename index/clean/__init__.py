"""Clean stage: strip scrape debris from repaired text and recover the article's lines."""

from index.clean.lines import Line, split_lines
from index.clean.stages import CLEAN_STEPS, CleanResult, clean_text

__all__ = ["CLEAN_STEPS", "CleanResult", "Line", "clean_text", "split_lines"]
