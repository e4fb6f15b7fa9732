"""One base for the errors a user can act on: what failed, and what to do about it.

The CLI prints any `KgError` as one line (`kg COMMAND: what failed; what to do`) with exit status 2
and no traceback; every other exception is a bug and keeps its traceback.
"""
from __future__ import annotations


class KgError(Exception):
    """What failed (`message`) and what the user can do (`todo`, may be empty)."""

    def __init__(self, message: str, todo: str = "") -> None:
        super().__init__(f"{message}; {todo}" if todo else message)
        self.message = message
        self.todo = todo


class MissingInputError(KgError, FileNotFoundError):
    """A file or folder the command needs (data, a model, a scorer) is not where it was looked for."""
