"""Response and request models: they document the API (OpenAPI at /openapi.json, /docs) and check
that the context dicts from yusuan.store keep their shape. Amounts are exact decimal strings."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


Status = Literal["draft", "submitted", "returned", "approved", "approved_finance", "published"]
Role = Literal["admin", "finance", "reviewer", "editor"]


class Where(Model):
    file: str = ""
    page: int | None = Field(None, description="PDF 页码（从 1 起），文本文件为行号")
    bbox: list[float] | None = Field(None, description="x0, top, x1, bottom（PDF 点，原点在左上角）")
    cell: str = Field("", description="工作簿中的单元格（如 D7，page 为工作表序号）")


class DisclosureBrief(Model):
    id: int
    year: int | None
    kind: Literal["budget", "final_accounts"]
    kind_name: str
    level: Literal["department", "unit"]
    doc_name: str = Field(description="级次与类型：部门预算、单位预算、部门决算、单位决算")
    status: Status
    status_name: str
    version: int


class BodyRef(Model):
    id: int
    name: str
    parent_id: int | None = None


class FindingCounts(Model):
    error: int = 0
    warning: int = 0
    info: int = 0


class DisclosureSummary(DisclosureBrief):
    body: BodyRef
    parent_name: str
    level: str
    level_name: str
    body_type: str
    title: str
    is_latest: bool = Field(description="是您可以看到的这一系列中最新的版本（公众：最新公开的版本）")
    is_latest_published: bool
    previous_id: int | None
    cell_count: int
    findings: FindingCounts
    created_at: str | None
    submitted_at: str | None
    published_at: str | None
    status_at: str | None = Field(description="进入当前状态的时间（UTC）")


class BodyInfo(Model):
    id: int
    name: str
    level: str
    level_name: str
    body_type: str
    parent_id: int | None


class BodyNode(BodyInfo):
    years: list[int] = []
    disclosures: list[DisclosureBrief]
    children: list[BodyNode]


class BodyTree(Model):
    bodies: list[BodyNode]
    body_count: int
    disclosure_count: int


class BodyDetail(Model):
    body: BodyInfo
    ancestors: list[BodyRef]
    children: list[BodyInfo]
    disclosures: list[DisclosureSummary]
    units: list[DisclosureSummary] = Field(default_factory=list, description="下属单位的当前版本，问题多的在前")


class DisclosureList(Model):
    disclosures: list[DisclosureSummary]
    total: int
    limit: int
    offset: int
    filters: dict[str, Any]


class Column(Model):
    measure: str
    measure_name: str
    header: str
    side: str = ""


class CellValue(Model):
    id: int
    text: str = Field(description="印刷的原样，如 5,682")
    amount: str = Field(description="精确数值（十进制字符串）")
    page: int | None
    bbox: list[float] | None
    findings: list[int] = Field(description="定位在这个单元格上的问题编号")


class TableRow(Where):
    id: int
    position: int
    label: str
    item: str
    code: str
    side: str
    level: int
    is_total: bool
    texts: dict[str, str]
    cells: dict[str, CellValue] = Field(description="按 measure 的数字")


class TableHead(Where):
    id: int
    disclosure_id: int
    position: int
    kind: str
    kind_name: str
    number: str
    number_text: str
    title: str
    unit: str
    pages: list[int]
    empty: bool
    notes: list[str]
    columns: list[Column]


class TableSummary(TableHead):
    row_count: int | None = None
    cell_count: int | None = None
    rows: list[TableRow] | None = None


class TableFull(TableHead):
    rows: list[TableRow]


class Line(Model):
    offset: int
    file: str
    page: int
    bbox: list[float] | None = None


class ParagraphOut(Where):
    id: int
    text: str
    lines: list[Line] | None = Field(None, description="每一印刷行的位置（lines=true 时）")


class SectionOut(Where):
    id: int
    heading: str
    level: int
    paragraphs: list[ParagraphOut]


class FileOut(Model):
    id: int
    name: str
    format: str
    size: int
    sha256: str


class VersionOut(Model):
    id: int
    version: int
    status: str
    status_name: str
    created_at: str | None
    published_at: str | None
    is_latest: bool = Field(description="是您可以看到的这一系列中最新的版本")


class Permissions(Model):
    """What the caller may do now: each step of the review chain and the rest."""
    edit: bool
    upload: bool
    submit: bool = Field(description="提交审核（仍可能因错误或未确认的警告而不能提交：见 review.blockers）")
    approve: bool = Field(description="部门审核通过")
    approve_finance: bool = Field(description="财政审核通过")
    return_: bool = Field(alias="return", description="退回修改")
    publish: bool
    acknowledge: bool = Field(description="确认警告")
    comment: bool


class HistoryStep(Model):
    action: str
    action_name: str
    at: str | None
    username: str
    reason: str | None = None
    status_name: str = ""


class PathStep(Model):
    status: Status
    name: str
    state: Literal["done", "now", "todo"]


class ReviewState(Model):
    path: list[PathStep] = Field(description="审核流程的各个状态：已完成、当前、未到")
    blockers: list[str] = Field(description="不能提交的原因（错误、未确认的警告）")
    returned: CommentOut | None = Field(description="已退回时：最近一次退回的原因")
    history: list[HistoryStep] = Field(description="上传和审核的每一步（谁、何时、理由）")


class DisclosureDetail(Model):
    disclosure: DisclosureSummary
    versions: list[VersionOut]
    contents: list[str]
    files: list[FileOut]
    tables: list[TableSummary]
    sections: list[SectionOut]
    performance: dict[str, Any] | None
    permissions: Permissions
    review: ReviewState
    department: DisclosureSummary | None = Field(description="包含这份文件的部门预算（决算）")
    units: list[DisclosureSummary] = Field(description="部门预算（决算）包含的文件：本部门本级的单位预算，及每个直属单位同一年度、同一类型的文件（有部门预算的用部门预算，否则用单位预算）")


class TableDetail(Model):
    disclosure: DisclosureSummary
    table: TableFull


class DisclosureTables(Model):
    disclosure: DisclosureSummary
    tables: list[TableFull]


class PriorLine(Model):
    side: str
    code: str
    item: str
    measure: str
    column: str
    current: str
    prior: str | None = Field(None, description="上年公开的数字（本表单位）；科目拆分等无法对应时为空")
    prior_page: int | None = None
    printed_prior: str | None = Field(None, description="本文件自己印的上年数，如有")
    diff: str | None = None
    pct: str | None = None
    words: str = Field("", description="如：比上年预算增加289.55万元，增长36.92%")
    note: str = Field("", description="科目调整：旧编码→新编码")
    unsure: str = ""


class PriorTable(Model):
    kind: str
    kind_name: str
    title: str
    unit: str
    lines: list[PriorLine]


class PriorYear(Model):
    disclosure: DisclosureSummary
    prior: DisclosureSummary | None
    tables: list[PriorTable]


class CellOut(Model):
    id: int
    disclosure_id: int
    body_id: int
    body: str
    year: int | None
    doc_kind: str
    table_id: int
    row_id: int
    table_no: str
    kind: str
    side: str
    code: str
    item: str
    measure: str
    value: str = Field(description="单元格导出约定的 value：去掉千分位的印刷数字")
    amount: str
    unit: str
    yuan: str | None = Field(description="折算为元的金额（比率类为空）")
    page: int | None
    file: str
    bbox: list[float] | None


class CellList(Model):
    cells: list[CellOut]
    limit: int
    offset: int
    next_offset: int | None
    filters: dict[str, Any]


class Location(Where):
    table_id: int | None
    row_id: int | None
    cell_id: int | None
    paragraph_id: int | None


class Acknowledged(Model):
    reason: str
    at: str | None
    username: str
    display_name: str


class FindingOut(Model):
    id: int
    acknowledgement: Acknowledged | None = Field(None, description="警告的确认（理由、谁、何时）")
    disclosure_id: int
    rule: str
    severity: Literal["error", "warning", "info"]
    severity_name: str
    category: str
    message: str
    table_no: str
    kind: str
    side: str
    code: str
    item: str
    measure: str
    expected: str | None
    actual: str | None
    tolerance: str | None
    locations: list[Location]


class Recheck(Model):
    """A department checked again against its units because one of them was published (store/recheck.py)."""
    at: str
    cause: int | None = None
    cause_body: str = ""
    units: int = 0
    complete: bool = False
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    changed: bool = False


class DisclosureFindings(Model):
    disclosure: DisclosureSummary
    findings: list[FindingOut]
    counts: dict[str, int]
    acknowledged: int = Field(description="已确认的警告数")
    rechecks: list[Recheck] = []


class FindingList(Model):
    findings: list[FindingOut]
    limit: int
    offset: int
    next_offset: int | None


class AggregateSummary(Model):
    sum: str
    count: int


class Aggregate(Model):
    measure: str
    kind: str
    kind_name: str
    rows: str
    unit: str
    drilldown: list[str]
    cuts: dict[str, list[str]]
    order: str
    summary: AggregateSummary
    cells: list[dict[str, Any]] = Field(description="每个下钻成员一项：维度值、维度名称（.name）、sum、count")
    total_cell_count: int


class UserOut(Model):
    id: int
    username: str
    display_name: str
    role: str
    role_name: str
    body_id: int | None
    body: str | None
    is_active: bool
    last_login_at: str | None = Field(description="最近登录（UTC，ISO 8601）")
    last_login_local: str | None = Field(description="最近登录（北京时间，UTC+8）")


class UserList(Model):
    users: list[UserOut]


class Me(Model):
    user: UserOut | None
    role: str
    csrf_token: str | None = Field(description="对 POST/PATCH 请求放在请求头 X-CSRF-Token 中")


class LoginIn(BaseModel):
    username: str
    password: str


class UserIn(BaseModel):
    username: str = Field(min_length=1, max_length=80)
    password: str = Field(min_length=10)
    role: Role
    body_id: int | None = None
    display_name: str = ""


class EditIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    year: int | None = None
    kind: Literal["budget", "final_accounts"] | None = None
    level: Literal["department", "unit"] | None = None
    parent_name: str | None = None
    body_type: str | None = None
    title: str | None = None


class TargetIn(BaseModel):
    """What a comment or a return is about (all empty: the whole disclosure)."""
    table_id: int | None = Field(None, description="某张表")
    row_id: int | None = Field(None, description="某一行（其表格随之确定）")
    cell_id: int | None = Field(None, description="某个数字（其行和表格随之确定）")
    finding_id: int | None = Field(None, description="某个问题")
    page: int | None = None


class CommentIn(TargetIn):
    text: str = Field(min_length=1, max_length=10000)


class ReturnIn(TargetIn):
    reason: str = Field(min_length=1, max_length=10000, description="退回原因，填报人在文件页面（所指的表或行旁）看到")


class AcknowledgeIn(BaseModel):
    finding_ids: list[int] = Field(min_length=1, max_length=5000, description="要确认的警告编号")
    reason: str = Field(min_length=1, max_length=4000, description="确认理由：为什么不需要更正")


class CommentOut(Model):
    id: int
    disclosure_id: int
    text: str
    kind: Literal["comment", "return"] = Field(description="comment：审核意见；return：退回原因")
    created_at: str | None
    user: dict[str, Any]
    table_id: int | None
    row_id: int | None
    finding_id: int | None
    cell_id: int | None
    page: int | None
    about: str = Field("", description="所指的表、行或问题（文字）")


class CommentList(Model):
    disclosure_id: int
    comments: list[CommentOut]


class AuditEntryOut(Model):
    id: int
    at: str | None = Field(description="时间（UTC，ISO 8601）")
    at_local: str | None = Field(description="时间（北京时间，UTC+8）")
    user_id: int | None
    username: str
    ip: str
    action: str
    action_name: str
    disclosure_id: int | None
    disclosure: str | None = Field(description="公开文件：单位、年度、类型、版本")
    detail: dict[str, Any]
    detail_text: str = Field(description="详情的中文说明")


class AuditLog(Model):
    entries: list[AuditEntryOut]
    total: int
    limit: int
    offset: int
    filters: dict[str, Any]


class UserEdit(BaseModel):
    """Only the fields sent are changed."""
    model_config = ConfigDict(extra="forbid")
    role: Role | None = None
    body_id: int | None = Field(None, description="审核人：主管部门；填报人：单位（或本部门）；管理员、财政局无")
    display_name: str | None = Field(None, max_length=200)
    is_active: bool | None = Field(None, description="false：停用（不能再登录，已有的登录失效）")


class PasswordReset(Model):
    user: UserOut
    password: str = Field(description="新的随机密码，只显示这一次")


class Error(BaseModel):
    detail: str


class WaitingItem(DisclosureSummary):
    step: Literal["submit", "approve", "approve_finance", "publish"] = Field(description="等待的步骤")
    step_name: str
    since: str = Field(description="进入当前状态的时间（UTC）")
    days: int = Field(description="已等待的整天数")
    unacknowledged: int = Field(description="尚未确认的警告数")
    returned: CommentOut | None = Field(description="已退回的：退回原因")


class Waiting(Model):
    disclosures: list[WaitingItem]
    counts: dict[str, int] = Field(description="每个步骤等待的文件数")
    steps: dict[str, str]
