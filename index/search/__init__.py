"""Script-agnostic full-text search over the library: fold, analyze, index, query, snippets."""

from index.search.mapped_files import read_segments_in_place

# Whoosh copied every segment file it opened into memory (see mapped_files): read in place.
read_segments_in_place()
