"""Importing dump files into the library from the window: worker thread, progress, summary."""
