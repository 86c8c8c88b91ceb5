"""Shared fixtures for translation tests: small real Argos packages, isolated package folders.

Argos Translate reads ARGOS_PACKAGES_DIR (and the XDG folders) once, when `argostranslate.settings`
is first imported, and creates folders there. So before any test module is imported, the whole
session is pointed at a temporary home: no test reads or writes the user's real Argos packages.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support.argos_package import BuiltPackage, build_package  # noqa: E402

_ARGOS_HOME = Path(tempfile.mkdtemp(prefix="cleanprep-argos-home-"))
for _var, _sub in (
    ("ARGOS_PACKAGES_DIR", "packages"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_var] = str(_ARGOS_HOME / _sub)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_ARGOS_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def argos_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltPackage]:
    """Package files built once per session: uk->en and en->de (for pivots)."""
    folder = tmp_path_factory.mktemp("argosmodels")
    return {pair: build_package(folder, *pair.split("_")) for pair in ("uk_en", "en_de")}


@pytest.fixture
def packages_dir(tmp_path: Path, argos_files: dict[str, BuiltPackage]) -> Path:
    """A fresh packages folder with the uk->en package installed through cleanprep's installer."""
    from cleanprep.translate import install_package_file

    folder = tmp_path / "packages"
    install_package_file(argos_files["uk_en"].path, folder)
    return folder
