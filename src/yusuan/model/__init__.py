from yusuan.model.amount import parse_amount
from yusuan.model.disclosure import (
    Column,
    Disclosure,
    Identity,
    Indicator,
    Paragraph,
    Performance,
    Row,
    Section,
    Table,
    Target,
    Task,
    Value,
)
from yusuan.model.provenance import Source

__all__ = [
    "Column", "Disclosure", "Identity", "Indicator", "Paragraph", "Performance", "Row", "Section", "Source",
    "Table", "Target", "Task", "Value", "parse_amount",
]
