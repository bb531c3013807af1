"""Edits made in the DOCX come back: random documents, random edits made
with python-docx at the level of rows, cells and runs (a changed word, a new
row — paragraph, considerant or request —, a deleted row, a changed note
text, a new paired note added as the README says), then import. The same
edits applied to the model give the document import must return."""
from __future__ import annotations

import io
from copy import deepcopy
from dataclasses import dataclass, replace

import docx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from import_compare import comparable
from lxml import etree
from test_properties import documents, dump

from render.content.loader import load_bytes
from render.importer import import_docx
from render.model import (
    Considerant,
    Document,
    Emph,
    Footnote,
    Heading,
    NoteRef,
    Pair,
    Paragraph,
    Pos,
    Request,
    Resolution,
    Salutation,
    Signature,
    Str,
    Text,
    iter_requests,
)
from render.model.numbering import number_document
from render.paths import templates_dir
from render.writers.docx import render_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
POS = Pos("edited", 1, 1)
BLOCKS = {Paragraph: "paragraph", Heading: "heading", Salutation: "salutation",
          Signature: "signature"}
KINDS = {v: k for k, v in BLOCKS.items()}
# words a clerk types: letters, digits, single spaces
TYPED = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéà0123456789 ")), min_size=1,
                max_size=30).map(lambda s: " ".join(s.split())).filter(bool)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# --- the model, flat, as the rows show it -------------------------------------------------

@dataclass
class Item:
    kind: str
    depth: int
    lead: Pair | None
    text: Pair | None


@dataclass
class Flat:
    doc: Document
    items: list[Item]
    notes: dict[str, Footnote]
    added_notes: int = 0

    @classmethod
    def of(cls, doc: Document) -> Flat:
        items = [Item(BLOCKS[type(b)], 1, None, b.text) for b in doc.developments]
        items.append(Item("opening", 1, None, doc.resolution.opening))
        items += [Item("considerant", 1, None, c.text) for c in doc.resolution.considerants]
        items += [Item("request", r.depth, r.lead, r.text)
                  for r in iter_requests(doc.resolution.requests)]
        return cls(doc, items, dict(doc.footnotes))

    def document(self) -> Document:
        developments = tuple(KINDS[i.kind](i.text) for i in self.items if i.kind in KINDS)
        opening = next(i.text for i in self.items if i.kind == "opening")
        considerants = tuple(Considerant(i.text) for i in self.items if i.kind == "considerant")
        requests = [i for i in self.items if i.kind == "request"]
        return number_document(replace(self.doc, developments=developments, resolution=Resolution(
            opening, considerants, _tree(requests, 1)), footnotes=dict(self.notes)))


def _tree(items: list[Item], depth: int) -> tuple[Request, ...]:
    out, k = [], 0
    while k < len(items):
        j = k + 1
        while j < len(items) and items[j].depth > depth:
            j += 1
        out.append(Request(items[k].lead, items[k].text, _tree(items[k + 1:j], depth + 1), POS,
                           depth=depth))
        k = j
    return tuple(out)


def pair(fr: Text, nl: Text, before: Pair | None = None) -> Pair:
    """The pair after an edit: given once (`both`) when its texts are the
    same, as import writes a changed pair; unchanged, as it was."""
    if before is not None and all(comparable(t) == comparable(before[lang])
                                  for lang, t in (("fr", fr), ("nl", nl))):
        return before
    return Pair(fr, nl, POS, same=comparable(fr) == comparable(nl))


def text(words: str) -> Text:
    return Text((Str(words),), words)


# --- the DOCX, as rows ------------------------------------------------------------------

class Rows:
    def __init__(self, document):
        self.document = document
        self.names = {s.get(w("styleId")): s.find(w("name")).get(w("val"))
                      for s in document.styles.element.iterfind(w("style"))}
        self.emphasis = next(i for i, n in self.names.items() if n == "Emphasis")

    def tables(self):
        return self.document.element.body.findall(w("tbl"))[-2:]

    def items(self) -> list[list]:
        """Each item's rows (a pair cut at its calls has several)."""
        out = []
        for table in self.tables():
            for tr in table.findall(w("tr"))[1:]:
                style = tr.find(f"{w('tc')}/{w('p')}/{w('pPr')}/{w('pStyle')}")
                name = self.names.get(style.get(w("val")), "") if style is not None else ""
                if name.endswith("continued)") and out:
                    out[-1].append(tr)
                else:
                    out.append([tr])
        return out


def run(content: str, style: str | None = None) -> etree._Element:
    r = etree.Element(w("r"))
    if style:
        rpr = etree.SubElement(r, w("rPr"))
        etree.SubElement(rpr, w("rStyle")).set(w("val"), style)
    t = etree.SubElement(r, w("t"))
    t.text = content
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def _plain_runs(p) -> list:
    """The runs of a paragraph that show text as it is: not in a field, not
    a label, a lead verb, a raised ordinal or a call."""
    out, depth = [], 0
    for r in p.iter(w("r")):
        kind = r.find(w("fldChar"))
        if kind is not None:
            depth += {"begin": 1, "end": -1}.get(kind.get(w("fldCharType")), 0)
            continue
        if depth or r.find(w("t")) is None or r.find(f"{w('rPr')}/{w('vertAlign')}") is not None:
            continue
        out.append(r)
    return out


