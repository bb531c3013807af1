"""A resolution's life after deposit, as data: the dossier's earlier
sub-documents, sets of amendments and the adoption of a text.

Every sub-document of one number (`DOC 56 0589/001`, `/002`, …) belongs to
one dossier. A proposal (`/001`) is amended by sets of amendments; a text
adopted names its base, the sets and the amendments adopted, and is built
as the base resolution with those amendments applied (`consolidate`).
Nothing here knows about YAML or about layout.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from .document import Author, Pair, Pos

TargetKind = Literal["considerant", "request", "title"]
TARGET_KINDS: tuple[str, ...] = ("considerant", "request", "title")

Action = Literal["replace", "replace-words", "insert-before", "insert-after", "delete"]
ACTIONS: tuple[str, ...] = ("replace", "replace-words", "insert-before", "insert-after",
                            "delete")

Body = Literal["committee", "plenary"]
BODIES: tuple[str, ...] = ("committee", "plenary")


@dataclass(frozen=True)
class Stage:
    """Where a set of amendments is tabled, or a text adopted: a committee
    (named in both languages) or the plenary."""

    body: Body
    committee: Pair | None = None   # `commission des Relations extérieures`, when a committee


@dataclass(frozen=True)
class Target:
    """The item of the base text an amendment acts on, by its label in the
    base as deposited: considerant `C`, request `4.4.1`, or the title."""

    kind: TargetKind
    label: str                      # "C", "4.4.1" (no final dot); "" for the title
    pos: Pos


@dataclass(frozen=True)
class Amendment:
    """One amendment of a set. A sub-amendment (`amends` set) acts on the
    texts of the amendment it amends, not on the base: its `target` is that
    amendment's, its action is `replace` (a new `text`/`lead` for it) or
    `replace-words` (words of its `text`, or of its `new_words`), and its
    `new_label` is ""."""

    number: int                     # runs on through the dossier (derived unless written)
    authors: tuple[Author, ...]
    target: Target
    action: Action
    pos: Pos
    text: Pair | None = None        # the new item: replace, insert-before, insert-after
    lead: Pair | None = None        # a new request's opening verb phrase (small caps)
    old_words: Pair | None = None   # replace-words: the words replaced (once in each language)
    new_words: Pair | None = None   # replace-words: the words put in their place
    new_label: str = ""             # the label the new item bears: "C", "Cbis", "4.2bis"
    justification: tuple[Pair, ...] = ()
    amends: int | None = None       # a sub-amendment: the number of the amendment it amends


@dataclass(frozen=True)
class Earlier:
    """An earlier sub-document of the dossier, as the history block on a
    cover names it (`001: Proposition de résolution de Mme Van Hoof.`)."""

    subdocument: int
    doctype: str                    # "resolution", "amendments", "adopted-text"
    authors: tuple[Author, ...]
    and_others: bool
    deposited: date
    stage: Stage | None = None      # amendments and texts adopted: where


@dataclass(frozen=True)
class AmendmentSet:
    """The body of an amendments sub-document (`type: amendments`)."""

    base: int                       # the sub-document amended (1: the proposal)
    stage: Stage
    amendments: tuple[Amendment, ...]


@dataclass(frozen=True)
class Adoption:
    """What a text adopted (`type: adopted-text`) is made of. The document's
    resolution is the base's with the adopted amendments applied."""

    stage: Stage
    base: int
    sets: tuple[int, ...]           # the amendment sub-documents it draws on
    adopted: tuple[int, ...]        # the numbers of the amendments adopted, in order
    pos: Pos
