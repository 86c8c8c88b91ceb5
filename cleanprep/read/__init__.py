"""Reading inputs: find the sources of a run, decode their bytes, turn them into Documents."""

from .decode import BinaryFileError, decode_bytes
from .readers import read_source
from .sources import Source, find_sources

__all__ = ["BinaryFileError", "Source", "decode_bytes", "find_sources", "read_source"]
