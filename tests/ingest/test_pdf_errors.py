"""Bad input: every failure is an IngestError naming the file (and the page where there is one)."""

from pathlib import Path

import pytest

from yusuan.ingest.pdf import ocr
from yusuan.model.errors import IngestError
from yusuan.ingest.pdf.reader import read_pdf_blocks
from yusuan.ingest.read import read_disclosure

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"


@pytest.fixture(autouse=True)
def no_ocr(monkeypatch):
    """Read as without the `ocr` extra (a scan with it: test_scan_too_blurry_for_ocr, tests/ingest/test_ocr.py)."""
    monkeypatch.setattr(ocr, "engine", lambda: None)

CASES = [
    ("empty.pdf", "文件为空", ""),
    ("garbage.pdf", "不是 PDF 文件", ""),
    ("damaged.pdf", "已损坏", ""),
    ("truncated.pdf", "不完整", ""),
    ("encrypted.pdf", "已加密", ""),
    ("scanned.pdf", "没有文本层", ""),
    ("broken-page.pdf", "页面无法加载", "第 3 页"),
]


@pytest.mark.parametrize("name, reason, place", CASES)
def test_bad_input_raises_ingest_error(name, reason, place):
    with pytest.raises(IngestError) as info:
        list(read_pdf_blocks(BAD / name))
    err = info.value
    assert err.file == name
    assert name in str(err)
    assert reason in err.reason
    assert err.place == place
    if place:
        assert place in str(err)


def test_scanned_says_no_ocr(monkeypatch):
    with pytest.raises(IngestError) as info:
        list(read_pdf_blocks(BAD / "scanned.pdf"))
    assert "扫描件" in info.value.reason and "OCR" in info.value.reason and "yusuan[ocr]" in info.value.reason
    monkeypatch.undo()
    monkeypatch.setenv(ocr.SWITCH, "off")
    with pytest.raises(IngestError) as info:
        list(read_pdf_blocks(BAD / "scanned.pdf"))
    assert "扫描件" in info.value.reason and ocr.SWITCH in info.value.reason


@pytest.mark.skipif(ocr.engine() is None, reason="the ocr extra is not installed")
def test_scan_too_blurry_for_ocr(monkeypatch):
    """With OCR, a scan it cannot read (72 dpi, blurred) is refused as such, not read as nothing."""
    monkeypatch.undo()
    with pytest.raises(IngestError) as info:
        read_disclosure(BAD / "scanned.pdf")
    assert "扫描件" in info.value.reason and "没有读出任何表格" in info.value.reason


def test_missing_file_and_directory():
    with pytest.raises(IngestError, match="不存在"):
        list(read_pdf_blocks(BAD / "no-such-file.pdf"))
    with pytest.raises(IngestError, match="文件夹"):
        list(read_pdf_blocks(BAD, name="bad"))


def test_display_name_overrides_path():
    with pytest.raises(IngestError) as info:
        list(read_pdf_blocks(BAD / "empty.pdf", name="上传的文件.pdf"))
    assert info.value.file == "上传的文件.pdf"
    assert str(info.value).startswith("无法读取 上传的文件.pdf")


def test_pages_before_a_broken_page_are_read():
    blocks = []
    with pytest.raises(IngestError):
        for block in read_pdf_blocks(BAD / "broken-page.pdf"):
            blocks.append(block)
    assert [b.text for b in blocks] == ["Budget 2019", "Total 13,297.11"] * 2


@pytest.mark.parametrize("name", ["empty.pdf", "garbage.pdf", "truncated.pdf", "encrypted.pdf"])
def test_error_before_first_block(name):
    gen = read_pdf_blocks(BAD / name)
    with pytest.raises(IngestError):
        next(gen)
