"""The JSON schema is the contract: every key the writer emits is described,
and every key described is emitted. Adding, renaming or dropping an output key
without changing the schema fails here."""

from __future__ import annotations

from dataclasses import replace

import jsonschema
import pytest

import triangulate
from triangulate.model import Rejected
from triangulate.report.json import SCHEMA, briefing_to_dict

#: Keys the writer emits only in some modes: (path, when).
OPTIONAL_KEYS = {"headline.extract": "abstractive mode", "summary[].extract": "abstractive mode"}


def _resolve(node: dict, root: dict) -> dict:
    while "$ref" in node:
        target = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def schema_paths(node: dict, root: dict, path: str = "") -> dict[str, dict]:
    """Every object schema under ``node``, by the key path of the JSON it describes
    (``articles[].shared[].words``)."""
    node = _resolve(node, root)
    found: dict[str, dict] = {}
    for branch in node.get("oneOf", []) + node.get("anyOf", []):
        found.update(schema_paths(branch, root, path))
    if "items" in node:
        found.update(schema_paths(node["items"], root, f"{path}[]"))
    if "properties" in node:
        found[path] = node
        for key, child in node["properties"].items():
            found.update(schema_paths(child, root, f"{path}.{key}" if path else key))
    return found


def data_paths(value: object, path: str = "") -> set[str]:
    """Every key path in a JSON value."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, child in value.items():
            child_path = f"{path}.{key}" if path else key
            found.add(child_path)
            found |= data_paths(child, child_path)
    elif isinstance(value, list):
        for item in value:
            found |= data_paths(item, f"{path}[]")
    return found


def keys_described(schema: dict) -> set[str]:
    return {f"{path}.{key}" if path else key for path, node in schema_paths(schema, schema).items() for key in node["properties"]}


@pytest.fixture(scope="module")
def full_output(example_briefing):
    """The example's JSON with every optional part present: a rewritten
    sentence (abstractive mode) and a rejected input."""
    headline = replace(example_briefing.headline, extract=example_briefing.headline.text)
    summary = (replace(example_briefing.summary[0], extract=example_briefing.summary[0].text), *example_briefing.summary[1:])
    rejected = (Rejected("ingest", "broken", "inputs/broken.json", "invalid JSON: Expecting value (line 1, column 1)"),)
    return briefing_to_dict(replace(example_briefing, headline=headline, summary=summary, rejected=rejected))


def test_report_json_every_emitted_key_is_in_the_schema(full_output):
    undescribed = data_paths(full_output) - keys_described(triangulate.schema())
    assert not undescribed, f"output keys missing from briefing.schema.json: {sorted(undescribed)}"
    jsonschema.validate(full_output, triangulate.schema())


def test_report_json_every_schema_key_is_emitted(full_output):
    unseen = keys_described(triangulate.schema()) - data_paths(full_output)
    assert not unseen, f"schema keys the writer no longer emits (renamed or dropped?): {sorted(unseen)}"


def test_report_json_schema_forbids_unknown_keys_and_requires_every_key_at_every_level():
    schema = triangulate.schema()
    for path, node in schema_paths(schema, schema).items():
        where = path or "the top level"
        assert node.get("additionalProperties") is False, f"{where} allows unknown keys"
        optional = {key for key in node["properties"] if f"{path}.{key}" in OPTIONAL_KEYS}
        assert set(node["required"]) == set(node["properties"]) - optional, f"{where}: required list incomplete"


def test_report_json_schema_rejects_an_unknown_key_deep_down(example_briefing):
    data = briefing_to_dict(example_briefing)
    data["numbers"][0]["mentions"][0]["extra"] = 1
    with pytest.raises(jsonschema.ValidationError, match="extra"):
        jsonschema.validate(data, triangulate.schema())


def test_report_json_schema_ships_with_the_package_and_names_its_version(root):
    import tomllib

    package_data = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "report/briefing.schema.json" in package_data["triangulate"]
    assert not (root / "schema").exists(), "one copy of the schema: src/triangulate/report/briefing.schema.json"
    schema = triangulate.schema()
    assert schema["$id"] == SCHEMA == schema["properties"]["schema"]["const"]
    schema["title"] = "changed"
    assert triangulate.schema()["title"] != "changed"  # each call is a fresh copy


def test_report_json_readme_key_table_names_every_key(root):
    readme = (root / "README.md").read_text()
    table = readme[readme.index("## The briefing JSON"):readme.index("**Independent sources.**")]
    schema = triangulate.schema()
    for path in sorted(keys_described(schema)):
        key = path.rsplit(".", 1)[-1]
        assert f"`{key}`" in table or f"{key}," in table or f"{key}}}" in table or f"{{{key}" in table, (
            f"README's key table does not mention {path}"
        )
