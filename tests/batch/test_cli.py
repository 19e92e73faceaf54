"""`yusuan batch` as a user runs it: the summary line, Chinese refusals with exit status 2."""

from __future__ import annotations

from click.testing import CliRunner

from tests.conftest import CORPUS
from yusuan.cli.main import main


def test_a_run_says_what_it_did(tmp_path):
    out = tmp_path / "out"
    text = str(CORPUS / "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt")
    r = CliRunner().invoke(main, ["batch", text, "--out", str(out), "-j", "2"])
    assert r.exit_code == 0, r.output
    assert "完成：1 份：已检查 1 份，无法读取 0 份，处理失败 0 份（本次 1 份，跳过已完成的 0 份）" in r.stderr
    assert "已处理 1/1 份" in r.stderr  # without a terminal, a progress line every tenth
    r = CliRunner().invoke(main, ["batch", text, "--out", str(out)])
    assert r.exit_code == 0 and "跳过已检查的 1 份" in r.stderr and "（本次 0 份，跳过已完成的 1 份）" in r.stderr


def test_refusals(tmp_path):
    run = CliRunner().invoke
    r = run(main, ["batch", str(tmp_path / "没有.pdf"), "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and r.stderr.strip() == f"错误：找不到输入：{tmp_path / '没有.pdf'}（既不是文件，也不是文件夹）"
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("x", encoding="utf-8")
    r = run(main, ["batch", str(CORPUS / "shenzhen-2023-zhineng-guankong-zhongxin-budget.txt"),
                   "--out", str(tmp_path / "full")])
    assert r.exit_code == 2 and "不是空的，也没有 yusuan batch 的清单" in r.stderr
    r = run(main, ["batch", "--out", str(tmp_path / "o")])
    assert r.exit_code == 2 and "请给出输入文件" in r.output
    r = run(main, ["batch", str(tmp_path), "--out", str(tmp_path / "o"), "-j", "2", "--scheduler", "tcp://x:1"])
    assert r.exit_code == 2 and "--workers 用于本机" in r.output
    r = run(main, ["batch", str(tmp_path / "full"), "--out", str(tmp_path / "o2")])
    assert r.exit_code == 0  # x.txt is read and refused: recorded, the run goes on
