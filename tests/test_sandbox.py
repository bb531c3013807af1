"""Content can never run code or reach outside: hostile texts come out
literally in PDF, DOCX and HTML, and a build opens no network connection and
reads no file outside the templates, the content file, the libraries and
hemicycle's own cache."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tempfile
import zipfile
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT

HOSTILE = {
    "heading_fr": '{{ 7*7 }} {% include "/etc/passwd" %} <script>alert(1)</script>',
    "heading_nl": '<img src="http://example.org/x.png"> <img src="file:///etc/hostname">',
    "paragraph_fr": "<link rel=stylesheet href=file:///etc/passwd> &amp; ${HOME} `id`",
}


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    work = tmp_path_factory.mktemp("sandbox")
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("fr: Les pesticides", f"fr: {json.dumps(HOSTILE['heading_fr'])}")
    text = text.replace("nl: De pesticiden", f"nl: {json.dumps(HOSTILE['heading_nl'])}")
    text = text.replace("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                        f"fr: {json.dumps(HOSTILE['paragraph_fr'] + '[^efsa]')}")
    # A file the hostile text points at, in a folder the build may write to:
    # it must still never be read.
    secret = work / "secret.png"
    secret.write_bytes(b"\x89PNG secret")
    text = text.replace("nl: Neonicotinoïden liggen aan de basis.[^efsa]",
                        f"nl: {json.dumps(f'<img src={secret.as_uri()}> url({secret.as_uri()})[^efsa]')}")
    assert text.count("secret.png") == 2
    content = work / "hostile.yaml"
    content.write_text(text, encoding="utf-8")
    events = work / "events.json"
    out = work / "out"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "tools" / "audited_build.py"), str(events),
         "build", str(content), "--format", "pdf,docx,html", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "HEMICYCLE_CACHE": str(work / "cache")})
    assert result.returncode == 0, result.stderr
    return content, out, json.loads(events.read_text(encoding="utf-8"))


def test_build_opens_no_network_connection(audited):
    _, _, events = audited
    assert events["net"] == []


def allowed_roots(content: Path, out: Path) -> list[str]:
    paths = sysconfig.get_paths()
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, paths["stdlib"], paths["purelib"],
             paths["platlib"], str(ROOT / "render"), str(ROOT / "templates"), str(content),
             # WeasyPrint hands fonts to fontconfig through temporary files:
             str(out), tempfile.gettempdir(),
             # hemicycle's cache between processes (render/disk_cache.py):
             str(content.parent / "cache"),
             # read by the standard library itself, whatever the content:
             "/usr/share/zoneinfo", "/etc/mime.types", "/dev/null", "/dev/urandom"}
    return [os.path.realpath(r) for r in roots]


def test_build_reads_nothing_outside_templates_content_and_libraries(audited):
    content, out, events = audited
    roots = allowed_roots(content, out)
    outside = sorted({path for path, _, _ in events["open"]
                      if not any(os.path.realpath(path) == r
                                 or os.path.realpath(path).startswith(r.rstrip("/") + "/")
                                 for r in roots)})
    assert outside == []
    opened = {os.path.realpath(p) for p, _, _ in events["open"]}
    assert "/etc/passwd" not in opened and "/etc/hostname" not in opened
    assert os.path.realpath(content.parent / "secret.png") not in opened


def test_hostile_text_comes_out_literally_in_html(audited):
    _, out, _ = audited
    html = (out / "hostile.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<img src="http://example.org' not in html
    assert "{{ 7*7 }}" in html and "49" not in html.split("{{ 7*7 }}")[0][-10:]


def test_hostile_text_comes_out_literally_in_pdf(audited):
    import pdfplumber
    _, out, _ = audited
    columns = {"left": "", "right": ""}
    with pdfplumber.open(out / "hostile.pdf") as pdf:
        for page in pdf.pages:
            half = page.width / 2
            columns["left"] += page.crop((0, 0, half, page.height)).extract_text() or ""
            columns["right"] += page.crop((half, 0, page.width, page.height)).extract_text() or ""

    def squeeze(s):  # line breaks may fall anywhere in these unbreakable strings
        return "".join(s.split())
    french, dutch = squeeze(columns["left"]), squeeze(columns["right"])  # French leads
    for needle in (HOSTILE["heading_fr"], HOSTILE["paragraph_fr"]):
        assert squeeze(needle) in french, needle
    assert squeeze(HOSTILE["heading_nl"]) in dutch


def test_hostile_text_comes_out_literally_in_docx(audited):
    _, out, _ = audited
    with zipfile.ZipFile(out / "hostile.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "{{ 7*7 }}" in xml
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in xml
    assert "&lt;img src=\"http://example.org/x.png\"&gt;" in xml or \
        "&lt;img src=&quot;http://example.org/x.png&quot;&gt;" in xml
