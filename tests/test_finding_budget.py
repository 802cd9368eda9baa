"""A report lists at most `max_findings` findings of one rule; the rest are counted, so the verdict and the counts
stay whole while a mistake repeated a hundred thousand times costs no more memory than a thousand."""

from __future__ import annotations

import json
import re

from mbo_xbrl.engine import Engine
from mbo_xbrl.limits import Limits
from mbo_xbrl.report.model import Severity
from mbo_xbrl.report.render import report_dict, report_text
from mbo_xbrl.taxonomy.processor import XbrlProcessor
from tests.test_fast_path import BASE, VARIANTS

INVALID = {name: mutate for name, mutate, certified in VARIANTS if not certified}


def with_unused_contexts(count: int) -> bytes:
    text = BASE.read_text("utf-8")
    context = re.search(r'  <xbrli:context id="Y2024">.*?</xbrli:context>\n', text, re.S).group(0)
    extra = "".join(context.replace('id="Y2024"', f'id="Unused{i}"') for i in range(count))
    return text.replace(context, context + extra, 1).encode("utf-8")


def test_past_the_budget_findings_are_counted_not_listed(processor: XbrlProcessor) -> None:
    data = with_unused_contexts(25)
    whole = Engine(processor).check_bytes(data, "unused.xbrl")
    capped = Engine(processor, limits=Limits(max_findings=10)).check_bytes(data, "unused.xbrl")
    listed = [f for f in capped.findings if f.code == "MBO-S011"]
    assert len([f for f in whole.findings if f.code == "MBO-S011"]) == 25
    assert len(listed) == 10 and listed == [f for f in whole.findings if f.code == "MBO-S011"][:10]
    assert [(u.code, u.severity, u.count) for u in capped.unlisted] == [("MBO-S011", Severity.WARNING, 15)]
    assert capped.count(Severity.WARNING) == whole.count(Severity.WARNING) and capped.valid == whole.valid
    data_json = json.loads(json.dumps(report_dict(capped, "en")))
    assert data_json["unlisted"] == [{"code": "MBO-S011", "severity": "warning", "count": 15}]
    assert data_json["counts"]["warning"] == 25
    text = report_text(capped, "nl")
    assert "nog 15× WAARSCHUWING MBO-S011, naast de 10 hieronder" in text
    assert "25 waarschuwingen" in text


def test_an_error_past_the_budget_still_rejects(processor: XbrlProcessor) -> None:
    """Two XBRL errors of one rule, a budget of one: the second is unlisted, and still counted as an error."""
    text = BASE.read_text("utf-8")
    for name in ("number-not-a-number", "enumeration-not-listed"):
        text = INVALID[name](text)
    data = text.encode("utf-8")
    whole = Engine(processor).check_bytes(data, "two.xbrl")
    capped = Engine(processor, limits=Limits(max_findings=1)).check_bytes(data, "two.xbrl")
    errors = whole.count(Severity.ERROR)
    assert errors >= 2 and not whole.valid
    assert not capped.valid and capped.count(Severity.ERROR) == errors
    assert all(sum(f.code == code for f in capped.findings) <= 1 for code in {f.code for f in capped.findings})
    assert ("MBO-S004", Severity.ERROR) in {(u.code, u.severity) for u in capped.unlisted}


def test_the_budget_is_a_limit_like_the_others() -> None:
    assert Limits().max_findings == 1_000
    assert Limits.from_env({"MBO_XBRL_MAX_FINDINGS": "50"}).max_findings == 50
