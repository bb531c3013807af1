"""A build killed at any moment leaves the previous output or the new one,
never a broken file."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import MINIMAL, ROOT

OLD = b"%PDF-1.7\n% an earlier good build\n"


def start_build(out):
    return subprocess.Popen(
        [sys.executable, "-m", "render", "build", str(MINIMAL), "--format", "pdf",
         "--out", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def good_build(tmp_path_factory):
    """A good PDF, and how long a build takes here (to spread kills over it)."""
    out = tmp_path_factory.mktemp("good")
    started = time.perf_counter()
    assert start_build(out).wait(timeout=120) == 0
    return (out / "minimal.pdf").read_bytes(), time.perf_counter() - started


@pytest.fixture
def good_pdf(good_build):
    return good_build[0]


@pytest.mark.parametrize("fraction", [0.3, 0.7, 0.9, 1.0])
def test_sigkill_at_any_moment_leaves_old_or_new_file(tmp_path, good_build, fraction):
    good_pdf, duration = good_build
    target = tmp_path / "minimal.pdf"
    target.write_bytes(OLD)
    proc = start_build(tmp_path)
    time.sleep(duration * fraction)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert target.read_bytes() in (OLD, good_pdf)


def test_sigkill_while_the_file_is_being_written(tmp_path, good_pdf):
    """Kill as soon as the temporary file appears: the target is untouched."""
    target = tmp_path / "minimal.pdf"
    target.write_bytes(OLD)
    proc = start_build(tmp_path)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(name.endswith(".part") for name in os.listdir(tmp_path)):
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    assert target.read_bytes() in (OLD, good_pdf)


def test_sigterm_while_the_file_is_being_written_leaves_no_part_file(tmp_path, good_pdf):
    target = tmp_path / "minimal.pdf"
    target.write_bytes(OLD)
    proc = start_build(tmp_path)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(name.endswith(".part") for name in os.listdir(tmp_path)):
            proc.send_signal(signal.SIGTERM)
            break
    proc.wait(timeout=60)
    assert target.read_bytes() in (OLD, good_pdf)
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".part")]
