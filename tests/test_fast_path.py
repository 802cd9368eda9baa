"""The differential test: the fast path gives exactly the findings of the full Arelle path.

Every sample, hand-made variants at the edges of what the fast path certifies, and random
variants are checked twice — once with the fast path, once with Arelle on every filing — and
the findings must be identical. The variants also pin down which path decided, so the test fails
both when the fast path certifies too much (a finding goes missing) and when it certifies nothing
(it would silently stop being fast).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mbo_xbrl.engine import Engine
from mbo_xbrl.report.model import Report
from mbo_xbrl.synthetic.foreign import STYLES, restyle
from mbo_xbrl.taxonomy.processor import XbrlProcessor
from mbo_xbrl.taxonomy.view import load_view

ROOT = Path(__file__).resolve().parents[1]
ALL_SAMPLES = sorted((ROOT / "samples").glob("*/*.xbrl"))
BASE = ROOT / "samples" / "valid" / "99XB-2024.xbrl"
BASE_TEXT = BASE.read_text("utf-8")


def _found(pattern: str) -> str:
    """The first fact of the base sample matching `pattern` (its `id`, which our writer adds, included)."""
    match = re.search(pattern, BASE_TEXT)
    assert match, pattern
    return match.group(0)


SAFE = _found(r'<mbo-i:StudentsFeelingSafeAtSchool contextRef="Y2022_Start" unitRef="pure" decimals="1"[^>]*>77\.0<')
DIRECTION = ">higher</mbo-i:OwnIndicatorDirection>"
APPLIED = _found(r'<mbo-i:MeasureApplied contextRef="Y2024_StudentInitiatives"[^>]*>true<')
BUDGET = _found(r'unitRef="EUR" decimals="0"[^>]*>97000<')
START = "<xbrldi:explicitMember dimension=\"mbo-dim:ValueKindAxis\">mbo-dm:StartMember<"
TYPED = "<mbo-types:OwnIndicatorCode>EI-01<"
PERIOD = "<xbrli:startDate>2022-01-01</xbrli:startDate>"
END = "<xbrli:endDate>2022-12-31</xbrli:endDate>"
FIRST_CONTEXT_END = "</xbrli:context>"
SCHEMA_REF = '<link:schemaRef xlink:type="simple"'
ROOT_TAG = "<xbrli:xbrl "
SCHEMA_LOCATION = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="{}" '


def first(old: str, new: str) -> Callable[[str], str]:
    """A mutation that replaces the first occurrence of `old`."""
    def mutate(text: str) -> str:
        assert old in text, f"{old!r} is not in the base sample"
        return text.replace(old, new, 1)
    return mutate


def moved_units_first(text: str) -> str:
    units = re.search(r"  <xbrli:unit id=\"EUR\">.*?</xbrli:unit>\n  <xbrli:unit id=\"pure\">.*?</xbrli:unit>\n",
                      text, re.S)
    assert units
    text = text.replace(units.group(0), "")
    return text.replace("  <xbrli:context ", units.group(0) + "  <xbrli:context ", 1)


def reversed_scenarios(text: str) -> str:
    """Every scenario's members in the opposite order (explicit and typed members mixed)."""
    def reverse(match: re.Match) -> str:
        members = re.findall(r"<xbrldi:(?:explicitMember .*?</xbrldi:explicitMember>|typedMember .*?</xbrldi:typedMember>)",
                             match.group(1), re.S)
        return "<xbrli:scenario>" + "".join(reversed(members)) + "</xbrli:scenario>"
    changed = re.sub(r"<xbrli:scenario>(.*?)</xbrli:scenario>", reverse, text, flags=re.S)
    assert changed != text
    return changed


def schema_ref_last(text: str) -> str:
    ref = re.search(r"  <link:schemaRef [^>]*/>\n", text).group(0)
    return text.replace(ref, "").replace("</xbrli:xbrl>", ref + "</xbrli:xbrl>")


