"""The packages stand in layers, each importing only its own layer and those below it:

model ← catalog, ingest ← rules, render, prepare, perf ← export ← synth ← store ← batch ← web ← cli

Every import counts: at the top of a module, inside a function, and `importlib.import_module("yusuan.…")`."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parents[2] / "src" / "yusuan"
LAYERS = (
    {"model"},
    {"catalog", "ingest"},
    {"rules", "render", "prepare", "perf"},
    {"export"},
    {"synth"},
    {"store"},
    {"batch"},
    {"web"},
    {"cli", "__main__"},
)
RANK = {package: rank for rank, layer in enumerate(LAYERS) for package in layer}


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "yusuan" and len(parts) > 1 else None


def imports(path: Path, text: str | None = None) -> list[tuple[int, str]]:
    """(line, module) of every import of a yusuan module in the file (or in `text`, as if it were there)."""
    tree = ast.parse(path.read_text(encoding="utf-8") if text is None else text, str(path))
    here = ["yusuan", *path.relative_to(SRC).with_suffix("").parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: from the package of this module
                base = here[: len(here) - node.level]
                found.append((node.lineno, ".".join(base + ([node.module] if node.module else []))))
            elif node.module:
                found.append((node.lineno, node.module))
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
              and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            found.append((node.lineno, node.args[0].value))
    return [(line, m) for line, m in found if m.startswith("yusuan.")]


MODULES = sorted(p for p in SRC.rglob("*.py") if "migrations" not in p.parts or p.name != "env.py")


def test_every_package_has_a_layer():
    packages = {p.relative_to(SRC).parts[0].removesuffix(".py") for p in MODULES} - {"__init__"}
    assert packages <= set(RANK), sorted(packages - set(RANK))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_no_import_from_a_higher_layer(path):
    own = path.relative_to(SRC).parts[0].removesuffix(".py")
    if own == "__init__":
        return
    upward = [f"{path.relative_to(SRC)}:{line} imports {module}"
              for line, module in imports(path)
              if (pkg := package_of(module)) in RANK and RANK[pkg] > RANK[own]]
    assert not upward, "\n".join(upward)


def test_the_check_finds_an_import_inside_a_function():
    """The test itself: an import hidden in a function body, or asked of importlib, is seen."""
    text = "import importlib\ndef f():\n    from yusuan.web.app import create_app\n    importlib.import_module('yusuan.cli.main')\n"
    assert [m for _, m in imports(SRC / "model" / "probe.py", text)] == ["yusuan.web.app", "yusuan.cli.main"]
