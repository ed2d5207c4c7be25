"""The YAML model of a 方案: every key has an English and a Chinese name, both accepted."""

from __future__ import annotations

import functools
from typing import Any, Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from .fields import Date, DocNumber, Names, Paragraphs, YesNo

MAX_LEVEL = 4
STAGE_FORMATS = {"heading": "heading", "（一）": "heading", "标题": "heading",
                 "phase": "phase", "第一阶段": "phase"}


def key(en: str, zh: str, default: Any = None, **kw: Any) -> Any:
    """A field written in YAML as ``en`` or ``zh``."""
    return Field(default, validation_alias=AliasChoices(en, zh), title=zh, **kw)


class Node(BaseModel):
    """Base of every mapping in the file: unknown keys are errors, numbers are accepted as text."""

    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _one_name_per_key(cls, data: Any) -> Any:
        """Rename a second spelling of the same key so it is reported, with the rest, as extra."""
        if isinstance(data, dict):
            for info in cls.model_fields.values():
                given = [k for k in data if k in info.validation_alias.choices]
                if len(given) > 1:
                    data = {(twice_marker(k, given[0]) if k == given[1] else k): v
                            for k, v in data.items()}
        return data


TWICE = "\x00twice\x00"


def twice_marker(key: str, first: str) -> str:
    """The name under which a repeated key (``key`` after ``first``) reaches the validator."""
    return f"{TWICE}{key}{TWICE}{first}"


def _as_text(data: Any) -> Any:
    return {"text": data} if isinstance(data, (str, list, int, float)) else data


class Item(Node):
    """A numbered point: a heading (标题), text (内容), or both, with sub-points (条目)."""

    title: str | None = key("title", "标题")
    text: Paragraphs = key("text", "内容", [])
    items: list[Item] = key("items", "条目", [])

    _text_only = model_validator(mode="before")(lambda data: _as_text(data))

    @model_validator(mode="after")
    def _has_words(self) -> Item:
        if not self.title and not self.text:
            raise PydanticCustomError("empty_item", "条目需要“标题”或“内容”")
        return self


def _too_deep(items: list, level: int, path: tuple = ()) -> tuple | None:
    """The path of the first item below level 4 (（1）), if any."""
    for i, item in enumerate(items):
        here = (*path, "items", i)
        if level > MAX_LEVEL:
            return here
        found = _too_deep(item.items, level + 1, here)
        if found:
            return found
    return None


class Section(Node):
    """A level-1 section: text, items, or both; written as plain text it is all text."""

    title: str | None = key("title", "标题")
    text: Paragraphs = key("text", "内容", [])
    items: list[Item] = key("items", "条目", [])

    _text_only = model_validator(mode="before")(lambda data: _as_text(data))

    @model_validator(mode="after")
    def _at_most_four_levels(self) -> Section:
        found = _too_deep(self.items, 2)
        if found:
            raise PydanticCustomError(
                "depth", "层次过深：公文结构层次最多四级（一、（一）1.（1）），请把这一层并入上一级的内容",
                {"subpath": found},
            )
        return self


class FreeSection(Section):
    """A section under 正文 with a title of the user's choosing."""

    title: str = key("title", "标题", ...)


class Stage(Node):
    """One stage of 阶段安排 with its period, free text or start and end dates."""

    name: str = key("name", "名称", ...)
    period: str | None = key("period", "时间")
    start: Date | None = key("start", "开始")
    end: Date | None = key("end", "结束")
    text: Paragraphs = key("text", "内容", [])
    items: list[Item] = key("items", "条目", [])

    @model_validator(mode="after")
    def _one_kind_of_period(self) -> Stage:
        if self.period and (self.start or self.end):
            raise PydanticCustomError("period", "“时间”与“开始/结束”只写一种")
        if bool(self.start) != bool(self.end):
            raise PydanticCustomError("period", "“开始”和“结束”要一起写")
        if self.start and self.end and self.end < self.start:
            raise PydanticCustomError("period", "“结束”早于“开始”")
        return self


