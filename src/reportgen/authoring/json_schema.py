"""JSON Schema of the YAML format, for editors: every key in English and Chinese, Chinese help.

Built from the pydantic model, so it follows the model: each field becomes two properties (its
English and its Chinese name, never both), values accept what the validator accepts (text for a
section, 是/否 for yes/no, dates as 2024-10-17 …), and a file that extends another (继承) may
leave out required keys and write ``null`` to remove inherited ones. The schema checks keys,
kinds and forms as you type; ``reportgen validate`` checks the rest (impossible dates, table rows
against columns, placeholders …).
"""

from __future__ import annotations

import copy
import json
import re
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from ..chinese import dates, doc_numbers
from ..model import documents, placeholder_data, value_types
from ..model.documents import KINDS, STAGE_FORMATS, Plan, Summary
from ..model.spellings import EXTENDS_KEYS, ROLLUP_KEYS
from .schema_help import EXTENDS_HELP, MODEL_TITLES, description

DRAFT = "http://json-schema.org/draft-07/schema#"
DEFS = "#/definitions/"
PARTIAL = "（继承）"  # suffix of the lenient copy of each model used by files that extend another
NULL = {"type": "null"}
TEXT = {"type": ["string", "number"]}
PLACEHOLDER = {"type": "string", "pattern": r"\{\{|\{%"}
TEXT_OR_LIST = {"anyOf": [TEXT, {"type": "array", "items": TEXT}]}
DATE = {"anyOf": [{"type": "string", "pattern": "^\\s*(?:" + "|".join(
    f.pattern[1:-1] for f in dates.DATE_FORMS) + ")\\s*$"}, PLACEHOLDER]}
DOC_NUMBER = {"anyOf": [{"type": "string", "pattern": "^\\s*" + re.sub(
    r"\?P<\w+>", "", doc_numbers.DOC_NUMBER.pattern[1:-1]) + "\\s*$"}, PLACEHOLDER]}
YES_NO = {"anyOf": [{"type": "boolean"}, {"enum": sorted(value_types.YES | value_types.NO)}]}
NUMBER = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[+-]?[\d,]*\d(\.\d+)?\s*$"}]}
# What the before-validators of the model accept, which pydantic cannot see.
INPUTS = {
    value_types._paragraphs: {"anyOf": [*TEXT_OR_LIST["anyOf"], NULL]},
    value_types._names: {"anyOf": [*TEXT_OR_LIST["anyOf"], NULL]},
    value_types.parse_date: DATE, value_types.check_doc_number: DOC_NUMBER, value_types._yes_no: YES_NO,
    placeholder_data.to_number: NUMBER,
}
# Models that may also be written in short form: a section as its text, a unit as its name …
SHORT_FORMS = {
    "Section": TEXT_OR_LIST, "Leadership": TEXT_OR_LIST, "Item": TEXT_OR_LIST,
    "Stages": {"anyOf": [TEXT, {"type": "array", "items": {"$ref": f"{DEFS}Stage"}}]},
    "Attachment": TEXT, "Metric": NUMBER, "Unit": TEXT,
}
ROLLUP = {"title": "汇总", "type": "object",
          "description": "批量生成时的汇总文档（reportgen batch、rollup）：标题、正文等，及 合计、表格标题"}
ENUMS = {("Plan", "type"): list(KINDS), ("Summary", "type"): list(KINDS),
         ("Stages", "format"): list(STAGE_FORMATS)}


class _Generator(GenerateJsonSchema):
    """Pydantic's generator, told what the model's before-validators accept."""

    def str_schema(self, schema: Any) -> dict:
        return {**super().str_schema(schema), **TEXT}  # numbers are accepted as text

    def function_before_schema(self, schema: Any) -> dict:
        function = schema["function"]["function"]
        if function is documents._present:  # a section key must not be empty: no null
            inner = schema["schema"]
            return self.generate_inner(inner["schema"] if inner["type"] == "nullable" else inner)
        if function in INPUTS:
            return copy.deepcopy(INPUTS[function])
        return super().function_before_schema(schema)


def json_schema() -> dict:
    """The JSON Schema (draft-07) of reportgen's YAML files."""
    _, generated = models_json_schema([(Plan, "validation"), (Summary, "validation")],
                                      schema_generator=_Generator, ref_template=DEFS + "{model}")
    defs = {}
    for model in _models():
        name = model.__name__
        full = _both_spellings(generated["$defs"][name], model)
        if model in (Plan, Summary):  # a campaign's 汇总, read by batch and rollup, not the model
            full["properties"].update({k: ROLLUP for k in ROLLUP_KEYS})
            full["dependencies"].update(_one_of(*ROLLUP_KEYS))
        defs[name] = _with_short_form(full, name)
        defs[name + PARTIAL] = _with_short_form(_lenient_object(full), name + PARTIAL)
    defs["公文"] = {"if": _is_summary(), "then": {"$ref": DEFS + "Summary"},
                  "else": {"$ref": DEFS + "Plan"}}
    return _root(defs)


