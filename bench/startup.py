"""What a short command spends before its work: the CPU time of its imports, per command and module.

    .venv/bin/python bench/startup.py [--repeat 7] [--against OLD/src] [--modules 15]

For `yusuan extract` (a 13-page PDF), `yusuan check` (the same publication, text and tables parts) and
`yusuan render` (its JSON model to PDF), each run --repeat times as a whole process: the CPU time
(`time.process_time`, which a busy machine moves less than wall time) spent in each module's own import
code, summed over all modules, and the command's whole CPU time in the process (after the interpreter's
start); the smallest of the runs. With --against, the same commands of another source tree (say the
`src` of an older checkout) are run alternately and shown beside. `python -X importtime` tells the same
in wall time, which the load of a shared machine inflates several times.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
TEXT, TABLES = (CORPUS / f"jiangsu-2018-shengwei-bangongting-budget-{part}.pdf" for part in ("text", "tables"))


def child(args: list[str]) -> None:
    """Run `python -m yusuan ARGS` here, timing every module's import; the record goes to stderr."""
    import importlib._bootstrap as bootstrap
    import runpy

    stack: list[float] = []
    own: dict[str, float] = {}
    load = bootstrap._load_unlocked

    def timed(spec):
        start = time.process_time()
        stack.append(0.0)
        try:
            return load(spec)
        finally:
            spent = time.process_time() - start
            inner = stack.pop()
            if stack:
                stack[-1] += spent
            own[spec.name] = own.get(spec.name, 0.0) + spent - inner

    bootstrap._load_unlocked = timed
    start = time.process_time()
    sys.argv = ["yusuan", *args]
    try:
        runpy.run_module("yusuan", run_name="__main__", alter_sys=True)
    except SystemExit:
        pass
    finally:
        total = time.process_time() - start
        os.write(2, ("\n@startup" + json.dumps({"total": total, "own": own})).encode())


def measure(src: Path, args: list[str]) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(src)))
    return json.loads(done.stderr.rsplit("\n@startup", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another source tree, run alternately (before)")
    parser.add_argument("--modules", type=int, default=15, help="the costliest modules listed per command")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        model, pdf = Path(tmp) / "model.json", Path(tmp) / "out.pdf"
        subprocess.run([sys.executable, "-m", "yusuan", "extract", str(TABLES), str(TEXT), "--format", "json",
                        "-o", str(model)], check=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        commands = {
            "extract": ["extract", str(TEXT), "-o", os.devnull],
            "check": ["check", str(TABLES), str(TEXT)],
            "render": ["render", str(model), "--style", "auto", "--to", str(pdf)],
        }
        trees = [("after", ROOT / "src")] + ([("before", args.against.resolve())] if args.against else [])
        print(f"load average {os.getloadavg()[0]:.1f}; smallest of {args.repeat} runs, CPU ms")
        print("\n| command | " + " | ".join(f"imports {n} | whole {n} | modules {n}" for n, _ in trees) + " |")
        print("|---|" + "---:|---:|---:|" * len(trees))
        details = {}
        for name, cmd in commands.items():
            runs = {n: [] for n, _ in trees}
            for _ in range(args.repeat):
                for n, src in trees:
                    runs[n].append(measure(src, cmd))
            cells = []
            for n, _ in trees:
                imports = min(sum(r["own"].values()) for r in runs[n])
                whole = min(r["total"] for r in runs[n])
                cells.append(f"{imports * 1000:.0f} | {whole * 1000:.0f} | {len(runs[n][0]['own'])}")
            print(f"| {name} | " + " | ".join(cells) + " |")
            own = {m: min(r["own"].get(m, 0.0) for r in runs["after"]) for m in runs["after"][0]["own"]}
            details[name] = sorted(own.items(), key=lambda kv: -kv[1])[: args.modules]
        for name, top in details.items():
            print(f"\n{name}, the costliest modules (own import code, ms): "
                  + ", ".join(f"{m} {t * 1000:.1f}" for m, t in top))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
    else:
        main()
