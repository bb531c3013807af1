"""What import cannot map back to content, said where it stands in the DOCX:
`FILE.docx: paragraph 12 (“Les abeilles pollinisent…”): error: …`.
Every problem of a file is collected before giving up."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_SHOWN_WORDS = 4
_SHOWN_CHARS = 40


def first_words(text: str) -> str:
    words = " ".join(text.split())
    shown = " ".join(words.split(" ")[:_SHOWN_WORDS])
    if len(shown) > _SHOWN_CHARS:
        shown = shown[:_SHOWN_CHARS].rstrip()
    return shown + ("…" if shown != words else "")


@dataclass(frozen=True)
class Where:
    """A place in the DOCX: a paragraph of the text (counted from the first
    of the file, tables included), a note, or the file as a whole."""

    what: str = ""          # "paragraph 12", "note 3"; "" for the whole file
    words: str = ""         # the first words there, to find it in Word

    def __str__(self) -> str:
        if not self.what:
            return ""
        shown = f" (“{first_words(self.words)}”)" if self.words.strip() else " (empty)"
        return f"{self.what}{shown}"


@dataclass(frozen=True)
class ImportProblem:
    file: str
    where: Where
    message: str

    def __str__(self) -> str:
        place = str(self.where)
        return f"{self.file}: {place + ': ' if place else ''}error: {self.message}"


@dataclass
class Problems:
    file: str
    found: list[ImportProblem] = field(default_factory=list)

    def add(self, where: Where, message: str) -> None:
        problem = ImportProblem(self.file, where, message)
        if problem not in self.found:
            self.found.append(problem)

    def __bool__(self) -> bool:
        return bool(self.found)

    def in_order(self) -> list[ImportProblem]:
        """The file's own problems first, then the text's paragraphs, then the notes."""
        def rank(problem: ImportProblem):
            what = problem.where.what
            number = re.search(r"(\d+)$", what)
            return (0 if not what else 1 if what.startswith("paragraph") else 2,
                    int(number.group(1)) if number else 0)
        return sorted(self.found, key=rank)


class ImportRefused(Exception):
    """The DOCX cannot be imported; `problems` says every reason."""

    def __init__(self, problems: list[ImportProblem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems
