"""功能科目（类）与单位职能相符：按单位名称可以判断职能的单位（检察院、法院、人大、政协、生态环境
部门等），其支出一般只在本职能的类和人人都有的类（一般公共服务、社会保障和就业、卫生健康、住房
保障等）中；出现其他的类（如检察院的农林水支出），或出现名称表明属于别的机关的款（如非人大机关的
“人大事务”款）时提示核对。判断保守，只作警告。"""

from yusuan.rules.registry import rule

# Classes any body may print: its own running costs and its staff's pensions, medical insurance, housing.
COMMON = {"201", "208", "210", "221", "229"}
# (words in the body's name, classes of its function). Bodies matching none (街道, 乡镇, …) are not checked.
FUNCTIONS: tuple[tuple[tuple[str, ...], set[str]], ...] = (
    (("检察院", "法院", "公安", "司法", "监狱", "戒毒", "国家安全"), {"204"}),
    (("人大", "政协", "委办公厅", "社会工作部", "组织部", "宣传部", "统战部", "纪委", "监委"), {"201"}),
    (("生态环境", "环境保护"), {"211"}),
    (("商务", "经济和信息化", "经信", "工业"), {"206", "215", "216"}),
    (("农业", "农村", "林业", "水利", "水务"), {"213"}),
    (("教育局", "教育厅", "学校", "大学", "学院"), {"205", "206"}),
    (("卫生健康", "卫健", "医院", "疾病预防控制"), {"210"}),
    (("交通运输",), {"214"}),
    (("文化", "旅游", "体育", "广播电视"), {"207"}),
    (("科学技术", "科技局", "科技厅", "科学院"), {"206"}),
)
_NOT_CHECKED = ("街道", "乡", "镇", "人民政府", "办事处", "XX", "×")
# 款 whose printed name says whose spending it is: (words in the name, words the body's name must have).
OWNED_KUAN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("人大事务", ("人大", "人民代表大会")),
    ("政协事务", ("政协", "政治协商")),
    ("检察", ("检察",)),
    ("法院", ("法院",)),
)


def plausible_classes(body: str) -> set[str] | None:
    if not body or any(w in body for w in _NOT_CHECKED):
        return None
    found = set()
    for words, classes in FUNCTIONS:
        if any(w in body for w in words):
            found |= classes
    return COMMON | found if found else None


def _owner(label: str) -> tuple[str, ...] | None:
    return next((owners for words, owners in OWNED_KUAN if words in label), None)


@rule("code-implausible-class")
def check(ctx, emit):
    body = ctx.identity.body
    plausible = plausible_classes(body)
    if plausible is None:
        return
    seen = set()
    for table in ctx.tables:
        for row in table.rows:
            if not row.code.startswith("2") or len(row.code) not in (3, 5, 7):
                continue
            cls = row.code[:3]
            if cls not in plausible and cls not in seen:
                seen.add(cls)
                why = f"{cls} 类不是此类单位的职能，此类单位的支出一般在本职能的类及一般公共服务、社会保障和就业、卫生健康、住房保障类中"
                yield emit(table=table, row=row, body=body, why=why)
            owners = _owner(row.label) if len(row.code) == 5 else None
            if owners and not any(w in body for w in owners) and row.code not in seen:
                seen.add(row.code)
                why = f"“{row.item}”款反映{owners[0]}机关的支出"
                yield emit(table=table, row=row, body=body, why=why)
