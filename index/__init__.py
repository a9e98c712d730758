"""Headless core of Archive Reader: dump files in; articles, library and search out (no Qt)."""
