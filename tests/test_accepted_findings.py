"""Content can accept a finding of `check` beside the field it concerns, with
a reason: `check` still lists it, marked accepted, and does not count it.
And a file named like the Chamber's must hold that document."""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"


def hemicycle(*args):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def differing(minimal_text: str, accepted: str = "") -> str:
    """The minimal document with 76 % in Dutch against 75 % in French."""
    text = minimal_text.replace("75 % van de gewassen", "76 % van de gewassen")
    marker = "        menace *notre* alimentation.\n"
    assert marker in text
    return text.replace(marker, marker + accepted, 1) if accepted else text


ACCEPTED = ("      accepted:\n"
            "        - finding: numbers differ\n"
            "          reason: as published\n")


def test_the_reference_records_its_known_discrepancies_and_passes_check():
    result = hemicycle("check", "--format", "json", REFERENCE)
    report = json.loads(result.stdout)
    assert result.returncode == 0
    assert (report["errors"], report["warnings"], report["accepted"]) == (0, 0, 5)
    assert all("accepted" in p for p in report["problems"])


def test_an_accepted_finding_is_listed_marked_and_not_counted(tmp_path, minimal_text):
    plain = tmp_path / "plain.yaml"
    plain.write_text(differing(minimal_text), encoding="utf-8")
    assert hemicycle("check", plain).returncode == 1

    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(differing(minimal_text, ACCEPTED), encoding="utf-8")
    result = hemicycle("check", accepted)
    assert result.returncode == 0
    assert "error: numbers differ" in result.stdout and "[accepted: as published]" in result.stdout
    assert "0 error(s), 0 warning(s), 1 accepted" in result.stderr
    build = hemicycle("build", accepted, "--strict", "--format", "html", "--out", tmp_path)
    assert build.returncode == 0 and "warning" not in build.stderr


def test_an_accepted_entry_that_matches_nothing_is_said(tmp_path, minimal_text):
    stale = tmp_path / "stale.yaml"
    stale.write_text(differing(minimal_text, ACCEPTED).replace("76 % van", "75 % van"),
                     encoding="utf-8")
    result = hemicycle("check", stale)
    assert result.returncode == 0
    assert "warning: the accepted finding 'numbers differ' no longer occurs here" in result.stdout


def test_an_accepted_entry_needs_a_reason(tmp_path, minimal_text):
    bad = tmp_path / "bad.yaml"
    bad.write_text(differing(minimal_text, ACCEPTED.replace("          reason: as published\n",
                                                            "")), encoding="utf-8")
    result = hemicycle("check", bad)
    assert result.returncode == 2
    assert "'reason' is missing" in result.stdout


def test_a_file_named_for_another_document_is_warned(tmp_path, minimal_text):
    wrong = tmp_path / "56K0613001.yaml"
    wrong.write_text(minimal_text, encoding="utf-8")
    result = hemicycle("check", wrong)
    assert "56K0613001.yaml:5:3: warning: the file is named 56K0613001 but holds " \
           "DOC 56 0612/001 (56K0612001)" in result.stdout
    right = tmp_path / "56K0612001.yaml"
    right.write_text(minimal_text, encoding="utf-8")
    assert hemicycle("check", right).stdout == ""
