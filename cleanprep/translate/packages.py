"""Argos Translate packages on disk: list, install (from a file or Argos's index), remove, route.

A package is a folder (unzipped from `NAME.argosmodel`) holding `metadata.json`, a CTranslate2
model in `model/` and a tokenizer (`sentencepiece.model`, or `bpe.model` in old packages). This
module reads that layout itself, and finds Argos's folder and index as argostranslate does, without
importing it: argostranslate (the optional `cleanprep[argos]` extra) pulls stanza and torch, its
import creates folders in the user's home, and its index lookup retries forever when offline.

>>> route = find_route("uk", "de", [PackageInfo("translate-uk_en-1_0", Path("a"), "uk", "en"),
...                                  PackageInfo("translate-en_de-1_0", Path("b"), "en", "de")])
>>> describe_route(route)
'uk->en->de via translate-uk_en-1_0+translate-en_de-1_0'
>>> find_route("de", "en", []) is None
True
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..languages import package_codes

PIVOT = "en"
ARGOS_INDEX_REPOSITORY = "https://raw.githubusercontent.com/argosopentech/argospm-index/main"
INDEX_TIMEOUT_S = 15


class PackageError(Exception):
    """A package file or folder that cannot be installed or used (the message says why)."""


class IndexUnavailable(PackageError):
    """Argos's package index (or a download link) could not be reached."""


@dataclass(frozen=True)
class PackageInfo:
    """One installed translation package, as its `metadata.json` describes it."""

    name: str
    path: Path
    from_code: str
    to_code: str
    package_version: str = ""
    from_name: str = ""
    to_name: str = ""
    target_prefix: str = ""

    @classmethod
    def read(cls, folder: Path) -> PackageInfo:
        """Read a package folder's metadata (PackageError if it is not a translation package)."""
        meta_path = folder / "metadata.json"
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise PackageError(f"{folder}: unreadable metadata.json ({exc})") from exc
        if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
            raise PackageError(f"{folder}: metadata.json lacks from_code/to_code")
        if meta.get("type", "translate") != "translate":
            raise PackageError(f"{folder}: a {meta.get('type')!r} package, not a translation package")
        return cls(
            name=folder.name,
            path=folder,
            from_code=str(meta["from_code"]),
            to_code=str(meta["to_code"]),
            package_version=str(meta.get("package_version", "")),
            from_name=str(meta.get("from_name", "")),
            to_name=str(meta.get("to_name", "")),
            target_prefix=str(meta.get("target_prefix", "")),
        )

    @property
    def pair(self) -> str:
        return f"{self.from_code}->{self.to_code}"


def default_packages_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Argos Translate's packages folder, found as argostranslate finds it, so packages installed by
    either tool are seen by both: ARGOS_PACKAGES_DIR from the environment (`environ`, by default
    `os.environ`), else from Argos's settings.json, else ``argos-translate/packages`` in the user's
    data folder (XDG_DATA_HOME, or ~/.local/share; under snap, SNAP_USER_DATA is the home).

    Nothing is created here (argostranslate's own settings module makes its folders at import, which
    fails where the home folder is read-only); `install_package_file` makes the folder it installs to.

    >>> str(default_packages_dir({"ARGOS_PACKAGES_DIR": "/data/argos"}))
    '/data/argos'
    >>> str(default_packages_dir({"HOME": "/home/ana", "XDG_CONFIG_HOME": "/nonexistent"}))
    '/home/ana/.local/share/argos-translate/packages'
    """
    env = os.environ if environ is None else environ
    home = Path(env["SNAP_USER_DATA"]) if "SNAP" in env else Path(env.get("HOME") or Path.home())
    chosen = env.get("ARGOS_PACKAGES_DIR")
    if chosen is None:
        config = Path(env.get("XDG_CONFIG_HOME", home / ".config"))
        try:
            saved = json.loads((config / "argos-translate" / "settings.json").read_text(encoding="utf-8"))
            chosen = saved.get("ARGOS_PACKAGES_DIR") if isinstance(saved, dict) else None
        except (OSError, ValueError):
            chosen = None
    if chosen is not None:
        return Path(str(chosen)).expanduser()
    return Path(env.get("XDG_DATA_HOME", home / ".local" / "share")) / "argos-translate" / "packages"


def resolve_packages_dir(packages_dir: Path | str | None) -> Path:
    """The given folder, or Argos's default one."""
    return Path(packages_dir).expanduser() if packages_dir else default_packages_dir()


