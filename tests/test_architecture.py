"""The shape of the code (docs/architecture.md): data flows one way, and no import goes against it.

Every import in lawcheck/ is read from the source (those inside functions too; those under
``if TYPE_CHECKING:`` are for type checkers only and left out), and the graph must have no circle
and none of the forbidden arrows below.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "lawcheck"

# (importer prefix, imported prefixes it must not reach, why)
FORBIDDEN = [
    ("lawcheck.render", ("lawcheck.batch", "lawcheck.engine", "lawcheck.cli", "lawcheck.kinds", "lawcheck.packs",
                         "lawcheck.readers", "lawcheck.text", "lawcheck.analysis", "lawcheck.scoring",
                         "lawcheck.history", "lawcheck.review", "lawcheck.templates", "lawcheck.compare"),
     "renderers start from the model"),
    # Year over year (issue 16): the comparison is core, pure; compare.py is the edge that reads the files.
    *((m, ("lawcheck.render", "lawcheck.cli", "lawcheck.batch", "lawcheck.readers", "lawcheck.compare",
           "lawcheck.files", "lawcheck.inputs"), "the year-over-year review is text in, model out")
      for m in ("lawcheck.history", "lawcheck.review", "lawcheck.templates")),
    ("lawcheck.compare", ("lawcheck.render", "lawcheck.cli"), "compare returns the model; the command line renders it"),
    ("lawcheck.readers", ("lawcheck.packs", "lawcheck.kinds", "lawcheck.engine", "lawcheck.render"),
     "reading a file knows nothing of rules"),
    ("lawcheck.text", ("lawcheck.packs", "lawcheck.kinds", "lawcheck.render", "lawcheck.engine", "lawcheck.readers"),
     "the text grammar knows nothing of rules or output"),
    ("lawcheck.kinds", ("lawcheck.packs", "lawcheck.engine", "lawcheck.render", "lawcheck.batch", "lawcheck.cli"),
     "a kind is checked by the engine, not the other way round"),
    ("lawcheck.batch", ("lawcheck.render", "lawcheck.cli"), "the batch is handed its record writer"),
    ("lawcheck.engine", ("lawcheck.render", "lawcheck.cli", "lawcheck.batch"), "the core renders nothing"),
    ("lawcheck.model", ("lawcheck",), "the model is what everything else depends on"),
    ("lawcheck.regexfold", ("lawcheck",), "a pattern's words are read with the standard library alone"),
    ("lawcheck.summary", ("lawcheck.render", "lawcheck.engine", "lawcheck.batch"), "a summary is of records"),
    ("lawcheck.gate", ("lawcheck.render", "lawcheck.engine", "lawcheck.batch"), "the gate judges a scorecard"),
    ("lawcheck.waivers", ("lawcheck.render", "lawcheck.engine", "lawcheck.batch", "lawcheck.cli", "lawcheck.packs",
                          "lawcheck.readers", "lawcheck.config"),
     "a waiver is read and matched at the edge; the engine applies what it is given"),
    ("lawcheck.serve", ("lawcheck.cli",), "the command line starts the page, not the other way round"),
]
# lawcheck serve (issue 17) is an edge only the command line reaches; its web libraries stay inside it.
SERVE_ONLY = ("lawcheck.serve", "starlette", "uvicorn")
# Third-party packages a module may import (besides the standard library and lawcheck itself).
THIRD_PARTY = {"lawcheck.model": {"pydantic"}}


def module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _runtime_nodes(tree: ast.AST):
    """Every node except what sits under ``if TYPE_CHECKING:``."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            stack.extend(node.orelse)
            continue
        yield node
        stack.extend(ast.iter_child_nodes(node))


def imports_of(path: Path, name: str, is_package: bool, modules: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The modules ``path`` imports at run time, absolute (``from p import m`` of a module m is p.m)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            subs = {f"{mod}.{a.name}" for a in node.names} & set(modules)
            out.update(subs)  # "from lawcheck.kinds import concept" imports that module
            if len(subs) < len(node.names):
                out.add(mod)
    return out


def import_graph(root: Path) -> dict[str, set[str]]:
    """lawcheck module → the lawcheck modules (and other top-level packages) it imports."""
    files = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        found = imports_of(path, name, path.name == "__init__.py", set(files))
        own = {m for m in found if m in files and m != name}
        others = {m.split(".")[0] for m in found if not m.startswith("lawcheck")}
        graph[name] = own | others
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in graph:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph.get(v, ()):
                out.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def forbidden_arrows(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for src, targets in sorted(graph.items()):
        for prefix, banned, why in FORBIDDEN:
            if src != prefix and not src.startswith(prefix + "."):
                continue
            for dst in sorted(targets):
                if any(dst == b or dst.startswith(b + ".") for b in banned):
                    bad.append(f"{src} → {dst} ({why})")
        allowed = THIRD_PARTY.get(src)
        if allowed is not None:
            for dst in sorted(targets):
                if "." not in dst and not dst.startswith("lawcheck") and dst not in sys.stdlib_module_names \
                        and dst not in allowed and dst != "__future__":
                    bad.append(f"{src} → {dst} (only the standard library and {', '.join(sorted(allowed))})")
    return bad


def test_no_import_circle():
    assert cycles(import_graph(PACKAGE)) == []


def test_no_forbidden_arrow():
    assert forbidden_arrows(import_graph(PACKAGE)) == []


def test_the_checks_can_fail(tmp_path):
    """The walker sees a forbidden arrow (even inside a function) and a circle, and ignores TYPE_CHECKING."""
    pkg = tmp_path / "lawcheck"
    (pkg / "render").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "render" / "__init__.py").write_text("")
    (pkg / "render" / "view.py").write_text("def f():\n    from lawcheck import batch\n")
    (pkg / "batch.py").write_text("from lawcheck.render import view\nimport numpy\n")
    (pkg / "model.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from lawcheck import batch\n"
                                  "import yaml\n")
    graph = import_graph(pkg)
    assert graph["lawcheck.render.view"] == {"lawcheck.batch"}, graph
    assert cycles(graph) == [["lawcheck.batch", "lawcheck.render.view"]]
    bad = forbidden_arrows(graph)
    assert any(b.startswith("lawcheck.render.view → lawcheck.batch") for b in bad)
    assert any(b.startswith("lawcheck.batch → lawcheck.render.view") for b in bad)
    assert any(b.startswith("lawcheck.model → yaml") for b in bad)
    assert not any("model → lawcheck.batch" in b for b in bad)  # under TYPE_CHECKING


@pytest.mark.parametrize("doc", ["docs/architecture.md"])
def test_the_architecture_page_names_every_package(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    for sub in sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        assert f"lawcheck/{sub}/" in text, f"{doc} does not describe lawcheck/{sub}/"


def test_only_the_command_line_starts_the_page():
    bad = [f"{src} → {dst}" for src, targets in sorted(import_graph(PACKAGE).items())
           if src != "lawcheck.cli" and not src.startswith("lawcheck.serve")
           for dst in sorted(targets) if any(dst == x or dst.startswith(x + ".") for x in SERVE_ONLY)]
    assert bad == []
