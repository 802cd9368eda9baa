"""The layers before Arelle: bytes, XML, XBRL form and the taxonomy-independent filing rules.

Each layer stops the next when it fails, so a file that is not XML gets one finding, not a
thousand, and a filing that refers outside our taxonomy is never handed to Arelle. The parsing layer
says what it saw (`mbo_xbrl.parsing.stream`); the findings are made here, by the rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from lxml import etree

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.instance import RawInstance
from mbo_xbrl.parsing.stream import Stream
from mbo_xbrl.parsing.structure import out_of_memory
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer
from mbo_xbrl.rules.registry import rules_in_layer
from mbo_xbrl.rules.structure.s001_not_wellformed import problem, unreadable_xml
from mbo_xbrl.rules.structure.s002_not_an_instance import not_an_instance
from mbo_xbrl.rules.structure.s003_unknown_entry_point import unknown_entry_point
from mbo_xbrl.rules.structure.s005_doctype import doctype, doctype_at
from mbo_xbrl.rules.structure.s006_file_too_large import file_too_large
from mbo_xbrl.rules.structure.s008_structure_beyond_limits import structure_beyond_limits
from mbo_xbrl.taxonomy.view import TaxonomyView


@dataclass
class Prechecked:
    """What the layers before Arelle found, and how far the file got."""

    findings: list[Finding] = field(default_factory=list)
    raw: RawInstance | None = None
    stopped_at: Layer | None = None  # the layer whose failure stopped the check, if any
    certified: str | None = "not certified"  # None when the fast path certified the instance, else why not
    elements: int = 0  # an upper bound of the elements of the file (`element_estimate`), once it is streamed

    @property
    def ready_for_xbrl(self) -> bool:
        return self.stopped_at is None


def precheck(data: bytes, limits: Limits | int, view: TaxonomyView | Mapping[str, TaxonomyView] | None = None) -> Prechecked:
    """The layers before Arelle; `limits` may be just the size limit in bytes. With a `view` (or the views by
    entry point), the instance is also certified on the way (the fast path, see `certify`): `certified` says
    whether it was."""
    limits = limits if isinstance(limits, Limits) else Limits(max_bytes=limits)
    result = Prechecked()

    def stop(findings: list[Finding], layer: Layer) -> bool:
        result.findings += findings
        if findings:
            result.stopped_at = layer
        return bool(findings)

    if stop(file_too_large.check(len(data), limits.max_bytes), Layer.FILE):
        return result
    if stop(doctype.check(data), Layer.FILE):
        return result
    if stop(unreadable_xml.check(data), Layer.FILE):
        return result
    try:
        streamed = Stream(limits, view).read(data)
    except etree.XMLSyntaxError as err:
        if out_of_memory(err):
            raise MemoryError("the XML parser ran out of memory") from None
        stop([problem("syntax", line=err.lineno, detail=str(err.msg or err))], Layer.FILE)
        return result
    if streamed.doctype is not None:
        stop([doctype_at(*streamed.doctype)], Layer.FILE)
        return result
    if streamed.root is not None:
        stop(not_an_instance.check(*streamed.root), Layer.FORM)
        return result
    if streamed.excess is not None:
        stop(structure_beyond_limits.check(*streamed.excess), Layer.FORM)
        return result
    result.raw, result.elements = streamed.reader.raw, streamed.elements
    result.certified = streamed.certifier.reason if streamed.certifier is not None else "the fast path is off"
    form = unknown_entry_point.check(result.raw)
    filing_rules = [f for rule in rules_in_layer(Layer.FILING_RULES) for f in rule.check(result.raw)]
    result.findings += form + filing_rules
    if form:
        result.stopped_at = Layer.FORM
    elif any(f.severity is Severity.ERROR for f in filing_rules):
        result.stopped_at = Layer.FILING_RULES  # the root cause; Arelle would only repeat it
    return result
