"""What the checks of targets, a monitoring round and a self-evaluation find: one Chinese message each, with
its severity (an error blocks submitting for review) and the indicator it is about."""

from __future__ import annotations

from dataclasses import dataclass

from yusuan.rules.finding import SEVERITIES, SEVERITY_NAMES

__all__ = ["SEVERITIES", "SEVERITY_NAMES", "Issue", "blocking"]


@dataclass(frozen=True, slots=True)
class Issue:
    severity: str  # error | warning | info
    code: str  # stable id: perf-unmeasurable, perf-weights, …
    message: str
    key: str = ""  # the indicator's key; "" for the set, the spending or the evaluation as a whole

    def to_dict(self) -> dict:
        return {"severity": self.severity, "severity_name": SEVERITY_NAMES[self.severity], "code": self.code,
                "message": self.message, "key": self.key}


def blocking(issues) -> list[Issue]:
    """The errors: what must be put right before the record goes to review."""
    return [i for i in issues if i.severity == "error"]


def ordered(issues) -> list[Issue]:
    return sorted(issues, key=lambda i: SEVERITIES.index(i.severity))
