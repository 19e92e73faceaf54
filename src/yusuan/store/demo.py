"""The example documents `yusuan serve --demo` imports: copies of corpus documents shipped in the source
tree (tests/data/corpus), published, imported once (a second run finds them by their bytes)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.orm import Session

from yusuan.store import models as m
from yusuan.store.db import StoreError
from yusuan.store.intake import import_paths
from yusuan.store.repository import UploadedFile, find_duplicate

# one publication per entry: a text part before its tables part
DEMO: tuple[tuple[str, ...], ...] = (
    ("shenzhen-2023-pingshan-guanliju-budget.txt",),
    ("shenzhen-2023-zhineng-guankong-zhongxin-budget.txt",),
    ("jiangsu-2017-jianchayuan-budget.pdf",),
    ("jiangsu-2018-jianchayuan-budget.pdf",),
    ("jiangsu-2019-zhengxie-bangongting-budget-text.pdf", "jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"),
    ("jiangsu-2019-gaoji-fayuan-budget.pdf",),
    ("shanghai-putuo-2025-wanli-jiedao-dept-budget.pdf",),
    ("shanghai-putuo-2025-shangwu-weiyuanhui-unit-budget.pdf",),
    ("shanghai-putuo-2024-shehui-gongzuobu-dept-final.pdf",),
)


def demo_dir() -> Path:
    """$YUSUAN_DEMO_DIR, or tests/data/corpus of the source checkout this package runs from."""
    env = os.environ.get("YUSUAN_DEMO_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "corpus"


def import_demo(s: Session, directory: Path | None = None, user: m.User | None = None) -> list[tuple[str, int | None]]:
    """Import every demo publication not yet in the store; returns (files, new disclosure id or None)."""
    directory = directory or demo_dir()
    if not directory.is_dir():
        raise StoreError(f"找不到示例文件目录 {directory}（示例文件在源代码的 tests/data/corpus 中，"
                         "或用环境变量 YUSUAN_DEMO_DIR 指定）")
    done = []
    for names in DEMO:
        paths = [directory / n for n in names]
        if not all(p.is_file() for p in paths):
            continue
        label = " + ".join(names)
        if find_duplicate(s, [UploadedFile.from_path(p) for p in paths]) is not None:
            done.append((label, None))
            continue
        d = import_paths(s, paths, status="published", user=user, action="import")
        done.append((label, d.id))
    return done
