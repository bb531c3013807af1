"""Problems found in content, reported as `path:line:col: severity: message`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .model import Pos


@dataclass(frozen=True)
class Problem:
    pos: Pos
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity}: {self.message}"

    def as_dict(self) -> dict:
        return {
            "path": self.pos.path,
            "line": self.pos.line,
            "col": self.pos.col,
            "severity": self.severity,
            "message": self.message,
        }


class TemplateError(Exception):
    """A file of the templates folder is missing or wrong: the message names
    it and says what to do. Not a fault of the content, nor a bug."""


class ContentError(Exception):
    """A content file is invalid; `problems` holds every error found in it."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.pos.line, p.pos.col))
        super().__init__("\n".join(str(p) for p in self.problems))
