"""Importing WeasyPrint without its slow library search.

WeasyPrint 70 opens each native library (GLib, Pango, HarfBuzz, fontconfig)
by trying several names in turn; cffi answers each name that fails to open
with `ctypes.util.find_library`, which on Linux starts `ldconfig`, `gcc` and
`ld`: some fifty processes, a third of the import. Every library opens
under one of the names tried directly (`libpango-1.0.so.0`), so the search
is skipped while WeasyPrint is imported; should the import fail so, it is
tried again the ordinary way.

Once imported, the objects alive (modules, their functions and tables) stay
for the whole process, so they are frozen out of the garbage collector:
every full collection during a build would otherwise walk them again (about
a tenth of a cold build of the reference).
"""
from __future__ import annotations

import ctypes.util
import gc
import sys


def import_weasyprint():
    """WeasyPrint, imported once per process."""
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    search = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
        weasyprint = None
    finally:
        ctypes.util.find_library = search
    if weasyprint is None:
        import weasyprint
    gc.freeze()
    return weasyprint
