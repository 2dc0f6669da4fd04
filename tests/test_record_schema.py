"""``jixiao schema`` prints the record's JSON Schema; extracted records validate against it; docs/record.md covers it."""

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.record import DocumentRecord

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "self_evaluation_example.txt"


def _schema_from_cli(*args: str) -> dict:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if not args else {}


def test_schema_command_prints_the_models_json_schema():
    schema = _schema_from_cli()
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {k: v for k, v in schema.items() if k != "$schema"} == DocumentRecord.model_json_schema(mode="serialization")
    assert {"doc_id", "source", "projects", "checks", "meta"} <= set(schema["properties"])
    assert {"Project", "Indicator", "Funds", "Provenance", "Check", "Canonical"} <= set(schema["$defs"])
    assert "yuan" in schema["$defs"]["Funds"]["description"]


def test_schema_command_writes_a_file(tmp_path: Path):
    out = tmp_path / "record.schema.json"
    _schema_from_cli("-o", str(out))
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "DocumentRecord"


@pytest.mark.parametrize("extra", [[], ["--no-provenance"]])
def test_extracted_records_validate_against_the_schema(extra):
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema_from_cli()
    result = CliRunner().invoke(app, ["extract", "--mode", "parser", str(EXAMPLE), *extra])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["projects"] and record["projects"][0]["indicators"]
    jsonschema.validate(record, schema)


def test_record_doc_explains_every_field_of_the_schema():
    doc = (ROOT / "docs" / "record.md").read_text(encoding="utf-8")
    schema = DocumentRecord.model_json_schema()
    fields = set(schema["properties"])
    for definition in schema["$defs"].values():
        fields |= set(definition["properties"])
    missing = sorted(f for f in fields if not re.search(rf"`(?:[\w.\[\]]*\.)?{re.escape(f)}`", doc))
    assert not missing, f"docs/record.md does not explain: {missing}"
    assert "jixiao schema" in doc
