"""Who publishes a synthetic disclosure: body, parent (主管部门), kind of body, and the words of the parts
only a person writes (主要职能, 机构设置).

The shipped function catalog (catalog/data) lists the classes 201, 208, 210, 211 and 221 only: one class of
a function (211 节能环保) and the classes every body has. So the bodies are those whose spending fits it —
生态环境 bureaus, their branches and their 事业 units (monitoring stations, centres) — named as each family's
place names them, so that the family of the publication can be told from its names.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

SHENZHEN_DISTRICTS = ("福田", "罗湖", "南山", "盐田", "宝安", "龙岗", "龙华", "坪山", "光明", "大鹏")
SHANGHAI_DISTRICTS = ("黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区",
                      "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区")
JIANGSU_CITIES = ("南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江", "泰州", "宿迁")


@dataclass(frozen=True, slots=True)
class Body:
    name: str
    parent: str
    body_type: str  # 行政 | 事业
    level: str  # department | unit
    place: str  # the district or city in the name ("" for a provincial body)


def body_for(rng: random.Random, style: str, level: str) -> Body:
    """A body of the family's place: a bureau (行政) or a 事业 unit, publishing as a 部门 or as a 单位."""
    if style == "shenzhen":
        d = rng.choice(SHENZHEN_DISTRICTS)
        bureau = f"深圳市生态环境局{d}管理局"
        units = (f"深圳市{d}区环境监测站", f"深圳市生态环境局{d}管理局环境监察大队",
                 f"深圳市{d}区生态环境技术服务中心")
        departments = ((bureau, "深圳市生态环境局", "行政"), ("深圳市生态环境智能管控中心", "深圳市生态环境局", "事业"),
                       ("深圳市生态环境监测站", "深圳市生态环境局", "事业"))
    elif style == "jiangsu":
        d = rng.choice(JIANGSU_CITIES)
        bureau = "江苏省生态环境厅"
        units = (f"江苏省{d}环境监测中心", "江苏省生态环境评估中心", "江苏省生态环境监控中心",
                 "江苏省生态环境宣传教育中心")
        departments = ((bureau, "", "行政"),)
    else:
        d = rng.choice(SHANGHAI_DISTRICTS)
        bureau = f"上海市{d}生态环境局"
        units = (f"上海市{d}环境监测站", f"上海市{d}生态环境执法大队", f"上海市{d}生态环境事务中心")
        departments = ((bureau, "", "行政"),)
    if level == "unit":
        name = rng.choice(units)
        body_type = "行政" if "执法" in name or "监察" in name else "事业"
        return Body(name, bureau, body_type, level, d)
    name, parent, body_type = rng.choice(departments)
    return Body(name, parent, body_type, level, d)


_DUTIES = (
    "贯彻执行国家和地方生态环境保护的法律法规和方针政策，拟订并组织实施本地区生态环境保护规划和制度。",
    "负责重大生态环境问题的统筹协调和监督管理，牵头协调重特大环境污染事故和生态破坏事件的调查处理。",
    "负责监督管理大气、水、土壤、噪声、固体废物等污染防治工作，组织实施排污许可制度。",
    "负责生态环境监测工作，组织开展生态环境质量监测、污染源监督性监测和应急监测。",
    "负责生态环境执法检查，查处生态环境违法行为，组织开展生态环境保护督察整改。",
    "组织开展生态环境保护宣传教育，推动社会组织和公众参与生态环境保护。",
)
_UNIT_DUTIES = (
    "承担辖区生态环境质量监测和污染源监督性监测，编制生态环境质量报告。",
    "为生态环境管理提供技术支撑，承担监测数据的审核、分析和发布工作。",
    "承担突发环境事件应急监测和生态环境信息化系统的运行维护。",
    "协助开展生态环境执法检查和排污单位的日常监督管理。",
)


def duties(rng: random.Random, body: Body) -> str:
    """主要职能: a few of the duties a body of its kind has, one a line."""
    pool = _UNIT_DUTIES if body.body_type == "事业" else _DUTIES
    chosen = rng.sample(pool, k=min(len(pool), rng.randint(3, 4)))
    return "\n".join(f"（{n}）{text}" for n, text in zip("一二三四五六", chosen))


def organization(rng: random.Random, body: Body, staff: int) -> str:
    """机构设置: internal offices and the staff establishment."""
    offices = rng.sample(("办公室", "综合科", "法规科", "监测科", "执法科", "污染防治科", "信息科", "财务科", "宣传教育科"),
                         k=rng.randint(3, 6))
    kind = "行政编制" if body.body_type == "行政" else "事业编制"
    return (f"{body.name}内设{'、'.join(offices)}等{len(offices)}个科室。"
            f"核定{kind}{staff}名，实有人员{max(1, staff - rng.randint(0, max(1, staff // 10)))}名。")
