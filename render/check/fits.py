"""What only the laid-out page can tell: a cover too full for its one page,
a note taller than a page. The PDF writer refuses such a document; `check`
asks the same question, so that what `check` accepts, `build` writes.

Laying out a document takes seconds, so it is done only for documents whose
cover texts or notes come anywhere near what a page holds; the thresholds are
a fraction of the measured capacity of the cover and of a page's notes with
the bundled templates (about 800 characters of title alone fill the cover,
1,700 of summary, 69 authors; a note overflows past about 5,000).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..model import Document

COVER_CAPACITY = {"title": 800, "summary": 1700, "authors": 1700}   # characters
SAFE_SHARE = 0.5          # below half of the cover's capacity, no layout is needed
SAFE_NOTE = 1500          # characters of one language's note text


def fit_findings(doc: Document, templates: Path) -> list[Problem]:
    if not may_overflow(doc):
        return []
    try:
        from ..writers.pdf import layout, page_problems
    except (ImportError, OSError):  # no PDF engine here: the build will say so
        return []
    return page_problems(doc, layout(doc, templates))


def may_overflow(doc: Document) -> bool:
    meta = doc.meta

    def longest(pair) -> int:
        return max(len(pair.fr.plain), len(pair.nl.plain)) if pair is not None else 0

    authors = sum(len(a.name) + len(a.party) + 8 for a in meta.authors)
    share = (longest(meta.title) / COVER_CAPACITY["title"]
             + longest(meta.summary) / COVER_CAPACITY["summary"]
             + authors / COVER_CAPACITY["authors"])
    notes = max((longest(n.text) for n in doc.footnotes.values()), default=0)
    return share >= SAFE_SHARE or notes >= SAFE_NOTE
