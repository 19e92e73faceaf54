"""Printing DOCX and XLSX to PDF with LibreOffice, the way offices make the PDFs they publish
(`soffice --headless --convert-to pdf`): one process for many files, in a profile of its own so that it
neither needs nor touches the user's."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    """The LibreOffice command, None when it is not installed (scripts/apt-packages.txt)."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(files: list[Path], outdir: Path, profile: Path | None = None, timeout: float = 1800) -> list[Path]:
    """LibreOffice converts `files` into `outdir` (one process for all); the PDFs' paths, in order. A file
    it could not convert has no PDF: the caller checks that each path exists."""
    command = soffice()
    if command is None:
        raise RuntimeError("没有安装 LibreOffice（soffice），无法把 DOCX、XLSX 打印为 PDF")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="yusuan-soffice-") as tmp:
        where = (profile or Path(tmp)).resolve()
        subprocess.run([command, f"-env:UserInstallation={where.as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(outdir), *map(str, files)],
                       check=True, capture_output=True, timeout=timeout)
    return [outdir / (f.stem + ".pdf") for f in files]
