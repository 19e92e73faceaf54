"""Request and response models of the 绩效 API (web/views/perf.py). What a target set, a monitoring round or
a self-evaluation holds is checked by yusuan.perf.codec (one Chinese line naming the field); these models
document the shapes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class PerfSave(BaseModel):
    model_config = ConfigDict(extra="forbid")
    project: str = Field("", max_length=200, description="项目名称；空为部门（单位）整体支出")
    data: dict[str, Any] = Field(..., description="绩效目标、监控或自评的内容（见 docs/performance.md）")


class PerfImport(BaseModel):
    model_config = ConfigDict(extra="forbid")
    disclosure_id: int = Field(..., description="已存的公开文件（或准备工作簿）：导入其绩效目标表和重点项目")


class PerfReview(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision: Literal["approve", "return"] = Field(..., description="approve：通过；return：退回（须写意见）")
    note: str = Field("", max_length=4000)


class PerfSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scoring: dict[str, Any] | None = Field(None, description="评分规则中要修改的项（见 GET /api/perf/settings）")
    bands: dict[str, Any] | None = Field(None, description="预警区间：red、yellow（0 到 1 之间）")


class PerfRecordBrief(Model):
    id: int
    kind: Literal["targets", "monitoring", "evaluation"]
    kind_name: str
    body_id: int
    body: str
    year: int
    project: str
    round: str
    version: int
    status: Literal["draft", "submitted", "approved", "returned"]
    status_name: str
    score: str | None = None
    grade: str = ""
    errors: int
    warnings: int


class PerfIssue(Model):
    severity: Literal["error", "warning", "info"]
    code: str
    message: str
    key: str = ""


class PerfRecordDetail(Model):
    record: PerfRecordBrief
    versions: list[PerfRecordBrief]
    issues: list[PerfIssue]
    targets: dict[str, Any]
    rows: list[dict[str, Any]]
    monitoring: dict[str, Any] | None = None
    evaluation: dict[str, Any] | None = None
    permissions: dict[str, bool]


class PerfBody(Model):
    body: dict[str, Any]
    year: int
    sets: list[dict[str, Any]]
    importable: list[dict[str, Any]]
    permissions: dict[str, bool]


class PerfOverview(Model):
    department: dict[str, Any]
    year: int
    units: list[dict[str, Any]]
    queue: list[PerfRecordBrief]


class PerfIndex(Model):
    bodies: list[dict[str, Any]]
    departments: list[dict[str, Any]]
    queue: list[PerfRecordBrief]
