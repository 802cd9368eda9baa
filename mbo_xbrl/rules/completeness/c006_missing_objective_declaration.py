"""MBO-C006: no declaration whether the institution works on an objective."""

from __future__ import annotations

from mbo_xbrl.parsing.filing import Filing
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, RuleContext, rule
from mbo_xbrl.rules.describe import data_concepts, objective_args
from mbo_xbrl.taxonomy import names
from mbo_xbrl.taxonomy.concepts import qname


@rule(
    code="MBO-C006", name="missing-objective-declaration", layer=Layer.SEMANTIC, severity=Severity.ERROR, funded_only=True,
    concepts=data_concepts(names.WORKS_ON_OBJECTIVE),
    message_nl="Niet aangegeven of de instelling werkt aan doelstelling {objective} '{objective_nl}'.",
    message_en="Not declared whether the institution works on objective {objective} '{objective_en}'.",
    fix_nl="Geef bij doelstelling {objective} aan of de instelling eraan werkt (ja of nee); tot dan worden alle "
           "indicatoren, begrotingen en maatregelen ervan gevraagd.",
    fix_en="Declare for objective {objective} whether the institution works on it (yes or no); until then all its "
           "indicators, budgets and measures are asked for.",
    why_nl="De keuze per doelstelling bepaalt wat er gevraagd wordt; zonder die keuze kan de controle een gat "
           "niet van een keuze onderscheiden en vraagt zij alles.",
)
def missing_objective_declaration(filing: Filing, ctx: RuleContext) -> list[Finding]:
    """The per-objective declaration scopes completeness, like filing indicators in EBA reporting.

    Without it the engine cannot tell a gap from a choice; it then asks for everything, and says
    why.
    """
    concept = qname("data", names.WORKS_ON_OBJECTIVE).prefixed
    return [missing_objective_declaration.finding(concept=concept, **objective_args(ctx.catalogue, o.code))
            for o in ctx.catalogue.objectives if o.code not in filing.works_on]
