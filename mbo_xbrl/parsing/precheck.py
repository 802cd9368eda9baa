"""The layers before Arelle: bytes, XML, XBRL form and the taxonomy-independent filing rules.

Each layer stops the next when it fails, so a file that is not XML gets one finding, not a
thousand, and a filing that refers outside our taxonomy is never handed to Arelle.
The XML parser never resolves entities, never loads a DTD and never uses the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from mbo_xbrl.limits import Limits
from mbo_xbrl.parsing.instance import RawInstance, read_instance
from mbo_xbrl.parsing.structure import excess_before_parse, excess_in_tree, out_of_memory
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer
from mbo_xbrl.rules.registry import rules_in_layer
from mbo_xbrl.rules.structure.s001_not_wellformed import problem, unreadable_xml
from mbo_xbrl.rules.structure.s002_not_an_instance import not_an_instance
from mbo_xbrl.rules.structure.s003_unknown_entry_point import unknown_entry_point
from mbo_xbrl.rules.structure.s005_doctype import doctype
from mbo_xbrl.rules.structure.s006_file_too_large import file_too_large
from mbo_xbrl.rules.structure.s008_structure_beyond_limits import structure_beyond_limits


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, collect_ids=False)



@dataclass
class Prechecked:
    """What the layers before Arelle found, and how far the file got."""

    findings: list[Finding] = field(default_factory=list)
    root: etree._Element | None = None
    raw: RawInstance | None = None
    stopped_at: Layer | None = None  # the layer whose failure stopped the check, if any

    @property
    def ready_for_xbrl(self) -> bool:
        return self.stopped_at is None


def precheck(data: bytes, limits: Limits | int) -> Prechecked:
    """The layers before Arelle; `limits` may be just the size limit in bytes."""
    limits = limits if isinstance(limits, Limits) else Limits(max_bytes=limits)
    max_bytes = limits.max_bytes
    result = Prechecked()

    def stop(findings: list[Finding], layer: Layer) -> bool:
        result.findings += findings
        if findings:
            result.stopped_at = layer
        return bool(findings)

    if stop(file_too_large.check(len(data), max_bytes), Layer.FILE):
        return result
    if stop(doctype.check(data), Layer.FILE):
        return result
    if stop(unreadable_xml.check(data), Layer.FILE):
        return result
    excess = excess_before_parse(data, limits)
    if excess is not None:
        stop(structure_beyond_limits.check(*excess), Layer.FORM)
        return result
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as err:
        if out_of_memory(err):
            raise MemoryError("the XML parser ran out of memory") from None
        stop([problem("syntax", line=err.lineno, detail=str(err.msg or err))], Layer.FILE)
        return result
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        entities = bool(docinfo.internalDTD is not None and list(docinfo.internalDTD.iterentities()))
        stop([doctype.finding(line=1, entities=entities,
                              entities_nl=" met entiteitdeclaraties" if entities else "",
                              entities_en=" with entity declarations" if entities else "")], Layer.FILE)
        return result
    result.root = root
    if stop(not_an_instance.check(root), Layer.FORM):
        return result
    excess = excess_in_tree(root, limits)
    if excess is not None:
        stop(structure_beyond_limits.check(*excess), Layer.FORM)
        return result
    # Declared on the root only (every "xmlns" in the file is one of the root's): QNames resolve once each.
    result.raw = read_instance(root, uniform_namespaces=data.count(b"xmlns") == len(root.nsmap))
    form = unknown_entry_point.check(result.raw)
    filing_rules = [f for rule in rules_in_layer(Layer.FILING_RULES) for f in rule.check(result.raw)]
    result.findings += form + filing_rules
    if form:
        result.stopped_at = Layer.FORM
    elif any(f.severity is Severity.ERROR for f in filing_rules):
        result.stopped_at = Layer.FILING_RULES  # the root cause; Arelle would only repeat it
    return result
