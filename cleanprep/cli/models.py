"""`cleanprep models`: list, install and remove Argos Translate packages.

    cleanprep models list
    cleanprep models install uk_en.argosmodel      # offline, from a file
    cleanprep models install uk en                 # from Argos's package index (needs the network)
    cleanprep models remove uk en                  # or: cleanprep models remove translate-uk_en-1_0

Every subcommand takes `--packages-dir DIR` (default: Argos's own packages folder, which honours
ARGOS_PACKAGES_DIR). Handlers return the exit code: 0 done, 1 failed (no network, nothing to
remove, no such pair in the index), 2 usage error (wrong arguments, a file that is not a package).

>>> import argparse
>>> parser = argparse.ArgumentParser(prog="cleanprep")
>>> add_parser(parser.add_subparsers(dest="command"))
>>> args = parser.parse_args(["models", "remove", "uk", "en", "--packages-dir", "/tmp/x"])
>>> args.what, args.func is run_remove
(['uk', 'en'], True)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OK, FAILED, USAGE = 0, 1, 2


EXAMPLES = """examples:
  cleanprep models install translate-uk_en-1_9.argosmodel   install from a file (offline)
  cleanprep models install uk en                            from Argos's package index (needs the network)
  cleanprep models list                                     what is installed, and where
  cleanprep models remove uk en                             remove the uk->en package
  cleanprep models list --packages-dir ./argos              another packages folder
"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register `models` and its subcommands; each sets `func` to a handler returning an exit code."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--packages-dir",
        type=Path,
        default=None,
        help="where packages are installed (default: Argos Translate's packages folder)",
    )
    models = subparsers.add_parser(
        "models",
        help="list, install and remove Argos Translate packages",
        description="Manage the Argos Translate packages that `cleanprep clean --foreign translate` uses.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = models.add_subparsers(dest="models_command", metavar="{list,install,remove}", required=True)

    listing = sub.add_parser("list", parents=[common], help="show installed packages")
    listing.set_defaults(func=run_list)

    install = sub.add_parser(
        "install",
        parents=[common],
        help="install FILE.argosmodel (offline) or FROM TO (from Argos's package index)",
    )
    install.add_argument("source", nargs="+", metavar="FILE | FROM TO")
    install.add_argument("--index-url", default=None, help="package index to use (default: Argos's)")
    install.set_defaults(func=run_install)

    remove = sub.add_parser("remove", parents=[common], help="remove a package by NAME, or by FROM TO")
    remove.add_argument("what", nargs="+", metavar="NAME | FROM TO")
    remove.set_defaults(func=run_remove)


def _error(message: str) -> None:
    print(f"cleanprep models: {message}", file=sys.stderr)


def run_list(args: argparse.Namespace) -> int:
    """Print one line per installed package: name, pair, version, folder."""
    # Imported here, not at the top: every `cleanprep` command builds this parser, and the
    # translation modules would add their import time to `detect` and `clean` runs that never use them.
    from ..translate.packages import list_packages, resolve_packages_dir

    root = resolve_packages_dir(args.packages_dir)
    packages = list_packages(root)
    if not packages:
        print(f"no packages installed in {root}")
        return OK
    width = max(len(p.name) for p in packages)
    for pkg in packages:
        print(f"{pkg.name:<{width}}  {pkg.pair:<8}  {pkg.package_version or '-':<6}  {pkg.path}")
    return OK


def run_install(args: argparse.Namespace) -> int:
    """Install from a file (one argument) or from the index (two language codes)."""
    from ..translate.packages import IndexUnavailable, PackageError, install_from_index, install_package_file

    if len(args.source) == 1:
        try:
            pkg = install_package_file(args.source[0], args.packages_dir)
        except PackageError as exc:
            _error(str(exc))
            return USAGE
        print(f"installed {pkg.name} ({pkg.pair}) in {pkg.path.parent}")
        return OK
    if len(args.source) != 2:
        _error("install takes FILE.argosmodel, or two language codes FROM TO (e.g. uk en)")
        return USAGE
    src, tgt = (code.lower() for code in args.source)
    try:
        installed = install_from_index(src, tgt, args.packages_dir, args.index_url)
    except IndexUnavailable as exc:
        _error(
            f"cannot download the {src}->{tgt} package: {exc}. Without network access, fetch the "
            ".argosmodel file elsewhere and run: cleanprep models install FILE.argosmodel"
        )
        return FAILED
    except PackageError as exc:
        _error(str(exc))
        return FAILED
    for pkg in installed:
        print(f"installed {pkg.name} ({pkg.pair}) in {pkg.path.parent}")
    return OK


def run_remove(args: argparse.Namespace) -> int:
    """Remove by package name (one argument) or by language pair (two)."""
    from ..translate.packages import PackageError, remove_package

    if len(args.what) not in (1, 2):
        _error("remove takes a package NAME, or two language codes FROM TO (e.g. uk en)")
        return USAGE
    what: str | tuple[str, str] = args.what[0] if len(args.what) == 1 else (args.what[0], args.what[1])
    try:
        gone = remove_package(what, args.packages_dir)
    except PackageError as exc:
        _error(str(exc))
        return FAILED
    for pkg in gone:
        print(f"removed {pkg.name} ({pkg.pair})")
    return OK
