"""One error type the CLI and the app turn into a single readable line."""

from __future__ import annotations


class NewslineError(Exception):
    """A user-facing problem with one input or store file."""

    def __init__(self, where: object, problem: str):
        self.where = str(where)
        self.problem = problem
        super().__init__(f"{self.where}: {problem}")
