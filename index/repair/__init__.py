"""Undo the mirror-site damage: pinyin annotations, shifted GBK bytes, ASCII punctuation."""

from index.repair.engine import RepairResult, repair_text

__all__ = ["RepairResult", "repair_text"]