# --- the edits --------------------------------------------------------------------------

def change_word(rows: Rows, flat: Flat, draw, notes) -> None:
    items = rows.items()
    i = draw(st.integers(0, len(items) - 1))
    side = draw(st.integers(0, 1))
    lang = flat.doc.meta.langs[side]
    item = flat.items[i]
    if item.text is None:
        return False
    parts = list(item.text[lang].parts)
    candidates = []
    for tr in items[i]:
        p = tr.findall(w("tc"))[side].find(w("p"))
        for r in _plain_runs(p):
            style = r.find(f"{w('rPr')}/{w('rStyle')}")
            sid = style.get(w("val")) if style is not None else None
            if sid not in (None, rows.emphasis):
                continue
            shown = r.findtext(w("t"))
            kind = Emph if sid else Str
            same = [k for k, part in enumerate(parts) if type(part) is kind and part.text == shown]
            if len(same) == 1 and "\u00a0" not in shown:
                candidates.append((r, same[0], kind))
    if not candidates:
        return False
    r, k, kind = draw(st.sampled_from(candidates))
    word = draw(TYPED)
    if word == r.findtext(w("t")):
        return False
    r.find(w("t")).text = word
    parts[k] = kind(word)
    new = Text(tuple(parts))
    texts = {lang: new, flat.doc.meta.langs[1 - side]: item.text[flat.doc.meta.langs[1 - side]]}
    item.text = pair(texts["fr"], texts["nl"], item.text)


def insert_row(rows: Rows, flat: Flat, draw, notes) -> None:
    items = rows.items()
    kinds = [k for k in ("paragraph", "heading", "considerant", "request")
             if any(i.kind == k for i in flat.items)]
    kind = draw(st.sampled_from(kinds))
    templates = [j for j, i in enumerate(flat.items) if i.kind == kind]
    template = draw(st.sampled_from(templates))
    depth = flat.items[template].depth
    kinds_at = [i.kind for i in flat.items]
    if kind in KINDS:
        after = [j for j, k in enumerate(kinds_at) if k in KINDS]
    elif kind == "considerant":
        after = [j for j, k in enumerate(kinds_at) if k in ("opening", "considerant")]
    else:
        last_before = max(j for j, k in enumerate(kinds_at) if k in ("opening", "considerant"))
        after = [j for j in [last_before] + [j for j, k in enumerate(kinds_at) if k == "request"]
                 if (depth == 1 if j == last_before else depth <= flat.items[j].depth + 1)
                 and (j + 1 >= len(flat.items) or flat.items[j + 1].depth <= depth + 1
                      or flat.items[j + 1].kind != "request")]
    if not after:
        return False
    j = draw(st.sampled_from(after))
    words = {lang: draw(TYPED) for lang in ("fr", "nl")}
    tr = deepcopy(items[template][0])
    for name in ("bookmarkStart", "bookmarkEnd"):
        for e in list(tr.iter(w(name))):
            e.getparent().remove(e)
    for tc, lang in zip(tr.findall(w("tc")), flat.doc.meta.langs):
        p = tc.find(w("p"))
        for child in list(p):
            if child.tag != w("pPr"):
                p.remove(child)
        spacing = p.find(f"{w('pPr')}/{w('spacing')}")
        if spacing is not None:           # Word's new row takes no "keep with the next"
            spacing.getparent().remove(spacing)
        p.append(run(words[lang]))
    items[j][-1].addnext(tr)
    flat.items.insert(j + 1, Item(kind, depth, None, pair(text(words["fr"]), text(words["nl"]))))


def delete_row(rows: Rows, flat: Flat, draw, notes) -> None:
    items = rows.items()

    def calls(item: Item) -> bool:
        return any(p[lang].note_ids for p in (item.lead, item.text) if p is not None
                   for lang in ("fr", "nl"))

    def deletable(j: int) -> bool:
        item = flat.items[j]
        if item.kind == "opening" or calls(item):
            return False
        if sum(i.kind == item.kind or (item.kind in KINDS and i.kind in KINDS)
               for i in flat.items) < 2 and item.kind != "considerant":
            return False
        if item.kind == "request":
            before = flat.items[j - 1].depth if flat.items[j - 1].kind == "request" else 0
            after = flat.items[j + 1].depth if j + 1 < len(flat.items) else 1
            return after <= before + 1
        return True

    choices = [j for j in range(len(flat.items)) if deletable(j)]
    if not choices:
        return False
    j = draw(st.sampled_from(choices))
    for tr in items[j]:
        tr.getparent().remove(tr)
    del flat.items[j]


def _note_cells(footnote) -> list:
    return footnote.find(w("tbl")).find(w("tr")).findall(w("tc"))


