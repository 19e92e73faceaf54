"""Contract 2 (docs/architecture.md): a finding, located on the page, with its evidence."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from yusuan.model.provenance import Source

SEVERITIES = ("error", "warning", "info")  # most severe first
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: str
    category: str
    message: str  # Chinese, rendered once from the catalogue's template
    table_no: str = ""
    kind: str = ""
    side: str = ""
    code: str = ""
    item: str = ""
    measure: str = ""
    expected: Decimal | None = None
    actual: Decimal | None = None
    tolerance: Decimal | None = None
    locations: tuple[Source, ...] = field(default_factory=tuple)

    @property
    def page(self) -> int | None:
        return self.locations[0].page if self.locations else None

    def to_dict(self) -> dict:
        d = asdict(self)
        for key in ("expected", "actual", "tolerance"):
            d[key] = None if d[key] is None else str(d[key])
        d["locations"] = [s.to_dict() for s in self.locations]
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Finding:
        """The finding `to_dict` wrote (contract 2), back."""
        amounts = {k: None if d.get(k) is None else Decimal(str(d[k])) for k in ("expected", "actual", "tolerance")}
        texts = {k: d.get(k) or "" for k in ("table_no", "kind", "side", "code", "item", "measure")}
        return cls(d["rule"], d["severity"], d["category"], d["message"], **texts, **amounts,
                   locations=tuple(Source.from_dict(s) for s in d.get("locations") or ()))
