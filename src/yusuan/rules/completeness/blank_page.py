"""公开文件中没有多余的空白页：PDF 中夹在两页内容之间、读不出任何文字的页（空白页，或只有图片的页），以及只印了
表头而没有一行数据的表格页（该表的数据在别的页上）。读不出文字的页可能是有意的空白或图片，只作警告。"""

from collections import defaultdict

from yusuan.model.provenance import Source
from yusuan.rules.registry import rule


def _sources(doc):
    """Every source the document keeps, but for the tables' own titles (table.source)."""
    yield from doc.contents_sources
    for section in doc.sections:
        yield section.source
        for p in section.paragraphs:
            yield p.source
            yield from (s for _, s in p.lines)
    for table in doc.tables:
        yield from table.note_sources
        for row in table.rows:
            yield row.source
            yield from (v.source for v in row.values.values())
    perf = doc.performance
    if perf is not None:
        yield perf.source
        yield from (i.source for i in perf.indicators)
        yield from (t.source for t in perf.tasks)
        yield from (g.source for g in perf.goals)


def used_pages(doc) -> dict[str, set[int]]:
    pages: dict[str, set[int]] = defaultdict(set)
    for s in _sources(doc):
        if s is not None and s.file.lower().endswith(".pdf"):
            pages[s.file].add(s.page)
    return pages


@rule("complete-blank-page")
def check(ctx, emit):
    pages = used_pages(ctx.doc)
    for file, used in pages.items():
        for page in range(min(used), max(used) + 1):
            if page not in used and not _table_header_page(ctx, file, page):
                yield emit(what="没有可读的文字（空白页，或只有图片）", where=[Source(file, page)])
    for table in ctx.tables:
        for page in _header_only_pages(table, pages):
            yield emit(table=table, what=f"只印了{'《' + table.title + '》的' if table.title else ''}表头，没有数据行",
                       where=[Source(table.source.file if table.source else "", page)])


def _rows_on(table) -> set[int]:
    return {s.page for r in table.rows for s in [r.source, *(v.source for v in r.values.values())] if s is not None}


def _header_only_pages(table, pages) -> list[int]:
    """Pages a table is printed on with its header only, nothing else on them, its rows on other pages."""
    if table.source is None or not table.source.file.lower().endswith(".pdf"):
        return []
    rows = _rows_on(table)
    if not rows:
        return []  # an empty table: complete-empty-table
    used = pages.get(table.source.file, set())
    return [p for p in table.pages if p not in rows and p not in used]


def _table_header_page(ctx, file, page) -> bool:
    return any(table.source is not None and table.source.file == file and page in table.pages
               for table in ctx.tables)
