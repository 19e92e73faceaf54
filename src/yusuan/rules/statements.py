"""The figures a disclosure's narrative states, with what they are about and where they are printed.

`statements(doc)` reads every paragraph and returns `Statement`s: a subject (收入预算总计, 基本支出, “三公”经费
and its parts, 机关运行经费, 政府采购 and its parts, a function class …) with the amount printed after it,
the change stated with it (比上年增加 X 万元，增长 Y%; 持平), the share (占 Z%), the completion rate of a 决算
(完成年初预算的 P%), the reasons given with amounts, and the parts listed under it (其中 / 包括). Every number
keeps its offset in the paragraph, so `Statement.source` is the printed line of the figure itself.

Amounts stay as printed (Decimal, in the unit printed after them); `Number.wan` converts exactly to 万元.
Paragraphs that the page broke in the middle of a sentence (a line ending without 。；： followed by one
that does not start a numbered item) are read as one passage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal

from yusuan.model.disclosure import Disclosure, Paragraph, Section
from yusuan.model.provenance import Source

# ---------------------------------------------------------------------------------------------- text

# length-preserving fold: offsets in the folded text are offsets in the printed text
_FOLD = str.maketrans({
    "（": "(", "）": ")", "，": ",", "：": ":", "；": ";", "％": "%", "．": ".", "“": '"', "”": '"',
    "‘": "'", "’": "'", "\u3000": " ", "－": "-", "〔": "[", "〕": "]", "【": "[", "】": "]", "！": "!",
    "？": "?", **{chr(0xFF10 + i): str(i) for i in range(10)},
})


def fold(text: str) -> str:
    return text.translate(_FOLD)


_WS = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Folded text without whitespace, for matching phrases printed with stray spaces."""
    return _WS.sub("", fold(text))


def _sq(folded: str) -> str:
    return _WS.sub("", folded)


# a numbered item at the start of a paragraph: 一、 (一) 1. 1、 (1) ①
_ENUM = re.compile(
    r"\s*(?:(?P<cn>[一二三四五六七八九十]+)、|\((?P<cnp>[一二三四五六七八九十]+)\)|(?P<num>\d{1,2})(?:[.、](?!\d)|\s+(?![年月\d]))"
    r"|\((?P<nump>\d{1,2})\)|(?P<circ>[①-⑳]))"
)


def enumerator(text: str) -> str:
    """The style of the numbered item a paragraph starts with ('' when it starts with none)."""
    m = _ENUM.match(fold(text))
    if not m:
        return ""
    return next(k for k, v in m.groupdict().items() if v is not None)


@dataclass(slots=True)
class Passage:
    """One or more printed paragraphs of a section read as one text."""

    text: str  # folded (same length as printed)
    section: Section
    section_index: int
    paragraphs: list[tuple[int, Paragraph]]  # (offset of the paragraph in text, paragraph)
    style: str  # enumerator style of its first paragraph
    printed: str = ""  # the text as printed

    def __post_init__(self):
        self.printed = self.printed or self.text

    def source_at(self, offset: int) -> Source:
        start, para = self.paragraphs[0]
        for s, p in self.paragraphs:
            if s > offset:
                break
            start, para = s, p
        return para.source_at(max(0, offset - start))


_OPEN_END = re.compile(r"[。.!?)\"]\s*$")


def passages(doc: Disclosure) -> list[Passage]:
    out: list[Passage] = []
    for si, section in enumerate(doc.sections):
        current: Passage | None = None
        for para in section.paragraphs:
            text = fold(para.text)
            if not text.strip():
                continue
            style = enumerator(text)
            if current is not None and not _OPEN_END.search(current.text) and not style:
                current.paragraphs.append((len(current.text), para))
                current.text += text
                current.printed += para.text
                continue
            current = Passage(text, section, si, [(0, para)], style, para.text)
            out.append(current)
    return out


# -------------------------------------------------------------------------------------------- numbers

@dataclass(frozen=True, slots=True)
class Number:
    value: Decimal  # as printed, in `unit`
    text: str
    unit: str  # 万元 | 亿元 | 元 | % | 倍 | 辆 | 台 | 个 | 人 | 家
    start: int
    end: int

    @property
    def step(self) -> Decimal:
        """The printing unit: 1 for 14, 0.01 for 0.47."""
        exp = self.value.as_tuple().exponent
        return Decimal(1).scaleb(exp if isinstance(exp, int) else 0)

    @property
    def wan(self) -> Decimal:
        return self.value * _TO_WAN.get(self.unit, Decimal(1))

    @property
    def wan_step(self) -> Decimal:
        return self.step * _TO_WAN.get(self.unit, Decimal(1))

    @property
    def is_money(self) -> bool:
        return self.unit in _TO_WAN


