"""Where outputs go and where the report goes can fail in every way a machine
allows: each is one line naming the path and the cause, a non-zero exit, no
traceback, and every earlier output left as it was."""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT

OLD = b"an earlier good output\n"


def hemicycle(*args, env=None, preexec_fn=None, stdout=subprocess.PIPE, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=180,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec_fn)


def assert_one_line_failure(result, *needles, code=1):
    errors = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, errors
    assert "Traceback" not in errors
    lines = [l for l in errors.splitlines() if l.startswith("hemicycle")]
    assert lines, errors
    for needle in needles:
        assert any(needle in l for l in lines), errors


def test_out_naming_a_file(tmp_path):
    (tmp_path / "afile").write_bytes(OLD)
    result = hemicycle("build", MINIMAL, "--format", "html", "--out", tmp_path / "afile")
    assert_one_line_failure(result, "afile is a file, not a folder")
    assert (tmp_path / "afile").read_bytes() == OLD


def test_out_a_dangling_symbolic_link(tmp_path):
    (tmp_path / "gone").symlink_to(tmp_path / "nowhere")
    result = hemicycle("build", MINIMAL, "--format", "html", "--out", tmp_path / "gone")
    assert_one_line_failure(result, "gone is a symbolic link to something that does not exist")


def test_a_folder_where_an_output_file_should_go(tmp_path):
    """Refused before anything is written: the other formats' old files stay."""
    (tmp_path / "minimal.pdf").mkdir()
    (tmp_path / "minimal.html").write_bytes(OLD)
    result = hemicycle("build", MINIMAL, "--format", "html,pdf", "--out", tmp_path)
    assert_one_line_failure(result, "minimal.pdf is a folder where the output file should go")
    assert (tmp_path / "minimal.html").read_bytes() == OLD


def test_an_output_that_is_a_dangling_symbolic_link_is_replaced_by_the_file(tmp_path):
    (tmp_path / "minimal.html").symlink_to(tmp_path / "nowhere")
    result = hemicycle("build", MINIMAL, "--format", "html", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "minimal.html").is_file()
    assert not (tmp_path / "minimal.html").is_symlink()


@pytest.fixture
def unwritable_folder(tmp_path):
    """A folder the build may not write into: read-only for a user, immutable
    for root (who ignores permissions)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "minimal.html").write_bytes(OLD)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder)], check=True)
        yield folder
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_an_unwritable_folder(unwritable_folder):
    result = hemicycle("build", MINIMAL, "--format", "html", "--out", unwritable_folder)
    assert_one_line_failure(result, f"cannot write {unwritable_folder}/minimal.html",
                            "cannot be written to")
    assert (unwritable_folder / "minimal.html").read_bytes() == OLD


def test_new_into_an_unwritable_folder(unwritable_folder):
    result = hemicycle("new", "resolution", "--legislature", 56, "--number", 12,
                       "--author", "Jan Peeters,m,N-VA", "--dir", unwritable_folder / "sub")
    assert_one_line_failure(result, "cannot write", code=2)
    assert not (unwritable_folder / "sub").exists()


def limit_file_size(limit: int):
    """A full disk, as the build sees it: writes past `limit` bytes fail."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_writes_nothing_and_keeps_every_earlier_output(tmp_path):
    for name in ("minimal.pdf", "minimal.docx", "minimal.html"):
        (tmp_path / name).write_bytes(OLD)
    # Fonts (at most 0.5 MB) and the PDF and DOCX fit; the HTML, fonts inside, does not.
    result = hemicycle("build", MINIMAL, "--format", "pdf,docx,html", "--out", tmp_path,
                       preexec_fn=limit_file_size(1_000_000))
    assert_one_line_failure(result, "File too large", "earlier outputs are left as they were")
    for name in ("minimal.pdf", "minimal.docx", "minimal.html"):
        assert (tmp_path / name).read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["minimal.docx", "minimal.html", "minimal.pdf"]