def list_packages(packages_dir: Path | str | None = None) -> list[PackageInfo]:
    """Installed translation packages, sorted by name; folders that are not packages are skipped."""
    root = resolve_packages_dir(packages_dir)
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and (folder / "metadata.json").is_file():
            try:
                found.append(PackageInfo.read(folder))
            except PackageError:
                continue
    return found


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.replace("_", ".").split(".") if p.isdigit())


def find_route(src: str, tgt: str, packages: list[PackageInfo]) -> list[PackageInfo] | None:
    """Packages to chain for src -> tgt: the pair itself, else through English, else through any
    other language (two hops at most). Among equal choices the highest package_version wins.

    Codes go through `languages.package_codes`, so `zh` is served by a `zt` package when no `zh`
    one is installed (and the other way round), `no` by `nb`, `pt` by `pb`:

    >>> [p.name for p in find_route("zh", "en", [PackageInfo("zt_en", Path("a"), "zt", "en")])]
    ['zt_en']
    """
    best: dict[tuple[str, str], PackageInfo] = {}
    for pkg in packages:
        key = (pkg.from_code, pkg.to_code)
        if key not in best or _version_key(pkg.package_version) > _version_key(best[key].package_version):
            best[key] = pkg
    sources, targets = package_codes(src), package_codes(tgt)
    for s in sources:
        for t in targets:
            if (s, t) in best:
                return [best[s, t]]
    for s in sources:
        pivots = sorted({to for (fr, to) in best if fr == s}, key=lambda code: (code != PIVOT, code))
        for pivot in pivots:
            for t in targets:
                if (pivot, t) in best:
                    return [best[s, pivot], best[pivot, t]]
    return None


def describe_route(route: list[PackageInfo]) -> str:
    """A readable name for a route: the package name, or `uk->en->de via A+B` for a pivot."""
    if len(route) == 1:
        return route[0].name
    codes = "->".join([route[0].from_code] + [p.to_code for p in route])
    return f"{codes} via {'+'.join(p.name for p in route)}"


def _package_root(zf: zipfile.ZipFile, source: Path) -> str:
    """The one top-level folder of a package zip that holds metadata.json."""
    names = zf.namelist()
    for name in names:
        parts = PurePosixPath(name).parts
        if name.startswith("/") or ".." in parts or "\\" in name:
            raise PackageError(f"{source}: unsafe path {name!r} inside the archive")
    tops = {PurePosixPath(n).parts[0] for n in names if n.strip("/")}
    roots = sorted(t for t in tops if f"{t}/metadata.json" in names)
    if len(roots) != 1:
        raise PackageError(f"{source}: expected one folder with metadata.json inside, found {len(roots)}")
    return roots[0]


def install_package_file(path: Path | str, packages_dir: Path | str | None = None) -> PackageInfo:
    """Install a `.argosmodel` file (offline); a package of the same name is replaced.

    The archive is checked (one package folder, metadata, model, tokenizer, no path escaping the
    folder) and unpacked next to its final place first, so a bad file never leaves half a package.
    """
    source = Path(path)
    if not source.is_file():
        raise PackageError(f"{source}: no such file")
    if not zipfile.is_zipfile(source):
        raise PackageError(f"{source}: not an Argos package (an .argosmodel file is a zip archive)")
    root = resolve_packages_dir(packages_dir)
    root.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(source) as zf:
        top = _package_root(zf, source)
        names = set(zf.namelist())
        if not any(n.startswith(f"{top}/model/") for n in names):
            raise PackageError(f"{source}: no model/ folder (the CTranslate2 model) in the package")
        if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
            raise PackageError(f"{source}: no sentencepiece.model or bpe.model in the package")
        with tempfile.TemporaryDirectory(dir=root, prefix=".installing-") as tmp:
            members = [n for n in zf.namelist() if n == top or n.startswith(f"{top}/")]
            try:
                zf.extractall(tmp, members=members)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
                # A truncated download or a damaged file: its directory reads, its data does not.
                raise PackageError(f"{source}: the archive is damaged ({exc}); download it again") from exc
            PackageInfo.read(Path(tmp) / top)  # refuse bad metadata before touching the old copy
            final = root / top
            if final.exists():
                shutil.rmtree(final)
            (Path(tmp) / top).rename(final)
    return PackageInfo.read(final)


