"""The JSON Schema for editors comes from the same declaration as the loader,
accepts the reference document and rejects what the loader rejects."""
from __future__ import annotations

import json
from datetime import date

import jsonschema
import pytest
from ruamel.yaml import YAML

from conftest import MINIMAL, ROOT
from render.content.spec import json_schema

REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"


def as_json(path):
    def plain(value):
        if isinstance(value, dict):
            return {str(k): plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, date):
            return value.isoformat()
        return value
    return plain(YAML(typ="safe").load(path.read_text(encoding="utf-8")))


def test_committed_schema_is_the_generated_one():
    committed = json.loads((ROOT / "docs" / "content.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run `make schema` to regenerate docs/content.schema.json"


@pytest.mark.parametrize("path", [REFERENCE, MINIMAL], ids=["reference", "minimal"])
def test_valid_documents_satisfy_the_schema(path):
    jsonschema.validate(as_json(path), json_schema())


@pytest.mark.parametrize("mutate", [
    lambda d: d["document"]["title"].pop("nl"),
    lambda d: d["document"].update(lead="de"),
    lambda d: d["developments"].append({"heder": {"fr": "a", "nl": "b"}}),
    lambda d: d["resolution"]["requests"][0].update(extra=1),
], ids=["missing nl", "bad lead", "unknown block", "unknown request key"])
def test_invalid_documents_fail_the_schema(mutate):
    data = as_json(REFERENCE)
    mutate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
