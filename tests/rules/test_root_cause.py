"""A finding that follows from another is not given beside it: the root cause is reported once."""

from __future__ import annotations

import json
from pathlib import Path

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.engine import Engine
from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.report.render import reports_json, reports_text
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


def test_what_a_missing_works_on_declaration_causes_is_grouped_under_it(engine: Engine, tmp_path: Path) -> None:
    """An objective without its declaration is asked for in full: its gaps follow from MBO-C006, which the
    report shows first, with the gaps under it and counted as its consequences in the summary."""
    cat = load_catalogue()
    content = veen(cat)
    content.objectives = [o for o in content.objectives if o.objective != "1.3"]
    content.indicator_values = [v for v in content.indicator_values
                                if not (v.indicator.startswith("I1.3.") and v.kind == "target")]
    content.budgets = [b for b in content.budgets if not (b.objective == "1.2" and b.year == 2026 and not b.measure)]
    path = tmp_path / "undeclared-1.3.xbrl"
    path.write_bytes(write_instance(content, cat))
    report = engine.check(path)
    caused = [f for f in report.findings if f.caused_by]
    assert caused and {(f.code, f.objective, f.caused_by) for f in caused} == {("MBO-C001", "1.3", "MBO-C006")}
    assert len(caused) == len([i for i in cat.indicators if i.objective == "1.3"])
    # a gap elsewhere is its own root cause
    assert [f.caused_by for f in report.findings if f.code == "MBO-B001"] == [None]

    text = reports_text([report], "nl").splitlines()
    part = text.index(next(line for line in text if line.strip().startswith("Doelstelling 1.3")), text.index("  Alle bevindingen:"))
    body = [line for line in text[part + 1:] if "FOUT MBO-" in line]
    assert "MBO-C006" in body[0] and body[0].startswith("    FOUT")  # the cause first
    assert all(line.startswith("      FOUT MBO-C001") for line in body[1:len(caused) + 1])  # then what it causes, indented
    summary = [line for line in text if "× FOUT MBO-" in line]
    assert "MBO-C006" in summary[0]  # the root cause leads the summary too
    assert f"waarvan {len(caused)} volgend uit MBO-C006" in next(line for line in summary if "MBO-C001" in line)

    data = json.loads(reports_json([report], "en"))["reports"][0]["findings"]
    assert sum(1 for f in data if f.get("caused_by") == "MBO-C006") == len(caused)
