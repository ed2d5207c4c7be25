"""The documents: a 方案 (Plan) and a 总结 (Summary), their own sections, and their data.

Both share the document elements of GB/T 9704 (红头, 发文字号, 主送, 署名, 版记 …), attachments,
and the data placeholders read: 单位 (unit), 时段 (period), 指标 (metrics) and 变量 (vars).
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, ConfigDict, PrivateAttr, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..chinese.dates import period_key
from .forms import CoverNoticeKey, Office, ordinal_errors
from .keys import Node, key, written
from .placeholder_data import DocData
from .sections import EMPTY_SECTION, Attachment, FreeSection, Item, Section, as_text
from .value_types import Date, DayOrMonth, DocNumber, Names, OrdinalLevels, Paragraphs, YesNo

STAGE_FORMATS = {"heading": "heading", "（一）": "heading", "标题": "heading", "phase": "第一阶段"}


def _present(value: Any) -> Any:
    if value is None:
        raise PydanticCustomError("empty", EMPTY_SECTION)
    return value


NOT_NULL = BeforeValidator(_present)  # a section key written with nothing after it is an error
SectionKey = Annotated[Section | None, NOT_NULL]
KINDS = {"plan": "plan", "方案": "plan", "summary": "summary", "总结": "summary"}
Kind = Annotated[Literal["plan", "summary"], BeforeValidator(
    lambda v: KINDS.get(v.strip(), v) if isinstance(v, str) else v)]


class Stage(Node):
    """One stage of 阶段安排 with its period, free text or start and end dates."""

    name: str = key("name", "名称", ...)
    period: str | None = key("period", "时间")
    start: DayOrMonth | None = key("start", "开始")
    end: DayOrMonth | None = key("end", "结束")
    text: Paragraphs = key("text", "内容", [])
    items: list[Item] = key("items", "条目", [])

    @model_validator(mode="after")
    def _one_kind_of_period(self) -> Stage:
        if self.period and (self.start or self.end):
            raise PydanticCustomError("period", "“时间”与“开始/结束”只写一种")
        if bool(self.start) != bool(self.end):
            raise PydanticCustomError("period", "“开始”和“结束”要一起写")
        if self.start and self.end and period_key(self.end, True) < period_key(self.start):
            raise PydanticCustomError("period", "“结束”早于“开始”")
        return self


def _stage_format(value: Any) -> Any:
    """heading, or a label with 一 (or 1) as its counter: 第一阶段, 活动一, 第一步."""
    text = STAGE_FORMATS.get(str(value).strip(), str(value).strip())
    if text != "heading" and not ("一" in text or "1" in text):
        raise PydanticCustomError(
            "format", "格式应为“（一）”（阶段作小标题），或含“一”作序数的标签，如 第一阶段、活动一、"
            "第一步，实际为“{text}”", {"text": text})
    return text


class Stages(Section):
    """阶段安排: intro text and the stages, as （一）…阶段（…） headings, or labelled paragraphs:
    格式 is any label with 一 (or 1) as its counter, 第一阶段, 活动一, 第一步 …"""

    format: Annotated[str, BeforeValidator(_stage_format)] = key("format", "格式", "heading")
    items: list[Stage] = key("items", "条目", [])

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, list):
            return {"items": data}
        return as_text(data)


class Group(Node):
    """领导小组: its name and members, rendered as the usual 组长/副组长/成员 list."""

    name: str | None = key("name", "名称")
    leader: Names = key("leader", "组长", [])
    deputies: Names = key("deputies", "副组长", [])
    members: Names = key("members", "成员", [])
    office: Office | None = key("office", "办公室")


class Leadership(Section):
    """组织领导: text, an optional 领导小组, then items."""

    group: Group | None = key("group", "领导小组")

    @property
    def has_content(self) -> bool:
        """A 领导小组 alone is content enough."""
        return super().has_content or self.group is not None


class Document(DocData):
    """What every document has: GB/T 9704 elements, opening and closing, attachments, data."""

    model_config = ConfigDict(extra="forbid")
    SECTIONS: ClassVar[dict[str, str]] = {}  # body section field → Chinese name, set per subclass
    SECTION_NAMES: ClassVar[dict[str, str]] = {}  # each section's key, English or Chinese → field
    TEMPLATE: ClassVar[str] = "plan"

    kind: Kind | None = key("type", "文种")
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
    attachments: list[Attachment] = key("attachments", "附件", [])
    note: str | None = key("note", "附注")
    cc: Names = key("cc", "抄送", [])
    printed_by: str | None = key("printed_by", "印发机关")
    printed_on: Date | None = key("printed_on", "印发日期")
    template: str | None = key("template", "模板")
    preamble: Paragraphs = key("preamble", "开头", [])
    sections: list[FreeSection] = key("sections", "正文", [])
    closing: Paragraphs = key("closing", "结尾", [])
    ordinals: OrdinalLevels | None = key("ordinals", "序号")

    _order: tuple[str, ...] = PrivateAttr(default=())  # a default factory costs inspect.signature per document

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls.SECTIONS = {"sections": "正文", **{
            name: info.title for name, info in cls.model_fields.items() if NOT_NULL in info.metadata}}
        cls.SECTION_NAMES = {alias: name for name, zh in cls.SECTIONS.items() for alias in (name, zh)}

    @model_validator(mode="after")
    def _red_header_needs_issuer(self) -> Document:
        if self.red_header and not (self.issuer or self.issuer_mark):
            raise PydanticCustomError(
                "red_header", "红头需要“发文机关”或“发文机关标志”", {"subpath": ("red_header",)})
        return self

    @model_validator(mode="after")
    def _levels_fit(self) -> Document:
        """Each section's items within the levels 序号 leaves them (四级 at most)."""
        parts = [(name, getattr(self, name)) for name in self.SECTIONS if name != "sections"]
        parts += [(("sections", i), s) for i, s in enumerate(self.sections)]
        parts += [(("attachments", i), a) for i, a in enumerate(self.attachments)]
        errors = ordinal_errors(self.ordinals, [(p, s) for p, s in parts if s is not None])
        if errors:
            raise ValidationError.from_exception_data(type(self).__name__, errors)
        return self

    @model_validator(mode="wrap")
    @classmethod
    def _remember_order(cls, data: Any, handler: Any) -> Document:
        doc = handler(data)
        names = cls.SECTION_NAMES
        doc._order = tuple(names[k] for k in data if k in names) if isinstance(data, dict) else ()
        return doc

    def body_sections(self) -> list[tuple[Section, str]]:
        """Each body section with its default title, in the order the user wrote them."""
        return [(section, self.SECTIONS[name]) for name in self._order
                for section in (self.sections if name == "sections" else [getattr(self, name)])]

    @property
    def template_name(self) -> str:
        """The template asked for, or the built-in one for this kind of document."""
        return self.template or self.TEMPLATE


