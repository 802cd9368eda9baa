"""A finding that follows from another is not given beside it: the root cause is reported once."""

from __future__ import annotations

from pathlib import Path

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.engine import Engine
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.synthetic.invalid import rebalance
from mbo_xbrl.synthetic.samples import veen


def test_a_missing_budget_of_an_earmarked_objective_is_b001_not_also_b003(engine: Engine, tmp_path: Path) -> None:
    cat = load_catalogue()
    content = veen(cat)
    assert any(e.objective == "3.3" and e.year == 2025 for e in content.earmarks)  # OCW's earmark stays
    content.budgets = [b for b in content.budgets if not (b.year == 2025 and b.objective == "3.3")]
    rebalance(content)
    path = tmp_path / "no-budget-3.3.xbrl"
    path.write_bytes(write_instance(content, cat))
    findings = engine.check(path).findings
    assert [(f.code, f.objective, f.args.get("year")) for f in findings] == [("MBO-B001", "3.3", 2025)]


def test_a_budget_below_its_earmark_is_still_b003(engine: Engine, tmp_path: Path) -> None:
    cat = load_catalogue()
    content = veen(cat)
    total = next(b for b in content.budgets if b.year == 2025 and b.objective == "3.3" and not b.measure)
    earmark = next(e for e in content.earmarks if e.year == 2025 and e.objective == "3.3")
    earmark.amount = total.amount + 1
    path = tmp_path / "earmark-over-budget.xbrl"
    path.write_bytes(write_instance(content, cat))
    assert [f.code for f in engine.check(path).findings] == ["MBO-B003"]
