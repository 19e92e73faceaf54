"""The figures a disclosure's narrative states, with what they are about and where they are printed.

`statements(doc)` reads every paragraph and returns `Statement`s: a subject (收入预算总计, 基本支出, “三公”经费
and its parts, 机关运行经费, 政府采购 and its parts, a function class …) with the amount printed after it,
the change stated with it (比上年增加 X 万元，增长 Y%; 持平), the share (占 Z%), the completion rate of a 决算
(完成年初预算的 P%), the reasons given with amounts, and the parts listed under it (其中 / 包括). Every number
keeps its offset in the paragraph, so `Statement.source` is the printed line of the figure itself.

Amounts stay as printed (Decimal, in the unit printed after them); `Number.wan` converts exactly to 万元.
Paragraphs that the page broke in the middle of a sentence (a line ending without 。；： followed by one
that does not start a numbered item) are read as one passage.
"""

from yusuan.rules.statements.passages import Passage, passages
from yusuan.rules.statements.reader import (
    Change,
    Reason,
    Statement,
    may_be_part,
    read_statements,
)
from yusuan.rules.statements.subjects import (
    PART_KEYS,
    QUALIFIERS,
    SUBJECTS,
    TOTAL_KEYS,
    classified_items,
    classified_path,
    coded_path,
    subject,
)
from yusuan.rules.statements.tokens import Number, enumerator, fold, numbers, squeeze

__all__ = [
    "Change", "Number", "PART_KEYS", "Passage", "QUALIFIERS", "Reason", "SUBJECTS", "Statement", "TOTAL_KEYS",
    "classified_items", "classified_path", "coded_path", "enumerator", "fold", "may_be_part", "numbers",
    "passages", "read_statements", "squeeze", "subject",
]
