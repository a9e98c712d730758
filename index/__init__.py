"""Headless core of Archive Reader: dump files in, clean articles, library and search out (no Qt)."""
