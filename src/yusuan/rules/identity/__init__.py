"""The sentences that state the document's own facts, shared by ident-body and ident-year.

A sentence opens the text, follows 。；, or opens with 此外，. Its subject is the body (its name, or
本部门 / 本单位 …) with the budget's year — “X2023年…”, “2023年，X…” — and its predicate one of the
facts a disclosure states of itself: its income and spending, 财政拨款, each budget's spending, 政府采购
(and the share reserved for 中小企业), 机关运行经费, “三公”经费, 会议费 and 培训费, its projects under
绩效管理. A year before or after another subject (比2022年, 上年, 上级部门, 所属单位…) is not read.
"""

OPENS = r"(?:^|[。；;\n]|此外[，,])"
# What follows “X2023年” (or “2023年X”) in a sentence stating the body's own facts.
OWN_FACTS = (r"(?:部门|单位)?(?:本年)?(?:预算|决算)?"
             r"(?:收入|支出|收、支|财政拨款|一般公共预算|政府性基金|国有资本经营|政府采购|面向中小企业|"
             r"(?:机关)?运行经费|[“\"]三公[”\"]|会议费|培训费|所有项目支出)")
# “截至2022年10月，X共有车辆……”, “X已编制整体支出绩效目标”: the body's own assets and targets, with no year.
AS_OF = r"(?:截至|截止)[^，,。；;]{1,25}[，,]"
OWN_HOLDINGS = r"(?:[(（](?:部门|单位|本级)[)）])?\s*(?:共有|实有)(?:车辆|公务用车|单价)|已编制整体支出绩效目标"
