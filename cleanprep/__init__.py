"""cleanprep: turn scraped multilingual web text into clean, single-language text."""

__version__ = "0.1.0"
