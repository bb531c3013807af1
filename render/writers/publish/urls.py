"""The URLs of a paragraph, found in the runs WeasyPrint drew.

The links are made on the PDF itself rather than as HTML links: WeasyPrint 70
breaks a line differently where an inline element starts or ends (a note's
line came out with one word on it), so the HTML keeps its text as it is and
the link rectangles are measured on the runs (`geometry`).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...check.facts import find_urls
from .capture import Run

ZERO_WIDTH_SPACE = "\u200b"     # the HTML writer's break opportunity inside a token
INSERTED_HYPHEN = "\u2010"      # WeasyPrint's hyphen at a hyphenated line end
_JOINED = "-/" + INSERTED_HYPHEN + ZERO_WIDTH_SPACE   # a line that ends on these goes on


@dataclass
class UrlLink:
    address: str
    pieces: list[tuple[Run, int, int]]   # (run, start, end): characters of run.text


def url_links(runs: list[Run]) -> list[UrlLink]:
    """The URLs of consecutive runs of one paragraph, each with the stretch of
    every run it covers, in order."""
    if not any("/" in run.text or "www." in run.text.lower() for run in runs):
        return []       # no URL without either (most paragraphs): not worth reading
    text, where = logical_text(runs)
    links = []
    for start, end in find_urls(text):
        address = text[start:end]
        if not address.lower().startswith(("http://", "https://")):
            address = "https://" + address      # `www.…`, `hetq.am/…`
        pieces: dict[int, list] = {}
        for run, index in where[start:end]:
            if run is None:
                continue
            piece = pieces.setdefault(id(run), [run, index, index + 1])
            piece[2] = index + 1
        links.append(UrlLink(address, [tuple(p) for p in pieces.values()]))
    return links


def logical_text(runs: list[Run]) -> tuple[str, list]:
    """The paragraph's text as written: lines joined with a space, unless a
    line ends in a hyphen, a slash or a break opportunity; WeasyPrint's
    hyphens and the zero-width spaces left out. With each character, the run
    and index in `run.text` it comes from."""
    chars: list[tuple[str, Run | None, int]] = []
    previous = None
    for run in runs:
        text = run.text
        if previous is not None and _new_line(previous, run):
            if chars and chars[-1][0] == INSERTED_HYPHEN:
                chars.pop()
            elif not previous.text.endswith(tuple(_JOINED)):
                chars.append((" ", None, -1))
        chars.extend((ch, run, i) for i, ch in enumerate(text) if ch != ZERO_WIDTH_SPACE)
        previous = run
    return "".join(c for c, _, _ in chars), [(run, i) for _, run, i in chars]


def _new_line(previous: Run, run: Run) -> bool:
    """Whether `run` starts a line after `previous` (text goes left to right)."""
    before = previous.box
    return (run.page != previous.page
            or run.box.position_x < before.position_x + before.width - 0.5)
