"""XLSX reader: Excel workbooks (Office Open XML), every sheet a grid."""

from yusuan.model.formats import Head, Reader


def is_xlsx(h: Head) -> bool:
    return "[Content_Types].xml" in h.zip_names and any(n.startswith("xl/") for n in h.zip_names)


READER = Reader("xlsx", "Excel（XLSX）", (".xlsx",),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", is_xlsx,
                blocks="yusuan.ingest.xlsx.reader:read_xlsx_blocks", order=30)
