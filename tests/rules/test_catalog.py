"""The catalogue is the list of record: every rule has an entry, a module, tests and docs."""

from pathlib import Path

from yusuan.rules import catalog
from yusuan.rules.docs import rules_markdown
from yusuan.rules.registry import load_rules

ROOT = Path(__file__).parent.parent.parent


def test_every_entry_has_a_rule_and_every_rule_an_entry():
    assert sorted(catalog.load()) == sorted(load_rules())


def test_every_rule_has_its_test_module_with_a_passing_and_a_failing_case():
    for rule_id in catalog.load():
        path = ROOT / "tests" / "rules" / f"test_{rule_id.replace('-', '_')}.py"
        assert path.is_file(), path
        text = path.read_text(encoding="utf-8")
        assert "def test_passes" in text and "def test_fails" in text, path


def test_every_rule_lives_in_the_module_its_id_names():
    for rule_id, fn in load_rules().items():
        assert fn.__module__ == catalog.module_of(rule_id, catalog.load()[rule_id].family), rule_id


def test_every_rule_module_states_its_rule_in_chinese():
    for rule_id, fn in load_rules().items():
        doc = __import__(fn.__module__, fromlist=["_"]).__doc__ or ""
        assert any("\u4e00" <= c <= "\u9fff" for c in doc), rule_id


def test_messages_render_for_every_rule():
    for info in catalog.load().values():
        assert "{" in info.template and info.title and info.checks


def test_docs_rules_md_is_current():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()
