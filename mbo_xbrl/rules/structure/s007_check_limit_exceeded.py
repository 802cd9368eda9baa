"""MBO-S007: checking the file took more time or memory than the limit per file allows."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

PROBLEMS = {
    "time": ("de controle duurde langer dan {limit:num} seconden en is gestopt",
             "checking took longer than {limit:num} seconds and was stopped"),
    "memory": ("de controle had meer dan {limit:int} MB geheugen nodig en is gestopt",
               "checking needed more than {limit:int} MB of memory and was stopped"),
}


@rule(
    code="MBO-S007", name="check-limit-exceeded", layer=Layer.FILE, severity=Severity.ERROR,
    message_nl="Het bestand is niet volledig gecontroleerd: {problem_nl}.",
    message_en="The file was not checked completely: {problem_en}.",
    fix_nl="Een voortgangsrapportage is in een paar seconden gecontroleerd. Controleer of dit het juiste bestand is "
           "en exporteer het opnieuw; neem contact op met OCW als een gewone rapportage deze melding krijgt.",
    fix_en="A progress filing is checked in a few seconds. Check that this is the right file and export it "
           "again; contact OCW if an ordinary filing gets this finding.",
    why_nl="Een tijdgrens en een geheugengrens per bestand voorkomen dat één afwijkend bestand een hele "
           "verwerking stillegt.",
)
def check_limit_exceeded(kind: str, limit: float) -> list[Finding]:
    """A time limit and a memory cap per file keep one pathological file from stopping a whole run.

    Each file is checked in a process of its own with a memory cap; a check that runs past the
    time limit (default 120 seconds) is stopped, and one that needs more memory than the cap
    (default 2,048 MB) fails alone. The run goes on with the next file. Both limits can be set
    (`--timeout`, `--max-memory`, or MBO_XBRL_TIMEOUT and MBO_XBRL_MAX_MEMORY); a nightly ingest
    checks a file stopped this way again on its next run.
    """
    return [check_limit_exceeded.problem(PROBLEMS, kind, limit=f"{limit:g}")]
