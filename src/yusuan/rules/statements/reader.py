"""Statements: the figures a disclosure's narrative states, read passage by passage (`read_statements`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from yusuan.model.disclosure import Disclosure
from yusuan.model.provenance import Source
from yusuan.rules.statements.passages import _SENTENCE_END, Passage, passages
from yusuan.rules.statements.subjects import (
    _GENERIC,
    _YEAR,
    _YEAR_DATE,
    PART_KEYS,
    QUALIFIERS,
    TOTAL_KEYS,
    classified_path,
    subject,
)
from yusuan.rules.statements.tokens import _WS, Number, _sq, fold, numbers, squeeze

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
# an amount among the reasons that is not one of them: the net of them (增减相抵后增加 X), or a rate per head
# or per unit (人均定额增加 1000 元, 每辆车 …) rather than an amount of the change
_NOT_A_REASON = re.compile(r"相抵|人均|生均|户均|每人|每户|每辆|每台|每月|/人|元/")
# a clause that only sums up what it follows: 合计 / 共计 / 以上合计 X 万元
_SUM = re.compile(r"^(?:以上|上述)?(?:各项)?(?:合计|共计|总计|总共|累计|共)(?:为|是|约)?$")
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
        """The statements of one passage; returns the change and the statement the next passage may
        continue (its reasons, its subject)."""
        return _PassageReader(self, passage, carried_change, carried_statement).read()

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

    def sum_statement(self, passage, tok, sentence, clause_start, mine, whole) -> Statement | None:
        """合计 / 共计 X after figures of its sentence: the whole of the list restated, or (no whole named
        before the list) the whole of the figures listed before it."""
        if whole is not None:
            return self.new_statement(passage, (whole.key, whole.label, whole.path), tok, sentence, clause_start,
                                      mine)
        listed = [s for s in mine if s.sentence == sentence and s.amount is not None and not s.prior
                  and not s.aside and s.whole is None and _unit_kind(s) == _unit_kind(tok)]
        if not listed:
            return None
        first = listed[0]
        if len(listed) > 1 and abs(first.amount.wan - tok.wan) <= (first.amount.wan_step + tok.wan_step) / 2 and all(
                may_be_part(first, s) for s in listed[1:]):
            # 机关运行经费 50 万元，主要用于：办公费 20 万元、…，合计 50 万元: the first figure restated
            for part in listed[1:]:
                part.whole = first
                first.parts.append(part)
            first.list_word = first.list_word or "合计"
            return self.new_statement(passage, (first.key, first.label, first.path), tok, sentence, clause_start,
                                      mine)
        keys = {s.key.split(".")[0] for s in listed}
        key = ("count" if not tok.is_money else
               f"{keys.pop()}.total" if len(keys) == 1 and next(iter(keys)) in ("three_public", "procurement")
               else "item")
        st = self.new_statement(passage, (key, "合计", ()), tok, sentence,
                                clause_start, mine)
        for part in listed:
            part.whole = st
            st.parts.append(part)
        st.list_word = "合计"
        return st

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


class _PassageReader:
    """Reads one passage number by number. Each number is a reason of the change being explained, a
    percentage (a change, share or completion rate), a multiple, a change amount, a count, a sentence's
    own total, or a figure (of a subject named before it, perhaps a part of a list or a prior-year
    figure); the state below is what the numbers before it said."""

    def __init__(self, reader: _Reader, passage: Passage, carried_change: Change | None, carried_statement):
        self.reader, self.passage, self.text = reader, passage, passage.text
        self.carried_change, self.carried_statement = carried_change, carried_statement
        self.tokens = numbers(self.text)
        self.heading_path = classified_path(fold(passage.section.heading))
        self.mine: list[Statement] = []
        self.current: Statement | None = None  # the figure the sentence is about
        self.head: Statement | None = None  # the passage's first figure
        self.change: Change | None = None  # the change being read
        self.reason_from: int | None = None  # offset where the reasons begin
        self.reason_end: int | None = None
        if re.match(r"^[^,;:。\d]{0,30}原因", _sq(self.text)) and carried_change is not None:
            self.reason_from, self.reason_end = 0, len(self.text)
            self.change = carried_change
        self.whole: Statement | None = None  # the figure a list is under
        self.last_prior: Statement | None = None
        self.list_sentence = -1
        self.list_word = ""
        self.prev_end = 0

    def read(self):
        if not self.tokens:
            return self.carried_change, self.carried_statement
        for tok in self.tokens:
            self._place(tok)
            self._token(tok)
            self.prev_end = tok.end
        change = self.change
        if change is None and self.mine:
            change = next((s.change for s in reversed(self.mine) if s.change is not None), None)
        last = self.mine[-1] if self.mine else self.carried_statement
        return (change or self.carried_change), last

    def _place(self, tok: Number) -> None:
        """Where the number stands: its sentence, and the clause that leads to it."""
        text = self.text
        self.sentence = self.passage.sentence_of(tok.start)
        self.sent_start = max(text.rfind(c, 0, tok.start) for c in "。!?") + 1
        self.lead_start = max(self.prev_end, self.sent_start)
        self.clause, cut = _clause(text[self.lead_start:tok.start])
        self.clause_start = self.lead_start + cut
        self.sq = _sq(self.clause)
        if self.current is not None and self.current.sentence != self.sentence:
            self.current = None  # a new sentence is about its own subject, or else the passage head's

    def _token(self, tok: Number) -> None:
        if self._reason(tok):
            return
        self._list_trigger(tok)
        verb = _VERB_END.search(self.sq)
        in_reasons = self.reason_from is not None and self.reason_from <= tok.start < self.reason_end
        if tok.unit == "%":
            if not in_reasons:
                self._percent(tok, verb)
            return
        if tok.unit == "倍":
            if verb and self.change is not None:
                self.change.times = tok
            return
        if verb and tok.is_money:
            self._change_amount(tok, verb)
            return
        if not tok.is_money and (tok.unit not in ("辆", "台") or self.reason_from is not None and tok.start < self.reason_end):
            return
        if _SUM.match(self.sq) and self._sum(tok):
            return
        self._figure(tok)

    def _in_list(self) -> bool:
        return self.whole is not None and (
            self.sentence == self.list_sentence or _list_continues(self.text, self.list_sentence, self.sentence))

    def _reason(self, tok: Number) -> bool:
        """Reasons: from 原因 to the end of that sentence (or of the passage when it is all reasons)."""
        text, change = self.text, self.change
        if self.reason_end is not None and tok.start >= self.reason_end:
            self.reason_from = self.reason_end = None
        if self.reason_from is None and change is not None and tok.is_money:
            m = None
            for m in _REASON.finditer(text, self.prev_end, tok.start):
                pass
            if m is not None and "主要用于" not in m.group(0):
                self.reason_from = m.start()
                self.reason_end = _reason_end(text, m.start())
        if not (self.reason_from is not None and tok.is_money and change is not None
                and self.reason_from <= tok.start < self.reason_end):
            return False
        if _SUM.match(re.sub(r"(?:增加|减少|增长|下降)了?", "", self.sq)) or _NOT_A_REASON.search(self.sq):
            return True  # 共计增加 X / 增减相抵后增加 X: the reasons summed; 人均定额增加 1000 元
        change.reasons.append(Reason(_direction_in(self.sq), tok, self.clause.strip()))
        _add_group(change, self.passage, tok)
        return True

    def _list_trigger(self, tok: Number) -> None:
        """其中 / 包括 after a figure make it a whole."""
        between = self.text[self.prev_end:tok.start]
        trig = None
        for trig in _TRIGGER.finditer(between):
            pass
        if trig is not None and re.search(r"[;。]", between[trig.end():]):
            trig = None  # 主要包括：基本工资、津贴补贴…；公用经费 X 万元 — a list of words, not of figures
        if trig is None:
            return
        whole = self.current if self.current is not None else self.head
        if whole is not None and _unit_kind(tok) == _unit_kind(whole):
            self.whole = whole
            self.list_sentence = self.passage.sentence_of(self.prev_end + trig.start())
            self.list_word = trig.group(0)

    def _percent(self, tok: Number, verb) -> None:
        """A share (占 …), a completion rate (完成 … 的), or the change's rate."""
        m_share = _SHARE.search(self.sq)
        m_done = _COMPLETION.search(self.sq)
        target = self.current or self.head
        if m_share and target is not None:
            target.share = tok
            target.share_base = m_share.group("base").strip()
        elif m_done:
            if target is not None:
                target.completion.append((m_done.group("basis"), tok))
        elif verb and self.change is not None and self.change.percent is None:
            self.change.percent = tok
            self.change.percent_direction = _verb_direction(verb)

    def _change_amount(self, tok: Number, verb) -> None:
        """A change: of the clause's own subject when it names one, else of the current figure."""
        rest = self.sq[:verb.start()]
        rest = _BASIS.sub("", rest)
        rest = re.sub(r"与上年相比|相比|各$", "", rest)
        own = self.reader.subject_of(rest, self.heading_path)
        last_prior = self.last_prior if self.last_prior is not None and self.last_prior.sentence == self.sentence else None
        target = self.current or self.head or last_prior
        if own is not None and (target is None or not _same_subject(own, target)):
            target = self.reader.new_statement(self.passage, own, None, self.sentence, self.clause_start, self.mine)
            target.qualifiers = _qualifiers(self.sq)
        if target is None:
            return
        self.change = Change(_verb_direction(verb), tok)
        self.reader.set_basis(self.change, self.text, target, tok, self.clause_start, self.lead_start)
        target.change = self.change
        if target.amount is None:
            self.current = target

    def _sum(self, tok: Number) -> bool:
        """合计 / 共计 X: the sentence's own total, not one more figure of its list."""
        st = self.reader.sum_statement(self.passage, tok, self.sentence, self.clause_start, self.mine,
                                       self.whole if self._in_list() else None)
        if st is None:
            return False
        self.current = st
        self.head = self.head or st
        return True

    def _subject(self, tok: Number) -> tuple:
        """(key, label, path) of the figure: named in its clause, or before it in the passage."""
        sq, text = self.sq, self.text
        own = self.reader.subject_of(sq, self.heading_path)
        generic = _GENERIC.match(re.sub(r"\d{4}年度?", "", sq) or "") is not None
        if generic:
            # 2023 年预算数 / 全年预算为 / 2018年预算支出合计: the subject named before it in the passage
            back = self.reader.subject_of(_sq(text[:self.clause_start]), self.heading_path)
            if back is not None and (own is None or back[0] == "function"):
                own = back
            elif own is None and self.head is not None:
                own = (self.head.key, self.head.label, self.head.path)
        body = self.reader.body
        if own is None and body and sq.endswith("预算") and body in sq:
            own = ("expense_total", sq, ())
        if own is None or not tok.is_money:  # a count (辆, 台（套）) is never a sum of money, whatever it counts
            label = re.sub(r"^(?:\d+[.、]|[一二三四五六七八九十]+[、是]|\([一二三四五六七八九十\d]+\)|其中|包括|主要包括|具体包括)+", "", sq)
            label = re.sub(r"(?:预算数?|支出)?(?:为|是)?$", "", label)
            own = ("count" if not tok.is_money else "item", label.strip("、,.") or sq, ())
        return own

    def _figure(self, tok: Number) -> None:
        text, clause, clause_start = self.text, self.clause, self.clause_start
        own = self._subject(tok)
        st = self.reader.new_statement(self.passage, own, tok, self.sentence, clause_start, self.mine)
        st.qualifiers = _qualifiers(self.sq)
        opened = text[self.sent_start:tok.start]
        st.aside = opened.count("(") > opened.count(")")
        ym = None
        for ym in _YEAR.finditer(clause):
            pass
        if ym is not None and not _YEAR_DATE.search(clause[:ym.start()]):
            st.year, st.year_at = int(ym.group(1)), clause_start + ym.start(1)
        year = self.reader.year
        prior_words = re.search(r"上年(?!结转|结余)", self.sq) is not None
        compared = re.search(r"相比|比较|对比|(?:比|较)(?:上年|\d{4}年)", _sq(text[self.sent_start:clause_start]))
        if prior_words or (st.year is not None and year and st.year == year - 1 and compared):
            self._prior(st, own)
            return
        if st.aside:  # (含上年结转 200 万元): said in passing, neither a part nor what follows speaks of
            self.reader.flat_after(st, text, self.tokens)
            return
        whole = self.whole
        if whole is not None and st is not whole and self._in_list() and may_be_part(whole, st):
            st.whole = whole
            whole.parts.append(st)
            if not whole.list_word:
                whole.list_word = self.list_word
        self.current = st
        if self.head is None:
            self.head = st
        self.reader.flat_after(st, text, self.tokens)

    def _prior(self, st: Statement, own: tuple) -> None:
        """A prior-year figure: the year before of the figure the sentence is about, where it is the same."""
        st.prior = True
        self.last_prior = st
        target = self.current or self.head
        if target is not None and (target.key == st.key or own[0] in ("item",)) and target.prior_statement is None:
            target.prior_statement = st
            st.key, st.label, st.path = target.key, target.label, target.path


