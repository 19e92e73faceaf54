"""正文写的科目层级与表格相符：“××（类）××（款）××（项）”中，每个名称的层级应当是表格中该科目的层级（类 3 位、
款 5 位、项 7 位编码）——把款写成“（类）”、把款名写在“（项）”之前，多是漏写或错抄了一级；括号中印有编码的
（“住房保障支出（221类）住房改革支出（02款）”），编码的位数与层级相符，并与表格中该科目的编码一致。只核对表格
中只在一个层级出现的名称。"""

import re

from yusuan.model.kinds import ECONOMIC_KINDS, FUNCTION_KINDS
from yusuan.rules.classification import name_key
from yusuan.rules.printed import located
from yusuan.rules.registry import rule
from yusuan.rules.statements import classified_items, fold

_LEVELS = {3: "类", 5: "款", 7: "项"}
_LENGTHS = {"类": (3,), "款": (2, 5), "项": (2, 7)}


def key(name: str) -> str:
    return re.sub(r"支出$", "", name_key(name))


def table_levels(ctx) -> dict[str, dict[str, set[str]]]:
    """Each coded name of the tables: level → the codes it is printed with."""
    def compute():
        out: dict[str, dict[str, set[str]]] = {}
        for table in ctx.tables:
            if table.kind not in FUNCTION_KINDS | ECONOMIC_KINDS:
                continue
            for row in table.rows:
                level = _LEVELS.get(len(row.code)) if row.code.isdigit() else None
                if level and row.label.strip():
                    out.setdefault(key(row.label), {}).setdefault(level, set()).add(row.code)
        return out
    return ctx.memo("classification_levels", compute)


def problems(path, known) -> list[str]:
    """What is wrong with each (name, level, code) of a printed path, in words."""
    out = []
    parent = ""
    for name, level, code in path:
        levels = known.get(key(name))
        if levels and level not in levels and len(levels) == 1:
            (real, codes), = levels.items()
            out.append(f"“{name}”写作（{level}），表格中是{real}（{'、'.join(sorted(codes))}）")
        elif code and len(code) not in _LENGTHS[level]:
            out.append(f"“{name}（{code}{level}）”的编码 {code} 不是{level}级编码的位数")
        elif code and levels and level in levels:
            full = code if len(code) != 2 else parent + code
            if full not in levels[level] and len(levels[level]) == 1:
                out.append(f"“{name}（{code}{level}）”的编码与表格中的 {next(iter(levels[level]))} 不符")
        if levels and len(levels.get(level, ())) == 1:
            parent = next(iter(levels[level]))  # the tables' code: one wrong piece is reported once
        elif code:
            parent = code if len(code) != 2 else parent + code
    return out


@rule("code-level")
def check(ctx, emit):
    known = table_levels(ctx)
    if not known:
        return
    for p in ctx.pieces:
        if p.part not in ("paragraph", "heading"):
            continue
        run, start, end = [], None, 0
        for a, b, name, level, code in classified_items(fold(p.text)):
            if run and a > end + 1:  # a new path
                yield from _emit(emit, p, run, start, end, known)
                run = []
            if not run:
                start = a
            run.append((name, level, code))
            end = b
        if run:
            yield from _emit(emit, p, run, start, end, known)


def _emit(emit, p, path, start, end, known):
    found = problems(path, known)
    if found:
        printed = re.sub(r"\s+", "", p.text[start:end])
        f = emit(part=p.where, text=printed, problems="；".join(found), where=[p.source_at(start)])
        yield located(f, item=printed)
