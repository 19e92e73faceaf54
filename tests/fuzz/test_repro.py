"""The hostile files of tests/data/fuzz-repro through `yusuan extract` and `yusuan check`, each run as a
command under `ulimit -v 4000000` with a hang guard: refused with one Chinese line naming the file, the
place and the reason (exit status 2), or read and checked with every output valid UTF-8."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_bad_input import assert_rejected, run_command
from tests.fuzz.harness import MEMORY_LIMIT
from tests.fuzz.repro import READ, REFUSED, REPRO


def run(path, command):
    return run_command(path, "--format", "json", command=command, limit_memory=MEMORY_LIMIT)


def test_every_file_has_an_expectation():
    assert {p.name for p in REPRO.iterdir() if p.name != "README.md"} == set(REFUSED) | set(READ)


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_the_place_and_the_reason(name, command):
    reason, place = REFUSED[name]
    path = REPRO / name
    done = run(path, command)
    assert_rejected(done.returncode, done.stdout, done.stderr, path, reason)
    named = done.stderr.split(f"{name}（", 1)[1].split("）：", 1)[0]
    assert place in named


def extracted_and_checked(name):
    path = REPRO / name
    extract, check = run(path, "extract"), run(path, "check")
    assert extract.returncode == 0, extract.stderr
    assert check.returncode in (0, 1), check.stderr  # 1: error findings
    assert "Traceback" not in extract.stderr + check.stderr
    report = json.loads(check.stdout)
    assert isinstance(report["findings"], list)
    return json.loads(extract.stdout), report


def test_content_controls_nested_ten_thousand_deep_are_read():
    doc, _ = extracted_and_checked("internal-docx-RecursionError-nested-sdt-web500.docx")
    assert doc["title"].startswith("deep")  # the one paragraph at the bottom of the nesting
    assert len(doc["tables"]) == 16 and doc["identity"]["body"] == "中共江苏省委办公厅"


def test_a_paragraph_of_forty_thousand_characters_is_checked():
    doc, report = extracted_and_checked("hang-txt-check-quadratic-_CLASSIFIED-regex-40000-char-paragraph.txt")
    assert any(p["text"].startswith("x" * 40_000) for s in doc["sections"] for p in s["paragraphs"])
    assert doc["tables"]


def test_lone_surrogates_in_a_pdf_text_layer_become_replacement_characters():
    doc, _ = extracted_and_checked("internal-pdf-lone-surrogate-extract-and-web500.pdf")
    text = json.dumps(doc, ensure_ascii=False)  # the command's output decoded as UTF-8, so no surrogate
    assert "\ufffd" in text
