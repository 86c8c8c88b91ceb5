"""Writing outputs: atomic files, the resume manifest, the mirror of the input tree."""

from .atomic import AtomicFile, remove_stale_temporaries, write_atomic
from .manifest import Manifest
from .outputs import OutputWriter, output_name

__all__ = ["AtomicFile", "Manifest", "OutputWriter", "output_name", "remove_stale_temporaries",
           "write_atomic"]
