"""MBO-S013: more than one institution, or an identifier that is not an institution code."""

from __future__ import annotations

import re
from collections import Counter

from mbo_xbrl.parsing.instance import RawInstance
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule
from mbo_xbrl.taxonomy.releases import CURRENT

INSTITUTION_CODE = re.compile(r"^[0-9]{2}[A-Z]{2}$")
PROBLEMS = {
    "several": ("de contexten noemen {count} instellingen: {identifiers}",
                "the contexts name {count} institutions: {identifiers}"),
    "not_a_code": ("'{identifier}' is geen instellingscode (twee cijfers en twee hoofdletters, zoals 25AB)",
                   "'{identifier}' is not an institution code (two digits and two capitals, like 25AB)"),
    "scheme": ("het schema van de identificatie is {scheme}, niet {expected}",
               "the identifier scheme is {scheme}, not {expected}"),
}


@rule(
    code="MBO-S013", name="institution-identity", layer=Layer.FILING_RULES, severity=Severity.ERROR,
    message_nl="De instelling is niet eenduidig: {problem_nl}.",
    message_en="The institution is not unambiguous: {problem_en}.",
    fix_nl="Gebruik in elke context dezelfde identificatie: de instellingscode (BRIN) met schema {expected}; "
           "lever per instelling een eigen bestand aan.",
    fix_en="Use the same identifier in every context: the institution code (BRIN) with scheme {expected}; "
           "submit one file per institution.",
    why_nl="Alle gegevens in een aanlevering horen bij één instelling, aangeduid met haar instellingscode "
           "(BRIN).",
)
def institution_identity(raw: RawInstance) -> list[Finding]:
    """Every fact of a filing belongs to one institution, named by its DUO institution code (BRIN).

    The store keys everything on it: a filing that mixes institutions, or names one by something
    else, cannot be attributed.
    """
    expected = CURRENT.entity_scheme
    findings = []

    def add(problem: str, line: int | None, context: str | None = None, **values: object) -> None:
        findings.append(institution_identity.problem(PROBLEMS, problem, expected=expected, line=line,
                                                     context=context, **values))

    identities: dict[tuple[str, str], str] = {}
    counts: Counter[str] = Counter()
    for c in raw.contexts.values():
        identities.setdefault((c.scheme.strip(), c.identifier.strip()), c.id)
        counts[c.identifier.strip()] += 1
    if len(counts) > 1:
        names = sorted(counts)
        rarest = min(counts, key=lambda name: (counts[name], name))
        first = next(c for c in raw.contexts.values() if c.identifier.strip() == rarest)
        add("several", first.line, first.id, count=len(names), identifiers=", ".join(names))
    reported: set[str] = set()
    for (scheme, identifier), context_id in identities.items():
        context = raw.contexts[context_id]
        if not INSTITUTION_CODE.match(identifier) and identifier not in reported:
            reported.add(identifier)
            add("not_a_code", context.line, context.id, identifier=identifier)
        if scheme != expected:
            add("scheme", context.line, context.id, scheme=scheme)
    return findings
