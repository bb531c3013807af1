"""A writer that cannot start says why, instead of a traceback."""
from __future__ import annotations

import importlib

import pytest

from render import writers


@pytest.mark.parametrize("error,message", [
    (OSError("cannot load library 'libpango-1.0-0'"), "install the prerequisites"),
    (ModuleNotFoundError("No module named 'weasyprint'", name="weasyprint"),
     "needs the Python package weasyprint"),
    (ModuleNotFoundError("No module named 'render.writers.pdf'", name="render.writers.pdf"),
     "not part of this version"),
])
def test_a_writer_that_cannot_start_is_reported(monkeypatch, error, message):
    def failing_import(name, *args):
        raise error
    monkeypatch.setattr(importlib, "import_module", failing_import)
    with pytest.raises(writers.WriterUnavailable, match=message):
        writers.get_writer("pdf")
