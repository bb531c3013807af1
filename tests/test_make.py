"""make builds from the dependency files hemicycle writes: touching a
template rebuilds exactly the documents that read it, an unchanged tree
rebuilds nothing, and `make -j2` runs builds side by side."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT

SUMMARY = "  summary:\n    fr: Un résumé.\n    nl: Een samenvatting.\n"


def make(scratch: Path, *args: str, hemicycle: str | None = None, expect: int = 0):
    command = hemicycle or f"{sys.executable} -m render"
    result = run_make(scratch, *args, command=command)
    assert result.returncode == expect, result.stdout + result.stderr
    return result.stdout


def run_make(scratch: Path, *args: str, command: str):
    return subprocess.run(
        ["make", "-f", str(ROOT / "Makefile"), "--no-print-directory", "FORMATS=html",
         f"HEMICYCLE={command}", "SETUP=", f"TEMPLATES={scratch / 'templates'}", "CODE=",
         *args],
        cwd=scratch, capture_output=True, text=True, timeout=300,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))


def touch(scratch: Path, changed: Path) -> None:
    """Sources old, outputs newer, `changed` newest: as if just saved.

    The outputs are made newer than *now*, so that files a build also reads
    from outside the scratch folder (the legislature's data in the project,
    which a fresh clone has just written) count as older than them; `changed`
    is newer still."""
    now = time.time()
    for path in scratch.rglob("*"):
        if path.is_file():
            stamp = now + 10 if path.parent.name == "build" else now - 100
            os.utime(path, (stamp, stamp))
    os.utime(changed, (now + 20, now + 20))


@pytest.fixture
def scratch(tmp_path):
    (tmp_path / "content").mkdir()
    (tmp_path / "build").mkdir()
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    text = MINIMAL.read_text(encoding="utf-8")
    (tmp_path / "content" / "plain.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "content" / "summed.yaml").write_text(
        text.replace("  and_others: true\n", "  and_others: true\n" + SUMMARY), encoding="utf-8")
    return tmp_path


def mtimes(scratch):
    return {p.name: p.stat().st_mtime_ns for p in (scratch / "build").glob("*.html")}


def test_make_builds_rebuilds_exactly_what_changed(scratch):
    make(scratch)
    assert sorted(mtimes(scratch)) == ["plain.html", "summed.html"]
    depfile = (scratch / "build" / "summed.html.d").read_text(encoding="utf-8")
    assert "templates/html/summary.html.j2" in depfile
    assert "summary.html.j2" not in (scratch / "build" / "plain.html.d").read_text()

    # An unchanged tree rebuilds nothing.
    before = mtimes(scratch)
    assert "hemicycle" not in make(scratch) and "render" not in make(scratch, "-n")
    assert mtimes(scratch) == before

    # The summary template is read by one document only.
    touch(scratch, scratch / "templates" / "html" / "summary.html.j2")
    before = mtimes(scratch)
    planned = make(scratch, "-n")
    assert "summed.yaml" in planned and "plain.yaml" not in planned
    make(scratch)
    after = mtimes(scratch)
    assert after["summed.html"] != before["summed.html"]
    assert after["plain.html"] == before["plain.html"]

    # The stylesheet is read by both; the wording too.
    for shared in ("html/chamber.css", "wording.yaml"):
        touch(scratch, scratch / "templates" / shared)
        planned = make(scratch, "-n")
        assert "summed.yaml" in planned and "plain.yaml" in planned, shared
        make(scratch)

    # A changed content file rebuilds its own document only.
    touch(scratch, scratch / "content" / "plain.yaml")
    planned = make(scratch, "-n")
    assert "plain.yaml" in planned and "summed.yaml" not in planned


def test_make_j2_runs_two_builds_at_once(scratch):
    """Each build waits until the other has started: with -j1 this would time
    out; with -j2 both start together."""
    marks = scratch / "marks"
    marks.mkdir()
    wrapper = scratch / "together.sh"
    wrapper.write_text(f"""#!/bin/sh
touch "{marks}/$$"
for i in $(seq 1 200); do
  [ "$(ls "{marks}" | wc -l)" -ge 2 ] && exec {sys.executable} -m render "$@"
  sleep 0.1
done
echo "the other build never started alongside" >&2
exit 1
""", encoding="utf-8")
    wrapper.chmod(0o755)
    make(scratch, "-j2", hemicycle=str(wrapper))
    assert sorted(mtimes(scratch)) == ["plain.html", "summed.html"]


def test_a_broken_file_does_not_stop_make_building_the_others(scratch):
    (scratch / "content" / "broken.yaml").write_text("document: [\n", encoding="utf-8")
    result = run_make(scratch, command=f"{sys.executable} -m render")
    assert result.returncode != 0
    assert "broken.yaml:" in result.stderr and "Traceback" not in result.stderr
    assert sorted(mtimes(scratch)) == ["plain.html", "summed.html"]


def test_make_check_reports_every_content_file_at_once(scratch):
    (scratch / "content" / "broken.yaml").write_text("document: [\n", encoding="utf-8")
    plain = scratch / "content" / "plain.yaml"
    plain.write_text(plain.read_text(encoding="utf-8").replace(
        "75 % van de gewassen", "76 % van de gewassen"), encoding="utf-8")
    result = run_make(scratch, "check", command=f"{sys.executable} -m render")
    assert result.returncode != 0
    assert "broken.yaml:2:1: error:" in result.stdout
    assert "plain.yaml:" in result.stdout and "75" in result.stdout
    assert "3 files checked" in result.stderr


def test_make_strict_writes_nothing_for_a_document_with_findings(scratch):
    plain = scratch / "content" / "plain.yaml"
    plain.write_text(plain.read_text(encoding="utf-8").replace(
        "75 % van de gewassen", "76 % van de gewassen"), encoding="utf-8")
    result = run_make(scratch, "STRICT=1", command=f"{sys.executable} -m render")
    assert result.returncode != 0
    assert sorted(mtimes(scratch)) == ["summed.html"]
    make(scratch)  # without STRICT the findings are warnings
    assert sorted(mtimes(scratch)) == ["plain.html", "summed.html"]
