"""A document is written whole or not at all, and a batch never lets one
document's outputs overwrite another file of the batch."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import MINIMAL, ROOT

OLD = b"an earlier good output\n"


def hemicycle(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)


def many_authors(minimal_text: str, count: int) -> str:
    authors = "".join(f"    - name: Auteur Numéro{i}\n      gender: f\n      party: PS\n"
                      for i in range(count))
    start = minimal_text.index("  authors:\n") + len("  authors:\n")
    end = minimal_text.index("  and_others:")
    return minimal_text[:start] + authors + minimal_text[end:]


def test_a_document_refused_by_one_format_replaces_no_output(tmp_path, minimal_text):
    """200 authors overflow the PDF's cover; the HTML and DOCX, which would have
    been fine, must not be replaced either."""
    content = tmp_path / "doc.yaml"
    content.write_text(many_authors(minimal_text, 200), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for ext in ("html", "docx", "pdf"):
        (out / f"doc.{ext}").write_bytes(OLD)
    result = hemicycle("build", content, "--format", "html,docx,pdf", "--out", out)
    assert result.returncode == 2, result.stderr
    assert "cover cannot hold" in result.stderr
    for ext in ("html", "docx", "pdf"):
        assert (out / f"doc.{ext}").read_bytes() == OLD
    assert sorted(p.name for p in out.iterdir()) == ["doc.docx", "doc.html", "doc.pdf"]


def test_a_content_file_is_never_overwritten_by_its_own_output(tmp_path):
    content = tmp_path / "motion.html"
    shutil.copy(MINIMAL, content)
    before = content.read_bytes()
    result = hemicycle("build", content, "--format", "html", "--out", tmp_path)
    assert result.returncode == 2
    assert "would overwrite the content file" in result.stderr
    assert content.read_bytes() == before


def test_two_files_with_the_same_name_in_one_batch_are_both_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "doc.yaml", tmp_path / "b" / "doc.yaml"
    shutil.copy(MINIMAL, first)
    shutil.copy(MINIMAL, second)
    other = tmp_path / "other.yaml"
    shutil.copy(MINIMAL, other)
    out = tmp_path / "out"
    result = hemicycle("build", first, second, other, "--format", "html", "--out", out)
    assert result.returncode == 2
    assert result.stderr.count("would write the same output") == 2, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["other.html"]


def test_the_same_file_named_twice_is_built_once(tmp_path):
    result = hemicycle("build", MINIMAL, MINIMAL, "--format", "html", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("minimal.yaml →") == 1
