"""The body of a paired footnote: both languages side by side, lead left.

    tiny paragraph            LibreOffice hangs on a note whose first element
                              is a table, and puts its own number here: 1 pt,
                              out of sight
    table, two cells          lead cell: Word's own number (w:footnoteRef), so
                              Word renumbers the note by itself; other cell:
                              a NOTEREF field to the reference in the text
    empty paragraph           a note may not end with a table

Each number hangs in the indent of its cell.

LibreOffice (7.4) shows nothing for a w:footnoteRef in a table cell (it only
draws its own number at the start of a note's first paragraph, never in a
cell). So the lead number is Markup Compatibility content: a consumer that
understands WordprocessingML's own namespace (Word) takes the footnoteRef,
LibreOffice, which honours only a few namespaces there, takes the fallback,
the number as text. A LibreOffice re-save keeps the fallback.
"""
from __future__ import annotations

from . import wml


def note_body(w, note, n: int, texts: dict[str, list]) -> list:
    lead, other = w.lay.langs
    hang = w.spec.note_number.twips
    cells = []
    for lang in (lead, other):
        props = w.props(lang, "footnote reference")
        if lang == lead:
            # LibreOffice draws no tab after alternate content: its fallback
            # carries the tab as a character, Word's choice a w:tab.
            digits = wml.el("w:t")
            digits.set(wml.XML_SPACE, "preserve")
            digits.text = f"{note.number}\t"
            number = [wml.el("w:r", None, props, wml.alternate(
                [wml.el("w:footnoteRef"), wml.el("w:tab")], [digits]))]
        else:
            number = wml.field(f"NOTEREF _RefFn{n} \\f \\h",
                               w.runs(str(note.number), lang, "footnote reference"),
                               w.props(lang))
            texts = {**texts, lang: _tab_first(texts[lang], w.props(lang))}
        cells.append([w.p("footnote text", lang, number + texts[lang],
                          wml.indent(hang, hanging=hang))])
    table = w.table([w.row(cells)])
    return [w.p("Note Spacer", lead), table, w.p("Note Spacer", lead)]



def _tab_first(runs: list, props) -> list:
    """The note's text with a tab character at the start of its first run:
    LibreOffice (7.4) drops a run, or a w:tab, right after a field, but keeps
    a tab character in the text."""
    runs = list(runs)
    t = runs[0].find(wml.qn("w:t")) if runs else None
    if t is None:
        t = wml.el("w:t")
        t.text = ""
        runs.insert(0, wml.el("w:r", None, props, t))
    else:
        runs[0] = wml._copy(runs[0])
        t = runs[0].find(wml.qn("w:t"))
    t.set(wml.XML_SPACE, "preserve")
    t.text = "\t" + (t.text or "")
    return runs