def test_a_full_temporary_folder_is_said_in_one_line(tmp_path):
    (tmp_path / "minimal.pdf").write_bytes(OLD)
    result = hemicycle("build", MINIMAL, "--format", "pdf", "--out", tmp_path,
                       preexec_fn=limit_file_size(100_000))
    assert_one_line_failure(result, "cannot write", "File too large")
    assert (tmp_path / "minimal.pdf").read_bytes() == OLD


def test_a_batch_goes_on_after_a_document_that_cannot_be_written(tmp_path):
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    shutil.copy(MINIMAL, first)
    shutil.copy(MINIMAL, second)
    out = tmp_path / "out"
    (out / "a.html").mkdir(parents=True)
    result = hemicycle("build", first, second, "--format", "html", "--out", out)
    assert_one_line_failure(result, "a.html is a folder")
    assert (out / "b.html").is_file()


@pytest.mark.parametrize("command", [["build", "--format", "html"], ["check", "--format", "json"]])
def test_standard_output_on_a_full_device(tmp_path, command):
    with open("/dev/full", "wb") as full:
        result = hemicycle(*command, MINIMAL, *(["--out", tmp_path] if command[0] == "build"
                                               else []), stdout=full)
    assert_one_line_failure(result, "cannot write to standard output: No space left on device")
    if command[0] == "build":
        assert (tmp_path / "minimal.html").is_file()  # the document itself was built


def test_standard_output_closed_early_stops_nothing(tmp_path):
    """`hemicycle build … | head -1`: the reader goes away, the batch goes on."""
    copies = []
    for name in ("a", "b", "c"):
        copies.append(tmp_path / f"{name}.yaml")
        shutil.copy(MINIMAL, copies[-1])
    proc = subprocess.Popen([sys.executable, "-m", "render", "build", *map(str, copies),
                             "--format", "html", "--out", str(tmp_path / "out")], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does
    errors = proc.stderr.read().decode()
    assert proc.wait(timeout=180) == 1
    assert "Traceback" not in errors and "Exception ignored" not in errors, errors
    assert sorted(os.listdir(tmp_path / "out")) == ["a.html", "b.html", "c.html"]


@pytest.mark.parametrize("encoding", ["iso-8859-1", "ascii"])
def test_a_locale_that_is_not_utf8(tmp_path, encoding):
    result = hemicycle("build", MINIMAL, MINIMAL.parent / "56K0733001.yaml", "--format",
                       "html", "--out", tmp_path, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr
    log = result.stdout.decode(encoding)
    assert "minimal.yaml -> " in log and "56K0733001.yaml -> " in log


def test_a_content_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(b"r\xe9solution.yaml")
    shutil.copy(MINIMAL, tmp_path / name)
    result = hemicycle("build", name, "--format", "html,docx", "--out", "out", "--depfile",
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr.decode("utf-8", "replace")
    assert os.path.isfile(tmp_path / "out" / os.fsdecode(b"r\xe9solution.html"))
    depfile = tmp_path / "out" / os.fsdecode(b"r\xe9solution.docx.d")
    assert b"r\xe9solution.yaml" in depfile.read_bytes()
    check = hemicycle("check", "--format", "json", name, cwd=tmp_path)
    assert check.returncode == 0


def test_a_file_name_with_a_line_break_cannot_forge_log_lines(tmp_path):
    name = "new\nline.yaml"
    shutil.copy(MINIMAL, tmp_path / name)
    result = hemicycle("build", name, "--format", "html", "--out", "out", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.decode().splitlines()[0].startswith("new\\nline.yaml → out/new\\nline")
    depfile = hemicycle("build", name, "--format", "html", "--out", "dep", "--depfile",
                        cwd=tmp_path)
    assert_one_line_failure(depfile, "make cannot name a file whose name holds a line break",
                            code=2)
    assert not (tmp_path / "dep").exists()


def test_a_file_name_too_long_for_the_file_system(tmp_path):
    name = "a" * 250 + ".yaml"
    shutil.copy(MINIMAL, tmp_path / name)
    result = hemicycle("build", name, "--format", "html", "--out", "out", cwd=tmp_path)
    assert_one_line_failure(result, "File name too long")
