"""One synthetic disclosure: a body, its figures, its tables in its family's set, the narrative drafted from
the figures (`prepare.draft`) as an officer would publish it — the parts only a person writes filled in,
the reasons for every change given, no paragraph left marked as a draft."""

from __future__ import annotations

import random
from dataclasses import dataclass

from yusuan.model.disclosure import Disclosure, Identity, Paragraph
from yusuan.model.provenance import Source
from yusuan.model.vocabulary import DOCUMENT_KINDS, LEVELS
from yusuan.prepare import sheets as S
from yusuan.render.glossary import GLOSSARY
from yusuan.prepare.draft import ASK_REASON, Facts, draft_sections
from yusuan.synth import bodies
from yusuan.synth.figures import Figures, draw
from yusuan.synth.tables import Builder

KINDS = tuple(DOCUMENT_KINDS)  # budget, final_accounts
LEVEL_KEYS = tuple(LEVELS)  # department, unit
YEARS = range(2020, 2026)
GLOSSARY_PAGE = 99  # the 名词解释 after the tables (a table's page is its position in the set, plus one)
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
    """The disclosure `spec` describes, every value's source in `file`; the figures it was drawn from."""
    rng = random.Random(spec.seed)
    body = bodies.body_for(rng, spec.style, spec.level)
    figures = draw(rng, body, spec.style, spec.year, spec.final)
    identity = Identity(body=body.name, parent=body.parent, year=spec.year, kind=spec.kind, level=spec.level,
                        body_type=body.body_type)
    words = S.Words(spec.kind)
    doc = Disclosure(identity=identity, files=[file],
                     title=f"{spec.year}年{body.name}{LEVELS[spec.level]}{words.w}")
    builder = Builder(identity, spec.style, figures, file, with_prior=rng.random() < 0.7)
    doc.tables = builder.tables()
    if any(t.kind == "performance_targets" for t in doc.tables):
        doc.performance = builder.perf
        key = builder.key_projects()
        if key is not None:
            doc.tables.append(key)
    facts = _facts(builder, figures, spec, rng)
    texts = {"duties": bodies.duties(rng, body), "organization": bodies.organization(rng, body, figures.staff)}
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


def _facts(builder: Builder, figures: Figures, spec: Spec, rng: random.Random) -> Facts:
    """What the draft reads beyond the tables: the workbook's own sheets' figures."""
    facts = Facts(style=spec.style)
    three = {S.CURRENT: builder.three_values(figures.current, 8), S.PRIOR: builder.three_values(figures.prior, 9)}
    if spec.final:
        three[S.BUDGET] = builder.three_values(figures.budget, 10)
    facts.three_public = three
    facts.three_public_reasons = {m: rng.choice(REASONS) for m, _ in S.THREE_PUBLIC_COLS}
    # 机关运行经费 (a 事业 unit states it as 0)
    facts.office = {S.CURRENT: {"office_operating": builder.value(figures.current.office, 8, 3)},
                    S.PRIOR: {"office_operating": builder.value(figures.prior.office, 9, 3)}}
    facts.office_reason = rng.choice(REASONS)
    bought = figures.current.procurement
    if bought and not (spec.style == "shenzhen" and not spec.final):  # Shenzhen's 支出总表 prints it
        facts.procurement = {kind: builder.value(sum(v for _, v in lines), 6, 4) for kind, lines in bought.items()}
    facts.assets = dict(figures.assets)
    facts.projects = [(name, builder.value(units, 40, 3)) for name, units, _ in figures.key_projects] \
        if spec.style == "shenzhen" and not spec.final else []
    return facts
