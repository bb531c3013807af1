"""The typed bilingual document model.

The loader builds it from YAML; every writer (HTML/PDF, DOCX) and every check
consumes it. Nothing here knows about YAML or about layout.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Literal, Union

if TYPE_CHECKING:
    from .dossier import Adoption, AmendmentSet, Earlier

Lang = Literal["fr", "nl"]
LANGS: tuple[Lang, Lang] = ("fr", "nl")
LANG_NAMES: dict[str, str] = {"fr": "French", "nl": "Dutch"}   # as messages name them

Gender = Literal["f", "m", "x"]
GENDERS: tuple[str, ...] = ("f", "m", "x")   # f: Mme/mevrouw, m: M./de heer, x: no title

MAX_REQUEST_DEPTH = 4   # requests nest to 4.4.1.1.; every writer styles each level


@dataclass(frozen=True)
class Pos:
    """A 1-based position in a content file."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


# --- inline text -----------------------------------------------------------

@dataclass(frozen=True)
class Str:
    text: str


@dataclass(frozen=True)
class Emph:
    text: str


@dataclass(frozen=True)
class NoteRef:
    id: str


Inline = Union[Str, Emph, NoteRef]


@dataclass(frozen=True)
class Text:
    """One language's text: literal strings, emphasis and footnote calls."""

    parts: tuple[Inline, ...]
    source: str = ""  # the text as written in the content file

    @property
    def plain(self) -> str:
        """The words, without footnote calls or markup."""
        return "".join(p.text for p in self.parts if not isinstance(p, NoteRef))

    @property
    def note_ids(self) -> list[str]:
        return [p.id for p in self.parts if isinstance(p, NoteRef)]


@dataclass(frozen=True)
class Accepted:
    """A finding of `check` that the content's author accepts for this field,
    and why (the published text really differs, say): still listed, marked
    accepted, not counted."""

    finding: str      # the start of the finding's message: `dates differ`
    reason: str
    pos: Pos


@dataclass(frozen=True)
class Pair:
    """A field given in both languages (or once for both, when `same`)."""

    fr: Text
    nl: Text
    pos: Pos
    same: bool = False
    accepted: tuple[Accepted, ...] = ()

    def __getitem__(self, lang: str) -> Text:
        if lang == "fr":
            return self.fr
        if lang == "nl":
            return self.nl
        raise KeyError(lang)


# --- metadata --------------------------------------------------------------

@dataclass(frozen=True)
class Author:
    name: str
    gender: Gender
    party: str
    pos: Pos


@dataclass(frozen=True)
class Metadata:
    doctype: str            # "resolution", "amendments", "adopted-text"
    legislature: int
    dossier: int
    subdocument: int
    deposited: date
    lead: Lang
    title: Pair
    authors: tuple[Author, ...]
    and_others: bool = False
    summary: Pair | None = None
    number_pos: Pos | None = None   # where `number:` is written, for findings about it

    @property
    def other(self) -> Lang:
        return "fr" if self.lead == "nl" else "nl"

    @property
    def langs(self) -> tuple[Lang, Lang]:
        """The two languages, lead (left column) first."""
        return (self.lead, self.other)


# --- développements / toelichting ------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    text: Pair


@dataclass(frozen=True)
class Heading:
    """An unnumbered subheading of the développements."""

    text: Pair


@dataclass(frozen=True)
class Salutation:
    text: Pair


@dataclass(frozen=True)
class Signature:
    text: Pair


Block = Union[Paragraph, Heading, Salutation, Signature]


# --- the resolution ---------------------------------------------------------

@dataclass(frozen=True)
class Considerant:
    text: Pair
    label: str = ""  # "A", "B", … assigned by numbering


@dataclass(frozen=True)
class Request:
    lead: Pair | None           # the opening verb phrase, set in small caps
    text: Pair | None
    children: tuple["Request", ...]
    pos: Pos
    label: str = ""             # "1.", "4.1." … assigned by numbering
    depth: int = 1


@dataclass(frozen=True)
class Resolution:
    opening: Pair
    considerants: tuple[Considerant, ...]
    requests: tuple[Request, ...]


@dataclass(frozen=True)
class Footnote:
    id: str
    text: Pair
    number: int = 0  # assigned by numbering, in order of first call


@dataclass(frozen=True)
class Document:
    meta: Metadata
    developments: tuple[Block, ...]
    resolution: Resolution | None          # None in a set of amendments
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    source: Path | None = None
    history: tuple["Earlier", ...] = ()    # the dossier's earlier sub-documents, in order
    amendments: "AmendmentSet | None" = None   # type: amendments
    adoption: "Adoption | None" = None         # type: adopted-text (resolution consolidated)

    # --- traversal shared by numbering, writers and checks ---

    def items(self) -> Iterator[tuple[Pair, ...]]:
        """The texts of the body item by item, in reading order: one pair per
        block, considerant and the opening; a request's lead verb and text;
        in a set of amendments, each amendment's texts (new text, words
        replaced and put in their place, each justification paragraph)."""
        for block in self.developments:
            yield (block.text,)
        if self.amendments is not None:
            for a in self.amendments.amendments:
                new = tuple(p for p in (a.lead, a.text, a.old_words, a.new_words)
                            if p is not None)
                if new:
                    yield new
                for paragraph in a.justification:
                    yield (paragraph,)
        if self.resolution is None:
            return
        yield (self.resolution.opening,)
        for c in self.resolution.considerants:
            yield (c.text,)
        for r in iter_requests(self.resolution.requests):
            yield tuple(p for p in (r.lead, r.text) if p is not None)

    def pairs(self) -> Iterator[Pair]:
        """Every bilingual text of the body, in reading order."""
        for item in self.items():
            yield from item

    def notes_in_order(self) -> list[Footnote]:
        return sorted(self.footnotes.values(), key=lambda n: n.number)

    def note_number(self, note_id: str) -> int:
        return self.footnotes[note_id].number


def iter_requests(requests: tuple[Request, ...]) -> Iterator[Request]:
    """Requests depth-first, in reading order."""
    for r in requests:
        yield r
        yield from iter_requests(r.children)
