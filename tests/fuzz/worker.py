"""A worker reading one file path per line on stdin and answering one JSON line per path: what `yusuan
extract` (CSV and JSON) and `yusuan check` (text and JSON) do with that file, done in process.

status: "ok" (read and checked, every output encodable as UTF-8), "rejected" (an IngestError whose
message is one Chinese line naming the file, as the CLI prints it), "bad-message" (an IngestError whose
message is not that), "memory" (MemoryError) or "internal" (any other exception: what the CLI reports
as 内部错误 and the web as HTTP 500). `rss_mb` is this process's peak resident size so far.

Run by harness.Worker under a memory limit; it prints nothing else to stdout.
"""

from __future__ import annotations

import io
import json
import re
import resource
import sys
import time
import traceback
import warnings
from pathlib import Path

_CJK = re.compile(r"[\u4e00-\u9fff]")


def examine(path: Path) -> dict:
    from yusuan.export.cells import write_cells_csv
    from yusuan.export.json import disclosure_dict
    from yusuan.model.errors import IngestError
    from yusuan.ingest.read import read_publications
    from yusuan.rules.registry import run
    from yusuan.rules.report import report_dict, text_report

    start = time.perf_counter()
    detail = ""
    try:
        docs = read_publications([path])
        buf = io.StringIO()
        write_cells_csv(docs, buf)
        buf.getvalue().encode("utf-8")
        for doc in docs:
            json.dumps(disclosure_dict(doc), ensure_ascii=False).encode("utf-8")
            findings = run(doc)
            json.dumps(report_dict(doc, findings), ensure_ascii=False).encode("utf-8")
            text_report(doc, findings).encode("utf-8")
        status = "ok"
    except IngestError as e:
        detail = f"错误：{e}"
        status = "rejected" if good_message(detail, path.name) else "bad-message"
    except MemoryError:
        status, detail = "memory", "MemoryError"
    except Exception:
        status, detail = "internal", traceback.format_exc(limit=-6)
    return {"status": status, "seconds": round(time.perf_counter() - start, 3),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, "detail": detail}


def good_message(message: str, name: str) -> bool:
    """One line, as the CLI prints it, naming the file, in Chinese."""
    return ("\n" not in message and message.startswith(f"错误：无法读取 {name}") and bool(_CJK.search(message[len(name):]))
            and "Traceback" not in message)


def main() -> None:
    warnings.simplefilter("ignore")
    for line in sys.stdin:
        path = Path(line.rstrip("\n"))
        sys.stdout.write(json.dumps(examine(path), ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
