"""The roll-up (汇总): one document for a whole campaign, with every unit's figures and their totals."""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import threading
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..errors import Problem, ReportgenError
from ..files.atomic_write import write_atomic
from ..layout.outline import outline
from ..load.located_data import Source
from ..model.documents import Document
from ..model.keys import spelling, written
from ..model.placeholder_data import FloatMetric, IntMetric
from ..validation.document import validate
from ..validation.placeholders import Namespace
from ..word.docx_zip import comment_of, with_comment
from ..word.fill import DocumentTooBig, word_template
from ..word.template_check import check_own_template
from ..word.template_files import template_for
from .campaign import Campaign, digest
from .unit_builder import VERSION, file_sha

TOTALS_KEYS = ("totals", "合计")  # in the 汇总 part: the metrics to show and total
TABLE_TITLE_KEYS = ("table_title", "表格标题")
SHARED_KEYS = (("vars", "变量"), ("period", "时段"))
DEFAULT_TABLE_TITLE = "各单位数据汇总表"
ROLLUP_KEY = "汇总"
ROLLUP_TOO_BIG = ("{:,} 个单位的汇总表太大，填写后超过 reportgen 能再读取检查的文档大小，未生成汇总.docx："
                  "请把单位分成几份，分别批量生成并汇总")


@dataclass(frozen=True, slots=True)
class UnitFigures:
    """One unit as the roll-up sees it: its name, and its metrics (value, measure) if it succeeded."""

    name: str
    ok: bool
    metrics: dict[str, tuple[Any, str]]


def rollup_metrics(campaign: Campaign, seen: list[str]) -> list[str]:
    """The metrics the roll-up shows: its 合计 list, else the campaign's and the units' metrics."""
    part = campaign.rollup.data if campaign.rollup else {}
    listed = written(part, TOTALS_KEYS)
    if isinstance(listed, list):
        return [str(name) for name in listed]
    return list(dict.fromkeys([*campaign.metrics, *seen]))


def check_rollup(campaign: Campaign, seen: list[str]) -> list[str]:
    """The roll-up's metrics, after checking its 汇总 part with no figures yet (before any unit)."""
    metrics = rollup_metrics(campaign, seen)
    validate_rollup(*rollup_source(campaign, metrics, []))
    return metrics


def validate_campaign(source: Source) -> tuple[Document, Source]:
    """A campaign file built as one document: the document validated, then its 汇总 part checked
    with no figures yet; the document and its data without the 汇总 part."""
    campaign = Campaign.of(source)
    document = validate(campaign.document)
    check_rollup(campaign, [])
    return document, campaign.document


def template_ready(campaign: Campaign, metrics: list[str]) -> threading.Thread:
    """The roll-up's template checked (a user's; a built-in one is not) and compiled on a thread,
    while worker processes build the units and this process only waits for them; build_rollup,
    which does both again, finds them done (both are kept per version of the file). Whatever
    fails is left for it to report."""
    def prepare() -> None:
        with contextlib.suppress(Exception):
            source, names = rollup_source(campaign, metrics, [])
            template = template_for(validate_rollup(source, names).template_name, source)
            check_own_template(template)
            word_template(template)
    thread = threading.Thread(target=prepare, name="汇总模板", daemon=True)
    thread.start()
    return thread


def build_rollup(campaign: Campaign, metrics: list[str], units: list[UnitFigures], out: Path) -> Path:
    """Validate, fill and write ``out``; raise ReportgenError if the 汇总 part has problems.

    ``out`` made from the same inputs before (its zip comment says which: rollup_digest) and
    whole is left as it is, neither filled nor written again: an unchanged re-run of a batch.
    """
    source, names = rollup_source(campaign, metrics, units)
    document = validate_rollup(source, names)
    template = template_for(document.template_name, source)
    made_from = f"reportgen {rollup_digest(campaign, metrics, units, template)}".encode()
    if comment_of(out) == made_from:
        return out
    check_own_template(template)
    try:
        filled = word_template(template).fill(outline(document))
    except DocumentTooBig:
        raise ReportgenError(Problem(str(source.file), ROLLUP_TOO_BIG.format(len(units)),
                                     path=ROLLUP_KEY)) from None
    return write_atomic(out, with_comment(filled, made_from))


