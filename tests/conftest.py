"""Shared helpers: content files made from the minimal example."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"

# The test run keeps its own cache between processes (render/disk_cache.py),
# empty at the start: every run converts what it needs once, whatever the
# user's cache holds, and leaves nothing behind.
if "HEMICYCLE_CACHE" not in os.environ:
    os.environ["HEMICYCLE_CACHE"] = tempfile.mkdtemp(prefix="hemicycle-test-cache-")
    atexit.register(shutil.rmtree, os.environ["HEMICYCLE_CACHE"], True)


@pytest.fixture
def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


@pytest.fixture
def write_content(tmp_path):
    """Write a content file into tmp_path and return its path."""
    def write(text: str | bytes, name: str = "doc.yaml") -> Path:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return write
