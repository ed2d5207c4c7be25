"""The Chinese help text of the JSON Schema: what each key is for, as an editor shows it."""

from __future__ import annotations

# By "Model.field" where one English name means different things in different places,
# else by field name alone. A model's own entry wins over its base class's.
DESCRIPTIONS = {
    "Document.title": "公文标题（必填），2号小标宋居中；用“|”分行可在指定处断行",
    "Section.title": "替换这一部分的默认小标题（“正文”下的部分必须写）",
    "Item.title": "条目的小标题；只写标题为一行小标题，与“内容”同写时三、四级连排",
    "Attachment.title": "附件名称（必填）；只写名称则只列入附件说明",
    "Table.title": "表题，排在表格上方",
    "Stages.title": "替换“阶段安排”这一默认小标题",
    "Stages.items": "各个阶段，按书写顺序排列",
    "Stage.name": "阶段名称，如“动员部署”",
    "Stage.period": "时间（自由文字），如“3月中旬至4月中旬”；与“开始/结束”只写一种",
    "Stage.text": "这一阶段的工作内容",
    "Stage.items": "这一阶段下的条目，从三级（1.）开始编号",
    "Stage.start": "开始日期（2024-03-04），或月份（2024-12）；与“结束”相同时只写一天“3月4日”",
    "Stage.end": "结束日期或月份：排成“3月4日至20日”“3月28日至4月5日”“2024年12月至2025年1月”",
    "CoverNotice.title": "印发通知的标题，默认“关于印发《方案标题》的通知”",
    "CoverNotice.text": "印发通知的正文，默认“现将《……》印发给你们，请结合实际，认真贯彻落实。”",
    "Office.text": "办公室的说明文字，如“领导小组下设办公室，办公室设在……”",
    "Office.director": "办公室主任，排成“办公室主任：王华好”",
    "Group.name": "领导小组名称，排成“成立……，组成人员如下：”",
    "Unit.name": "单位名称：{{ 单位.名称 }}",
    "Metric.value": "数值，如 326 或 \"1,200\"",
    "Metric.unit": "计量单位，如 份、场次：{{ 指标.名称.unit }}",
    "Document.unit": "本单位：写名称，或写“名称”及其他字段；占位符 {{ 单位.名称 }} 读取",
    "Document.period": "时段文字，如“2024年3月至5月”；占位符 {{ 时段 }} 读取",
    "kind": "文种：方案（plan）或 总结（summary）；不写时按所用的部分判断",
    "issuer": "发文机关：默认的署名，红头时的发文机关标志“×××文件”",
    "issuer_mark": "红头上的发文机关标志，默认为发文机关加“文件”",
    "doc_number": "发文字号，如“城委发〔2024〕12号”：六角括号，不加“第”，序号不补零",
    "signer": "签发人：上行文写，发文字号居左、签发人居右",
    "red_header": "是否套红头（红色发文机关标志、发文字号、红色分隔线）：是/否",
    "recipients": "主送机关：一个写文字，多个写列表，用顿号连接，末尾加全角冒号",
    "date": "成文日期：2024-10-17 或 2024年10月17日，排成“2024年10月17日”",
    "signature": "署名，默认为发文机关",
    "sealed": "是否用印：是则按加盖印章的格式排署名和日期",
    "attachments": "附件列表：只写名称的只列入附件说明；有内容的另起页排在正文之后",
    "note": "附注，如“（此件公开发布）”，排在成文日期下一行",
    "cc": "抄送机关列表，排在版记中",
    "printed_by": "印发机关，版记左侧",
    "printed_on": "印发日期，版记右侧“……印发”",
    "template": "Word 模板：内置模板名（plan、summary）或 .docx 文件路径（相对写它的文件）",
    "preamble": "开头：不编号的段落，排在各部分之前；空一行另起一段",
    "sections": "正文：自拟标题的其他部分，每一部分写“标题”和内容",
    "closing": "结尾：不编号的段落，如“特此通知。”",
    "metrics": "指标：有名字的数字，{{ 指标.名称 }} 读取；可写 {值: 326, 单位: 份}",
    "vars": "变量：任意取名的值（文字、数字、列表、映射），{{ 变量.名称 }} 读取",
    "guiding_ideology": "指导思想（一部分：文字，或标题、内容、表格、条目）",
    "goals": "目标任务（一部分）",
    "key_tasks": "工作重点（一部分）",
    "stages": "阶段安排：各阶段的名称、时间和内容",
    "leadership": "组织领导：文字、领导小组名单和条目",
    "requirements": "工作要求（一部分）",
    "overview": "基本情况（一部分）",
    "practices": "主要做法（一部分）",
    "results": "取得成效（一部分）",
    "experience": "经验体会（一部分）",
    "problems": "存在问题（一部分）",
    "next_steps": "下步打算（一部分）",
    "text": "内容：文字（空一行另起一段）或段落列表",
    "table": "表格：列、行，可加列宽、合计、标题",
    "items": "条目：逐级编号（一）1.（1），最多四级",
    "group": "领导小组：名称、组长、副组长、成员、办公室",
    "format": "阶段的排法：（一）作小标题；或含“一”作序数的标签，如 第一阶段、活动一、第一步，"
              "排成“活动一：……（3月4日）。”与内容连排",
    "ordinals": "序号：各层依次用的序号，如 [一、, 1.]（一、之下直接用 1.），从 一、（一）1.（1）中选，"
                "可跳过、不可倒序；写在文件顶层或某一部分",
    "run_in": "接排：是则把内容的第一段接在标题之后，一级“二、活动主题：……”，二级“（三）标题。……”；"
              "三、四级默认接排",
    "inline": "行内：是则把只有一段文字的条目排进一段，“1.……；2.……；3.……。”",
    "cover_notice": "印发通知：是则先排“关于印发《……》的通知”（版头、主送、署名、成文日期属于通知），"
                    "方案另起一页；也可写 标题、内容 替换默认的",
    "start": "开始日期，与“结束”一起写，排成“4月1日至30日”",
    "end": "结束日期",
    "leader": "组长：文字或列表，如“王建国　区委书记”",
    "deputies": "副组长：文字或列表",
    "members": "成员：文字或列表",
    "office": "领导小组办公室：说明文字，或写 内容、主任",
    "columns": "列名（必填）",
    "rows": "各行：按列顺序的列表 [1, 城关街道, 326]，或按列名的映射；空格写 ''",
    "widths": "相对列宽，每列一个数，如 [2, 8, 4]",
    "total": "合计行：是（合计所有数字列），或要合计的列名列表",
}

MODEL_TITLES = {
    "Section": "一部分（文字，或标题、内容、表格、条目）",
    "FreeSection": "自拟标题的部分",
    "Leadership": "组织领导",
    "Stages": "阶段安排",
    "Stage": "一个阶段",
    "Group": "领导小组",
    "Office": "领导小组办公室",
    "CoverNotice": "印发通知",
    "Item": "条目",
    "Attachment": "附件",
    "Table": "表格",
    "Metric": "指标（数字，或值和计量单位）",
    "Unit": "单位",
    "Plan": "方案",
    "Summary": "总结",
}
EXTENDS_HELP = ("继承：被继承文件的路径（相对本文件）。映射逐项合并，列表和文字整体替换，"
                "写 null 删除继承来的项")


def description(model: type, field: str) -> str:
    """The help text for ``field`` of ``model``: its own, a base class's, or the field's."""
    for klass in model.__mro__:
        found = DESCRIPTIONS.get(f"{klass.__name__}.{field}")
        if found:
            return found
    return DESCRIPTIONS.get(field, "")
