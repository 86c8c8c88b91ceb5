"""The HTML report in a real browser: headless Chromium renders the report of the seed pages.

The test reads the DOM after the page's script has run (`--dump-dom`), so it sees what a person
sees: each known line's verdict mark, the filters hiding what they should, and a screenshot.
Skipped only when no Chromium binary is installed (`apt-get install chromium`; CI installs it).
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from cleanprep.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BROWSER = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)

pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="no chromium binary (apt-get install chromium)"),
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed pages not found at {SEEDS}"),
]

# Known lines of the seed pages and the verdict a person gave them.
UK_CAPTION = "Міністр оборони Туреччини Хулусі Акар"
UK_SUBHEAD = "Російські найманці у Сирії"
BACK_TO_TOP = "Back to top button"
ARTICLE = "Turkish backing has been vital to sustaining Syrian rebels in the northwest of the country."


def chromium(tmp: Path, *args: str) -> str:
    """Run headless Chromium with nothing that reaches the network; its standard output."""
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--user-data-dir={tmp / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


class RenderedSegments(HTMLParser):
    """Each `span.seg` of the rendered DOM: its attributes, its text, and whether its line is hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.segments: list[dict[str, str]] = []
        self.root: dict[str, str] = {}
        self.shown = ""
        self._stack: list[dict[str, str]] = []
        self._seg: dict[str, str] | None = None
        self._in_shown = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.root = a
        if tag == "div":
            self._stack.append(a)
        if tag == "span" and a.get("id") == "shown":
            self._in_shown = True
        if tag == "span" and "seg" in a.get("class", "").split():
            line = next((d for d in reversed(self._stack) if "line" in d.get("class", "").split()), {})
            self._seg = dict(a, text="", line_hidden=str("hidden" in line), line_class=line.get("class", ""))
            self.segments.append(self._seg)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self._stack:
            self._stack.pop()
        if tag == "span":
            self._seg = None
            self._in_shown = False

    def handle_data(self, data: str) -> None:
        if self._seg is not None:
            self._seg["text"] += data
        if self._in_shown:
            self.shown += data


def rendered(tmp: Path, url: str) -> RenderedSegments:
    parser = RenderedSegments()
    parser.feed(chromium(tmp, "--dump-dom", url))
    return parser


def find(page: RenderedSegments, text: str) -> dict[str, str]:
    hits = [s for s in page.segments if text in s["text"]]
    assert hits, f"no segment holds {text!r}"
    return hits[0]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, argos_files) -> Path:  # noqa: ANN001
    """The report of the seed pages, with a uk->en package installed so captions come translated."""
    from cleanprep.translate import install_package_file

    folder = tmp_path_factory.mktemp("report")
    packages = folder / "packages"
    install_package_file(argos_files["uk_en"].path, packages)
    path = folder / "seeds.html"
    code = main(["explain", str(SEEDS), "--html", str(path), "-q", "-j", "1",
                 "--packages-dir", str(packages)])
    assert code == 0
    return path


def test_known_seed_lines_carry_their_verdicts_in_the_rendered_page(report: Path, tmp_path: Path):
    page = rendered(tmp_path, report.as_uri())
    assert page.root.get("data-ready") == "1", "the page's script ran"
    assert find(page, UK_CAPTION)["data-verdict"] == "foreign"
    assert find(page, UK_CAPTION)["data-lang"] == "uk"
    assert find(page, UK_SUBHEAD)["data-verdict"] == "foreign"
    assert find(page, BACK_TO_TOP)["data-verdict"] == "chrome"
    assert find(page, ARTICLE)["data-verdict"] == "keep"
    total = len({(s.get("title"), s["text"]) for s in page.segments})
    assert total > 100 and page.shown.endswith("lines shown")


def test_filters_show_only_removed_or_only_foreign_lines(report: Path, tmp_path: Path):
    removed = rendered(tmp_path, report.as_uri() + "#filter=removed")
    assert find(removed, BACK_TO_TOP)["line_hidden"] == "False"
    assert find(removed, ARTICLE)["line_hidden"] == "True"
    # Exactly the lines holding a removed segment stay visible.
    for seg in removed.segments:
        assert seg["line_hidden"] == str("has-removed" not in seg["line_class"].split()), seg
    foreign = rendered(tmp_path, report.as_uri() + "#filter=foreign")
    assert find(foreign, UK_SUBHEAD)["line_hidden"] == "False"
    assert find(foreign, BACK_TO_TOP)["line_hidden"] == "True"
    assert find(foreign, ARTICLE)["line_hidden"] == "True"


def test_screenshot_of_the_report_is_a_png(report: Path, tmp_path: Path):
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars",
             report.as_uri())
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 20_000, "a blank page compresses to almost nothing"
