"""`hemicycle new`: a complete, valid, commented file whose placeholders
`check` reports, that builds at once, and that is never overwritten."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT
from render.content.loader import load_document


def hemicycle(*args, cwd):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=180,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


NEW = ["new", "resolution", "--legislature", "56", "--number", "612",
       "--author", "Jan Peeters,m,N-VA", "--author", "Marie Dupont,f,PS", "--lead", "nl",
       "--deposited", "2025-03-04"]


def test_new_writes_a_valid_commented_file(tmp_path):
    result = hemicycle(*NEW, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / "content" / "56K0612001.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    doc = load_document(path)
    assert doc.meta.lead == "nl" and doc.meta.dossier == 612
    assert [a.name for a in doc.meta.authors] == ["Jan Peeters", "Marie Dupont"]
    for key in ("title:", "authors:", "developments:", "considerants:", "requests:",
                "footnotes:", "summary:"):
        assert key in text


def test_check_reports_the_placeholders_as_unfinished(tmp_path):
    hemicycle(*NEW, cwd=tmp_path)
    result = hemicycle("check", "content/56K0612001.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert "placeholder" in result.stdout
    assert "content/56K0612001.yaml:13:3: error:" in result.stdout


def test_new_never_overwrites(tmp_path):
    hemicycle(*NEW, cwd=tmp_path)
    path = tmp_path / "content" / "56K0612001.yaml"
    path.write_text("my work", encoding="utf-8")
    result = hemicycle(*NEW, cwd=tmp_path)
    assert result.returncode == 2
    assert "already exists" in result.stderr
    assert path.read_text(encoding="utf-8") == "my work"


def test_bad_author_is_a_clear_usage_error(tmp_path):
    result = hemicycle("new", "resolution", "--legislature", "56", "--number", "1",
                       "--author", "Jan Peeters,male,N-VA", cwd=tmp_path)
    assert result.returncode == 2
    assert "gender is f, m or x" in result.stderr
    assert not (tmp_path / "content").exists()


def test_from_new_to_pdf_and_docx_in_two_more_commands(tmp_path):
    assert hemicycle(*NEW, cwd=tmp_path).returncode == 0
    result = hemicycle("build", "content/56K0612001.yaml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "build" / "56K0612001.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "build" / "56K0612001.docx").read_bytes().startswith(b"PK")


@pytest.mark.parametrize("author, says", [
    ("Jan\x1b[2J,m,N-VA", "holds the control character U+001B"),
    ("Jan,m,\u200b", "shows nothing"),
    (os.fsdecode(b"\xff\xfe,m,PS"), "holds the lone surrogate U+DCFF"),
])
def test_new_refuses_an_author_no_output_can_print(tmp_path, author, says):
    result = hemicycle("new", "resolution", "--legislature", "56", "--number", "612",
                       "--author", author, "--dir", str(tmp_path / "content"), cwd=tmp_path)
    assert result.returncode == 2
    assert says in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "content").exists()
