"""Reporters: SARIF 2.1.0 structure, JSON schema version, text and GitHub forms."""

from __future__ import annotations

import json

import jsonschema

from medlint import __version__
from medlint.engine import FileResult
from medlint.reporters import render
from medlint.rules.registry import all_rules

from .conftest import SEEDS, lint

# The parts of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that medlint emits,
# written out from the specification: required properties, enums and closed objects.
_MSG = {"type": "object", "required": ["text"], "additionalProperties": False,
        "properties": {"text": {"type": "string"}, "markdown": {"type": "string"}}}
_REGION = {"type": "object", "additionalProperties": False, "properties": {
    k: {"type": "integer", "minimum": 1} for k in ("startLine", "startColumn", "endLine",
                                                   "endColumn")}}
_ARTIFACT = {"type": "object", "additionalProperties": False,
             "properties": {"uri": {"type": "string", "format": "uri-reference"}}}
_LOCATION = {"type": "object", "additionalProperties": False, "properties": {
    "physicalLocation": {"type": "object", "additionalProperties": False, "properties": {
        "artifactLocation": _ARTIFACT, "region": _REGION}}}}
_LEVEL = {"enum": ["none", "note", "warning", "error"]}
SARIF_SUBSET = {
    "type": "object", "required": ["version", "runs"], "additionalProperties": False,
    "properties": {
        "$schema": {"type": "string"}, "version": {"enum": ["2.1.0"]},
        "runs": {"type": "array", "items": {
            "type": "object", "required": ["tool"], "additionalProperties": False,
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name"], "additionalProperties": False,
                    "properties": {
                        "name": {"type": "string"}, "version": {"type": "string"},
                        "rules": {"type": "array", "items": {
                            "type": "object", "required": ["id"], "additionalProperties": False,
                            "properties": {
                                "id": {"type": "string"}, "name": {"type": "string"},
                                "shortDescription": _MSG, "fullDescription": _MSG, "help": _MSG,
                                "defaultConfiguration": {"type": "object", "properties": {
                                    "level": _LEVEL}, "additionalProperties": False},
                                "properties": {"type": "object"}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["message"], "additionalProperties": False,
                    "properties": {
                        "ruleId": {"type": "string"}, "ruleIndex": {"type": "integer",
                                                                     "minimum": -1},
                        "level": _LEVEL, "message": _MSG,
                        "locations": {"type": "array", "items": _LOCATION},
                        "properties": {"type": "object"}}}},
                "columnKind": {"enum": ["utf16CodeUnits", "unicodeCodePoints"]},
                "invocations": {"type": "array", "items": {
                    "type": "object", "required": ["executionSuccessful"],
                    "properties": {"executionSuccessful": {"type": "boolean"},
                                   "toolExecutionNotifications": {"type": "array", "items": {
                                       "type": "object", "required": ["message"],
                                       "properties": {"level": _LEVEL, "message": _MSG,
                                                      "locations": {"type": "array",
                                                                    "items": _LOCATION}}}}}}},
            }}},
    },
}


def seed_results():
    path = str(SEEDS / "left-knee-twitching.md")
    findings = lint((SEEDS / "left-knee-twitching.md").read_bytes(), path=path,
                    select=["front-matter", "broken-embed"])
    return [FileResult(path=path, findings=findings),
            FileResult(path="bin.md", error="skipped: binary file")]


def test_sarif_is_valid_and_describes_rules():
    rules = list(all_rules())
    data = json.loads(render("sarif", seed_results(), rules, __version__))
    jsonschema.validate(data, SARIF_SUBSET)
    run = data["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids == sorted(r.code for r in rules)
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
    first = run["results"][0]["locations"][0]["physicalLocation"]
    assert first["region"]["startLine"] >= 1
    assert run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] == \
        "skipped: binary file"


def test_json_lists_errors_and_summary():
    data = json.loads(render("json", seed_results(), [], __version__))
    assert data["errors"] == [{"path": "bin.md", "message": "skipped: binary file"}]
    assert data["summary"]["files"] == 2 and data["summary"]["findings"] == len(data["findings"])


def test_text_lines_are_editor_parsable():
    out = render("text", seed_results(), [], __version__, quiet=True)
    import re
    for line in out.splitlines():
        assert re.match(r"^.+:\d+:\d+: (error|warning|info) [A-Z]+\d+ [a-z0-9-]+ .+$", line), line


def test_github_escapes_properties():
    from medlint.model import Finding, Severity
    f = Finding(path="a,b:c.md", line=1, column=1, code="FM002", rule="x", category="front-matter",
                severity=Severity.INFO, message="100% bad\nnext")
    out = render("github", [FileResult(path="a,b:c.md", findings=[f])], [], __version__)
    assert out == ("::notice file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=2,"
                   "title=FM002 x::100%25 bad%0Anext\n")


def test_sarif_against_the_published_schema():
    """Full validation when the published schema is available (.ci/run fetches it from npm:
    @microsoft/jest-sarif ships sarif-2.1.0-rtm.5.json); the schema is not vendored here."""
    import os

    import pytest

    path = os.environ.get("MEDLINT_SARIF_SCHEMA")
    if not path or not os.path.isfile(path):
        pytest.skip("set MEDLINT_SARIF_SCHEMA to the SARIF 2.1.0 JSON schema to run this check")
    with open(path, encoding="utf-8") as fh:
        schema = json.load(fh)
    data = json.loads(render("sarif", seed_results(), list(all_rules()), __version__))
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors[:5]]
