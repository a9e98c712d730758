"""Shared test helpers: sample archive paths and hand-written clean articles."""
