"""`python -m cleanprep` runs the command line."""

from .cli import entry

entry()
