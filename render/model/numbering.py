"""Automatic numbering: footnotes in order of first call, considerant
letters, request numbers. Done once on the model so every writer agrees."""
from __future__ import annotations

from dataclasses import replace

from .locale import considerant_label, request_label
from .document import Document, Request


def number_document(doc: Document) -> Document:
    order: list[str] = []
    for item in doc.items():
        # Item by item, the lead language's calls (its verb, then its text)
        # before the other's: the order in which a reader, and Word, meet
        # them in the two columns (Word numbers notes row by row, left cell
        # first). The layout rows follow the same order.
        for lang in doc.meta.langs:
            for pair in item:
                for note_id in pair[lang].note_ids:
                    if note_id not in order:
                        order.append(note_id)
    footnotes = {nid: replace(doc.footnotes[nid], number=i + 1) for i, nid in enumerate(order)
                 if nid in doc.footnotes}
    # Notes never called keep number 0 (the loader reports them as errors).
    for nid, note in doc.footnotes.items():
        footnotes.setdefault(nid, note)
    if doc.resolution is None:  # a set of amendments: its labels come from the base
        return replace(doc, footnotes=footnotes)
    considerants = tuple(replace(c, label=considerant_label(i))
                         for i, c in enumerate(doc.resolution.considerants))
    requests = _number_requests(doc.resolution.requests, ())
    resolution = replace(doc.resolution, considerants=considerants, requests=requests)
    return replace(doc, resolution=resolution, footnotes=footnotes)


def _number_requests(requests: tuple[Request, ...], prefix: tuple[int, ...]):
    numbered = []
    for i, r in enumerate(requests, start=1):
        path = prefix + (i,)
        numbered.append(replace(r, label=request_label(path), depth=len(path),
                                children=_number_requests(r.children, path)))
    return tuple(numbered)
