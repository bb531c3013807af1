"""The cache between processes (`render/disk_cache.py`): the typeface
converted for the DOCX is made once, not in every `hemicycle` run, and the
DOCX has the same bytes whether its fonts came from the cache or not; a
damaged entry is made again, and a cache that cannot be written only costs
time."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import ROOT
from render import disk_cache

REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"


def test_an_entry_is_made_once_and_found_again(tmp_path, monkeypatch):
    monkeypatch.setenv("HEMICYCLE_CACHE", str(tmp_path))
    made = []

    def make() -> bytes:
        made.append(1)
        return b"converted"

    assert disk_cache.cached_bytes("kind", [b"font", b"abc"], make) == b"converted"
    assert disk_cache.cached_bytes("kind", [b"font", b"abc"], make) == b"converted"
    assert len(made) == 1
    # any input changed, or their boundary moved: another entry
    disk_cache.cached_bytes("kind", [b"font", b"abd"], make)
    disk_cache.cached_bytes("kind", [b"fonta", b"bc"], make)
    disk_cache.cached_bytes("other", [b"font", b"abc"], make)
    assert len(made) == 4
    assert not list(tmp_path.rglob(".*.part"))    # no temporary file left


def test_a_damaged_entry_is_made_again(tmp_path, monkeypatch):
    monkeypatch.setenv("HEMICYCLE_CACHE", str(tmp_path))
    disk_cache.cached_bytes("kind", [b"font"], lambda: b"converted")
    [entry] = (tmp_path / "kind").iterdir()
    for damaged in (entry.read_bytes()[:-1] + b"X", entry.read_bytes()[:40], b""):
        entry.write_bytes(damaged)
        assert disk_cache.cached_bytes("kind", [b"font"], lambda: b"converted") == b"converted"
        assert disk_cache.cached_bytes("kind", [b"font"], lambda: b"made again") == b"converted"


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_bytes(b"")
    monkeypatch.setenv("HEMICYCLE_CACHE", str(blocker / "cache"))   # under a file: no folder
    made = []
    for _ in range(2):
        assert disk_cache.cached_bytes("kind", [b"font"], lambda: made.append(1) or b"x") == b"x"
    assert len(made) == 2


def _docx(out, cache) -> bytes:
    run = subprocess.run([sys.executable, "-m", "render", "build", str(REFERENCE), "--format",
                          "docx", "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "HEMICYCLE_CACHE": str(cache)})
    assert run.returncode == 0, run.stderr
    return (out / "56K0589001.docx").read_bytes()


def test_the_docx_is_the_same_from_the_cache_or_not(tmp_path):
    cache = tmp_path / "cache"
    fresh = _docx(tmp_path / "a", cache)
    entries = sorted((cache / "truetype").iterdir())
    assert len(entries) == 4                       # the four faces
    stamps = [entry.stat().st_mtime_ns for entry in entries]
    cached = _docx(tmp_path / "b", cache)
    assert [entry.stat().st_mtime_ns for entry in entries] == stamps   # read, not made again
    blocked = tmp_path / "blocked"
    blocked.write_bytes(b"")
    uncached = _docx(tmp_path / "c", blocked / "cache")
    assert fresh == cached == uncached
