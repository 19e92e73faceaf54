"""Performance management (绩效管理): targets, mid-year monitoring (绩效运行监控) and the year-end
self-evaluation (绩效自评), as plain objects and pure functions.

- `tree`: the indicator tree (产出 / 效益 / 满意度 and their 二级 categories), printed names to canonical ones;
- `targets`: a target set (the whole body's or one project's): tasks with amounts, goals, indicators with
  nature, value, unit and weight;
- `from_disclosure`: target sets from a Disclosure (an ingested 绩效目标表, a filled preparation workbook,
  a project list);
- `checks`: what is wrong with targets when they are set;
- `monitoring`: a monitoring round, its progress against target and time, bands and deviations;
- `scoring`: a self-evaluation scored by configurable rules;
- `codec`: all of them to and from JSON-ready dicts (amounts as exact strings).

Nothing here knows the database or the web: `store/perf*.py` keeps them, `render/perf.py` prints them.
"""
