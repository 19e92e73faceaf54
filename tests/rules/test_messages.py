"""Every rule's message template renders with sample values, and every field it names is one the
rule fills in: a standard field of `Emit`, or a keyword its module (or a rules module it imports)
passes to `emit`."""

import ast
import importlib
import inspect
import string

import pytest

from yusuan.rules import catalog
from yusuan.rules.registry import Emit, load_rules

# The fields Emit fills in for every finding.
STANDARD = {"table", "item", "code", "measure", "expected", "actual", "difference", "tolerance", "unit"}
RULES = catalog.load()


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def emitted_keywords(module) -> set[str]:
    """Keywords passed to a call of `emit` (or `located(emit(...))`) in a module and in the rules
    modules it imports."""
    modules = [module]
    tree = ast.parse(inspect.getsource(module))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("yusuan.rules"):
            modules.append(importlib.import_module(node.module))
    found = set()
    for m in modules:
        for node in ast.walk(ast.parse(inspect.getsource(m))):
            if isinstance(node, ast.Call) and (getattr(node.func, "id", "") == "emit" or getattr(node.func, "attr", "") == "emit"):
                found |= {k.arg for k in node.keywords if k.arg}
            if isinstance(node, ast.Call) and any(getattr(a, "id", "") == "emit" for a in node.args):
                found |= {k.arg for k in node.keywords if k.arg}  # a helper handed `emit` and its fields
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "dict":  # fields = dict(...); emit(**fields)
                found |= {k.arg for k in node.keywords if k.arg}
            if isinstance(node, ast.Dict):  # fields gathered in a dict then passed as **fields
                found |= {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
    return found


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_the_message_renders_with_sample_values(rule_id):
    info = RULES[rule_id]
    sample = {name: f"〈{name}〉" for name in fields(info.template)}
    message = info.template.format(**sample)
    assert "{" not in message and "}" not in message, message
    assert any("\u4e00" <= c <= "\u9fff" for c in message)
    for name in fields(info.template):
        assert f"〈{name}〉" in message


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_field_of_the_message_is_filled_in(rule_id):
    module = importlib.import_module(load_rules()[rule_id].__module__)
    missing = fields(RULES[rule_id].template) - STANDARD - emitted_keywords(module)
    assert not missing, f"{rule_id}: the message names {sorted(missing)}, which the rule never passes to emit"


def test_the_standard_fields_are_what_emit_fills_in():
    source = inspect.getsource(Emit.__call__)
    for name in STANDARD:
        assert f'"{name}":' in source, name