def rollup_digest(campaign: Campaign, metrics: list[str], units: list[UnitFigures],
                  template: Path) -> str:
    """A fingerprint of what the 汇总 is made from: its part of the campaign and what it shares
    with the campaign, the metrics, every unit's name, outcome and figures, the template's
    content and reportgen's version."""
    shared = {k: campaign.document.data.get(k) for pair in SHARED_KEYS for k in pair}
    return digest(campaign.rollup.data if campaign.rollup else None, shared, metrics,
                  [(u.name, u.ok, u.metrics) for u in units],
                  file_sha(template), VERSION)


def validate_rollup(source: Source, names: dict[str, Any]):
    """Validate the 汇总 document; its problems name their keys from the top of the file (汇总.开头)."""
    try:
        return validate(source, names)
    except ReportgenError as exc:
        raise ReportgenError([dataclasses.replace(p, path=f"{ROLLUP_KEY}.{p.path}" if p.path else ROLLUP_KEY)
                              for p in exc.problems]) from None


def rollup_source(campaign: Campaign, metrics: list[str],
                  units: list[UnitFigures]) -> tuple[Source, dict[str, Any]]:
    """The 汇总 document's data (with the table as an attachment) and its placeholder names."""
    part = campaign.rollup
    data = {k: v for k, v in copy.deepcopy(part.data).items()
            if k not in TOTALS_KEYS + TABLE_TITLE_KEYS}
    for pair in SHARED_KEYS:
        shared = spelling(campaign.document.data, pair)
        if shared and spelling(data, pair) is None:
            data[shared] = copy.deepcopy(campaign.document.data[shared])
    done = [u for u in units if u.ok]
    key = "attachments" if "attachments" in data and "附件" not in data else "附件"
    data[key] = [*(data.get(key) or []), _attachment(part.data, metrics, done, units)]
    totals = _totals(metrics, done)
    counts = {"单位数": len(units), "完成": len(done), "失败": len(units) - len(done)}
    names = {"totals": Namespace("totals", totals), "合计": Namespace("合计", totals),
             "counts": Namespace("counts", dict(zip(("units", "done", "failed"), counts.values(),
                                                    strict=True))),
             "统计": Namespace("统计", counts)}
    return Source(part.file, data, part.positions, part.folder, part.project), names


def _attachment(part: dict, metrics: list[str], done: list[UnitFigures],
                units: list[UnitFigures]) -> dict:
    title = written(part, TABLE_TITLE_KEYS, DEFAULT_TABLE_TITLE)
    measures = {m: _measure(m, done) for m in metrics}
    columns = ["序号", "单位", *(f"{m}（{measures[m]}）" if measures[m] else m for m in metrics)]
    rows = [[i, u.name, *(u.metrics.get(m, ("", ""))[0] for m in metrics)]
            for i, u in enumerate(done, start=1)]
    return {"标题": title, "内容": _counts_line(done, units),
            "表格": {"列": columns, "行": rows, "合计": columns[2:]}}


def _counts_line(done: list[UnitFigures], units: list[UnitFigures]) -> str:
    failed = [u.name for u in units if not u.ok]
    line = f"应报{len(units)}个单位，已汇总{len(done)}个"
    if failed:
        return f"{line}；{len(failed)}个单位的数据有误，未汇总：{'、'.join(failed)}。"
    return f"{line}。"


def _measure(metric: str, units: list[UnitFigures]) -> str:
    return next((u.metrics[metric][1] for u in units if u.metrics.get(metric, ("", ""))[1]), "")


def _totals(metrics: list[str], done: list[UnitFigures]) -> dict[str, Any]:
    """Each metric's exact sum over the units that succeeded, as a number with its measure."""
    totals = {}
    for metric in metrics:
        values = [Decimal(str(u.metrics[metric][0])) for u in done if metric in u.metrics]
        total = sum(values, Decimal(0))
        kind = IntMetric if total == total.to_integral_value() else FloatMetric
        totals[metric] = kind(int(total) if kind is IntMetric else float(total),
                              _measure(metric, done))
    return totals
