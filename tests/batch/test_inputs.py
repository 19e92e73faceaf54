"""What a batch reads: folders, globs, list files; a text part and a tables part paired by name."""

from __future__ import annotations

import pytest

from tests.conftest import CORPUS
from yusuan.batch.inputs import InputError, gather, pair
from yusuan.store.repository import UploadedFile, fingerprint


def test_a_folder_gives_its_publications_with_text_and_tables_parts_paired():
    pubs = gather([str(CORPUS)])
    names = [p.names for p in pubs]
    assert len(pubs) == 15  # 18 files, of which three text + tables pairs; SOURCES.md is no publication
    assert "jiangsu-2019-zhengxie-bangongting-budget-text.pdf+jiangsu-2019-zhengxie-bangongting-budget-tables.pdf" in names
    assert sum("+" in n for n in names) == 3 and not any(n.endswith(".md") for n in names)
    for pub in pubs:  # the key is the store's fingerprint of the files' bytes, in reading order
        assert pub.doc_id == fingerprint([UploadedFile.from_path(p) for p in pub.paths])
        assert pub.size == sum(len(UploadedFile.from_path(p).content) for p in pub.paths)


def test_pairs_need_one_text_and_one_tables_part_of_one_name(tmp_path):
    files = [tmp_path / n for n in ("a-tables.pdf", "a-text.pdf", "b_文字部分.pdf", "b_表格部分.pdf", "c-text.pdf",
                                    "context.pdf", "d-tables.pdf", "d-tables.txt")]
    groups = [[p.name for p in g] for g in pair(files)]
    assert groups == [["a-text.pdf", "a-tables.pdf"], ["b_文字部分.pdf", "b_表格部分.pdf"], ["c-text.pdf"],
                      ["context.pdf"], ["d-tables.pdf"], ["d-tables.txt"]]


def test_globs_list_files_and_repeats(tmp_path):
    listed = tmp_path / "清单.txt"
    listed.write_text(f"# 深圳\n{CORPUS / 'shenzhen-2023-pingshan-guanliju-budget.txt'}\n\n"
                      f"{CORPUS}/jiangsu-2019-*.pdf\n", encoding="utf-8")
    pubs = gather([str(CORPUS / "shenzhen-2023-pingshan-guanliju-budget.txt")], [str(listed)])
    assert [p.names for p in pubs] == [
        "shenzhen-2023-pingshan-guanliju-budget.txt",  # named twice, counted once
        "jiangsu-2019-gaoji-fayuan-budget.pdf",
        "jiangsu-2019-zhengxie-bangongting-budget-text.pdf+jiangsu-2019-zhengxie-bangongting-budget-tables.pdf"]


def test_a_list_file_names_its_inputs_relative_to_its_folder(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "docs" / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "list.txt").write_text("docs\n", encoding="utf-8")
    assert [p.names for p in gather([], [str(tmp_path / "list.txt")])] == ["a.txt"]


def test_an_input_naming_nothing_is_refused_in_chinese(tmp_path):
    with pytest.raises(InputError, match="找不到输入：没有这个.pdf"):
        gather(["没有这个.pdf"])
    with pytest.raises(InputError, match=r"没有文件与 .*\*.docx 相符"):
        gather([str(tmp_path / "*.docx")])
    with pytest.raises(InputError, match="无法读取文件清单"):
        gather([], [str(tmp_path / "没有的清单.txt")])
