"""Rule runs share nothing: each run has its own Context, so checks in threads (as the web app runs
uploads) find exactly what they find alone, and a document edited between runs is read afresh."""

import copy
from concurrent.futures import ThreadPoolExecutor

from tests.ingest.test_corpus import load
from yusuan.rules.registry import run

DOCS = ("shenzhen_2023_zhineng", "jiangsu_2018_jianchayuan")


def signature(findings) -> list[tuple]:
    return [(f.rule, f.severity, f.page, f.table_no, f.item, f.measure, f.message) for f in findings]


def test_two_documents_checked_in_threads_find_what_they_find_alone():
    docs = [load(name)[1] for name in DOCS]
    alone = [signature(run(d)) for d in docs]
    assert alone[0] != alone[1]
    jobs = [i % 2 for i in range(16)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: (i, signature(run(docs[i]))), jobs))
    for i, found in results:
        assert found == alone[i]


def test_a_paragraph_edited_between_runs_is_read_again():
    doc = copy.deepcopy(load("shenzhen_2023_zhineng")[1])
    before = signature(run(doc, only=["text-totals"]))
    paragraph = next(p for s in doc.sections for p in s.paragraphs if "万元" in p.text)
    count = sum(len(s.paragraphs) for s in doc.sections)
    paragraph.text = paragraph.text.replace("万元", "万元，其中多写一句：支出合计99999.99万元", 1)
    assert sum(len(s.paragraphs) for s in doc.sections) == count  # same counts: the old cache's key
    after = signature(run(doc, only=["text-totals"]))
    assert after != before
