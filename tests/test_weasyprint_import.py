"""WeasyPrint is imported the quick way on every path that lays out a PDF:
without cffi's library search (which starts `ldconfig`, `gcc` and `ld`
dozens of times), and with the modules then frozen out of the garbage
collector (`render/writers/engine.py`). A writer that imported WeasyPrint
first on its own would silently cost a cold build about a sixth of its time."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import MINIMAL, ROOT

PROBE = textwrap.dedent("""
    import ctypes.util, gc, sys
    searched = []
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: searched.append(name) or search(name)
    from render.cli import main
    try:
        main(sys.argv[1:])
    except SystemExit:
        pass
    finally:
        print("searched", len(searched), "frozen", gc.get_freeze_count(),
              "imported", "weasyprint" in sys.modules, flush=True)
""")


def test_a_pdf_build_imports_weasyprint_without_the_library_search(tmp_path):
    run = subprocess.run([sys.executable, "-c", PROBE, "build", "--format", "pdf",
                          str(MINIMAL), "--out", str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert (tmp_path / "minimal.pdf").is_file(), run.stdout + run.stderr
    line = next((l for l in run.stdout.splitlines() if l.startswith("searched")), None)
    assert line is not None, run.stdout + run.stderr
    _, searched, _, frozen, _, imported = line.split()
    assert imported == "True"
    assert int(searched) == 0, "WeasyPrint was imported with cffi's library search"
    assert int(frozen) > 0, "WeasyPrint's modules were not frozen out of the collector"
