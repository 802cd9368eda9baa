"""`mbo-xbrl facts` and `mbo-xbrl rules`, and the check JSON being the library's report."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from click.testing import CliRunner

from mbo_xbrl.catalogue import load_catalogue
from mbo_xbrl.cli import cli
from mbo_xbrl.report.render import report_dict
from mbo_xbrl.rules.registry import all_rules
from mbo_xbrl.synthetic.samples import veen
from tests.conftest import ROOT, VALID_SAMPLES

VEEN = ROOT / "samples" / "valid" / "99XB-2024.xbrl"


def test_facts_csv_has_the_product_columns_and_one_row_per_fact() -> None:
    result = CliRunner().invoke(cli, ["facts", str(VEEN)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"concept", "context", "indicator", "objective", "measure", "value_kind", "period_start", "period_end",
            "value", "unit", "decimals", "study_route", "level", "domain", "age", "gender"} <= set(rows[0])
    assert len(rows) == VEEN.read_text("utf-8").count("contextRef=")


def test_facts_hold_the_values_the_sample_was_written_from() -> None:
    cat = load_catalogue()
    content = veen(cat)
    rows = json.loads(CliRunner().invoke(cli, ["facts", "--format", "json", str(VEEN)]).stdout)
    budget = next(b for b in content.budgets if b.year == 2026 and b.objective == "1.3" and b.measure == "M1.3.01")
    row = next(r for r in rows if r["concept"] == "mbo-i:BudgetAmount" and r["measure"] == "M1.3.01"
               and r["period_end"] == "2026-12-31")
    assert Decimal(row["value"]) == budget.amount and row["unit"] == "EUR" and row["objective"] == "1.3"
    target = next(v for v in content.indicator_values if v.indicator == "I3.3.03" and v.kind == "target")
    row = next(r for r in rows if r["indicator"] == "I3.3.03" and r["value_kind"] == "target")
    assert Decimal(row["value"]) == target.value and row["period_start"] == "2027-01-01"
    own = [r for r in rows if r["own_indicator"] == "EI-01"]
    assert own and all(r["objective"] == "1.1" for r in own)


def test_facts_of_a_file_that_is_not_an_instance_exit_1_with_a_reason() -> None:
    result = CliRunner().invoke(cli, ["facts", str(ROOT / "pyproject.toml")])
    assert result.exit_code == 1 and result.stdout == ""
    assert "not a readable XBRL instance" in result.stderr


def test_rules_json_lists_every_rule_with_both_languages() -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    data = json.loads(result.stdout)
    assert [r["code"] for r in data] == [r.code for r in all_rules()]
    assert all(r["message_nl"] and r["message_en"] and r["rationale"] for r in data)


def test_rules_with_an_unknown_code_is_a_usage_error() -> None:
    assert CliRunner().invoke(cli, ["rules", "MBO-X999"]).exit_code == 2


def test_check_json_is_the_library_report(engine) -> None:
    path = ROOT / "samples" / "invalid" / "MBO-B002-budget-does-not-add-up.xbrl"
    result = CliRunner().invoke(cli, ["check", "--format", "json", "--lang", "en", str(path)])
    from_cli = json.loads(result.stdout)["reports"][0]
    from_library = report_dict(engine.check(path), "en")
    from_cli.pop("seconds", None), from_library.pop("seconds", None)
    assert from_cli == json.loads(json.dumps(from_library))


def test_select_and_ignore_narrow_the_rules() -> None:
    path = ROOT / "samples" / "invalid" / "MBO-B002-budget-does-not-add-up.xbrl"
    assert CliRunner().invoke(cli, ["check", "--ignore", "MBO-B", str(path)]).exit_code == 0
    assert CliRunner().invoke(cli, ["check", "--select", "MBO-B002", str(path)]).exit_code == 1
    assert CliRunner().invoke(cli, ["check", "--select", "MBO-C", str(VALID_SAMPLES[0])]).exit_code == 0


def test_facts_of_an_empty_file_says_it_is_empty(tmp_path) -> None:
    empty = tmp_path / "empty.xbrl"
    empty.write_bytes(b"")
    result = CliRunner().invoke(cli, ["facts", str(empty)])
    assert result.exit_code == 1 and "the file is empty" in result.stderr


def test_rules_text_reads_as_language_with_a_real_example_and_no_placeholders() -> None:
    import re
    from decimal import Decimal

    from babel.numbers import parse_decimal

    from mbo_xbrl.rules.examples import example
    from mbo_xbrl.rules.registry import all_rules

    placeholder = re.compile(r"\{[a-z_]+\}")  # a pattern's {name}; a Clark name in a real message is not one
    for lang, words in (("nl", ("fout", "waarschuwing", "Bijvoorbeeld", "Oplossing")),
                        ("en", ("error", "warning", "For example", "Fix"))):
        text = CliRunner().invoke(cli, ["rules", "--lang", lang]).stdout
        assert not placeholder.search(text), placeholder.search(text)
        assert all(word in text for word in words)
        for rule in all_rules():
            assert f"{rule.code} {rule.name}" in text
    dutch = CliRunner().invoke(cli, ["rules", "MBO-B005"]).stdout
    shown = example("MBO-B005")
    args = shown.findings[0].args
    assert f"Bijvoorbeeld: {shown.findings[0].message('nl')}" in dutch and str(args["year"]) in dutch
    amount = re.search(r"€\s?(-?\d{1,3}(?:\.\d{3})*)", dutch).group(1)  # written the Dutch way: read back with Babel
    assert parse_decimal(amount, locale="nl_NL", strict=True) == Decimal(args["amount"]) and "." in amount
    assert "semantic" not in dutch and "error" not in dutch
    assert f"mbo-xbrl check samples/invalid/{shown.file}" in dutch and "MBO-B005-amounts" in dutch
    size = CliRunner().invoke(cli, ["rules", "MBO-S006", "--lang", "en"]).stdout
    assert "mbo-xbrl check --max-size" in size and "Only in mbo-xbrl:" in size and "Why:" in size
