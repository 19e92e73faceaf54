"""Downloads of a stored disclosure, built from the store: the cells CSV, the model JSON, the findings
report, the reviewer's checklist, and rendered documents when yusuan.render is there."""

from __future__ import annotations

import csv
import importlib
import io
import json
import tempfile
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from yusuan.export.cells import write_cells_csv
from yusuan.export.json import disclosure_dict
from yusuan.model.families import family_of
from yusuan.model.formats import writers
from yusuan.rules.report import report_dict
from yusuan.store.convert import load_disclosure, load_findings
from yusuan.store.db import StoreError

RENDER_FORMATS = {name: w.media_type for name, w in writers().items()}  # the registered output formats


class NotAvailable(StoreError):
    """The feature needs a part of yusuan that is not installed or not built yet (HTTP 501)."""


def cells_csv(s: Session, disclosure_id: int) -> str:
    out = io.StringIO()
    write_cells_csv([load_disclosure(s, disclosure_id)], out)
    return out.getvalue()


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def rows_csv(columns: tuple[tuple[str, str], ...], rows: list[dict]) -> str:
    """A list of dicts as CSV for people: a byte-order mark (Excel then reads the Chinese), one header line of
    the columns' names, dicts and lists as JSON; a text a spreadsheet would take for a formula is quoted
    with a leading apostrophe (numbers, negative ones included, stay numbers)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for _, name in columns])
    for row in rows:
        writer.writerow([_csv_value(row.get(key)) for key, _ in columns])
    return out.getvalue()


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    if text.startswith(_FORMULA) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except ArithmeticError:
        return False
    return True


def model_json(s: Session, disclosure_id: int) -> dict:
    return disclosure_dict(load_disclosure(s, disclosure_id))


def findings_report(s: Session, disclosure_id: int) -> dict:
    return report_dict(load_disclosure(s, disclosure_id), load_findings(s, disclosure_id))


def checklist_xlsx(s: Session, disclosure_id: int) -> bytes:
    from yusuan.export.checklist_xlsx import write_checklist
    from yusuan.rules.checklist import build

    doc = load_disclosure(s, disclosure_id)
    items = build(doc, load_findings(s, disclosure_id))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "checklist.xlsx"
        write_checklist([(doc, items)], path)
        return path.read_bytes()


def renderer():
    """yusuan.render's `render(doc, fmt)`, or None while it is not part of this installation."""
    try:
        module = importlib.import_module("yusuan.render")
    except ImportError:
        return None
    return getattr(module, "render", None)


def rendered(s: Session, disclosure_id: int, fmt: str, style: str | None = None) -> bytes:
    """The stored disclosure rendered in `fmt`, in layout family `style` (default: the disclosure's own)."""
    if fmt not in RENDER_FORMATS:
        raise StoreError(f"不支持的下载格式：{fmt}（可选 {'、'.join(RENDER_FORMATS)}）")
    render = renderer()
    if render is None:
        raise NotAvailable(f"暂不能生成 {fmt.upper()}：本安装中没有文档生成模块（yusuan.render）")
    doc = load_disclosure(s, disclosure_id)
    try:
        return render(doc, fmt, style or family_of(doc))
    except ImportError as e:  # a renderer whose own dependency is missing
        raise NotAvailable(f"暂不能生成 {fmt.upper()}：缺少 {e.name or e}") from None


def preparation_workbook(s: Session, year: int, style: str | None, kind: str, disclosure_id: int | None = None) -> bytes:
    """The preparation workbook (yusuan template) for `year`: blank, or filled from a stored disclosure of
    that year or the year before (its figures then fill the 上年 columns, its lines are kept)."""
    from yusuan.model.families import DEFAULT_STYLE, family_of
    from yusuan.prepare.fill import SourceMismatch, lines_for
    from yusuan.prepare.template import write_template

    lines = None
    if disclosure_id is not None:
        doc = load_disclosure(s, disclosure_id)
        style = style or family_of(doc)
        try:
            lines = lines_for(doc, style, year, kind)
        except SourceMismatch as e:
            raise StoreError(str(e)) from None
    with tempfile.TemporaryDirectory() as tmp:
        return write_template(Path(tmp) / "budget.xlsx", year, style or DEFAULT_STYLE, kind, lines).read_bytes()


MAX_PACKAGE_DISCLOSURES = 2000


def fdp_zip(s: Session, p, *, body_id: int | None = None, department_id: int | None = None,
            year: int | None = None, kind: str | None = None) -> tuple[bytes, int]:
    """A Fiscal Data Package (export/fdp.py) of the current disclosures `p` sees among a body's, a
    department's (with its units) or a year's, zipped: (bytes, how many disclosures)."""
    import zipfile

    from yusuan.export.fdp import write_fdp
    from yusuan.store.queries import disclosure_list

    found = disclosure_list(s, p, body_id=body_id, department_id=department_id, year=year, kind=kind,
                            limit=MAX_PACKAGE_DISCLOSURES)
    if found["total"] > MAX_PACKAGE_DISCLOSURES:
        raise StoreError(f"一次最多打包 {MAX_PACKAGE_DISCLOSURES} 份公开文件（符合条件的有 {found['total']} 份），"
                         "请按年度或单位缩小范围")
    if not found["disclosures"]:
        raise StoreError("没有符合条件、可以打包的公开文件")
    docs = [load_disclosure(s, d["id"]) for d in found["disclosures"]]
    with tempfile.TemporaryDirectory() as tmp:
        write_fdp(docs, tmp)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name in ("datapackage.json", "facts.csv"):
                z.write(Path(tmp) / name, name)
    return out.getvalue(), len(docs)
