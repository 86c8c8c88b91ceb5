"""Chrome removal: which lines of flattened web text are page furniture rather than the article.

The stage's entry point is `judge_chrome(doc, recurrence=None)`; for directory runs a
`RecurrenceIndex` pre-pass over all documents lets it also drop lines that recur across files.

>>> from cleanprep.document import Document
>>> from cleanprep.split import split_document
>>> doc = Document(id="a", text="")
>>> doc.fixed = "Home\\n\\nThe council met on Monday and it voted for the new budget plan.\\n\\nBack to top"
>>> split_document(doc)
>>> doc.lang = "en"
>>> judge_chrome(doc)
>>> [(s.verdict, s.reason) for s in doc.segments]
[('chrome', 'nav'), ('keep', ''), ('chrome', 'nav')]
"""

from .judge import judge_chrome
from .recurrence import RecurrenceIndex

__all__ = ["RecurrenceIndex", "judge_chrome"]
