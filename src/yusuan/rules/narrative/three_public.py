"""正文所述“三公”经费与“三公”经费表一致：“三公”经费合计、因公出国（境）费、公务用车购置及运行维护费、
公务用车购置费、公务用车运行维护费、公务接待费，以及同表所列会议费、培训费，文字与表格相同。"""

from yusuan.rules.narrative import against_tables
from yusuan.rules.registry import rule

KEYS = ("three_public.total", "three_public.abroad", "three_public.reception", "three_public.vehicle_total",
        "three_public.vehicle_purchase", "three_public.vehicle_operation", "meeting", "training")


@rule("text-three-public", columns=True)
def check(ctx, emit):
    yield from against_tables(ctx, emit, KEYS)
