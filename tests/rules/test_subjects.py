"""The narrative's subjects have one home (rules/statements/subjects.py): every subject has a name for
messages, the parts a subject may list are subjects, and every subject the tables are searched for is one."""

from yusuan.rules.stated_cells import LOOKUPS
from yusuan.rules.statements.subjects import NAMES, PART_KEYS, SUBJECTS

# figures whose subject is their own label: a classified item, an unnamed item, a count
LABELLED = {"function", "item", "count"}
KEYS = {key.rstrip("*") for key, _, _ in SUBJECTS}


def test_every_subject_has_a_name():
    assert KEYS - {"carryover", "carry_forward"} <= set(NAMES), sorted(KEYS - set(NAMES))


def test_every_part_is_a_subject():
    for whole, parts in PART_KEYS.items():
        assert whole in KEYS | LABELLED, whole
        assert parts <= KEYS | LABELLED, (whole, sorted(parts - KEYS - LABELLED))


def test_every_subject_looked_up_in_the_tables_is_a_subject():
    assert set(LOOKUPS) <= KEYS, sorted(set(LOOKUPS) - KEYS)
