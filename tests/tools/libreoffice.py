"""LibreOffice as the tests' stand-in for a clerk's Word: converting DOCX
files to PDF on "a machine without the font", and reading the pages back.

The conversion runs with a time limit and an address-space cap (a bad file
fails fast instead of eating the machine), its own profile, and a fontconfig
configuration whose only font folder is DejaVu's: the system's Linux
Libertine is hidden, so only a font embedded in the DOCX can show.
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
TIMEOUT = 180
MEMORY = 4 << 30

RUNNING_HEAD_PT = 60   # the head's baseline sits about 48 pt from the top
RUNNING_FOOT_PT = 45   # the strip sits about 35 pt from the bottom


def _limit_address_space():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, (f"{name} is needed for this test: run `make deps` (Debian, as root) or see "
                  "the README's prerequisites")
    return path


def to_pdf(sources: list[Path], outdir: Path, hide_fonts: bool = True) -> dict[Path, Path]:
    """Each DOCX converted to `outdir/<stem>.pdf`, in one LibreOffice run."""
    soffice = tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("FONTCONFIG")}
    env["HOME"] = str(outdir)
    if hide_fonts:
        assert DEJAVU.is_dir(), f"{DEJAVU} is needed (Debian package fonts-dejavu-core)"
        config = outdir / "fonts.conf"
        config.write_text(
            '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f"  <dir>{DEJAVU}</dir>\n  <cachedir>{outdir / 'fontconfig-cache'}</cachedir>\n"
            "</fontconfig>\n", encoding="utf-8")
        env["FONTCONFIG_FILE"] = str(config)
    result = subprocess.run(
        ["timeout", "-k", "5", str(TIMEOUT), soffice,
         f"-env:UserInstallation={(outdir / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)],
        env=env, capture_output=True, text=True, timeout=TIMEOUT + 30,
        preexec_fn=_limit_address_space)
    pdfs = {source: outdir / f"{source.stem}.pdf" for source in sources}
    missing = [str(s) for s, p in pdfs.items() if not p.is_file()]
    assert not missing, (f"LibreOffice made no PDF for {missing} (exit {result.returncode}): "
                         f"{result.stdout}{result.stderr}")
    return pdfs


def pdf_fonts(pdf: Path) -> dict[str, bool]:
    """Font name (without the subset tag) → embedded, from pdffonts."""
    result = subprocess.run([tool("pdffonts"), str(pdf)], capture_output=True, text=True,
                            timeout=60, check=True)
    fonts = {}
    for line in result.stdout.splitlines()[2:]:
        fields = line.split()
        if len(fields) >= 7:
            fonts[fields[0].split("+", 1)[-1]] = fields[-5] == "yes"
    return fonts


def page_count(pdf: Path) -> int:
    result = subprocess.run([tool("pdfinfo"), str(pdf)], capture_output=True, text=True,
                            timeout=60, check=True)
    return int(next(line.split()[1] for line in result.stdout.splitlines()
                    if line.startswith("Pages:")))


def note_separator_top(page) -> float | None:
    """Where the footnote separator (a short thin rule) stands on a page of
    LibreOffice's PDF, if the page has notes."""
    rules = [r["top"] for r in page.rects + page.lines
             if r["height"] < 1.5 and r["width"] < page.width * 0.4 and r["top"] > page.height / 3]
    return min(rules) if rules else None


def largest_blank_band(page) -> float:
    """The tallest vertical gap between two lines of text on the page, between
    the running head and the foot (body and notes alike), as a share of the
    page's height."""
    lines = sorted({(round(w["top"], 1), round(w["bottom"], 1)) for w in page.extract_words()
                    if RUNNING_HEAD_PT < w["top"] < page.height - RUNNING_FOOT_PT})
    largest, bottom = 0.0, None
    for top, low in lines:
        if bottom is not None and top > bottom:
            largest = max(largest, top - bottom)
        bottom = low if bottom is None else max(bottom, low)
    return largest / page.height
