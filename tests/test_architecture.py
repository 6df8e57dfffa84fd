"""The package's imports flow one way, from the earlier stage to the later, without cycles.

Stages in pipeline order: ingest -> nlp -> actors -> (the shared article context) ->
when/where -> events (the sentence coder and the article-level passes) -> discourse (the
article-level discourse pass, handed to the coder by the engine) -> verify (the learned
verifier) -> pipeline and API -> output -> store and the Dask layer (execute) -> link -> cli
and web. Modules of no stage (records, rules, dateline, controls, cache) may be imported by all and
import none. Every import counts, also one inside a function: a lazy
import still makes the earlier stage depend on the later. The package root is the public
facade and may re-export lazily from any stage.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "tacitus"
SHARED = {"tacitus.records", "tacitus.rules", "tacitus.dateline", "tacitus.controls", "tacitus.cache"}
STAGES = [
    ("tacitus.ingest",),
    ("tacitus.nlp",),
    ("tacitus.actors",),
    ("tacitus.context",),
    ("tacitus.when", "tacitus.where"),
    ("tacitus.events",),
    ("tacitus.discourse",),
    ("tacitus.verify",),
    ("tacitus.pipeline", "tacitus.api"),
    ("tacitus.flat", "tacitus.output", "tacitus.schema_arrow"),
    # the Dask layer writes the store's article rows and `tacitus.store.bulk` runs it: one stage
    ("tacitus.store", "tacitus.execute"),
    ("tacitus.link",),
    ("tacitus.cli", "tacitus.web"),
]
FACADE = "tacitus"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            # "from tacitus.events import factuality" imports the module tacitus.events.factuality
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {m for m in found if m == "tacitus" or m.startswith("tacitus.")}


def package_modules() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p): p for p in paths}
    graph = {}
    for name, path in modules.items():
        graph[name] = {_known(m, modules) for m in imports_of(path)} - {None, name}
    return graph


def _known(imported: str, modules) -> str | None:
    """The package module an import names (an imported function resolves to its module)."""
    while imported and imported not in modules:
        imported = imported.rpartition(".")[0]
    return imported or None


def stage_of(module: str) -> int | None:
    if module in SHARED or module == FACADE:
        return None
    for rank, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES or SHARED")


def test_the_package_has_modules_in_every_early_stage():
    graph = package_modules()
    assert len(graph) > 40
    for prefixes in STAGES[:-1]:
        if prefixes[0] in ("tacitus.web",):
            continue
        assert any(stage_of(m) is not None and prefixes[0] in m for m in graph), prefixes


def test_no_import_goes_back_to_an_earlier_stage():
    back_edges = []
    for module, imported in package_modules().items():
        if module == FACADE:
            continue
        here = stage_of(module)
        for other in imported:
            there = stage_of(other)
            if module in SHARED and other not in SHARED:
                back_edges.append(f"{module} (shared) -> {other}")
            elif here is not None and there is not None and there > here:
                back_edges.append(f"{module} -> {other}")
    assert back_edges == []


def test_no_import_cycle():
    graph = package_modules()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for other in sorted(graph.get(module, ())):
            # a package's __init__ importing its own modules is how a package re-exports
            if module == FACADE or other.startswith(module + "."):
                continue
            if state.get(other) == 1:
                cycles.append(" -> ".join(path[path.index(other):] + [other]))
            elif other not in state:
                visit(other, path + [other])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