def remove_package(what: str | tuple[str, str], packages_dir: Path | str | None = None) -> list[PackageInfo]:
    """Remove a package by folder name, or every package of a (from, to) pair; returns what went.

    Raises PackageError when nothing matches.
    """
    installed = list_packages(packages_dir)
    if isinstance(what, tuple):
        gone = [p for p in installed if (p.from_code, p.to_code) == what]
        label = f"{what[0]}->{what[1]}"
    else:
        gone = [p for p in installed if p.name == what]
        label = what
    if not gone:
        names = ", ".join(p.name for p in installed) or "none"
        raise PackageError(f"no installed package matches {label} (installed: {names})")
    for pkg in gone:
        shutil.rmtree(pkg.path)
    return gone


def _fetch(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=INDEX_TIMEOUT_S) as response:
            return response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise IndexUnavailable(f"could not reach {url} ({reason})") from exc


def default_index_url(environ: Mapping[str, str] | None = None) -> str:
    """Argos's package index, as argostranslate finds it (ARGOS_PACKAGE_INDEX names the repository).

    >>> default_index_url({})
    'https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json'
    """
    env = os.environ if environ is None else environ
    return env.get("ARGOS_PACKAGE_INDEX", ARGOS_INDEX_REPOSITORY).rstrip("/") + "/index.json"


def install_from_index(
    from_code: str,
    to_code: str,
    packages_dir: Path | str | None = None,
    index_url: str | None = None,
) -> list[PackageInfo]:
    """Download and install the package for a pair from Argos's index (through English when the
    index has no direct package). Needs the network; raises IndexUnavailable when it is not there,
    PackageError when the index has no way to serve the pair."""
    url = index_url or default_index_url()
    try:
        index = json.loads(_fetch(url))
    except ValueError as exc:
        raise PackageError(f"the package index at {url} is not valid JSON ({exc})") from exc
    entries = [m for m in index if isinstance(m, dict) and _is_translation_entry(m)]
    available = [
        PackageInfo(
            f"translate-{m['from_code']}_{m['to_code']}",
            Path(),
            str(m["from_code"]),
            str(m["to_code"]),
            str(m.get("package_version", "")),
        )
        for m in entries
    ]
    route = find_route(from_code, to_code, available)
    if route is None:
        raise PackageError(f"Argos's index at {url} has no package for {from_code}->{to_code}")
    installed = []
    for step in route:
        meta = entries[available.index(step)]
        installed.append(_download_and_install(step, meta.get("links") or [], packages_dir))
    return installed


def _is_translation_entry(meta: dict) -> bool:
    has_pair = bool(meta.get("from_code") and meta.get("to_code"))
    return has_pair and meta.get("type", "translate") == "translate"


def _download_and_install(
    step: PackageInfo, links: list[str], packages_dir: Path | str | None
) -> PackageInfo:
    """Try each download link of an index entry in turn, then install the file."""
    if not links:
        raise PackageError(f"the index lists {step.pair} without a download link")
    errors = []
    for link in links:
        try:
            data = _fetch(link)
        except IndexUnavailable as exc:
            errors.append(str(exc))
            continue
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"{step.name}.argosmodel"
            file.write_bytes(data)
            return install_package_file(file, packages_dir)
    raise IndexUnavailable("; ".join(errors))
