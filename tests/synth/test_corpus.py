"""`yusuan synth`: the corpus on disk with its manifest, the plan spread over families, kinds, levels,
formats and defect types, and its sizes at scale (how fast: bench/synth.py)."""

from __future__ import annotations

import csv
import json
from collections import Counter

from click.testing import CliRunner

from yusuan.cli.main import main
from yusuan.synth.corpus import FORMATS, plan
from yusuan.synth.defects import TYPES


def test_the_command_writes_the_files_and_the_manifest(tmp_path):
    out = tmp_path / "corpus"
    r = CliRunner().invoke(main, ["synth", "--count", "6", "--seed", "s", "--out", str(out), "--formats", "html,xlsx",
                                  "--defects", "0.5"])
    assert r.exit_code == 0, r.output
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["count"] == 6 and manifest["formats"] == ["html", "xlsx"]
    for d in manifest["documents"]:
        assert set(d["files"]) == {"html", "xlsx"}
        assert all((out / rel).is_file() for rel in d["files"].values())
        assert (out / d["cells"]).read_text(encoding="utf-8").startswith("table_no,kind,side,code,item,measure")
    with (out / "manifest.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert [r["id"] for r in rows] == [d["id"] for d in manifest["documents"]]
    damaged = [d for d in manifest["documents"] if d["defect"]]
    assert [r["defect"] for r in rows if r["defect"]] == [d["defect"]["type"] for d in damaged]
    assert "已生成 6 份文件" in r.output
    again = tmp_path / "again"
    CliRunner().invoke(main, ["synth", "--count", "6", "--seed", "s", "--out", str(again), "--formats", "html",
                              "--defects", "0.5"])
    for d in manifest["documents"]:  # the same seed, the same documents
        assert (again / d["files"]["html"]).read_bytes() == (out / d["files"]["html"]).read_bytes()


def test_bad_options_are_refused_in_chinese(tmp_path):
    r = CliRunner().invoke(main, ["synth", "--count", "2", "--out", str(tmp_path), "--formats", "pdf,odt"])
    assert r.exit_code == 2 and "未知的格式：odt" in r.output
    r = CliRunner().invoke(main, ["synth", "--count", "2", "--out", str(tmp_path), "--families", "beijing"])
    assert r.exit_code == 2 and "未知的版式：beijing" in r.output


def test_the_plan_at_scale_spreads_over_everything():
    """2,000 documents: each family × kind × level equally, each type of defect about as often as the
    others, every format meeting every family (mixed), a larger count only adding documents."""
    planned = plan(2000, "scale", FORMATS, 0.3, mix=True)
    combos = Counter((p.spec.style, p.spec.kind, p.spec.level) for p in planned)
    assert len(combos) == 12 and max(combos.values()) - min(combos.values()) <= 1
    types = Counter(p.defect for p in planned if p.defect)
    assert set(types) == set(TYPES) and max(types.values()) - min(types.values()) <= 1
    assert 0.25 < sum(types.values()) / 2000 < 0.35
    pairs = Counter((p.spec.style, p.formats[0]) for p in planned)
    assert len(pairs) == 3 * len(FORMATS) and min(pairs.values()) > 50
    assert len({p.spec.year for p in planned}) == 6
    assert plan(2100, "scale", FORMATS, 0.3, mix=True)[:2000] == planned
