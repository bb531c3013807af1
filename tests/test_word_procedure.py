"""The README's procedure for adding a paired note, played in LibreOffice
through UNO as far as LibreOffice can play Word's part (steps 1, 3 and 4):
the lead column's calls renumber themselves and the new cross-reference
shows the new note's number. What LibreOffice cannot play: Word's own mark in
a note's cell (it shows the stored number instead) and updating the
cross-reference fields of the file (it never recomputes an imported field;
Word does on F9)."""
from __future__ import annotations

import re
import resource
import subprocess
from pathlib import Path

from conftest import ROOT
from render.content.loader import load_document
from render.paths import templates_dir
from render.writers.docx import render_docx

SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = ROOT / "tests" / "tools" / "lo_add_note.py"
MEMORY = 4 << 30


def _limit():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def page_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_a_note_added_in_the_lead_column_renumbers_the_calls(tmp_path):
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, text=True)
    assert probe.returncode == 0, ("LibreOffice's Python scripting (Debian package python3-uno) "
                                   "is needed: run `make deps`")
    doc = load_document(ROOT / "tests" / "data" / "56K0589001.yaml")   # Dutch leads
    source = tmp_path / "doc.docx"
    source.write_bytes(render_docx(doc, templates_dir()))
    pdf = tmp_path / "doc.pdf"
    # a new note between notes 1 and 2: after "Europees Hof" (Dutch) and
    # "la Cour européenne" (French), in the paragraph that calls note 2
    result = subprocess.run(
        ["timeout", "-k", "5", "150", SYSTEM_PYTHON, str(SCRIPT), str(source), str(pdf),
         str(tmp_path / "profile"), "Ook het Europees Hof", "la Cour européenne",
         "Nieuwe voetnoot."],
        capture_output=True, text=True, timeout=200, preexec_fn=_limit)
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    text = page_text(pdf)
    # step 1: the new call is note 2 and the next lead call became 3
    assert re.search(r"Europees Hof2\s", text)
    assert re.search(r"te verzekeren\.3", text)
    # step 3: the cross-reference in the other column shows the new number
    assert re.search(r"la Cour européenne2\s", text)
    # what LibreOffice cannot play: the file's cross-reference for the old
    # note 2 keeps its stored number (Word updates it on Ctrl+A, F9)
    assert re.search(r"dans les deux sens\.2", text)
