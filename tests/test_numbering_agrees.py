"""The PDF and the DOCX give every note the same number, by construction:
numbers come from the model, in the order of the layout rows (lead cell
before the other, verb before text), which is the order in which Word
numbers the footnote references it finds row by row."""
from __future__ import annotations

import io
import re
import subprocess
import zipfile

from lxml import etree

from conftest import MINIMAL
from render.content.loader import load_bytes
from render.paths import templates_dir
from render.writers.docx import render_docx
from render.writers.pdf import render_pdf

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}

# A request whose lead verb calls a note in Dutch only while its text calls
# another in French only (`check` flags it; `build` still writes both files).
MISMATCHED = """
footnotes:
  verbnote:
    fr: Notexverbe du verbe.
    nl: Notexwerkwoord van het werkwoord.
  textnote:
    fr: Notextexte du texte.
    nl: Notextekst van de tekst.
"""


def mismatched_content() -> bytes:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("        nl: verzoekt de federale regering\n",
                        "        nl: verzoekt de federale regering[^verbnote]\n")
    text = text.replace('        fr: "d’agir:"\n', '        fr: "d’agir:[^textnote]"\n')
    text = text.replace("\nfootnotes:\n", MISMATCHED.rstrip("\n") + "\n", 1)
    return text.encode("utf-8")


def docx_numbers(data: bytes) -> dict[str, int]:
    """Note text (its first word) → the number Word gives it: the rank of its
    reference among all references in document order."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    refs = [r.get(f"{{{W}}}id") for r in body.iter(f"{{{W}}}footnoteReference")]
    out = {}
    for rank, ref in enumerate(refs, start=1):
        note = notes.find(f"w:footnote[@w:id='{ref}']", NS)
        for word in re.findall(r"Notex\w+", "".join(note.itertext())):
            out[word] = rank
    return out


def docx_field_numbers(data: bytes) -> dict[str, set[str]]:
    """Note text → the numbers stored in the NOTEREF fields inside it."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    out: dict[str, set[str]] = {}
    for note in notes.iterfind("w:footnote", NS):
        texts = "".join(note.itertext())
        numbers = set()
        runs = list(note.iter(f"{{{W}}}r"))
        for i, r in enumerate(runs):
            if "NOTEREF" in (r.findtext("w:instrText", namespaces=NS) or ""):
                numbers.add(runs[i + 2].findtext("w:t", namespaces=NS))
        for word in re.findall(r"Notex\w+", texts):
            out[word] = numbers
    return out


def pdf_numbers(data: bytes, tmp_path) -> dict[str, int]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return {m.group(2): int(m.group(1)) for m in re.finditer(r"(\d+)\s*(Notex\w+)", text)}


def test_pdf_and_docx_number_every_note_alike_on_mismatched_calls(tmp_path):
    doc = load_bytes(mismatched_content(), "mismatched.yaml")
    numbers = {n.id: n.number for n in doc.footnotes.values()}
    # French leads: the verb's Dutch-only call comes after the French text's call
    assert numbers["textnote"] < numbers["verbnote"]
    templates = templates_dir()
    in_docx = docx_numbers(render_docx(doc, templates))
    in_pdf = pdf_numbers(render_pdf(doc, templates), tmp_path)
    words = {"verbnote": ("Notexverbe", "Notexwerkwoord"), "textnote": ("Notextexte",
                                                                        "Notextekst")}
    for note_id, (fr, nl) in words.items():
        assert in_pdf[fr] == in_pdf[nl] == numbers[note_id], (note_id, in_pdf)
        assert in_docx[fr] == in_docx[nl] == numbers[note_id], (note_id, in_docx)
    fields = docx_field_numbers(render_docx(doc, templates))
    for note_id, (fr, nl) in words.items():
        assert fields[fr] == {str(numbers[note_id])}
