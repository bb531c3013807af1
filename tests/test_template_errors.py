"""A mistake in the templates folder is the clerk's to fix: it is named with
its file and line, exit 2, and the earlier outputs stay."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import MINIMAL, ROOT

OLD = b"an earlier good output\n"


def hemicycle(*args):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def templates(tmp_path):
    copy = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", copy)
    return copy


def build_with(templates, out, formats="html,pdf,docx"):
    out.mkdir(exist_ok=True)
    for ext in formats.split(","):
        (out / f"minimal.{ext}").write_bytes(OLD)
    result = hemicycle("build", MINIMAL, "--format", formats, "--out", out,
                       "--templates", templates)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    for ext in formats.split(","):
        assert (out / f"minimal.{ext}").read_bytes() == OLD
    return result.stderr


def edit_line(path, number, suffix):
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[number - 1] = lines[number - 1].rstrip("\n") + suffix + "\n"
    path.write_text("".join(lines), encoding="utf-8")


def test_a_missing_templates_folder(tmp_path):
    result = hemicycle("build", MINIMAL, "--out", tmp_path, "--templates", tmp_path / "none")
    assert result.returncode == 2
    assert "the templates folder" in result.stderr and "does not exist" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_jinja_syntax_error_names_file_and_line(templates, tmp_path):
    edit_line(templates / "html" / "document.html.j2", 5, " {% if %}")
    errors = build_with(templates, tmp_path / "out")
    assert "templates/html/document.html.j2:5: " in errors


def test_a_template_failing_while_rendering_names_file_and_line(templates, tmp_path):
    edit_line(templates / "html" / "document.html.j2", 7, " {{ nothing.here }}")
    errors = build_with(templates, tmp_path / "out", "html,pdf")
    assert "templates/html/document.html.j2:7: UndefinedError: 'nothing' is undefined" in errors


def test_a_missing_template(templates, tmp_path):
    (templates / "html" / "chamber.css").unlink()
    errors = build_with(templates, tmp_path / "out", "pdf")
    assert "the template chamber.css is missing" in errors


def test_a_missing_font(templates, tmp_path):
    (templates / "fonts" / "LinLibertine_R.otf").unlink()
    errors = build_with(templates, tmp_path / "out", "pdf")
    assert "templates/fonts/LinLibertine_R.otf: No such file" in errors


def test_broken_wording_yaml(templates, tmp_path):
    with open(templates / "wording.yaml", "a", encoding="utf-8") as f:
        f.write("broken: [\n")
    errors = build_with(templates, tmp_path / "out", "html,docx")
    assert "wording.yaml:" in errors and "not valid YAML" in errors


def test_a_wording_entry_removed(templates, tmp_path):
    wording = templates / "wording.yaml"
    text = wording.read_text(encoding="utf-8")
    assert text.count("\nchamber_short:") == 1
    wording.write_text(text.replace("\nchamber_short:", "\nchamber_shrt:"), encoding="utf-8")
    errors = build_with(templates, tmp_path / "out", "docx")
    assert "wording.yaml lacks the entry chamber_short" in errors