_TO_WAN = {"万元": Decimal(1), "万": Decimal(1), "亿元": Decimal(10000), "元": Decimal("0.0001")}
_NUM = r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_TOKEN = re.compile(
    _NUM + r"\s*(?:(?P<money>亿元|万元|万(?![人户])|元)|(?P<pct>%)|(?P<times>倍)"
    r"|(?P<count>辆|台\(套\)|台|个|人|家|项))"
)
# amounts that are thresholds, not figures: 单价 50 万元以上, 20万元(含)以上
_THRESHOLD_AFTER = re.compile(r"\s*(?:\(含\))?\s*(?:以上|以下)")


def numbers(text: str) -> list[Number]:
    out = []
    for m in _TOKEN.finditer(text):
        unit = m.group("money") or m.group("pct") or m.group("times") or m.group("count")
        if m.group("money") and (_THRESHOLD_AFTER.match(text, m.end()) or text[max(0, m.start() - 3):m.start()].rstrip().endswith("单价")):
            continue
        if m.group("count"):
            unit = unit.replace("(套)", "")
        value = Decimal(m.group(1).replace(",", ""))
        out.append(Number(value, m.group(0).strip(), unit, m.start(), m.end()))
    return out


# ------------------------------------------------------------------------------------------- subjects

# (key, tier, pattern) — the subject of a figure is the most specific subject its clause names
SUBJECTS: list[tuple[str, int, str]] = [
    ("three_public.vehicle_total", 5, r'公务用车购置(?:及|和|与)运行(?:维护)?(?:费用?|经费)?'),
    ("three_public.vehicle_purchase", 5, r'公务用车购置(?:费|经费)?'),
    ("three_public.vehicle_operation", 5, r'公务(?:车)?用车运行(?:维护)?(?:费用?|经费)?|车辆运行维护费'),
    ("three_public.abroad", 5, r'因公出国\(境\)(?:费用?|经费)?'),
    ("three_public.reception", 5, r'公务接待(?:费|支出)'),
    ("three_public.total", 5, r'"?三公"?经费'),
    ("meeting", 5, r'会议费'),
    ("training", 5, r'培训费'),
    ("office_operating", 5, r'机关运行(?:经)?费|(?<!行政)运行经费'),
    ("procurement.goods", 5, r'货物类?(?:政府)?采购|拟(?:采)?购(?:买)?货物|政府采购货物|购买货物|^货物类'),
    ("procurement.works", 5, r'工程类?(?:政府)?采购|拟(?:采)?购(?:买)?工程|政府采购工程|购买工程|^工程类'),
    ("procurement.services", 5, r'服务类?(?:政府)?采购|拟(?:采)?购(?:买)?服务|政府采购服务|^服务类'),
    ("procurement.small_micro", 5, r'(?:小型和微型|小型、微型|小微)企业'),
    ("procurement.sme", 5, r'面向中小企业'),
    ("procurement.total", 4, r'政府采购'),
    ("personnel", 3, r'人员(?:支出|经费)'),
    ("public", 3, r'公用(?:支出|经费)'),
    ("family", 3, r'对个人和家庭(?:的)?补助'),
    ("reserve", 3, r'预留机动(?:经费)?'),
    ("basic", 3, r'基本支出'),
    ("project", 3, r'项目支出'),
    ("carry_forward", 3, r'结转下年'),
    ("carryover", 3, r'上年结转'),
    ("general_budget", 2, r'一般公共预算'),
    ("gov_fund", 2, r'政府性基金'),
    ("soe_capital", 2, r'国有资本经营'),
    ("special_account", 2, r'财政专户管理资金'),
    ("business_income", 2, r'事业收入'),
    ("operating_income", 2, r'(?<!非)经营收入'),
    ("other_funds", 2, r'其他资金|其他收入'),
    ("fiscal", 1, r'财政拨款|政府预算拨款'),
    ("total", 0, r'收入?、?支出?(?:预算)?总计|收、支(?:总)?预算|收入支出总计|收支(?:预算)?总计'),
    ("income_total", 0, r'收入(?:预算)?(?:总计|合计)|本年收入'),
    ("expense_total", 0, r'支出(?:预算)?(?:总计|合计)|本年支出'),
    # 部门预算收入 / 收入预算 are the totals only when nothing narrower is named before them (非税收入预算 is not)
    ("income_total*", 0, r'(?:部门)?预算收入|收入预算'),
    ("expense_total*", 0, r'(?:部门)?预算支出|支出预算(?!中)'),
]
def _alternatives(pattern: str) -> list[str]:
    """Top-level alternatives, compiled apart so that overlapping phrases are all found."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and pattern[i - 1] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


_SUBJECTS = [(k, t, re.compile(a)) for k, t, p in SUBJECTS for a in _alternatives(p)]

# what the figure is said of besides its subject
QUALIFIERS = [
    ("fiscal", re.compile(r"财政拨款")),
    ("general_budget", re.compile(r"一般公共预算")),
    ("initial_budget", re.compile(r"年初预算")),
    ("adjusted_budget", re.compile(r"全年预算|调整(?:后)?预算")),
    ("final", re.compile(r"决算")),
]

# a run of name characters taken whole (possessive: no retry from each of its characters, which made a
# long run without a (类) cost its length squared), then the level if one follows
_CLASSIFIED = re.compile(r'((?:[^()"<>,:;.\d\s]|\((?!类|款|项)[^()]{1,4}\))++)(?:\((类|款|项)\))?')
# a clause that names no subject of its own: 2023 年预算数 / 支出决算为 / 全年预算为
_GENERIC = re.compile(r"^(?:\d{4}年度?|本年|年初|全年|调整|预算|决算|支出|收入|数|为|是|合计|共计|金额|安排|的)*$")
_YEAR = re.compile(r"(?<![\d-])(\d{4})\s*年(?!\s*\d+\s*月)")
_YEAR_DATE = re.compile(r"(?:截至|截止|自|于)\s*$")


def subject(clause: str) -> tuple[str, int, str] | None:
    """(key, tier, printed subject) of the most specific subject a clause names, the rightmost on ties."""
    best = None
    for key, tier, pattern in _SUBJECTS:
        for m in pattern.finditer(clause):
            cand = (tier, m.end(), m.end() - m.start())
            if best is None or cand > best[0]:
                best = (cand, key, m.group(0))
    if best is None:
        return None
    return best[1], best[0][0], best[2]


def classified_path(clause: str) -> tuple[tuple[str, str], ...]:
    """(name, level) pairs of a clause that names classification items: 一般公共服务支出（类）…（款）…（项）."""
    return tuple((_clean_name(n), lvl) for n, lvl in _CLASSIFIED.findall(clause) if lvl and _clean_name(n))


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、]|其中|包括|主要用于|以下方面|此外)+", "", name)
    return name.strip(' "、.')


# -------------------------------------------------------------------------------------------- changes

_VERBS = [
    (None, r"增长\(减少\)|增加\(减少\)|减少\(增加\)|下降\(增长\)|增长\(降低\)|增加\(降低\)"),
    (-1, r"减少了?|下降了?|降低了?|压减了?|(?:下降|减少)率|降幅为?|减幅为?|小于上年(?:预算)?数?|减"),
    (1, r"增加了?|增长了?|上升了?|提高了?|增长率|增幅为?|大于上年(?:预算)?数?|增"),
]
_VERB_END = re.compile(r"(?:" + "|".join(f"(?P<v{i}>(?:{p}))" for i, (_, p) in enumerate(_VERBS)) + r")(?:为|了)?\s*$")
_FLAT = re.compile(r"持平|一致|相等|不变|未发生变化|无变化|相同|等于上年")
_BASIS = re.compile(r"(?:比|较|与|同|对比)\s*(?:(?P<prior>上年度?)|(?P<year>\d{4})\s*年度?)(?P<what>预算执行数|预算数?|决算数?|执行数|数)?")
_SHARE = re.compile(r"占(?P<base>[^,;:。]*?)的?\s*$")
_COMPLETION = re.compile(r"完成(?P<basis>年初预算|全年预算|调整预算|预算)数?的?\s*$")
_REASON = re.compile(r"原因|主要是|主要用于")
_TRIGGER = re.compile(r"其中|具体包括|主要包括|包括|主要用于以下方面|具体如下|具体情况如下")
_ORDINAL_REASON = re.compile(r"^\s*(?:[一二三四五六七八九十]是|同时|其次|再次|另外)")


@dataclass(slots=True)
class Change:
    direction: int | None  # +1 增加, -1 减少, 0 持平, None 增加（减少） as a template prints it
    amount: Number | None = None
    percent: Number | None = None
    percent_direction: int | None = None
    times: Number | None = None
    basis: str = ""  # the comparison as printed: 比 2022 年预算
    year: int | None = None
    year_at: int | None = None  # offset of the year named in the comparison
    reasons: list[Reason] = field(default_factory=list)
    reason_groups: list[list[Reason]] = field(default_factory=list)


@dataclass(slots=True)
class Reason:
    direction: int | None
    amount: Number
    text: str


@dataclass(slots=True)
class Statement:
    key: str  # subject, see SUBJECTS; 'function' (classified item), 'item' (anything else), 'count'
    label: str  # the subject as printed (folded, no spaces)
    amount: Number | None  # None when only its change is stated
    passage: Passage
    sentence: int  # index of the sentence within the passage
    clause_start: int  # offset where the clause stating it begins
    qualifiers: frozenset[str] = frozenset()
    path: tuple[tuple[str, str], ...] = ()  # classified items: ((name, 类|款|项), …)
    year: int | None = None  # the year its own clause names
    year_at: int | None = None
    prior: bool = False  # a figure of the year before (上年 … 为 X 万元)
    aside: bool = False  # stated in parentheses
    change: Change | None = None
    prior_statement: Statement | None = None  # a prior figure stated with it
    share: Number | None = None
    share_base: str = ""  # printed base of the share ('' = the whole it is listed under)
    completion: list[tuple[str, Number]] = field(default_factory=list)  # (basis, rate)
    whole: Statement | None = None
    parts: list[Statement] = field(default_factory=list)
    list_word: str = ""  # the word that opened its list of parts: 其中 / 包括 / 主要包括 …

    @property
    def source(self) -> Source:
        at = self.amount.start if self.amount else self.clause_start
        return self.passage.source_at(at)

    def source_of(self, number: Number | None) -> Source:
        return self.passage.source_at(number.start if number else self.clause_start)

    def quote(self, limit: int = 90, upto: Number | None = None) -> str:
        """The sentence stating the figure as printed, on to the sentence of `upto` (a rate stated after it),
        shortened around the figure when long."""
        text = self.passage.text
        start = max(text.rfind("。", 0, self.clause_start) + 1, 0)
        last = max(self.clause_start, upto.start if upto is not None else 0)
        stop = text.find("。", last)
        end = stop + 1 if stop >= 0 else len(text)
        s = self.passage.printed[start:end]
        if len(s) > limit:
            at = (upto.end if upto is not None else self.amount.end if self.amount else self.clause_start) - start
            lo = max(0, min(self.clause_start - start, at - limit + 10))
            s = ("…" if lo > 0 else "") + s[lo:lo + limit] + ("…" if lo + limit < len(s) else "")
        return _WS.sub("", s)

    @property
    def is_figure(self) -> bool:
        """A figure of the year disclosed (not a prior-year figure, not a change alone)."""
        return self.amount is not None and not self.prior


# ------------------------------------------------------------------------------------------- extraction

_SENTENCE_END = re.compile(r"[。!?]")


_ENDS: dict[str, list[int]] = {}


def _sentence_index(text: str, offset: int) -> int:
    """How many sentences end before `offset` (the ends of the last texts asked about are kept)."""
    ends = _ENDS.get(text)
    if ends is None:
        if len(_ENDS) > 64:
            _ENDS.clear()
        ends = _ENDS[text] = [m.start() for m in _SENTENCE_END.finditer(text)]
    return bisect_left(ends, offset)


def _clause(lead: str) -> tuple[str, int]:
    """The clause right before a number: the lead after its last , ; : or unclosed (."""
    cut = max(lead.rfind(c) for c in ",;:。")
    paren = lead.rfind("(")
    if paren > cut and ")" not in lead[paren:]:
        cut = paren
    return lead[cut + 1:], cut + 1


class _Reader:
    def __init__(self, doc: Disclosure):
        self.doc = doc
        self.year = doc.identity.year
        self.body = squeeze(doc.identity.body or "")
        self.parent = squeeze(doc.identity.parent or "")
        self.classes = _class_names(doc)
        self.out: list[Statement] = []

    def read(self) -> list[Statement]:
        previous: Passage | None = None
        last_change: Change | None = None
        last_statement: Statement | None = None
        for passage in passages(self.doc):
            if previous is None or previous.section_index != passage.section_index:
                last_change = None
                last_statement = None
            last_change, last_statement = self.read_passage(passage, last_change, last_statement)
            previous = passage
        _link_lists(self.out)
        return self.out

    # one passage ---------------------------------------------------------------------------------
    def read_passage(self, passage: Passage, carried_change: Change | None, carried_statement):
        text = passage.text
        tokens = numbers(text)
        if not tokens:
            return carried_change, carried_statement
        heading_path = classified_path(fold(passage.section.heading))
        mine: list[Statement] = []
        current: Statement | None = None  # the figure the sentence is about
        head: Statement | None = None  # the passage's first figure
        change: Change | None = None  # the change being read
        reason_from = None  # offset where the reasons begin
        reason_end = None
        if re.match(r"^[^,;:。\d]{0,30}原因", _sq(text)) and carried_change is not None:
            reason_from, reason_end = 0, len(text)
            change = carried_change
        whole: Statement | None = None  # the figure a list is under
        last_prior: Statement | None = None
        list_sentence = -1
        list_word = ""
        prev_end = 0
        for tok in tokens:
            sentence = _sentence_index(text, tok.start)
            sent_start = max(text.rfind(c, 0, tok.start) for c in "。!?") + 1
            lead_start = max(prev_end, sent_start)
            lead = text[lead_start:tok.start]
            between = text[prev_end:tok.start]
            clause, cut = _clause(lead)
            clause_start = lead_start + cut
            sq = _sq(clause)
            if current is not None and current.sentence != sentence:
                current = None  # a new sentence is about its own subject, or else the passage head's
            # reasons: from 原因 to the end of that sentence (or of the passage when it is all reasons)
            if reason_end is not None and tok.start >= reason_end:
                reason_from = reason_end = None
            if reason_from is None and change is not None and tok.is_money:
                m = None
                for m in _REASON.finditer(text, prev_end, tok.start):
                    pass
                if m is not None and "主要用于" not in m.group(0):
                    reason_from = m.start()
                    reason_end = _reason_end(text, m.start())
            if reason_from is not None and tok.is_money and change is not None and reason_from <= tok.start < reason_end:
                change.reasons.append(Reason(_direction_in(sq), tok, clause.strip()))
                _add_group(change, text, tok)
                prev_end = tok.end
                continue
            # lists: 其中 / 包括 after a figure make it a whole
            trig = None
            for trig in _TRIGGER.finditer(between):
                pass
            if trig is not None and re.search(r"[;。]", between[trig.end():]):
                trig = None  # 主要包括：基本工资、津贴补贴…；公用经费 X 万元 — a list of words, not of figures
            if trig is not None and current is not None and _unit_kind(tok) == _unit_kind(current):
                whole, list_sentence, list_word = current, _sentence_index(text, prev_end + trig.start()), trig.group(0)
            elif trig is not None and current is None and head is not None and _unit_kind(tok) == _unit_kind(head):
                whole, list_sentence, list_word = head, _sentence_index(text, prev_end + trig.start()), trig.group(0)

            verb = _VERB_END.search(sq)
            in_reasons = reason_from is not None and reason_from <= tok.start < reason_end
            if tok.unit == "%":
                if in_reasons:
                    prev_end = tok.end
                    continue
                m_share = _SHARE.search(sq)
                m_done = _COMPLETION.search(sq)
                target = current or head
                if m_share and target is not None:
                    target.share = tok
                    target.share_base = m_share.group("base").strip()
                elif m_done:
                    target = current or head
                    if target is not None:
                        target.completion.append((m_done.group("basis"), tok))
                elif verb and change is not None and change.percent is None:
                    change.percent = tok
                    change.percent_direction = _verb_direction(verb)
                prev_end = tok.end
                continue
            if tok.unit == "倍":
                if verb and change is not None:
                    change.times = tok
                prev_end = tok.end
                continue
            if verb and tok.is_money:
                # a change: of the clause's own subject when it names one, else of the current figure
                rest = sq[:verb.start()]
                rest = _BASIS.sub("", rest)
                rest = re.sub(r"与上年相比|相比|各$", "", rest)
                own = self.subject_of(rest, heading_path)
                target = current or head or (last_prior if last_prior is not None and last_prior.sentence == sentence else None)
                if own is not None and (target is None or not _same_subject(own, target)):
                    target = self.new_statement(passage, own, None, sentence, clause_start, mine)
                    target.qualifiers = _qualifiers(sq)
                if target is None:
                    prev_end = tok.end
                    continue
                change = Change(_verb_direction(verb), tok)
                self.set_basis(change, text, target, tok, clause_start, lead_start)
                target.change = change
                if target.amount is None:
                    current = target
                prev_end = tok.end
                continue
            if not tok.is_money and (tok.unit not in ("辆", "台") or reason_from is not None and tok.start < reason_end):
                prev_end = tok.end
                continue
            # a figure
            own = self.subject_of(sq, heading_path)
            generic = _GENERIC.match(re.sub(r"\d{4}年度?", "", sq) or "") is not None
            if generic:
                # 2023 年预算数 / 全年预算为 / 2018年预算支出合计: the subject named before it in the passage
                back = self.subject_of(_sq(text[:clause_start]), heading_path)
                if back is not None and (own is None or back[0] == "function"):
                    own = back
                elif own is None and head is not None:
                    own = (head.key, head.label, head.path)
            if own is None and self.body and sq.endswith("预算") and self.body in sq:
                own = ("expense_total", sq, ())
            if own is None:
                label = re.sub(r"^(?:\d+[.、]|[一二三四五六七八九十]+[、是]|\([一二三四五六七八九十\d]+\)|其中|包括|主要包括|具体包括)+", "", sq)
                label = re.sub(r"(?:预算数?|支出)?(?:为|是)?$", "", label)
                own = ("count" if not tok.is_money else "item", label.strip("、,.") or sq, ())
            st = self.new_statement(passage, own, tok, sentence, clause_start, mine)
            st.qualifiers = _qualifiers(sq)
            opened = text[sent_start:tok.start]
            st.aside = opened.count("(") > opened.count(")")
            ym = None
            for ym in _YEAR.finditer(clause):
                pass
            if ym is not None and not _YEAR_DATE.search(clause[:ym.start()]):
                st.year, st.year_at = int(ym.group(1)), clause_start + ym.start(1)
            prior_words = re.search(r"上年(?!结转|结余)", sq) is not None
            compared = re.search(r"相比|比较|对比|(?:比|较)(?:上年|\d{4}年)", _sq(text[sent_start:clause_start]))
            if prior_words or (st.year is not None and self.year and st.year == self.year - 1 and compared):
                st.prior = True
                last_prior = st
                target = current or head
                if target is not None and (target.key == st.key or own[0] in ("item",)) and target.prior_statement is None:
                    target.prior_statement = st
                    st.key, st.label, st.path = target.key, target.label, target.path
                prev_end = tok.end
                continue
            if st.aside:  # (含上年结转 200 万元): said in passing, neither a part nor what follows speaks of
                self.flat_after(st, text, tokens)
                prev_end = tok.end
                continue
            if whole is not None and st is not whole and (sentence == list_sentence or _list_continues(text, list_sentence, sentence)):
                if may_be_part(whole, st):
                    st.whole = whole
                    whole.parts.append(st)
                    if not whole.list_word:
                        whole.list_word = list_word
            current = st
            if head is None:
                head = st
            self.flat_after(st, text, tokens)
            prev_end = tok.end
        if change is None and mine:
            change = next((s.change for s in reversed(mine) if s.change is not None), None)
        last = mine[-1] if mine else carried_statement
        return (change or carried_change), last

    def subject_of(self, clause: str, heading_path):
        """(key, label, path) of the subject a clause names, or None."""
        path = classified_path(clause)
        if path:
            if path[0][1] != "类" and heading_path:
                path = tuple(p for p in heading_path if p[1] == "类")[:1] + path
            label = "".join(f"{n}({lvl})" for n, lvl in path)
            return ("function", label, path)
        bare = re.sub(r"^(?:\d+[.、]|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\))+", "", clause)
        bare = re.sub(r"^(?:按功能分类|按支出用途分类|其中|包括)", "", bare)
        name = _class_key(bare)
        if name in self.classes:
            return ("function", bare, ((self.classes[name], "类"),))
        found = subject(clause)
        if found is None:
            return None
        key = found[0]
        if key.endswith("*"):
            key = key[:-1]
            before = clause[:clause.rfind(found[2])]
            before = re.sub(r"^(?:\d+[.、]|[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\))+", "", before)
            for name in (self.body, self.parent):
                if name:
                    before = before.replace(name, "")
            before = re.sub(r"\d{4}年度?|本年|年度|全年|部门|单位|本部门|本单位|其中|此外|包括|[,、:;\s]", "", before)
            if before and not re.fullmatch(r"[省市区县]?[^\d]{0,12}?(?:局|厅|院|委|会|办|处|部|中心|所|站|队|室)", before):
                return None
        return (key, found[2], ())

    def new_statement(self, passage, own, tok, sentence, clause_start, mine) -> Statement:
        key, label, path = own
        st = Statement(key, label, tok, passage, sentence, clause_start, path=path)
        mine.append(st)
        self.out.append(st)
        return st

    def set_basis(self, change: Change, text: str, target: Statement, tok: Number, clause_start: int, lead_start: int):
        start = target.amount.end if target.amount is not None and target.passage.text is text else lead_start
        start = min(start, clause_start)
        m = None
        for m in _BASIS.finditer(text, max(0, start - 1), tok.start):
            pass
        if m is None:
            m = re.search(r"(上年)", text[lead_start:tok.start])
            if m:
                change.basis = "上年"
            return
        change.basis = _sq(m.group(0))
        if m.group("year"):
            change.year, change.year_at = int(m.group("year")), m.start("year")

    def flat_after(self, st: Statement, text: str, tokens: list[Number]):
        """持平 / 与上年预算数相等 / 与上年数一致 stated after the figure, before the next number."""
        nxt = next((t.start for t in tokens if t.start >= st.amount.end), len(text))
        end = min(nxt, (text.find("。", st.amount.end) + 1) or len(text))
        seg = text[st.amount.end:end]
        f = _FLAT.search(seg)
        if f and (_BASIS.search(seg) or "上年" in seg or re.search(r"\d{4}\s*年", seg)):
            change = Change(0)
            b = _BASIS.search(seg)
            if b:
                change.basis = _sq(b.group(0))
                if b.group("year"):
                    change.year, change.year_at = int(b.group("year")), st.amount.end + b.start("year")
            else:
                y = re.search(r"(\d{4})\s*年", seg)
                change.basis = "上年" if "上年" in seg else (y.group(0) if y else "")
                if y:
                    change.year, change.year_at = int(y.group(1)), st.amount.end + y.start(1)
            st.change = change


def _unit_kind(st_or_number) -> str:
    n = st_or_number.amount if isinstance(st_or_number, Statement) else st_or_number
    if n is None:
        return ""
    return "money" if n.is_money else n.unit


def _add_group(change: Change, text: str, tok: Number):
    """Reasons are grouped by sentence: each sentence of amounts may explain the change on its own."""
    s = _sentence_index(text, tok.start)
    r = change.reasons[-1]
    if change.reason_groups and _sentence_index(text, change.reason_groups[-1][-1].amount.start) == s:
        change.reason_groups[-1].append(r)
    else:
        change.reason_groups.append([r])


_CLAUSE_END = re.compile(r"[。!?;]")


def _reason_end(text: str, start: int) -> int:
    """Reasons run to the end of their sentence or clause (。；); on when the next goes on (同时，二是 …)."""
    pos = start
    while True:
        m = _CLAUSE_END.search(text, pos)
        if not m:
            return len(text)
        after = text[m.end():]
        if _ORDINAL_REASON.match(after):
            pos = m.end()
            continue
        return m.end()


def _list_continues(text: str, list_sentence: int, sentence: int) -> bool:
    """A list word that ends its sentence (……包括：。) opens a list of the next sentence's figures."""
    if sentence != list_sentence + 1:
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if list_sentence >= len(ends):
        return False
    stop = ends[list_sentence]
    return bool(re.search(r"(?:其中|包括)\s*[:,]?\s*[。]$", text[max(0, stop - 8):stop]))


def _direction_in(clause: str) -> int | None:
    if re.search(r"减少|下降|压减|降低|减", clause):
        return -1
    if re.search(r"增加|新增|增长|提高|增", clause):
        return 1
    return None


def _verb_direction(m: re.Match) -> int | None:
    for i, (direction, _) in enumerate(_VERBS):
        if m.group(f"v{i}"):
            return direction
    return None


def _qualifiers(clause: str) -> frozenset[str]:
    return frozenset(q for q, p in QUALIFIERS if p.search(clause))


def _same_subject(own, st: Statement) -> bool:
    """Whether a change's own subject is the figure before it: the same subject, or a total restated
    (收、支预算总计各增加 after 财政拨款收、支总预算 X 万元), or 财政拨款 after 一般公共预算."""
    key, _, path = own
    return (key == st.key and path == st.path or key in TOTAL_KEYS and not path
            or key == "fiscal" and st.key in ("fiscal", "general_budget"))


def _class_key(name: str) -> str:
    name = re.sub(r"\(类\)", "", name)
    name = re.sub(r"^(?:[一二三四五六七八九十]+、|\d+[.、])", "", name)
    return re.sub(r"支出$", "", name)


def _class_names(doc: Disclosure) -> dict[str, str]:
    """Function classes the tables print (3-digit codes), by name without 支出."""
    names = {}
    for t in doc.tables:
        if t.kind in ("general_budget_by_function", "appropriation_expense", "expense_summary",
                      "income_expense_summary", "appropriation_summary"):
            for r in t.rows:
                if len(r.code) == 3 or (not r.code and r.side == "expense" and re.match(r"^[一二三四五六七八九十]+、.*支出$", r.item)):
                    key = _class_key(r.item)
                    if key:
                        names[key] = re.sub(r"^(?:[一二三四五六七八九十]+、)", "", r.item)
    return names


# ------------------------------------------------------------------------------------ lists over paragraphs

TOTAL_KEYS = frozenset({"total", "income_total", "expense_total"})

_LIST_AT_END = re.compile(r"(?:其中|具体包括|主要包括|包括|主要用于以下方面|具体如下|具体情况如下)\s*[:,]?\s*[。]?\s*$")


def _link_lists(found: list[Statement]) -> None:
    """A figure whose passage ends with 其中： / 包括： is the whole of the numbered items that follow."""
    by_passage: dict[int, list[Statement]] = {}
    order: list[Passage] = []
    for st in found:
        key = id(st.passage)
        if key not in by_passage:
            by_passage[key] = []
            order.append(st.passage)
        by_passage[key].append(st)
    for i, passage in enumerate(order):
        m = _LIST_AT_END.search(passage.text)
        if not m:
            continue
        figures = [s for s in by_passage[id(passage)] if s.amount is not None and not s.prior and s.amount.start < m.start()]
        if not figures:
            continue
        whole = figures[-1]
        if whole.parts or not _nothing_between(passage.text, whole, m.start()):
            continue
        style = None
        for nxt in order[i + 1:]:
            if nxt.section_index != passage.section_index:
                break
            if nxt.style and nxt.style == passage.style:
                break
            if style is None:
                style = nxt.style
            if nxt.style != style:
                if not style:
                    break
                continue  # a deeper item
            cands = [s for s in by_passage[id(nxt)] if s.amount is not None and not s.prior
                     and _unit_kind(s) == _unit_kind(whole) and s.qualifiers & {"initial_budget", "adjusted_budget", "final"} == whole.qualifiers & {"initial_budget", "adjusted_budget", "final"}]
            if not cands:
                continue
            part = cands[0]
            if part.whole is None and may_be_part(whole, part):
                part.whole = whole
                whole.parts.append(part)
        if whole.parts:
            whole.list_word = m.group(0).strip(" :,。")


# what a whole may be made of: a listed figure of another kind is not one of its parts (政府采购 X 万元，
# 其中货物 A、服务 B，面向中小企业 C: C is not a kind of purchase)
PART_KEYS = {
    "three_public.total": {"three_public.abroad", "three_public.reception", "three_public.vehicle_total",
                           "three_public.vehicle_purchase", "three_public.vehicle_operation"},
    "three_public.vehicle_total": {"three_public.vehicle_purchase", "three_public.vehicle_operation"},
    "procurement.total": {"procurement.goods", "procurement.works", "procurement.services", "item"},
    "procurement.sme": {"procurement.small_micro"},
    "income_total": {"fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "business_income",
                     "operating_income", "other_funds", "carryover", "item"},
    "fiscal": {"general_budget", "gov_fund", "soe_capital", "item", "function"},
    "expense_total": {"basic", "project", "reserve", "carry_forward", "personnel", "public", "family", "function",
                      "item", "fiscal", "general_budget", "gov_fund", "soe_capital", "special_account", "other_funds",
                      "business_income", "operating_income", "carryover"},
    "basic": {"personnel", "public", "family", "function", "item"},
    "general_budget": {"basic", "project", "reserve", "personnel", "public", "family", "function", "item"},
    "project": {"item", "function"},
    "personnel": {"function", "item"},
    "public": {"function", "item"},
    "office_operating": {"function", "item"},
    "function": {"function", "item"},
    "item": {"item", "function"},
    "count": {"count"},
}
PART_KEYS["total"] = PART_KEYS["income_total"] | PART_KEYS["expense_total"]
PART_KEYS["gov_fund"] = PART_KEYS["soe_capital"] = {"function", "item"}
_PHASES = frozenset({"initial_budget", "adjusted_budget", "final"})


def may_be_part(whole: Statement, st: Statement) -> bool:
    return (_unit_kind(st) == _unit_kind(whole) and not st.prior and not st.aside
            and st.key in PART_KEYS.get(whole.key, ())
            and st.qualifiers & _PHASES == whole.qualifiers & _PHASES)


def _nothing_between(text: str, whole: Statement, end: int) -> bool:
    """Only the whole's own change may stand between it and the 其中： that opens its list."""
    for n in numbers(text[:end]):
        if n.start >= whole.amount.end and not any(o is not None and o.start == n.start for o in _change_numbers(whole)):
            return False
    return True


def _change_numbers(st: Statement) -> list[Number | None]:
    c = st.change
    return [c.amount, c.percent, c.times] if c else []


def read_statements(doc: Disclosure) -> list[Statement]:
    """Every figure the narrative states, in printed order (a check reads them once: `Context.statements`)."""
    return _Reader(doc).read()
