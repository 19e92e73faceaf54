"""下级科目列在自己的上级科目之下：项（7 位）所在的款、款（5 位）所在的类，应当是其编码的前几位；
印在别的类、款之下，是编码或位置有误。"""

from yusuan.rules.classification import coded_rows
from yusuan.rules.registry import rule


@rule("code-parent")
def check(ctx, emit):
    above: dict[tuple[int, str], list] = {}  # (table, side) -> coded rows so far
    for table, row in coded_rows(ctx):
        rows = above.setdefault((id(table), row.side), [])
        parent = next((r for r in reversed(rows) if len(r.code) < len(row.code)), None)
        rows.append(row)
        if parent is None or row.code.startswith(parent.code):
            continue
        yield emit(table=table, row=row, parent_code=parent.code, parent=parent.label.strip(),
                   prefix=row.code[: len(parent.code)])
