"""The body of a paired footnote: both languages side by side, lead left.

    tiny paragraph            LibreOffice hangs on a note whose first element
                              is a table, and puts its own number here: 1 pt,
                              out of sight
    table, two cells          lead cell: Word's own number (w:footnoteRef), so
                              Word renumbers the note by itself; other cell:
                              a NOTEREF field to the reference in the text
    empty paragraph           a note may not end with a table

Each number hangs in the indent of its cell.
"""
from __future__ import annotations

from . import wml


def note_body(w, note, n: int, texts: dict[str, list]) -> list:
    lead, other = w.lay.langs
    hang = w.spec.note_number.twips
    indent = wml.indent(hang, hanging=hang)
    cells = []
    for lang in (lead, other):
        props = w.props(lang, "footnote reference")
        if lang == lead:
            number = [wml.el("w:r", None, props, wml.el("w:footnoteRef"))]
        else:
            number = wml.field(f"NOTEREF _RefFn{n} \\f \\h",
                               w.runs(str(note.number), lang, "footnote reference"),
                               w.props(lang))
        cells.append([w.p("footnote text", lang, number + [wml.tab(w.props(lang))]
                          + texts[lang], indent)])
    table = w.table([w.row(cells)])
    return [w.p("Note Spacer", lead), table, w.p("Note Spacer", lead)]
