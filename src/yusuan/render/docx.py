"""Layout → DOCX an officer can keep editing in Word or WPS: real headings (the contents field
updates from them), real tables with merged header cells repeated on every page, East Asian font set."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from yusuan.model.formats import Writer
from yusuan.render.fonts import DOCX_EAST_ASIA, DOCX_LATIN
from yusuan.render.layout import AMOUNT, CODE, Heading, Layout, Paragraph, TableLayout

_BODY_PT, _TABLE_PT = 10.5, 9


def render_docx(layout: Layout) -> bytes:
    doc = Document()
    _styles(doc)
    section = doc.sections[0]
    _a4(section, landscape=False)
    _footer_page_numbers(section)

    title = doc.add_paragraph(style="Title")
    title.add_run(layout.title)
    for line in layout.cover:
        doc.add_paragraph(line, style="Subtitle")
    _page_break(doc)
    _toc(doc, layout)
    landscape = False
    first = True
    for block in layout.blocks:
        if isinstance(block, Heading):
            if block.new_page and not first:
                landscape = _new_page(doc, landscape, False)
            doc.add_paragraph(block.text, style=f"Heading {min(block.level, 4)}")
        elif isinstance(block, Paragraph):
            p = doc.add_paragraph(block.text, style="Body Text")
            if block.drafted:
                p.runs[0].italic = True
        else:
            if block.new_page and not first:
                landscape = _new_page(doc, landscape, block.wide)
            _table(doc, block)
        first = False
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- page set-up and styles


def _a4(section, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    w, h = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = w, h
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin = section.right_margin = Mm(18)


def _fonts(style_or_run, size: float | None = None, bold: bool | None = None) -> None:
    font = style_or_run.font
    font.name = DOCX_LATIN
    if size:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), DOCX_EAST_ASIA)
    fonts.set(qn("w:ascii"), DOCX_LATIN)
    fonts.set(qn("w:hAnsi"), DOCX_LATIN)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)


def _styles(doc) -> None:
    styles = doc.styles
    _fonts(styles["Normal"], _BODY_PT)
    styles["Normal"].paragraph_format.space_after = Pt(0)
    body = styles["Body Text"]
    _fonts(body, _BODY_PT)
    body.paragraph_format.first_line_indent = Pt(_BODY_PT * 2)
    body.paragraph_format.space_after = Pt(3)
    body.paragraph_format.line_spacing = 1.5
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = styles["Title"]
    _fonts(title, 24, True)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Mm(70)
    _no_border(title)
    _fonts(styles["Subtitle"], 14, False)
    styles["Subtitle"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for level, size in ((1, 15), (2, 12), (3, _BODY_PT), (4, _BODY_PT)):
        style = styles[f"Heading {level}"]
        _fonts(style, size, True)
        style.font.italic = False
        pf = style.paragraph_format
        pf.space_before, pf.space_after = Pt(6), Pt(4)
        if level == 1:
            pf.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            pf.first_line_indent = Pt(_BODY_PT * 2)
    for name, size in (("Caption", 15), ("Table Note", _TABLE_PT)):
        style = styles[name] if name in styles else styles.add_style(name, 1)
        _fonts(style, size, name == "Caption")
        style.font.italic = False
    styles["Caption"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    styles["Caption"].paragraph_format.space_after = Pt(6)


def _no_border(style) -> None:
    ppr = style.element.get_or_add_pPr()
    for el in ppr.findall(qn("w:pBdr")):
        ppr.remove(el)


def _footer_page_numbers(section) -> None:
    """第 x 页 共 y 页, from PAGE and NUMPAGES fields."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    _field(p, "PAGE", "1")
    p.add_run(" 页 共 ")
    _field(p, "NUMPAGES", "1")
    p.add_run(" 页")


def _field(p, instr: str, shown: str) -> None:
    for kind, text in (("begin", None), ("instr", instr), ("separate", None), ("text", shown), ("end", None)):
        run = p.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {text} "
            run._r.append(el)
        elif kind == "text":
            run.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)


def _page_break(doc) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _new_page(doc, landscape: bool, want_landscape: bool) -> bool:
    """A page break, or a new section when the orientation changes (wide tables print landscape)."""
    if want_landscape == landscape:
        _page_break(doc)
        return landscape
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _a4(section, want_landscape)
    return want_landscape


def _toc(doc, layout: Layout) -> None:
    """目录: a contents field Word and WPS refresh from the headings (page numbers included), shown
    until then as the entries themselves."""
    doc.add_paragraph("目录", style="Caption")
    entries = layout.toc or []
    paragraphs = [doc.add_paragraph(style="Normal") for _ in entries] or [doc.add_paragraph()]
    first, last = paragraphs[0], paragraphs[-1]
    for kind, text in (("begin", None), ("instr", 'TOC \\o "1-3" \\h \\z \\u')):
        run = first.add_run()
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), "begin")
            el.set(qn("w:dirty"), "true")
        run._r.append(el)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    first.add_run()._r.append(sep)
    for p, entry in zip(paragraphs, entries):
        p.add_run(entry.text)
        if entry.level > 1:
            p.paragraph_format.left_indent = Pt(_BODY_PT * 2)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    last.add_run()._r.append(end)
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    _page_break(doc)


# ---------------------------------------------------------------- tables


def _table(doc, block: TableLayout) -> None:
    if block.captioned:
        if block.number_text and not block.number_inline:
            doc.add_paragraph(block.number_text, style="Normal")
        doc.add_paragraph(block.title_line, style="Caption")
        if block.body:
            doc.add_paragraph(f"部门名称：{block.body}", style="Normal")
        unit = doc.add_paragraph(f"单位：{block.unit or '万元'}", style="Normal")
        unit.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    grid = block.header + block.rows
    if not grid:
        grid = [[None] * block.width]
    table = doc.add_table(rows=len(grid), cols=block.width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    n_header = len(block.header)
    rows = table.rows
    for r, line in enumerate(grid):
        if r < n_header:
            trpr = rows[r]._tr.get_or_add_trPr()
            flag = OxmlElement("w:tblHeader")
            flag.set(qn("w:val"), "true")
            trpr.append(flag)
        cells = rows[r].cells
        for c, cell in enumerate(line):
            if cell is None:
                continue
            target = cells[c]
            if cell.colspan > 1 or cell.rowspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            _cell_text(target, cell, header=r < n_header, role=block.roles[c] if c < block.width else "")
    for note in block.notes:
        doc.add_paragraph(note, style="Table Note")


def _cell_text(target, cell, header: bool, role: str) -> None:
    p = target.paragraphs[0]
    lines = cell.text.split("\n")
    run = p.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)
    run.font.size = Pt(_TABLE_PT)
    if header or cell.bold:
        run.font.bold = True
    if header:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif cell.role == AMOUNT or role == AMOUNT and cell.amount is not None:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif cell.indent:
        p.paragraph_format.left_indent = Pt(_TABLE_PT * cell.indent)
    if role == CODE:
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT


WRITER = Writer("docx", "Word", (".docx",),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "yusuan.render.docx:render_docx")
