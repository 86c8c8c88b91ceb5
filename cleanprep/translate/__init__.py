"""Translate, drop, keep or tag foreign segments; Argos Translate packages managed offline.

The pipeline calls `translate_documents(docs, config)` on a window of documents; the command line's
`cleanprep models` and library users call the package functions re-exported here.

>>> from cleanprep.translate import find_route, translate_documents
>>> callable(translate_documents)
True
"""

from .engine import LoadedPackage, load_package, resolve_device, unload_all
from .packages import (
    IndexUnavailable,
    PackageError,
    PackageInfo,
    default_packages_dir,
    describe_route,
    find_route,
    install_from_index,
    install_package_file,
    list_packages,
    remove_package,
)
from .stage import fallback_counts, translate_documents

__all__ = [
    "IndexUnavailable",
    "LoadedPackage",
    "PackageError",
    "PackageInfo",
    "default_packages_dir",
    "describe_route",
    "fallback_counts",
    "find_route",
    "install_from_index",
    "install_package_file",
    "list_packages",
    "load_package",
    "remove_package",
    "resolve_device",
    "translate_documents",
    "unload_all",
]
