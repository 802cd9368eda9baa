"""A controller reads every finding of every failing sample without knowing XBRL.

The findings are the ones the engine really gives on the failing samples (`mbo_xbrl/rules/examples/`, which
`test_rule_catalogue` keeps equal to the engine's output). Their words are read as a person would:
no QNames, axes, members or placeholders; a place in the form for every finding about the filing's
content; amounts and numbers written the way the language writes them, read back with Babel.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from babel.numbers import NumberFormatError, parse_decimal

from mbo_xbrl.formats import LOCALES
from mbo_xbrl.rules.base import Layer
from mbo_xbrl.rules.examples import example
from mbo_xbrl.rules.registry import all_rules

RULES = [r for r in all_rules() if example(r.code) is not None]
QNAME = re.compile(r"\b[a-z][\w-]*:[A-Z]\w+")  # mbo-i:BudgetAmount, mbo-dim:ObjectiveAxis
JARGON = re.compile(r"\b\w*(Axis|Member|Amount|Applied|Explanation)\b|[{}]")
EURO = re.compile(r"(-?€\s?-?[\d.,]+\d)")


def _words(finding, lang: str) -> list[str]:
    return [finding.message(lang), finding.fix(lang), finding.location(lang) or ""]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_findings_words_name_no_xbrl_internals(rule, lang: str) -> None:
    for finding in example(rule.code).findings:
        for text in _words(finding, lang):
            assert not QNAME.search(text), (rule.code, text)
            assert not JARGON.search(text), (rule.code, text)


@pytest.mark.parametrize("rule", [r for r in RULES if r.layer in (Layer.SEMANTIC, Layer.FILING_RULES, Layer.XBRL)],
                         ids=lambda r: r.code)
def test_a_finding_about_the_content_says_where_in_the_form(rule) -> None:
    for finding in example(rule.code).findings:
        for lang in ("nl", "en"):
            location = finding.location(lang)
            assert location, (rule.code, lang)
            assert location[0].isupper() and "None" not in location
        if finding.objective:  # the objective is named by its words, not only its code
            assert finding.location_nl != finding.location_en


def _amounts(text: str, lang: str) -> list[Decimal]:
    out = []
    for shown in EURO.findall(text):
        digits = shown.replace("€", "").replace("\xa0", "").replace(" ", "")
        try:
            out.append(parse_decimal(digits, locale=LOCALES[lang], strict=True))
        except NumberFormatError as err:
            raise AssertionError(f"{shown!r} is not a {lang} number") from err
    return out


@pytest.mark.parametrize("code", ["MBO-B002", "MBO-B003", "MBO-B004", "MBO-B005"])
def test_amounts_are_written_as_each_language_writes_them(code: str) -> None:
    finding = example(code).findings[0]
    expected = {Decimal(str(finding.args[k])) for k in ("amount", "sum", "total", "budget", "earmark", "difference")
                if finding.args.get(k) is not None}
    for lang in ("nl", "en"):
        shown = _amounts(finding.message(lang), lang)
        assert shown and set(shown) <= expected and len(set(shown)) == len(expected), (lang, shown, expected)
    # the two languages really differ where CLDR says they do (thousands: '.' in Dutch, ',' in English)
    if any(abs(v) >= 1000 for v in expected):
        assert finding.message("nl") != finding.message("en")
        assert "." in EURO.findall(finding.message("nl"))[0] and "," in EURO.findall(finding.message("en"))[0]


def test_a_number_with_decimals_is_written_with_the_languages_decimal_mark() -> None:
    finding = example("MBO-V002").findings[0]
    for lang, mark in (("nl", ","), ("en", ".")):
        text = finding.message(lang)
        numbers = re.findall(r"(?<![\w.])\d+[.,]\d+(?![\w.])", text)  # not the 2.2 inside code I2.2.01
        assert numbers and all(mark in n for n in numbers), text
        assert {parse_decimal(n, locale=LOCALES[lang]) for n in numbers} == \
            {Decimal(finding.args["target"]), Decimal(finding.args["start"])}


def test_a_zero_is_never_written_with_a_minus() -> None:
    """-0.0 (a float's negative zero) and a small negative that rounds to zero read as 0, in both languages."""
    from mbo_xbrl import formats

    assert [formats.number(v, "nl", 1) for v in (-0.0, -0.04, -0.06)] == ["0,0", "0,0", "-0,1"]
    assert [formats.number(v, "en", 0) for v in (-0.0, -0.4, -3)] == ["0", "0", "-3"]
    assert formats.number(-0.0, "nl") == "0"


def test_a_file_on_one_line_gets_no_place_guessed_from_its_line(engine, tmp_path) -> None:
    """Arelle names a line, not a fact: on a file written on one line every fact is on line 1, so the line
    says nothing about which field is meant, and no field is named."""
    from tests.conftest import ROOT

    sample = ROOT / "samples" / "invalid" / "MBO-S004-invalid-xbrl.xbrl"
    by_lines = engine.check(sample).findings
    assert [f.code for f in by_lines] == ["MBO-S004"] and by_lines[0].location_nl.startswith("Pas toe of leg uit")
    one_line = tmp_path / "one-line.xbrl"
    one_line.write_bytes(sample.read_bytes().replace(b"\n", b" "))
    findings = engine.check(one_line).findings
    assert [f.code for f in findings] == ["MBO-S004"] and findings[0].line == 1
    assert findings[0].location_nl == "Regel 1 van het bestand" and findings[0].location_en == "Line 1 of the file"
