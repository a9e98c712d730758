"""Turn a dump file's bytes into the raw texts of the articles it holds."""

from index.ingest.read import DecodedText, ReadError, decode_bytes
from index.ingest.split import split_articles

__all__ = ["DecodedText", "ReadError", "decode_bytes", "split_articles"]
