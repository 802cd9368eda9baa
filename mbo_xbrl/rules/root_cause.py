"""Root cause first: findings that follow from another finding say so (`caused_by`), so a report can show
the cause once, first, with what it causes grouped under it.

An objective without its works-on declaration (MBO-C006) is in scope by default: completeness then asks
for all of it, and every missing target, start value, realisation, budget and apply-or-explain choice of
that objective is a consequence. Declaring the objective (works on it: yes or no) settles them or makes
them real gaps.
"""

from __future__ import annotations

from collections.abc import Iterable

from mbo_xbrl.report.model import Finding

UNDECLARED = "MBO-C006"
# Findings a missing declaration causes for its objective: what completeness asks of an objective in scope.
FOLLOWS_FROM_UNDECLARED = frozenset({"MBO-C001", "MBO-C002", "MBO-C003", "MBO-B001", "MBO-M003"})


def with_causes(findings: Iterable[Finding]) -> list[Finding]:
    """The findings, those that follow from a missing works-on declaration marked with `caused_by`."""
    findings = list(findings)
    undeclared = {f.objective for f in findings if f.code == UNDECLARED and f.objective}
    if not undeclared:
        return findings
    return [f.model_copy(update={"caused_by": UNDECLARED})
            if f.code in FOLLOWS_FROM_UNDECLARED and f.objective in undeclared else f for f in findings]
