"""The `hemicycle` command: exit codes, error output, and outputs left intact."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import MINIMAL, ROOT

ERROR_LINE = re.compile(r"^.+:\d+:\d+: (error|warning): .+$")


def hemicycle(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def broken_copy(minimal_text, write_content):
    text = minimal_text.replace("    nl: betreffende de bescherming van de bijen\n", "")
    text = text.replace("  and_others: true", "  and_otters: true")
    text = text.replace("deposited: 2024-11-14", "deposited: 2024-02-30")
    return write_content(text, "56K0612001.yaml")


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["check", "--help"]])
def test_every_command_has_help(args):
    result = hemicycle(*args)
    assert result.returncode == 0
    assert "usage: hemicycle" in result.stdout


def test_check_of_a_valid_file_exits_0():
    result = hemicycle("check", MINIMAL)
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_reports_all_errors_of_a_file_with_exit_2(minimal_text, write_content):
    path = broken_copy(minimal_text, write_content)
    result = hemicycle("check", path)
    assert result.returncode == 2
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and all(ERROR_LINE.match(l) for l in lines), lines
    assert all(l.startswith(f"{path}:") for l in lines)
    assert "Traceback" not in result.stderr


def test_check_json_lists_problems(minimal_text, write_content):
    import json
    path = broken_copy(minimal_text, write_content)
    result = hemicycle("check", "--format", "json", path)
    report = json.loads(result.stdout)
    assert result.returncode == 2
    assert report["errors"] == 3
    assert {p["line"] for p in report["problems"]} == {7, 9, 18}


def test_build_of_invalid_content_writes_nothing_and_keeps_old_output(
        minimal_text, write_content, tmp_path):
    path = broken_copy(minimal_text, write_content)
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "56K0612001.pdf"
    earlier.write_bytes(b"%PDF- an earlier good build")
    result = hemicycle("build", path, "--out", out, "--format", "pdf,docx")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert earlier.read_bytes() == b"%PDF- an earlier good build"
    assert sorted(p.name for p in out.iterdir()) == ["56K0612001.pdf"]


def test_unknown_format_is_a_usage_error():
    result = hemicycle("build", MINIMAL, "--format", "odt")
    assert result.returncode == 2
    assert "unknown format 'odt'" in result.stderr


def test_missing_file_is_reported_not_raised(tmp_path):
    result = hemicycle("check", tmp_path / "nope.yaml")
    assert result.returncode == 2
    assert "nope.yaml:1:1: error: cannot read the file" in result.stdout
    assert "Traceback" not in result.stderr


def test_batch_build_prints_one_line_per_document_and_a_total(tmp_path):
    bad = ROOT / "tests" / "bad" / "empty.yaml"
    result = hemicycle("build", MINIMAL, bad, "--out", tmp_path, "--format", "pdf,docx")
    assert result.returncode == 2
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3, lines
    assert re.match(rf"^{re.escape(str(MINIMAL))} → .*minimal\.pdf, .*minimal\.docx, "
                    r"\d+ pages  \d+\.\d\d s$", lines[0]), lines[0]
    assert lines[1] == f"{bad}: not built (1 error)"
    assert re.match(r"^2 documents, 2 files written, 1 failed, \d+\.\d\d s$", lines[2])
    assert (tmp_path / "minimal.pdf").exists() and not (tmp_path / "empty.pdf").exists()


def test_a_broken_page_yaml_is_named_with_what_to_fix(tmp_path):
    """A templates folder a clerk broke is not an internal error: the file,
    the entry and the fix are named, exit 2, and earlier outputs stay."""
    import shutil
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    page = templates / "page.yaml"
    page.write_text(page.read_text(encoding="utf-8").replace("top: 21mm", "top: 21 furlongs"),
                    encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "minimal.pdf").write_bytes(b"earlier")
    result = subprocess.run([sys.executable, "-m", "render", "build", str(MINIMAL), "--templates",
                             str(templates), "--out", str(out)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 2
    assert f"{page}: text.top: '21 furlongs' is not a length such as 21mm or 10pt" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert (out / "minimal.pdf").read_bytes() == b"earlier"
    assert not (out / "minimal.docx").exists()
    page.write_text("paper: {width: 210mm\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "render", "build", str(MINIMAL), "--templates",
                             str(templates), "--out", str(out), "--format", "docx"],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 2 and f"{page}: line 2, column 1: not valid YAML" in result.stderr


def test_build_shows_findings_of_check_as_warnings_and_strict_refuses_them(tmp_path,
                                                                           minimal_text):
    content = tmp_path / "doc.yaml"
    content.write_text(minimal_text.replace("75 % van de gewassen", "76 % van de gewassen"),
                       encoding="utf-8")
    result = hemicycle("build", content, "--format", "html", "--out", tmp_path / "out")
    assert result.returncode == 0
    assert re.search(r"doc\.yaml:\d+:\d+: warning: .*75.*76", result.stderr), result.stderr
    assert (tmp_path / "out" / "doc.html").is_file()

    strict = hemicycle("build", content, "--format", "html", "--out", tmp_path / "strict",
                       "--strict")
    assert strict.returncode == 1
    assert "not built under --strict (1 finding of check)" in strict.stdout
    assert not (tmp_path / "strict").exists()
