"""Built-in example pages, written for cleanprep: menus, bylines, tag lists and Ukrainian segments.

>>> sorted(p.name for p in PAGES.rglob("*.txt"))
['bread-starter.txt', 'flood-relief.txt']
"""

from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