def schema_text() -> str:
    """The schema as JSON text, Chinese written as is."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _root(defs: dict) -> dict:
    """Any document; one without 继承 must also be a whole 方案 or 总结."""
    extends = {k: {"title": "继承", "description": EXTENDS_HELP, **TEXT} for k in EXTENDS_KEYS}
    both = [defs[n + PARTIAL]["anyOf"][0] if "anyOf" in defs[n + PARTIAL] else defs[n + PARTIAL]
            for n in ("Plan", "Summary")]
    return {
        "$schema": DRAFT,
        "title": "reportgen 公文（方案、总结）",
        "description": "reportgen 的 YAML 文件：键名可用中文或英文。reportgen validate 做完整检查。",
        "type": "object",
        "properties": {**extends, **both[0]["properties"], **both[1]["properties"]},
        "additionalProperties": False,
        "dependencies": {**_one_of(*EXTENDS_KEYS), **both[0]["dependencies"],
                         **both[1]["dependencies"]},
        "if": {"anyOf": [{"required": [k]} for k in EXTENDS_KEYS]},
        "else": {"$ref": DEFS + "公文"},
        "definitions": defs,
    }


def _models() -> list[type[BaseModel]]:
    """Every model reachable from Plan and Summary, each once."""
    found: list[type[BaseModel]] = []

    def visit(annotation: Any) -> None:
        model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
        if model and annotation not in found:
            found.append(annotation)
            for info in annotation.model_fields.values():
                visit(info.annotation)
        for arg in typing.get_args(annotation):
            visit(arg)

    visit(Plan)
    visit(Summary)
    return found


def _both_spellings(generated: dict, model: type[BaseModel]) -> dict:
    """The model's object schema with each field under its Chinese and its English name."""
    properties, dependencies, required = {}, {}, []
    for name, info in model.model_fields.items():
        english, chinese = info.validation_alias.choices
        properties[chinese] = properties[english] = _property(generated, model, name, info)
        dependencies.update(_one_of(english, chinese))
        if name in generated.get("required", []):
            required.append({"anyOf": [{"required": [english]}, {"required": [chinese]}]})
    schema = {"type": "object", "title": MODEL_TITLES.get(model.__name__, model.__name__),
              "properties": properties, "dependencies": dependencies,
              "additionalProperties": generated.get("additionalProperties", True)}
    return {**schema, "allOf": required} if required else schema


def _property(generated: dict, model: type[BaseModel], name: str, info: Any) -> dict:
    """One field's schema with its Chinese title and help; a spelled-out list of choices if any."""
    english, chinese = info.validation_alias.choices
    notes = {"title": chinese, "description": description(model, name)}
    choices = ENUMS.get((model.__name__, english))
    return {**notes, "enum": choices} if choices else {**generated["properties"][english], **notes}


def _one_of(first: str, second: str) -> dict:
    """Dependencies that refuse ``first`` and ``second`` in one mapping (the same key twice)."""
    return {first: {"properties": {second: False}}, second: {"properties": {first: False}}}


def _with_short_form(schema: dict, name: str) -> dict:
    short = SHORT_FORMS.get(name.removesuffix(PARTIAL))
    if short is None:
        return schema
    return {"title": schema["title"], "anyOf": [schema, copy.deepcopy(short)]}


def _lenient_object(schema: dict) -> dict:
    """For a file that extends another: no key required, ``null`` removes, mappings partial."""
    lenient = {k: v for k, v in schema.items() if k != "allOf"}
    lenient["properties"] = {k: _lenient(v) for k, v in schema["properties"].items()}
    return lenient


def _lenient(value: dict) -> dict:
    """``value`` or null; a referenced model (not inside a list, which replaces) partial too."""
    notes = {k: value[k] for k in ("title", "description") if k in value}
    body = {k: v for k, v in value.items() if k not in ("title", "description", "default")}
    alternatives = body["anyOf"] if list(body) == ["anyOf"] else [body]
    partial = [_partial_ref(a) for a in alternatives if a != NULL]
    return {**notes, "anyOf": [*partial, NULL]}


def _partial_ref(schema: dict) -> dict:
    if "$ref" in schema:
        return {"$ref": schema["$ref"] + PARTIAL}
    if isinstance(schema.get("additionalProperties"), dict):  # 指标: each figure partial too
        return {**schema, "additionalProperties": _lenient(schema["additionalProperties"])}
    return schema


def _is_summary() -> dict:
    """As the validator decides: 文种 says 总结, or no 文种 and a summary-only section is used."""
    kind_keys = ("type", "文种")
    summary = [k for k, v in KINDS.items() if v == "summary"]
    only = [a for n, zh in Summary.SECTIONS.items() if n not in Plan.SECTIONS for a in (n, zh)]
    said = [{"required": [k], "properties": {k: {"enum": summary}}} for k in kind_keys]
    unsaid = {"not": {"anyOf": [{"required": [k]} for k in kind_keys]},
              "anyOf": [{"required": [k]} for k in only]}
    return {"anyOf": [*said, unsaid]}
