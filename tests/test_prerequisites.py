"""`make` checks the system before setting anything up: the Python version,
and on Debian or Ubuntu the packages (installed when run as root, otherwise
the one command to run is printed)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "tools" / "prerequisites.sh"


def fake_commands(tmp_path, **scripts):
    """A folder of stand-in commands, put first on PATH."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, body in scripts.items():
        path = folder / name.replace("_", "-")
        path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
        path.chmod(0o755)
    return folder


def run(tmp_path, python, *packages, **scripts):
    folder = fake_commands(tmp_path, **scripts)
    return subprocess.run(["sh", str(SCRIPT), python, *packages], capture_output=True,
                          text=True, timeout=60,
                          env={"PATH": f"{folder}:/usr/bin:/bin"})


def test_a_python_too_old_is_named_with_the_way_out(tmp_path):
    result = run(tmp_path, "python3", "libpango-1.0-0",
                 python3='[ "$1" = -c ] && case "$2" in *platform*) echo 3.10.12;; '
                         '*) exit 1;; esac')
    assert result.returncode == 1
    assert "needs Python 3.11 or newer; python3 is 3.10.12" in result.stderr
    assert "make PYTHON=" in result.stderr


def test_a_missing_python(tmp_path):
    result = run(tmp_path, "python3.99")
    assert result.returncode == 1
    assert "'python3.99' was not found" in result.stderr


def test_missing_packages_as_a_user_print_the_command_and_stop(tmp_path):
    result = run(tmp_path, sys.executable, "libpango-1.0-0", "poppler-utils",
                 id="echo 1000", dpkg_query="exit 1")
    assert result.returncode == 1
    assert "sudo apt-get install libpango-1.0-0 poppler-utils" in result.stderr


def test_nothing_missing_passes_quietly(tmp_path):
    result = run(tmp_path, sys.executable, "libpango-1.0-0",
                 dpkg_query="echo 'install ok installed'")
    assert result.returncode == 0 and result.stdout == result.stderr == ""


def test_the_readme_lists_the_packages_make_installs():
    import re
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    block = re.search(r"^DEBIAN_PACKAGES := (.*?)(?<!\\)\n", makefile, re.M | re.S).group(1)
    wanted = set(block.replace("\\", " ").split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"```sh\napt-get install (.*?)\n```", readme, re.S).group(1)
    assert set(line.replace("\\", " ").split()) == wanted
    assert "python3-venv" in wanted
