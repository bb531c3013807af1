"""Everything `check` reports on a valid document: the comparisons of the two
languages and the house style (parity), the file's name against its number,
what the pages cannot hold (fits), and which findings the content itself
accepts.

A finding is accepted by an `accepted:` entry beside the pair it concerns
(its `finding` is the start of the message, its `reason` says why): it is
still listed, marked accepted, and not counted. An accepted entry that no
longer matches anything is said, so that stale ones do not pile up.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from ..errors import Problem
from ..model import Accepted, Document, Pos
from ..model.locale import file_stem
from .fits import fit_findings
from .parity import check_document

_CHAMBER_STEM = re.compile(r"\d{2}K\d{7}")


def findings(doc: Document, templates: Path | None = None) -> list[Problem]:
    """With `templates`, also what the laid-out pages cannot hold (the PDF
    writer finds that itself while building)."""
    problems = check_document(doc) + file_name_findings(doc)
    if templates is not None:
        problems += fit_findings(doc, templates)
    return sorted(apply_accepted(doc, problems), key=lambda p: (p.pos.line, p.pos.col))


def counted(problems: list[Problem]) -> list[Problem]:
    """The findings that count: not those the content accepts."""
    return [p for p in problems if p.accepted is None]


def file_name_findings(doc: Document) -> list[Problem]:
    """A file named like the Chamber's (`56K0612001.yaml`) must hold that document."""
    if doc.source is None:
        return []
    stem = Path(doc.source).stem
    if not _CHAMBER_STEM.fullmatch(stem):
        return []
    meta = doc.meta
    expected = file_stem(meta.legislature, meta.dossier, meta.subdocument)
    if stem == expected:
        return []
    pos = meta.number_pos or Pos(str(doc.source), 1, 1)
    return [Problem(pos, f"the file is named {stem} but holds DOC {meta.legislature} "
                         f"{meta.dossier:04d}/{meta.subdocument:03d} ({expected}): rename the "
                         "file or correct the number", "warning")]


def apply_accepted(doc: Document, problems: list[Problem]) -> list[Problem]:
    entries = [(pair.pos, a) for pair in _pairs(doc) for a in pair.accepted]
    used: set[int] = set()
    out = []
    for problem in problems:
        match = next((i for i, (pos, a) in enumerate(entries)
                      if pos == problem.pos and _matches(a, problem)), None)
        if match is None:
            out.append(problem)
        else:
            used.add(match)
            out.append(replace(problem, accepted=entries[match][1].reason))
    for i, (_, a) in enumerate(entries):
        if i not in used:
            out.append(Problem(a.pos, f"the accepted finding '{a.finding}' no longer occurs "
                                      "here; remove the entry", "warning"))
    return out


def _matches(accepted: Accepted, problem: Problem) -> bool:
    def norm(text: str) -> str:
        return " ".join(text.split()).casefold()
    return norm(problem.message).startswith(norm(accepted.finding))


def _pairs(doc: Document):
    yield doc.meta.title
    if doc.meta.summary is not None:
        yield doc.meta.summary
    yield from doc.pairs()
    for note in doc.footnotes.values():
        yield note.text
