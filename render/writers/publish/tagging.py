"""The structure tree written into the PDF (pikepdf): structure elements,
the parent tree that leads from marked content back to them, note IDs, and
the link annotations with their place in the tree."""
from __future__ import annotations

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from . import geometry
from .capture import Capture, Run
from .structure import Node, NoteTarget, Structure, UriTarget

# What a link says it does, for a reader that cannot see where it goes
# (PDF/UA asks every link for such a description), by language.
_NOTE = {"fr": "Note {n}", "nl": "Voetnoot {n}"}
_BACK = {"fr": "Retour à l’appel de la note {n}",
         "nl": "Terug naar de verwijzing naar voetnoot {n}"}


def number_marks(structure: Structure) -> dict[int, int]:
    """id(run) → its new MCID: the tagged runs of each page numbered from 0
    in drawing order (furniture becomes artifacts and loses its MCID)."""
    runs = sorted(structure.root.runs(), key=lambda run: run.key)
    numbers: dict[int, int] = {}
    counts: dict[int, int] = {}
    for run in runs:
        numbers[id(run)] = counts.get(run.page, 0)
        counts[run.page] = numbers[id(run)] + 1
    return numbers


def write(pdf: pikepdf.Pdf, capture: Capture, structure: Structure,
          marks: dict[int, int]) -> None:
    _Writer(pdf, capture, structure, marks).write()


class _Writer:
    def __init__(self, pdf, capture, structure, marks):
        self.pdf, self.capture, self.structure, self.marks = pdf, capture, structure, marks
        self.pages = [page.obj for page in pdf.pages]
        self.parents: list[dict[int, object]] = [{} for _ in self.pages]   # page → MCID → elem
        self.annotations: list[tuple[object, object]] = []                 # (annot, elem)
        self.ids: list[tuple[str, object]] = []

    def write(self) -> None:
        root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        document = self.element(self.structure.root, root)
        root.K = Array([document])
        # the number and name trees are built as lists and made arrays once:
        # extending a pikepdf Array copies it (quadratic in a document of
        # thousands of note links)
        nums = []
        for index, page in enumerate(self.pages):
            page.StructParents = index
            page.Tabs = Name.S
            mcids = self.parents[index]
            nums += [index, self.pdf.make_indirect(Array(
                [mcids[m] for m in range(len(mcids))]))]
        for key, (annotation, element) in enumerate(self.annotations, start=len(self.pages)):
            annotation.StructParent = key
            nums += [key, element]
        root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=Array(nums)))
        root.ParentTreeNextKey = len(self.pages) + len(self.annotations)
        if self.ids:
            names = []
            for name, element in sorted(self.ids, key=lambda item: item[0].encode()):
                names += [String(name), element]
            root.IDTree = Dictionary(Names=Array(names))
        catalog = self.pdf.Root
        catalog.StructTreeRoot = root
        catalog.MarkInfo = Dictionary(Marked=True)
        catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)

    def element(self, node: Node, parent) -> object:
        element = self.pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name("/" + node.role), P=parent))
        if node.lang:
            element.Lang = String(node.lang)
        if node.id:
            element.ID = String(node.id)
            self.ids.append((node.id, element))
        if node.numbering:
            element.A = Dictionary(O=Name.List, ListNumbering=Name("/" + node.numbering))
        own = [kid for kid in node.kids if isinstance(kid, Run)]
        page = own[0].page if own else None
        if page is not None:
            element.Pg = self.pages[page]
        kids = Array()
        for kid in node.kids:
            if isinstance(kid, Node):
                kids.append(self.element(kid, element))
                continue
            mcid = self.marks[id(kid)]
            self.parents[kid.page][mcid] = element
            kids.append(mcid if kid.page == page else
                        Dictionary(Type=Name.MCR, Pg=self.pages[kid.page], MCID=mcid))
        if node.target is not None:
            for annotation, page_index in self.link_annotations(node):
                self.annotations.append((annotation, element))
                kids.append(Dictionary(Type=Name.OBJR, Obj=annotation,
                                       Pg=self.pages[page_index]))
        element.K = kids
        return element

    # --- links ---------------------------------------------------------------------

    def link_annotations(self, node: Node):
        """One link annotation per line the link covers, on the line's page."""
        action = self.action(node)
        if action is None:
            return
        for page, (x0, y0, x1, y1) in self.link_lines(node):
            annotation = self.pdf.make_indirect(Dictionary(
                Type=Name.Annot, Subtype=Name.Link, Rect=Array([x0, y0, x1, y1]),
                Border=Array([0, 0, 0]), F=4, P=self.pages[page],
                Contents=String(self.description(node)), **action))
            page_object = self.pages[page]
            if Name.Annots not in page_object:
                page_object.Annots = Array()
            page_object.Annots.append(annotation)
            yield annotation, page

    def link_lines(self, node: Node) -> list[tuple[int, tuple]]:
        """The rectangles of a link's stretches, those side by side on one
        line made one."""
        lines: list[tuple[int, list[float]]] = []
        for run, start, end in node.pieces:
            x0, y0, x1, y1 = geometry.rect(self.capture, run, start, end)
            if lines and lines[-1][0] == run.page and y0 < lines[-1][1][3] \
                    and y1 > lines[-1][1][1]:
                box = lines[-1][1]
                box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
            else:
                lines.append((run.page, [x0, y0, x1, y1]))
        return [(page, tuple(box)) for page, box in lines]

    def action(self, node: Node) -> dict | None:
        target = node.target
        if isinstance(target, UriTarget):
            return {"A": Dictionary(S=Name.URI, URI=String(target.address))}
        if isinstance(target, NoteTarget):
            note = self.structure.notes.get(target)
            run = next(note.runs(), None) if note is not None else None
        else:
            run = self.structure.calls.get(target) or next(
                (r for t, r in self.structure.calls.items() if t.number == target.number), None)
        if run is None:
            return None
        x, y = geometry.top_left(self.capture, run)
        return {"Dest": Array([self.pages[run.page], Name.XYZ, x, y, 0])}

    def description(self, node: Node) -> str:
        target = node.target
        if isinstance(target, UriTarget):
            return target.address
        wording = _NOTE if isinstance(target, NoteTarget) else _BACK
        return wording.get(target.lang.split("-")[0], wording["fr"]).format(n=target.number)
