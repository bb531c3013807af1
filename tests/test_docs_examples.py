"""Every YAML example of the documentation works as written: a whole file
loads and passes `check` with no error; a fragment is valid where it goes."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import MINIMAL, ROOT
from render.check.parity import check_document
from render.content.loader import load_bytes

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)


def examples():
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in BLOCK.finditer(text):
            line = text.count("\n", 0, m.start()) + 2
            yield pytest.param(m.group(1), id=f"{page.relative_to(ROOT)}:{line}")


def in_minimal(fragment: str) -> str:
    """A fragment put where it belongs in the minimal document."""
    minimal = MINIMAL.read_text(encoding="utf-8")
    key = fragment.split(":", 1)[0].strip()
    if key == "title":
        start = minimal.index("  title:\n")
        end = minimal.index("  authors:\n")
        return minimal[:start] + "".join(f"  {l}\n" for l in fragment.splitlines()) + \
            minimal[end:]
    if key == "signature":
        return minimal.replace("developments:\n",
                               f"developments:\n  - {fragment.strip()}\n", 1)
    raise AssertionError(f"a documentation example starting with {key!r}: teach "
                         "tests/test_docs_examples.py where it goes")


def test_the_docs_have_examples():
    assert len(list(examples())) >= 3


@pytest.mark.parametrize("example", list(examples()))
def test_every_yaml_example_of_the_docs_works(example):
    text = example if example.lstrip("# \n").startswith(("document:", "yaml-language")) \
        and "document:" in example else in_minimal(example)
    # A later sub-document (a set of amendments, a text adopted) reads the
    # earlier ones it names beside it: the example dossier of content/.
    doc = load_bytes(text.encode("utf-8"), "example.yaml", folder=ROOT / "content")
    errors = [str(p) for p in check_document(doc) if p.severity == "error"]
    assert errors == []
