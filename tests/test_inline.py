"""The inline markup: `*emphasis*` and `[^id]` calls; everything else literal."""
from __future__ import annotations

import pytest

from render.content.inline import escape, parse_inline
from render.model import Emph, NoteRef, Str

CASES = [
    ("plain text", (Str("plain text"),)),
    ("a *word* here", (Str("a "), Emph("word"), Str(" here"))),
    ("sens.[^icj]", (Str("sens."), NoteRef("icj"))),
    ("*see[^n1] this*", (Emph("see"), NoteRef("n1"), Emph(" this"))),
    ("*[^n1]*", (NoteRef("n1"),)),
    ("5 * 3 * 2", (Str("5 * 3 * 2"),)),
    ("a lone * star", (Str("a lone * star"),)),
    ("**", (Str("**"),)),
    (r"\*not emphasis\*", (Str("*not emphasis*"),)),
    (r"\[^id] is text", (Str("[^id] is text"),)),
    (r"back\\slash", (Str("back\\slash"),)),
    ("[^bad id]", (Str("[^bad id]"),)),
    ("[note] and [^", (Str("[note] and [^"),)),
    ("{{ 7*7 }} <b>&amp;</b>", (Str("{{ 7*7 }} <b>&amp;</b>"),)),
    ("path\\to", (Str("path\\to"),)),
]


@pytest.mark.parametrize("source,parts", CASES, ids=[c[0] for c in CASES])
def test_inline_markup(source, parts):
    assert parse_inline(source).parts == parts


@pytest.mark.parametrize("literal", ["a*b*c", "[^x]", "\\", "*", "x\\*y", "{{ }}"])
def test_escaped_text_reads_back_literally(literal):
    assert parse_inline(escape(literal)).plain == literal
    assert parse_inline(escape(literal)).note_ids == []