class Stages(Section):
    """阶段安排: intro text and the stages, as （一）…阶段（…） headings or 第一阶段：… paragraphs."""

    format: Literal["heading", "phase"] = key("format", "格式", "heading")
    items: list[Stage] = key("items", "条目", [])

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, list):
            return {"items": data}
        if isinstance(data, dict):
            for alias in ("format", "格式"):
                if isinstance(data.get(alias), str):
                    data = {**data, alias: STAGE_FORMATS.get(data[alias].strip(), data[alias])}
        return _as_text(data)


class Group(Node):
    """领导小组: its name and members, rendered as the usual 组长/副组长/成员 list."""

    name: str | None = key("name", "名称")
    leader: Names = key("leader", "组长", [])
    deputies: Names = key("deputies", "副组长", [])
    members: Names = key("members", "成员", [])
    office: Paragraphs = key("office", "办公室", [])


class Leadership(Section):
    """组织领导: text, an optional 领导小组, then items."""

    group: Group | None = key("group", "领导小组")


BODY_SECTIONS = {
    "guiding_ideology": "指导思想", "goals": "目标任务", "key_tasks": "工作重点",
    "stages": "阶段安排", "leadership": "组织领导", "requirements": "工作要求", "sections": "正文",
}


class Plan(Node):
    """A 方案: document elements, then body sections in the order the user wrote them."""

    title: str = key("title", "标题", ...)
    issuer: str | None = key("issuer", "发文机关")
    issuer_mark: str | None = key("issuer_mark", "发文机关标志")
    doc_number: DocNumber | None = key("doc_number", "发文字号")
    signer: str | None = key("signer", "签发人")
    red_header: YesNo = key("red_header", "红头", False)
    recipients: Names = key("recipients", "主送机关", [])
    date: Date | None = key("date", "成文日期")
    signature: str | None = key("signature", "署名")
    sealed: YesNo = key("sealed", "用印", False)
    attachments: Names = key("attachments", "附件", [])
    note: str | None = key("note", "附注")
    cc: Names = key("cc", "抄送", [])
    printed_by: str | None = key("printed_by", "印发机关")
    printed_on: Date | None = key("printed_on", "印发日期")
    template: str = key("template", "模板", "plan")
    preamble: Paragraphs = key("preamble", "开头", [])
    guiding_ideology: Section | None = key("guiding_ideology", "指导思想")
    goals: Section | None = key("goals", "目标任务")
    key_tasks: Section | None = key("key_tasks", "工作重点")
    stages: Stages | None = key("stages", "阶段安排")
    leadership: Leadership | None = key("leadership", "组织领导")
    requirements: Section | None = key("requirements", "工作要求")
    sections: list[FreeSection] = key("sections", "正文", [])
    closing: Paragraphs = key("closing", "结尾", [])

    _order: list[str] = PrivateAttr(default_factory=list)

    @model_validator(mode="after")
    def _red_header_needs_issuer(self) -> Plan:
        if self.red_header and not (self.issuer or self.issuer_mark):
            raise PydanticCustomError(
                "red_header", "红头需要“发文机关”或“发文机关标志”", {"subpath": ("red_header",)})
        return self

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, data: Any, handler: Any) -> Plan:
        plan = handler(data)
        names = {alias: name for name in BODY_SECTIONS for alias in (name, BODY_SECTIONS[name])}
        plan._order = [names[k] for k in data if k in names] if isinstance(data, dict) else []
        return plan

    @property
    def body_order(self) -> list[str]:
        """Body section field names in the order the user wrote them."""
        return self._order


@functools.cache
def english_to_chinese() -> dict[str, str]:
    """Every key's Chinese name by its English name, for messages about keys not written."""
    pairs: dict[str, str] = {}
    for model in (Item, Section, Stage, Stages, Group, Leadership, Plan):
        for name, info in model.model_fields.items():
            pairs[name] = info.validation_alias.choices[1]
    return pairs
