"""Same input, same bytes: two builds of every test document, in separate
processes (so with different hash seeds), give identical files."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

DOCUMENTS = sorted((ROOT / "tests" / "data").glob("*.yaml"))


def build(path, out):
    result = subprocess.run(
        [sys.executable, "-m", "render", "build", str(path), "--format", "pdf,docx,html",
         "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return {p.name: p.read_bytes() for p in out.iterdir()}


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_two_builds_are_byte_identical(path, tmp_path):
    first = build(path, tmp_path / "first")
    second = build(path, tmp_path / "second")
    assert sorted(first) == sorted(f"{path.stem}.{ext}" for ext in ("pdf", "docx", "html"))
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"
