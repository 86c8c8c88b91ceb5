"""Show what a run removed and why: a terminal view and a self-contained HTML report.

Both read the segments' verdicts that the pipeline leaves on each document. Use them as run
observers (`RunOptions(observers=[...])`), or on records made by `cleanprep.assemble.to_record`:

>>> import io
>>> from cleanprep.document import Document, Segment
>>> doc = Document(id="a", text="")
>>> doc.fixed = "Share this\\nThe river rose."
>>> doc.segments = [Segment(0, 10, line=0, lang="en", verdict="chrome", reason="share"),
...                 Segment(11, 26, line=1, lang="en")]
>>> out = io.StringIO()
>>> TerminalView(out, color=False)(doc)
>>> print(out.getvalue(), end="")
== a  [und] 2 segments: 1 kept, 1 chrome
- Share this  [chrome: share]
  The river rose.
"""

from .html import render_html, write_html
from .report import ReportData, outcome
from .terminal import TerminalView, render_record, use_color

__all__ = ["ReportData", "TerminalView", "outcome", "render_html", "render_record", "use_color", "write_html"]
