"""One synthetic disclosure: a body, the lines of its budget (`figures`), every table of its family's set
derived from them (`prepare.ledger.derive`), the narrative drafted from the tables (`prepare.draft`) as an
officer publishes it — the parts only a person writes filled in, the reason of every change given, the
assets stated, no paragraph left marked as a draft."""

from __future__ import annotations

import random
from decimal import Decimal
from dataclasses import dataclass

from yusuan.model.disclosure import Disclosure, Paragraph, Value
from yusuan.model.provenance import Source
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.prepare import sheets as S
from yusuan.prepare.draft import ASK_REASON, draft_sections
from yusuan.prepare.ledger.derive import derive_all
from yusuan.prepare.totals import amount_text
from yusuan.render.glossary import GLOSSARY
from yusuan.synth import bodies
from yusuan.synth.figures import Figures, draw

KINDS = tuple(DOCUMENT_KINDS)  # budget, final_accounts
LEVEL_KEYS = tuple(LEVELS)  # department, unit
YEARS = range(2020, 2026)
GLOSSARY_PAGE = 99  # the 名词解释 after the tables (their figures come from the ledger's page 1)
REASONS = ("根据年度工作任务调整相应预算安排", "按照厉行节约要求压减一般性支出", "人员变动及工资标准调整",
           "新增生态环境监测和执法项目", "部分项目已完成、不再安排")


@dataclass(frozen=True, slots=True)
class Spec:
    """What to generate: family, kind, level and year, and the seed of everything else."""

    style: str
    kind: str
    level: str
    year: int
    seed: str

    @property
    def final(self) -> bool:
        return self.kind == "final_accounts"


def generate(spec: Spec, file: str) -> tuple[Disclosure, Figures]:
    """The disclosure `spec` describes, its figures' sources in the ledger `file`; the figures."""
    rng = random.Random(spec.seed)
    body = bodies.body_for(rng, spec.style, spec.level)
    figures = draw(rng, body, spec.style, spec.year, spec.final, file)
    texts = {"duties": bodies.duties(rng, body), "organization": bodies.organization(rng, body, figures.staff)}
    derived = derive_all(figures.ledger, spec.style, final=spec.final, decimals=figures.decimals,
                         performance=figures.performance, texts=texts)
    doc, facts = derived.doc, derived.facts
    # the officer's part: the reasons of the changes, the assets; the 名词解释 (the renderer's own)
    facts.ask_reasons = True
    facts.three_public_reasons = {m: rng.choice(REASONS) for m, _ in S.THREE_PUBLIC_COLS}
    facts.office_reason = rng.choice(REASONS)
    if not facts.office:  # a 事业 unit: its 机关运行经费 is stated as none
        none = Value(Decimal(0), amount_text(Decimal(0), figures.decimals), Source(file, 1))
        facts.office = {S.CURRENT: {"office_operating": none}, S.PRIOR: {"office_operating": none}}
    facts.assets = figures.assets
    anchors = {p.key: Source(file, 1, cell=f"C{n}") for n, p in enumerate(S.PARTS, start=4)}
    glossary = [(term, meaning, Source(file, GLOSSARY_PAGE, cell=f"B{n}"))
                for n, (term, meaning) in enumerate(GLOSSARY, start=3)]
    doc.sections = draft_sections(doc, facts, {k: (v, anchors[k]) for k, v in texts.items()}, anchors,
                                  Source(file, 1, cell="C1"), glossary)
    for section in doc.sections:
        for p in section.paragraphs:
            _publish(p, rng)
    return doc, figures


def _publish(p: Paragraph, rng: random.Random) -> None:
    """A drafted paragraph as published: reviewed (no draft mark), every change given a reason."""
    p.drafted = False
    while ASK_REASON in p.text:
        p.text = p.text.replace(ASK_REASON, rng.choice(REASONS), 1)