class Plan(Document):
    """A 方案: 指导思想, 目标任务, 工作重点, 阶段安排, 组织领导, 工作要求 and free sections."""

    guiding_ideology: SectionKey = key("guiding_ideology", "指导思想")
    goals: SectionKey = key("goals", "目标任务")
    key_tasks: SectionKey = key("key_tasks", "工作重点")
    stages: Annotated[Stages | None, NOT_NULL] = key("stages", "阶段安排")
    leadership: Annotated[Leadership | None, NOT_NULL] = key("leadership", "组织领导")
    requirements: SectionKey = key("requirements", "工作要求")
    cover_notice: CoverNoticeKey = key("cover_notice", "印发通知")


class Summary(Document):
    """A 总结: 基本情况, 主要做法, 取得成效, 经验体会, 存在问题, 下步打算 and free sections."""

    TEMPLATE: ClassVar[str] = "summary"

    overview: SectionKey = key("overview", "基本情况")
    practices: SectionKey = key("practices", "主要做法")
    results: SectionKey = key("results", "取得成效")
    experience: SectionKey = key("experience", "经验体会")
    problems: SectionKey = key("problems", "存在问题")
    next_steps: SectionKey = key("next_steps", "下步打算")


def document_model(data: Any) -> type[Document]:
    """Plan or Summary: as 文种 says, else a summary when a summary-only section is written."""
    if isinstance(data, dict):
        kind = next((data[k] for k in ("type", "文种") if isinstance(data.get(k), str)), None)
        if kind is not None:
            return Summary if KINDS.get(kind.strip()) == "summary" else Plan
        summary_only = {a for n, zh in Summary.SECTIONS.items() if n != "sections" for a in (n, zh)}
        if summary_only & set(data):
            return Summary
    return Plan


def template_name(data: Any) -> str:
    """The template ``data`` asks for, or its kind's built-in one: Document.template_name, read
    without validating the document (a batch skipping a unit built before needs no more)."""
    name = written(data, ("template", "模板"))
    return name if isinstance(name, str) and name else document_model(data).TEMPLATE
