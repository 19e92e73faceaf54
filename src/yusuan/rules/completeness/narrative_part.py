"""公开文件的文字部分应当说明：主要职能（部门职责）、机构设置、收支总体情况（预算编制说明）、
“三公”经费、机关运行经费、政府采购、国有资产占用情况、预算绩效管理和名词解释。按标题识别，
兼顾各地措辞；说明金额的部分也可见于正文（名词解释中的定义不算）。"""

import re

from yusuan.rules.printed import located, match_key
from yusuan.rules.registry import rule
from yusuan.rules.standard_sets import NARRATIVE_PARTS, glossary


@rule("complete-narrative-part")
def check(ctx, emit):
    if not ctx.sections:
        return  # a tables-only file: the text part is published separately
    headings = [match_key(s.heading) for s in ctx.sections]
    texts = [match_key(p.text) for s in ctx.sections if not glossary(s.heading) for p in s.paragraphs]
    for name, heading, text in NARRATIVE_PARTS:
        if any(re.search(heading, h) for h in headings):
            continue
        if text is not None and any(re.search(text, t) for t in texts):
            continue
        yield located(emit(part=name), item=name)