# (name, mutation, whether the fast path certifies the result)
VARIANTS: list[tuple[str, Callable[[str], str], bool]] = [
    # valid variations the fast path certifies
    ("number-with-whitespace", first(SAFE, SAFE.replace(">77.0<", ">\n  77.0 \t<")), True),
    ("number-with-plus-sign", first(SAFE, SAFE.replace(">77.0<", ">+77<")), True),
    ("number-leading-dot", first(SAFE, SAFE.replace(">77.0<", ">.5<")), True),
    ("number-trailing-dot", first(SAFE, SAFE.replace(">77.0<", ">77.<")), True),
    ("decimals-INF", first(SAFE, SAFE.replace('decimals="1"', 'decimals="INF"')), True),
    ("decimals-negative", first(BUDGET, BUDGET.replace('decimals="0"', 'decimals="-3"')), True),
    ("boolean-as-digit", first(APPLIED, APPLIED.replace(">true<", ">1<")), True),
    ("boolean-with-whitespace", first(APPLIED, APPLIED.replace(">true<", "> true\n<")), True),
    ("units-before-contexts", moved_units_first, True),
    ("comment-between-facts", first(APPLIED, "<!-- note -->" + APPLIED), True),
    ("fact-without-id", first(APPLIED, re.sub(r' id="[^"]*"', "", APPLIED)), True),
    ("fact-with-id-first", first(APPLIED, re.sub(r'(contextRef="[^"]*") (id="[^"]*")', r"\2 \1", APPLIED)), True),
    ("text-fact-with-lang", first("<mbo-i:OwnIndicatorDirection ", '<mbo-i:OwnIndicatorDirection xml:lang="en" '),
     True),
    ("typed-member-with-whitespace", first(TYPED, TYPED.replace(">EI-01<", ">  EI-01\n<")), True),
    ("one-day-period", first(PERIOD + "\n      <xbrli:endDate>2022-12-31</xbrli:endDate>",
                             PERIOD + "\n      <xbrli:endDate>2022-01-01</xbrli:endDate>"), True),
    # what other software writes (mbo_xbrl.synthetic.foreign has each style over the whole filing)
    ("precision-instead", first(SAFE, SAFE.replace('decimals="1"', 'precision="3"')), True),
    ("precision-INF", first(SAFE, SAFE.replace('decimals="1"', 'precision="INF"')), True),
    ("period-with-time", first(PERIOD, "<xbrli:startDate>2022-01-01T00:00:00</xbrli:startDate>"), True),
    ("period-end-as-next-midnight", first(END, "<xbrli:endDate>2023-01-01T00:00:00</xbrli:endDate>"), True),
    ("period-with-fraction-of-a-second", first(PERIOD, "<xbrli:startDate>2022-01-01T00:00:00.000</xbrli:startDate>"),
     True),
    ("period-at-noon", first(PERIOD, "<xbrli:startDate>2022-01-01T12:00:00</xbrli:startDate>"), True),
    ("schema-ref-arcrole", first(SCHEMA_REF, SCHEMA_REF + ' xlink:arcrole="http://www.w3.org/1999/xlink/properties/'
                                                         'linkbase"'), True),
    ("schema-ref-role-and-title", first(SCHEMA_REF, SCHEMA_REF + ' xlink:role="http://example.com/role" '
                                                                'xlink:title="Voortgang"'), True),
    ("schema-location-of-the-dts", first(ROOT_TAG, ROOT_TAG + SCHEMA_LOCATION.format(
        "https://taxonomie.mbo-xbrl.nl/2024/data https://taxonomie.mbo-xbrl.nl/2024/dictionary/mbo-data.xsd")), True),
    ("schema-location-of-xbrldi", first(ROOT_TAG, ROOT_TAG + SCHEMA_LOCATION.format(
        "http://xbrl.org/2006/xbrldi http://www.xbrl.org/2006/xbrldi-2006.xsd")), True),
    ("root-with-id", first(ROOT_TAG, ROOT_TAG + 'id="filing" '), True),
    ("number-with-lang", first(SAFE, SAFE.replace("contextRef=", 'xml:lang="nl" contextRef=')), True),
    ("scenario-members-reversed", reversed_scenarios, True),
    # outside the profile or invalid: Arelle decides
    ("number-not-a-number", first(SAFE, SAFE.replace(">77.0<", ">abc<")), False),
    ("number-with-comma", first(SAFE, SAFE.replace(">77.0<", ">77,5<")), False),
    ("number-with-exponent", first(SAFE, SAFE.replace(">77.0<", ">7.7E1<")), False),
    ("number-empty", first(SAFE, SAFE.replace(">77.0<", "><")), False),
    ("boolean-yes", first(APPLIED, APPLIED.replace(">true<", ">yes<")), False),
    ("enumeration-not-listed", first(DIRECTION, ">sideways</mbo-i:OwnIndicatorDirection>"), False),
    ("enumeration-with-space", first(DIRECTION, "> higher</mbo-i:OwnIndicatorDirection>"), False),
    ("decimals-missing", first(SAFE, SAFE.replace(' decimals="1"', "")), False),
    ("decimals-fraction", first(SAFE, SAFE.replace('decimals="1"', 'decimals="1.5"')), False),
    ("precision-zero", first(SAFE, SAFE.replace('decimals="1"', 'precision="0"')), False),
    ("precision-and-decimals", first(SAFE, SAFE.replace('decimals="1"', 'decimals="1" precision="3"')), False),
    ("precision-negative", first(SAFE, SAFE.replace('decimals="1"', 'precision="-1"')), False),
    ("schema-ref-show", first(SCHEMA_REF, SCHEMA_REF + ' xlink:show="new"'), False),
    ("schema-ref-arcrole-not-a-uri", first(SCHEMA_REF, SCHEMA_REF + ' xlink:arcrole="no uri"'), False),
    ("schema-location-wrong-namespace", first(ROOT_TAG, ROOT_TAG + SCHEMA_LOCATION.format(
        "https://taxonomie.mbo-xbrl.nl/2024/types https://taxonomie.mbo-xbrl.nl/2024/dictionary/mbo-data.xsd")), False),
    ("schema-location-odd", first(ROOT_TAG, ROOT_TAG + SCHEMA_LOCATION.format(
        "https://taxonomie.mbo-xbrl.nl/2024/data")), False),
    ("period-with-timezone", first(PERIOD, "<xbrli:startDate>2022-01-01T00:00:00Z</xbrli:startDate>"), False),
    ("period-at-hour-24", first(PERIOD, "<xbrli:startDate>2022-01-01T24:00:00</xbrli:startDate>"), False),
    ("period-empty-as-date-times", first(PERIOD + "\n      <xbrli:endDate>2022-12-31</xbrli:endDate>",
                                         "<xbrli:startDate>2022-01-01T00:00:00</xbrli:startDate>\n      "
                                         "<xbrli:endDate>2022-01-01T00:00:00</xbrli:endDate>"), False),
    ("period-ends-at-its-start", first(PERIOD + "\n      <xbrli:endDate>2022-12-31</xbrli:endDate>",
                                       "<xbrli:startDate>2023-01-01T00:00:00</xbrli:startDate>\n      "
                                       "<xbrli:endDate>2022-12-31</xbrli:endDate>"), False),
    ("monetary-in-pure", first(BUDGET, BUDGET.replace('unitRef="EUR"', 'unitRef="pure"')), False),
    ("percentage-in-euro", first(SAFE, SAFE.replace('unitRef="pure"', 'unitRef="EUR"')), False),
    ("unit-missing", first(SAFE, SAFE.replace('unitRef="pure"', 'unitRef="nope"')), False),
    ("context-missing", first(APPLIED, APPLIED.replace("Y2024_StudentInitiatives", "Nowhere")), False),
    ("member-of-another-axis", first(START, START.replace("mbo-dm:StartMember", "mbo-dm:EqualTreatmentMember")),
     False),
    ("member-unknown", first(START, START.replace("mbo-dm:StartMember", "mbo-dm:NoSuchMember")), False),
    ("member-undeclared-prefix", first(START, START.replace("mbo-dm:StartMember", "nope:StartMember")), False),
    ("member-is-default", first(START, START.replace("mbo-dm:StartMember", "mbo-dm:ObjectiveTotalMember")
                                .replace("ValueKindAxis", "ObjectiveAxis")), False),
    ("dimension-repeated", first(START, START.replace("<", "<xbrldi:explicitMember dimension=\"mbo-dim:ValueKindAxis"
                                                        "\">mbo-dm:TargetMember</xbrldi:explicitMember><", 1)), False),
    ("dimension-unknown", first(START, START.replace("ValueKindAxis", "NoSuchAxis")), False),
    ("typed-member-bad-pattern", first(TYPED, TYPED.replace(">EI-01<", ">!bad!<")), False),
    ("typed-member-wrong-element", first(TYPED, TYPED.replace("mbo-types:OwnIndicatorCode>", "mbo-i:Code>")
                                         .replace("<mbo-types:OwnIndicatorCode", "<mbo-i:Code")), False),
    ("period-backwards", first(PERIOD, "<xbrli:startDate>2023-06-01</xbrli:startDate>"), False),
    ("period-not-a-date", first(PERIOD, "<xbrli:startDate>2022-13-01</xbrli:startDate>"), False),
    ("period-instant", first(PERIOD + "\n      <xbrli:endDate>2022-12-31</xbrli:endDate>",
                             "<xbrli:instant>2022-12-31</xbrli:instant>"), False),
    ("duplicate-id", first('<xbrli:unit id="pure">', '<xbrli:unit id="EUR">'), False),
    ("schema-ref-last", schema_ref_last, False),
    ("text-in-root", first(FIRST_CONTEXT_END, FIRST_CONTEXT_END + "stray text"), False),
    ("segment-in-entity", first("</xbrli:identifier>", "</xbrli:identifier><xbrli:segment><mbo-i:X>1</mbo-i:X>"
                                                       "</xbrli:segment>"), False),
    ("unknown-item", first(APPLIED, '<mbo-i:NoSuchItem contextRef="Y2024">x</mbo-i:NoSuchItem>' + APPLIED), False),
    ("fact-with-child", first(APPLIED, APPLIED.replace(">true<", "><b>true</b><")), False),
    ("unknown-attribute", first(APPLIED, APPLIED.replace("contextRef=", 'foo="1" contextRef=')), False),
    ("bad-language", first("<mbo-i:OwnIndicatorDirection ", '<mbo-i:OwnIndicatorDirection xml:lang="n l" '),
     False),
]


