"""The shape of the code stays findable: no import cycles, small modules, words kept as data, lint clean.

Each check has a ``DEBT`` set: what was there before the rule. Debt only shrinks: a module that is
fixed must leave its set (the test fails while it is still listed), and nothing new may join.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
MAX_LINES = 600
# A literal collection of more than this many Japanese strings is a word list: it belongs in
# pipeline/data/ (loaded by pipeline.tables), not in code.
MAX_WORDS_IN_CODE = 5
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff々〆]")
COMPLEXITY_RULES = {"C901", "PLR0911", "PLR0912", "PLR0915"}

# fmt: off
CYCLE_DEBT: set[frozenset[str]] = set()
SIZE_DEBT: set[str] = set()
WORDS_DEBT: set[str] = set()
COMPLEXITY_DEBT: set[str] = set()
# fmt: on


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imported(node: ast.AST, current: str, is_package: bool, modules: dict[str, Path]) -> Iterator[str]:
    """The project modules an import statement names (``from a import b`` is ``a.b`` if that is a module)."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name in modules:
                yield alias.name
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = current.split(".") if is_package else current.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
        else:
            target = node.module or ""
        for alias in node.names:
            sub = f"{target}.{alias.name}"
            if sub in modules:
                yield sub
            elif target in modules:
                yield target


def import_graph() -> dict[str, set[str]]:
    """Every import between pipeline modules, wherever it is written (TYPE_CHECKING and functions too)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for target in _imported(node, name, path.name == "__init__.py", modules):
                if target != name:
                    graph[name].add(target)
    return graph


def import_cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    sys.setrecursionlimit(max(10_000, sys.getrecursionlimit()))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _japanese(value: str) -> bool:
    return bool(JAPANESE.search(value))


def word_lists(path: Path) -> list[tuple[int, int]]:
    """(line, count) of every literal list/tuple/set/dict with more than MAX_WORDS_IN_CODE Japanese strings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # a regex alternation of words is a word list too: (?:会談|会議|協議|...)
            alternatives = [a for a in re.split(r"[|()]", node.value) if JAPANESE.search(a)]
            if node.value.count("|") >= MAX_WORDS_IN_CODE and len(alternatives) > MAX_WORDS_IN_CODE:
                found.append((node.lineno, len(alternatives)))
            continue
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = node.elts
        elif isinstance(node, ast.Dict):
            items = [k for k in node.keys if k is not None]
        else:
            continue
        count = sum(1 for x in items if isinstance(x, ast.Constant) and isinstance(x.value, str) and _japanese(x.value))
        if count > MAX_WORDS_IN_CODE:
            found.append((node.lineno, count))
    return found


def test_structure_no_import_cycle_inside_pipeline() -> None:
    cycles = import_cycles(import_graph())
    assert {tuple(sorted(c)) for c in cycles - CYCLE_DEBT} == set(), "import cycle(s) inside pipeline/"
    assert cycles >= CYCLE_DEBT, f"fixed, remove from CYCLE_DEBT: {CYCLE_DEBT - cycles}"


def test_structure_cycle_finder_finds_a_cycle() -> None:
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == {frozenset("abc")}


def test_structure_no_module_over_600_lines() -> None:
    long = {_rel(p) for p in PACKAGE.rglob("*.py") if len(p.read_text(encoding="utf-8").splitlines()) > MAX_LINES}
    assert long - SIZE_DEBT == set(), f"modules over {MAX_LINES} lines hold more than one question"
    assert long >= SIZE_DEBT, f"now short enough, remove from SIZE_DEBT: {SIZE_DEBT - long}"


def _word_list_files() -> dict[str, list[tuple[int, int]]]:
    return {_rel(p): hits for p in sorted(PACKAGE.rglob("*.py")) if (hits := word_lists(p))}


def test_structure_words_are_data() -> None:
    found = _word_list_files()
    new = {f: hits for f, hits in found.items() if f not in WORDS_DEBT}
    assert new == {}, "Japanese word lists in code belong in pipeline/data/ (see pipeline/tables.py)"
    assert set(found) >= WORDS_DEBT, f"clean now, remove from WORDS_DEBT: {WORDS_DEBT - set(found)}"


def test_structure_word_list_finder() -> None:
    source = (
        "A = ('一', '二', '三', '四', '五', '六')\nB = ('a', 'b', 'c', 'd', 'e', 'f')\nC = ['一', '二']\n"
        "D = r'(?:会談|会議|協議|会合|首脳会談|外相会談)'\nE = r'(?:年|月)'\n"
    )
    path = ROOT / "tests" / "fixtures" / "_word_list_probe.py"
    try:
        path.write_text(source, encoding="utf-8")
        assert word_lists(path) == [(1, 6), (4, 6)]
    finally:
        path.unlink(missing_ok=True)


def test_structure_complexity_limits_have_no_new_exceptions() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert set(lint["select"]) >= COMPLEXITY_RULES and lint["mccabe"]["max-complexity"] <= 15
    ignored = {f for f, rules in lint.get("per-file-ignores", {}).items() if COMPLEXITY_RULES & set(rules)}
    assert ignored - COMPLEXITY_DEBT == set(), "no new exceptions to the complexity limits"
    assert ignored >= COMPLEXITY_DEBT, f"paid off, remove from COMPLEXITY_DEBT: {COMPLEXITY_DEBT - ignored}"


def test_structure_ruff_is_clean() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (it is in requirements-dev.lock)")
    result = subprocess.run(
        [ruff, "check", "--no-cache", "pipeline", "tests", "tools", "bench"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
