"""Imports flow one way: lower layers say what they know, the rules layer makes findings, renderers show them.

Read from the source with `ast`, so a new import that crosses a layer fails here, not in a review.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "mbo_xbrl"


def imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (also inside functions), as dotted names."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out |= {f"{node.module}.{alias.name}" for alias in node.names}
    return out


def files(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py")) if (PACKAGE / folder).is_dir() else [PACKAGE / folder]


@pytest.mark.parametrize(("layer", "forbidden"), [
    ("parsing", ("mbo_xbrl.rules", "mbo_xbrl.report", "mbo_xbrl.engine")),  # facts about the file, no findings
    ("report/render.py", ("mbo_xbrl.rules", "mbo_xbrl.engine")),  # findings carry their own words
    ("report/model.py", ("mbo_xbrl.rules", "mbo_xbrl.engine")),
    ("analysis", ("mbo_xbrl.engine", "mbo_xbrl.rules", "mbo_xbrl.__version__", "mbo_xbrl.check")),
    ("formats.py", ("mbo_xbrl.rules", "mbo_xbrl.report", "mbo_xbrl.engine")),
    ("inline", ("mbo_xbrl.engine", "mbo_xbrl.cli", "mbo_xbrl.web", "mbo_xbrl.store", "mbo_xbrl.ingestion")),  # below the engine
])
def test_a_layer_does_not_reach_up(layer: str, forbidden: tuple[str, ...]) -> None:
    crossing = {f"{path.relative_to(PACKAGE)}: {name}" for path in files(layer) for name in imports(path)
                if name.startswith(forbidden)}
    assert not crossing


def test_the_layer_check_sees_a_crossing(tmp_path: Path) -> None:
    source = tmp_path / "x.py"
    source.write_text("def f():\n    from mbo_xbrl.rules.registry import get\n", "utf-8")
    assert "mbo_xbrl.rules.registry" in imports(source)