def _fingerprint(report: Report) -> list:
    return [f.model_dump(mode="json") for f in report.findings] + [report.stopped_at, report.problems]


@pytest.fixture(scope="module")
def engines(processor: XbrlProcessor) -> tuple[Engine, Engine]:
    return Engine(processor, fast_path=True), Engine(processor, fast_path=False)


def test_the_view_is_there_for_the_shipped_package() -> None:
    """Without a view for exactly this package nothing is fast; the test would pass vacuously."""
    assert load_view() is not None


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=[p.name for p in ALL_SAMPLES])
def test_every_sample_gets_the_same_findings_on_both_paths(sample: Path, engines: tuple[Engine, Engine]) -> None:
    fast, full = (engine.check(sample) for engine in engines)
    assert _fingerprint(fast) == _fingerprint(full)
    if fast.xbrl_validation is not None:
        assert full.xbrl_validation == "arelle"
    if sample.parent.name == "valid":
        assert fast.xbrl_validation == "compiled-view"


@pytest.mark.parametrize(("name", "mutate", "certified"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_variant_gets_the_same_findings_on_both_paths(name: str, mutate: Callable[[str], str], certified: bool,
                                                      engines: tuple[Engine, Engine]) -> None:
    data = mutate(BASE.read_text("utf-8")).encode("utf-8")
    fast, full = (engine.check_bytes(data, f"{name}.xbrl") for engine in engines)
    assert _fingerprint(fast) == _fingerprint(full)
    if fast.stopped_at not in ("file", "form", "filing-rules"):
        assert fast.xbrl_validation == ("compiled-view" if certified else "arelle")


LEXICAL = ["0", "-0", "00012.50", "+.5", "5.", " 7 ", "1e2", "NaN", "INF", "", "12a", "１２", "0x10", "--1",
           "true", "false", "1", "0", " false ", "TRUE", "yes"]


@pytest.mark.parametrize("seed", range(8))
def test_random_variants_get_the_same_findings_on_both_paths(seed: int, engines: tuple[Engine, Engine]) -> None:
    """Five facts at random get a value from a pool of valid and invalid lexical forms."""
    rng = random.Random(seed)
    text = BASE.read_text("utf-8")
    facts = list(re.finditer(r"(<mbo-i:\w+ contextRef=\"[^\"]+\"[^>]*>)([^<]*)(<)", text))
    for match in sorted(rng.sample(facts, 5), key=lambda m: m.start(), reverse=True):
        text = text[:match.start(2)] + rng.choice(LEXICAL) + text[match.end(2):]
    fast, full = (engine.check_bytes(text.encode("utf-8"), f"random-{seed}.xbrl") for engine in engines)
    assert _fingerprint(fast) == _fingerprint(full)


@pytest.mark.parametrize("style", [*STYLES, "all"])
def test_a_filing_as_other_software_writes_it_is_certified_with_the_findings_of_arelle(
        style: str, engines: tuple[Engine, Engine]) -> None:
    """Each style of mbo_xbrl.synthetic.foreign over a whole filing with findings (and all at once): still fast."""
    sample = ROOT / "samples" / "invalid" / "MBO-B002-budget-does-not-add-up.xbrl"
    data = restyle(sample.read_bytes(), STYLES if style == "all" else [style])
    fast, full = (engine.check_bytes(data, f"{style}.xbrl") for engine in engines)
    assert _fingerprint(fast) == _fingerprint(full) and fast.findings
    assert fast.xbrl_validation == "compiled-view"
