"""Bad input through `yusuan extract`: exit 2, one Chinese line on stderr naming the file, no traceback.

Every case runs in process (CliRunner) and once as a real command (python -m yusuan), with a timeout
that guards against a hang (not a timing assertion).
"""

import io
import os
import random
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner

from yusuan.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "corpus"
BAD = ROOT / "tests" / "data" / "bad"
HANG_GUARD = 60  # seconds
PROSE = (
    "春天来了，河边的柳树发芽了。孩子们在田野里放风筝，老人们坐在门口晒太阳，说着今年的收成。\n"
    "傍晚，炊烟升起，村子里一片宁静。远处传来几声狗叫，又很快安静下来。\n"
)


@pytest.fixture(autouse=True)
def without_ocr(monkeypatch):
    """As without the `ocr` extra: scanned.pdf is refused for its missing text layer (with OCR, for
    being unreadable: tests/ingest/test_pdf_errors.py), in process and in the command (inherited)."""
    monkeypatch.setenv("YUSUAN_OCR", "off")


def empty(tmp):
    path = tmp / "空文件.pdf"
    path.write_bytes(b"")
    return path


def random_bytes(tmp):
    path = tmp / "随机数据.bin"
    path.write_bytes(random.Random(11).randbytes(8192))
    return path


def zip_named(name):
    def make(tmp):
        path = tmp / name
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("说明.txt", PROSE)
        return path

    return make


def missing(tmp):
    return tmp / "没有这个文件.pdf"


def directory(tmp):
    path = tmp / "一个目录"
    path.mkdir()
    return path


def fifo(tmp):
    path = tmp / "管道"
    os.mkfifo(path)  # opening it for reading would block until a writer comes
    return path


def prose(tmp):
    path = tmp / "散文.txt"
    path.write_text(PROSE, encoding="utf-8")
    return path


def narrative_pdf(tmp):
    """One page of narrative text (第一部分 部门概况) taken from a corpus PDF: no table on it."""
    source = pdfium.PdfDocument(CORPUS / "jiangsu-2019-zhengxie-bangongting-budget-text.pdf")
    page = pdfium.PdfDocument.new()
    try:
        page.import_pages(source, [2])
        buf = io.BytesIO()
        page.save(buf)
    finally:
        page.close()
        source.close()
    path = tmp / "概况一页.pdf"
    path.write_bytes(buf.getvalue())
    return path


def fixture(name):
    def make(tmp):
        return BAD / name

    return make


def bad_case(name, reason):
    missing_fixture = pytest.mark.skipif(
        not (BAD / name).is_file(), reason=f"tests/data/bad/{name} is not generated yet (tests/data/bad/make.py)"
    )
    return pytest.param(fixture(name), reason, id=name, marks=missing_fixture)


CASES = [
    pytest.param(empty, "空", id="empty"),
    pytest.param(random_bytes, "二进制", id="random-bytes"),
    pytest.param(zip_named("资料.zip"), "压缩包", id="zip"),
    pytest.param(zip_named("伪装.docx"), "压缩包", id="zip-named-docx"),
    pytest.param(zip_named("伪装.xlsx"), "压缩包", id="zip-named-xlsx"),
    pytest.param(missing, "不存在", id="missing"),
    pytest.param(directory, "目录", id="directory"),
    pytest.param(fifo, "不是普通文件", id="fifo"),
    pytest.param(prose, "没有找到任何预算表格", id="prose-text"),
    pytest.param(narrative_pdf, "没有找到任何预算表格", id="narrative-pdf"),
    bad_case("encrypted.pdf", "加密"),
    bad_case("truncated.pdf", "不完整"),
    bad_case("scanned.pdf", "扫描件"),
    bad_case("damaged.pdf", "损坏"),
    bad_case("garbage.pdf", "二进制"),
    bad_case("broken-page.pdf", "第 3 页"),
]


def assert_rejected(code, stdout, stderr, path, reason):
    assert "Traceback" not in stdout + stderr
    assert code == 2, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("错误：无法读取 ")
    assert path.name in lines[0] and reason in lines[0]
    assert stdout == ""


def run_command(*args, limit_memory=None, command="extract"):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])))

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (limit_memory, limit_memory))

    return subprocess.run(
        [sys.executable, "-m", "yusuan", command, *map(str, args)], capture_output=True, text=True,
        encoding="utf-8", env=env, timeout=HANG_GUARD, preexec_fn=limit if limit_memory else None,
    )


@pytest.mark.parametrize("make, reason", CASES)
def test_extract_rejects_in_process(tmp_path, make, reason):
    path = make(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert_rejected(result.exit_code, result.stdout, result.stderr, path, reason)


@pytest.mark.parametrize("make, reason", CASES)
def test_extract_rejects_as_a_command(tmp_path, make, reason):
    path = make(tmp_path)
    done = run_command(path)
    assert_rejected(done.returncode, done.stdout, done.stderr, path, reason)


def test_a_bad_second_file_is_named_before_the_first_is_read(tmp_path):
    bad = random_bytes(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt"), str(bad)])
    assert_rejected(result.exit_code, result.stdout, result.stderr, bad, "二进制")


def huge_truncated_pdf(tmp):
    path = tmp / "下载中断.pdf"
    with path.open("wb") as f:
        f.write(b"%PDF-1.7\n" + b"1 0 obj\n<< >>\nendobj\n" * 100)
        f.truncate(2**30)  # sparse: 1 GiB on paper, little on disk
    return path


def huge_text(tmp):
    path = tmp / "日志.txt"
    with path.open("wb") as f:
        f.write(PROSE.encode() * 100)
        f.truncate(2**30)
    return path


@pytest.mark.parametrize("make, reason", [(huge_truncated_pdf, "不完整"), (huge_text, "过大")])
def test_a_huge_file_is_rejected_without_reading_it_whole(tmp_path, make, reason):
    path = make(tmp_path)
    done = run_command(path, limit_memory=512 * 2**20)  # reading 1 GiB would fail under this limit
    assert_rejected(done.returncode, done.stdout, done.stderr, path, reason)