def _set_note_text(footnote, side: int, words: str) -> None:
    p = _note_cells(footnote)[side].find(w("p"))
    runs = p.findall(w("r"))
    keep = 1 if side == 0 else 5   # the number: Word's mark, or the NOTEREF field
    for r in runs[keep:]:
        p.remove(r)
    p.append(run(words if side == 0 else "\t" + words))


def change_note_text(rows: Rows, flat: Flat, draw, notes) -> None:
    footnotes = [f for f in notes.findall(w("footnote")) if f.get(w("type")) is None]
    footnote = draw(st.sampled_from(footnotes))
    side = draw(st.integers(0, 1))
    words = draw(TYPED)
    _set_note_text(footnote, side, words)
    note_id = footnote.get("{urn:test}note")
    if note_id is None:
        number = int(footnote.get(w("id")))
        note_id = next(n.id for n in flat.notes.values() if n.number == number)
    note = flat.notes[note_id]
    lang = flat.doc.meta.langs[side]
    other = flat.doc.meta.langs[1 - side]
    texts = {lang: text(words), other: note.text[other]}
    flat.notes[note_id] = replace(note, text=pair(texts["fr"], texts["nl"], note.text))


def add_note(rows: Rows, flat: Flat, draw, notes) -> None:
    """Steps 1 to 3 of the README's “Adding a paired note”, as Word leaves
    the file: a footnote at the end of an item's lead cell, its body a copy
    of another note's table, a cross-reference in the other column."""
    items = rows.items()
    choices = [j for j, i in enumerate(flat.items) if i.text is not None]
    j = draw(st.sampled_from(choices))
    flat.added_notes += 1
    fid = str(9000 + flat.added_notes)
    mark = f"_Ref{900000 + flat.added_notes}"
    reference_style = next(i for i, n in rows.names.items() if n == "footnote reference")
    cells = items[j][-1].findall(w("tc"))
    lead_p, other_p = cells[0].find(w("p")), cells[1].find(w("p"))
    lead_p.append(etree.Element(w("bookmarkStart"), {w("id"): fid, w("name"): mark}))
    ref = run("", reference_style)
    ref.remove(ref.find(w("t")))
    etree.SubElement(ref, w("footnoteReference")).set(w("id"), fid)
    lead_p.append(ref)
    lead_p.append(etree.Element(w("bookmarkEnd"), {w("id"): fid}))
    for part in (("begin", None), (None, f" NOTEREF {mark} \\f \\h "), ("separate", None)):
        r = etree.SubElement(other_p, w("r"))
        if part[0]:
            etree.SubElement(r, w("fldChar")).set(w("fldCharType"), part[0])
        else:
            instr = etree.SubElement(r, w("instrText"))
            instr.text = part[1]
    other_p.append(run("9", reference_style))
    etree.SubElement(etree.SubElement(other_p, w("r")), w("fldChar")).set(w("fldCharType"),
                                                                          "end")
    model = next(f for f in notes.findall(w("footnote")) if f.get(w("type")) is None)
    new = deepcopy(model)
    new.set(w("id"), fid)
    for instr in new.iter(w("instrText")):
        instr.text = f" NOTEREF {mark} \\f \\h "
    words = {lang: draw(TYPED) for lang in ("fr", "nl")}
    for side, lang in enumerate(flat.doc.meta.langs):
        _set_note_text(new, side, words[lang])
    note_id = f"note-{flat.added_notes}"
    new.set("{urn:test}note", note_id)
    notes.append(new)
    item = flat.items[j]
    item.text = pair(*(Text(item.text[lang].parts + (NoteRef(note_id),))
                       for lang in ("fr", "nl")))
    flat.notes[note_id] = Footnote(note_id, pair(text(words["fr"]), text(words["nl"])))


EDITS = [change_word, insert_row, delete_row, change_note_text, add_note]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents(), st.data())
def test_edits_made_in_the_docx_come_back(tmp_path_factory, data, draws):
    doc = load_bytes(dump(data), "random.yaml")
    document = docx.Document(io.BytesIO(render_docx(doc, templates_dir())))
    notes_part = next(p for p in document.part.package.iter_parts()
                      if p.partname == "/word/footnotes.xml")
    notes = etree.fromstring(notes_part.blob)
    rows, flat = Rows(document), Flat.of(doc)
    for edit in draws.draw(st.lists(st.sampled_from(EDITS), min_size=1, max_size=4)):
        if edit(rows, flat, draws.draw, notes) is not False:
            event(edit.__name__)
    for footnote in notes.iter(w("footnote")):
        footnote.attrib.pop("{urn:test}note", None)
    etree.cleanup_namespaces(notes)
    notes_part._blob = etree.tostring(notes, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
    path = tmp_path_factory.mktemp("edited") / "edited.docx"
    document.save(str(path))
    back = load_bytes(import_docx(path).encode("utf-8"), "imported.yaml")
    assert comparable(back) == comparable(flat.document())
