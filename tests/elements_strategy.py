"""Random GB/T 9704 document elements: 版头, 主送, 署名, dates, 版记, and placeholders quoting data."""

from __future__ import annotations

from hypothesis import strategies as st
from texts_strategy import AROUND, DATE_FORMS, DATES, DOC_NUMBERS, LINES, RAW, Draft


def a_date(d: Draft, shown: str = "{}") -> str:
    """A date in one of the accepted forms; shown as 2024年3月5日."""
    day = d.draw(DATES)
    d.shown.append(("part", shown.format(f"{day.year}年{day.month}月{day.day}日")))
    form = d.draw(st.sampled_from(DATE_FORMS))
    return form.format(y=day.year, m=day.month, d=day.day)


def names(d: Draft, trim: str) -> list[str] | str:
    """A list of names (or a single one), expected with ``trim`` taken from the end."""
    listed = [d.text(shown=lambda n: n.rstrip(trim)) for _ in range(d.draw(st.integers(1, 3)))]
    return listed if len(listed) > 1 or d.maybe() else listed[0]


def elements(d: Draft) -> dict:
    """The GB/T 9704 elements: 红头 with 发文机关, 发文字号, 签发人; 主送, 署名, 日期, 附注, 版记."""
    data = {}
    red, mark, signature = d.maybe(3), d.maybe(), d.maybe()
    if red:
        data.update(_red_header(d, mark))
    needs_issuer = red and not mark
    if needs_issuer or d.maybe():
        shown = needs_issuer or not signature  # as 发文机关标志 ×××文件, or as 署名
        data[d.key(("issuer", "发文机关"))] = d.text() if shown else d.draw(LINES)
    if d.maybe():
        data[d.key(("recipients", "主送机关"))] = names(d, "：:")
    if signature:
        data[d.key(("signature", "署名"))] = d.text("whole")
    if d.maybe():
        data[d.key(("date", "成文日期"))] = a_date(d)
    return {**data, **_imprint(d)}


def _red_header(d: Draft, mark: bool) -> dict:
    data = {d.key(("red_header", "红头")): d.draw(st.sampled_from([True, "是", "有"])),
            d.key(("doc_number", "发文字号")): d.text(strategy=DOC_NUMBERS)}
    if mark:
        data[d.key(("issuer_mark", "发文机关标志"))] = d.text("whole")
    if d.maybe(3):
        data[d.key(("signer", "签发人"))] = d.text()
    return data


def _imprint(d: Draft) -> dict:
    """用印, 附注 and the 版记: 抄送, 印发机关, 印发日期."""
    data = {}
    if d.maybe(3):
        data[d.key(("sealed", "用印"))] = d.draw(st.sampled_from([True, False, "是", "否"]))
    if d.maybe(3):
        data[d.key(("note", "附注"))] = d.text()
    if d.maybe(3):
        data[d.key(("cc", "抄送"))] = names(d, "。，,.")
    if d.maybe(3):
        data[d.key(("printed_by", "印发机关"))] = d.text()
    if d.maybe(3):
        data[d.key(("printed_on", "印发日期"))] = a_date(d, "{}印发")
    return data


def placeholders(d: Draft) -> tuple[dict, str]:
    """变量 and 单位 values, any text (``{{`` too), and a paragraph quoting them: shown filled."""
    name, value = d.draw(st.sampled_from(["年度", "甲", "k1", "name"])), d.draw(RAW)
    unit = d.draw(LINES)
    before, after = d.draw(AROUND), d.draw(AROUND)
    literal = d.draw(st.sampled_from(["", "{{ '{{' }}"]))
    d.shown.append(("tail", f"{before}{value}{unit}{literal and '{{'}{after}"))
    data = {d.key(("vars", "变量")): {name: value}, d.key(("unit", "单位")): {d.key(("name", "名称")): unit}}
    text = f"{before}{{{{ {d.key(('vars', '变量'))}.{name} }}}}{{{{ {d.key(('unit', '单位'))}.name }}}}"
    return data, f"{text}{literal}{after}"
