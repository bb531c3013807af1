"""Hostile and broken content: each bad file of tests/bad/ gets exactly one
clear `path:line:col:` error, exit code 2, no traceback and no output; the
loader never raises anything but its own error type."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL, ROOT
from render.errors import ContentError
from render.content.loader import load_bytes, load_document

BAD = ROOT / "tests" / "bad"


def expectations() -> list[tuple[str, int, int, str]]:
    cases = []
    for line in (BAD / "EXPECTED").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, l, c, part = line.split(":", 3)
            cases.append((name, int(l), int(c), part.strip()))
    return cases


CASES = expectations()


def test_corpus_is_large_and_complete():
    assert len(CASES) >= 40
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted(c[0] for c in CASES)


@pytest.mark.parametrize("name,line,col,part", CASES, ids=[c[0] for c in CASES])
def test_bad_file_gets_one_positioned_error(name, line, col, part):
    with pytest.raises(ContentError) as info:
        load_document(BAD / name)
    problems = info.value.problems
    assert len(problems) == 1, [str(p) for p in problems]
    (problem,) = problems
    assert (problem.pos.line, problem.pos.col) == (line, col), str(problem)
    assert part in problem.message, str(problem)
    assert problem.pos.path == str(BAD / name)


def test_batch_build_of_the_corpus_reports_each_file_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    earlier = {}
    for name, *_ in CASES:
        target = out / (Path(name).stem + ".html")
        target.write_bytes(b"an earlier good build of " + name.encode())
        earlier[target] = target.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "render", "build", "--format", "html", "--out", str(out),
         *[str(BAD / name) for name, *_ in CASES]],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = [l for l in result.stderr.splitlines() if re.match(r"^.+:\d+:\d+: error: ", l)]
    for name, line, col, part in CASES:
        mine = [l for l in errors if l.startswith(f"{BAD / name}:")]
        assert mine == [l for l in mine if l.startswith(f"{BAD / name}:{line}:{col}: error: ")]
        assert len(mine) == 1, (name, mine)
    assert {p: p.read_bytes() for p in out.iterdir()} == earlier


MINIMAL_BYTES = MINIMAL.read_bytes()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_loader_raises_only_its_own_error_on_mutated_content(data):
    """Cut, insert or replace bytes anywhere in a valid file."""
    raw = bytearray(MINIMAL_BYTES)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw)))
        action = data.draw(st.sampled_from(["cut", "insert", "replace"]))
        chunk = data.draw(st.binary(max_size=6) | st.sampled_from(
            [b":", b"- ", b"\t", b"&a ", b"*a", b"[^x]", b"\"", b"'", b"\n  ", b"{", b"\xff",
             b"\x00", b"!!python/object:os.system ", b"{{ x }}"]))
        if action == "cut":
            del raw[at:at + len(chunk) + 1]
        elif action == "insert":
            raw[at:at] = chunk
        else:
            raw[at:at + len(chunk)] = chunk
    try:
        load_bytes(bytes(raw), "mutated.yaml")
    except ContentError as exc:
        assert exc.problems and all(p.pos.line >= 1 and p.pos.col >= 1 for p in exc.problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_loader_raises_only_its_own_error_on_any_text(text):
    try:
        load_bytes(text.encode("utf-8", "surrogatepass"), "random.yaml")
    except ContentError:
        pass