def _unit_kind(st_or_number) -> str:
    n = st_or_number.amount if isinstance(st_or_number, Statement) else st_or_number
    if n is None:
        return ""
    return "money" if n.is_money else n.unit


def _add_group(change: Change, passage: Passage, tok: Number):
    """Reasons are grouped by sentence: each sentence of amounts may explain the change on its own."""
    s = passage.sentence_of(tok.start)
    r = change.reasons[-1]
    if change.reason_groups and passage.sentence_of(change.reason_groups[-1][-1].amount.start) == s:
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
    """The direction the clause's last verb says (一是人员减少后又增加 X: +)."""
    last = None
    for last in re.finditer(r"(减少|下降|压减|降低|减)|(增加|新增|增长|提高|增)", clause):
        pass
    if last is None:
        return None
    return -1 if last.group(1) else 1


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
                     and _unit_kind(s) == _unit_kind(whole) and same_phase(whole, s)]
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


_PHASES = frozenset({"initial_budget", "adjusted_budget", "final"})


def may_be_part(whole: Statement, st: Statement) -> bool:
    return (_unit_kind(st) == _unit_kind(whole) and not st.prior and not st.aside
            and st.key in PART_KEYS.get(whole.key, ()) and same_phase(whole, st))


def same_phase(whole: Statement, st: Statement) -> bool:
    """A part is of its whole's phase (年初预算, 调整预算, 决算): the same one, or none of its own — the parts
    listed after “本年支出决算合计 X 万元，其中：” are 决算 figures without saying so again."""
    phase = st.qualifiers & _PHASES
    return not phase or phase == whole.qualifiers & _PHASES


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
