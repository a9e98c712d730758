"""Export articles out of the library: PDF (with outline, page numbers, embedded CJK font)."""
