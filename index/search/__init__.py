"""Script-agnostic full-text search over the library: fold, analyze, index, query, snippets."""
