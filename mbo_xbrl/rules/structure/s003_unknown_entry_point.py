"""MBO-S003: unknown or unsupported entry point, or a reference to anything outside our taxonomy."""

from __future__ import annotations

from mbo_xbrl.parsing.instance import RawInstance
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule
from mbo_xbrl.taxonomy.releases import ENTRY_POINTS, LATEST, RELEASES, release_of

OUR_BASES = tuple(release.base_url for release in RELEASES.values())
# XBRL International's standard schemas: Arelle has them bundled, offline.
STANDARD_BASES = ("http://www.xbrl.org/", "http://xbrl.org/")
PROBLEMS = {
    "no_schema_ref": ("er is geen schemaRef", "there is no schemaRef"),
    "several_schema_refs": ("er zijn {count} schemaRefs, er mag er één zijn", "there are {count} schemaRefs, one is allowed"),
    "unknown_entry_point": ("de schemaRef wijst naar {href}, geen bekend entrypoint",
                            "the schemaRef points to {href}, not a known entry point"),
    "external": ("een {kind} verwijst naar {href}, buiten de mbo-taxonomie; dat wordt niet gelezen",
                 "a {kind} refers to {href}, outside the mbo taxonomy; it is not read"),
    "xml_base": ("xml:base wordt gebruikt; dat kan verwijzingen omleiden en is niet toegestaan",
                 "xml:base is used; it can redirect references and is not allowed"),
}


@rule(
    code="MBO-S003", name="unknown-entry-point", layer=Layer.FORM, severity=Severity.ERROR,
    message_nl="De instance verwijst niet (alleen) naar het entrypoint van de mbo-taxonomie: {problem_nl}.",
    message_en="The instance does not refer to (only) the mbo taxonomy entry point: {problem_en}.",
    fix_nl="Gebruik precies één link:schemaRef met als href het entrypoint van de release van het verslagjaar "
           "({entry_point}; elke release: {entry_points}) en verwijder andere verwijzingen "
           "(linkbaseRef, schemaLocation, externe locators).",
    fix_en="Use exactly one link:schemaRef whose href is the entry point of the reporting year's release "
           "({entry_point}; every release: {entry_points}) and remove other references "
           "(linkbaseRef, schemaLocation, external locators).",
    why_nl="Een aanlevering noemt precies één entrypoint van de mbo-taxonomie en verwijst nergens anders heen, "
           "zodat iedereen haar op dezelfde manier leest.",
)
def unknown_entry_point(raw: RawInstance) -> list[Finding]:
    """A filing must name exactly one entry point of the mbo taxonomy, and nothing else outside it.

    Every other reference — a remote URL, an absolute path, file://, a linkbaseRef or a
    schemaLocation hint — is refused before any XBRL processing, so the engine never reads another
    local file or reaches the network on a filing's say-so. Each release has its own entry point; a
    filing refers to the files of the release its schemaRef names only.
    """
    findings: list[Finding] = []
    release = release_of(raw.references)
    entry_point = (release or LATEST).entry_point_url
    # only the files of the release the schemaRef names: a filing is read against one release, never two
    bases = (release.base_url,) if release is not None else OUR_BASES

    def add(problem: str, line: int | None, **values: object) -> None:
        findings.append(unknown_entry_point.problem(PROBLEMS, problem, entry_point=entry_point,
                                                    entry_points=", ".join(sorted(ENTRY_POINTS)), line=line, **values))

    schema_refs = [r for r in raw.references if r.kind == "schemaRef"]
    if not schema_refs:
        add("no_schema_ref", None)
    elif len(schema_refs) > 1:
        add("several_schema_refs", schema_refs[1].line, count=len(schema_refs))
    for ref in schema_refs:
        if ref.href not in ENTRY_POINTS:
            add("unknown_entry_point", ref.line, href=ref.href)
    for ref in raw.references:
        if ref.kind == "schemaRef":
            continue
        allowed = ref.href.startswith("#") or (
            ref.kind in ("roleRef", "arcroleRef", "schemaLocation") and ref.href.startswith(bases)) or (
            ref.kind == "schemaLocation" and ref.href.startswith(STANDARD_BASES))
        if not allowed:
            add("external", ref.line, kind=ref.kind, href=ref.href)
    for line in raw.xml_base:
        add("xml_base", line)
    return findings
