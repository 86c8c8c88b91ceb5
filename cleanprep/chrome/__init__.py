"""Chrome removal: which lines of flattened web text are page furniture rather than the article."""

from .judge import judge_chrome
from .recurrence import RecurrenceIndex

__all__ = ["RecurrenceIndex", "judge_chrome"]
