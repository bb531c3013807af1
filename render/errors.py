"""Problems found in content, reported as `path:line:col: severity: message`."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

from .model import Pos

# What a terminal or a log would act on, or hide, rather than show: controls
# (newline, escape), format characters (bidi overrides, zero-width spaces),
# line and paragraph separators, lone surrogates (a file name's undecodable
# bytes) and unassigned code points.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Cn", "Zl", "Zp"}


def shown(value: str, limit: int = 60) -> str:
    """A piece of content as a message quotes it: in quotes, every character
    that does not print as itself escaped, and cut when long, so that a
    message stays one readable line whatever the file holds."""
    if len(value) > limit:
        value = value[:limit] + "…"
    return repr(value)


def escaped(text: str) -> str:
    """`text` with hidden characters written as escapes (\\n, \\x1b, \\u202e);
    letters of any script, no-break spaces and backslashes stay as they are."""
    if text.isprintable():
        return text
    return "".join(_escape(ch) if unicodedata.category(ch) in _HIDDEN_CATEGORIES else ch
                   for ch in text)


def _escape(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte of a file name that is not UTF-8
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return repr(ch)[1:-1]


@dataclass(frozen=True)
class Problem:
    pos: Pos
    message: str
    severity: Literal["error", "warning"] = "error"
    accepted: str | None = None   # the reason, when the content accepts this finding

    def __str__(self) -> str:
        line = f"{escaped(str(self.pos))}: {self.severity}: {escaped(self.message)}"
        if self.accepted is not None:
            line += f" [accepted: {escaped(self.accepted)}]"
        return line

    def as_dict(self) -> dict:
        found = {
            "path": escaped(self.pos.path),
            "line": self.pos.line,
            "col": self.pos.col,
            "severity": self.severity,
            "message": escaped(self.message),
        }
        if self.accepted is not None:
            found["accepted"] = escaped(self.accepted)
        return found


class TemplateError(Exception):
    """A file of the templates folder is missing or wrong: the message names
    it and says what to do. Not a fault of the content, nor a bug."""


class ContentError(Exception):
    """A content file is invalid; `problems` holds every error found in it."""

    def __init__(self, problems: list[Problem]):
        # File by file (a dossier's document also reports its earlier
        # sub-documents' errors), in the order the files first appear.
        files: dict[str, int] = {}
        for p in problems:
            files.setdefault(p.pos.path, len(files))
        self.problems = sorted(problems, key=lambda p: (files[p.pos.path], p.pos.line,
                                                        p.pos.col))
        super().__init__("\n".join(str(p) for p in self.problems))
