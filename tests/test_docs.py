"""The docs name every table kind, measure, phase, layer and format the code knows, and send no reader
outside the repository."""

import re
import tomllib
from pathlib import Path

import pytest

from tests.architecture import test_layers as layers_test
from tests.architecture.test_layers import LAYERS
from yusuan.model.formats import readers, writers
from yusuan.model.vocabulary import MEASURES, PHASES, TABLE_KINDS

ROOT = Path(__file__).parent.parent
MODEL_DOC = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
ARCHITECTURE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_vocabulary_entry_is_documented():
    missing = [k for k in TABLE_KINDS if f"`{k}`" not in MODEL_DOC]
    missing += [m for m in MEASURES if f"`{m}`" not in MODEL_DOC]
    missing += [p for p in PHASES if f"`@{p}`" not in MODEL_DOC]
    assert missing == []


def test_the_architecture_names_every_layer_and_package():
    order = next(line for line in layers_test.__doc__.splitlines() if "←" in line)  # the layers as tested
    assert order.split(" ← ") == [", ".join(sorted(layer - {"__main__"}, key=order.index)) for layer in LAYERS]
    assert f"\n{order}\n" in ARCHITECTURE
    missing = [p for layer in LAYERS for p in layer - {"__main__"} if f"- `{p}/` — " not in ARCHITECTURE]
    assert missing == []


@pytest.mark.parametrize("group", ["yusuan.readers", "yusuan.writers"])
def test_the_architecture_names_every_registered_format_with_its_entry_point_line(group):
    lines = PYPROJECT["project"]["entry-points"][group]
    assert lines, group
    missing = [f'{name} = "{target}"' for name, target in lines.items() if f'`{name} = "{target}"`' not in ARCHITECTURE]
    assert missing == []
    # and what the installed package registers is what pyproject.toml says
    registered = {r.name for r in readers()} if group == "yusuan.readers" else set(writers())
    assert registered == set(lines)


OURS = ["README.md", "bench/README.md", "src/yusuan/web/README.md", *(str(p.relative_to(ROOT)) for p in
        sorted((ROOT / "docs").glob("*.md")))]
OUTSIDE = re.compile(r"\.\./shared|\bshared/|DESIGN\.md|STYLE\.md|TOOLING\.md")


@pytest.mark.parametrize("name", OURS)
def test_no_document_sends_the_reader_outside_the_repository(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert [m.group() for m in OUTSIDE.finditer(text)] == []


def test_the_api_description_sends_no_reader_outside_the_repository(tmp_path):
    from yusuan.store import Store
    from yusuan.web import create_app

    store = Store(f"sqlite:///{tmp_path / 'api.db'}")
    store.upgrade()
    spec = str(create_app(store).openapi())
    assert [m.group() for m in OUTSIDE.finditer(spec)] == []
    store.dispose()
