"""MBO-S002: the XML document is not an XBRL instance."""

from __future__ import annotations

from lxml import etree

from mbo_xbrl.parsing.instance import XBRLI
from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

XHTML = "http://www.w3.org/1999/xhtml"
KINDS = {
    "{http://www.w3.org/2001/XMLSchema}schema": ("een XML-schema (taxonomie)", "an XML schema (taxonomy)"),
    "{http://www.xbrl.org/2003/linkbase}linkbase": ("een linkbase", "a linkbase"),
    "{http://xbrl.org/2005/conformance}testcase": ("een XBRL-testcase", "an XBRL test case"),
    f"{{{XHTML}}}html": ("een XHTML-document zonder Inline XBRL (geen ix:header en geen gelabelde feiten)",
                         "an XHTML document without Inline XBRL (no ix:header and no tagged facts)"),
}


@rule(
    code="MBO-S002", name="not-an-xbrl-instance", layer=Layer.FORM, severity=Severity.ERROR,
    message_nl="Dit is geen XBRL-instance: het hoofdelement is <{root_name}>, dus {kind_nl}.",
    message_en="This is not an XBRL instance: the root element is <{root_name}>, so {kind_en}.",
    fix_nl="Lever het XBRL-instance-bestand aan (hoofdelement xbrli:xbrl), of de voortgangsparagraaf als Inline XBRL "
           "(een XHTML-document met ix:header, bijvoorbeeld gemaakt met mbo-xbrl render).",
    fix_en="Submit the XBRL instance file (root element xbrli:xbrl), or the progress section as Inline XBRL (an XHTML "
           "document with ix:header, as mbo-xbrl render makes it).",
    why_nl="Een voortgangsrapportage is één XBRL-instance; een taxonomiebestand of ander document in plaats "
           "daarvan wordt benoemd, zodat de afzender niet hoeft te raden.",
)
def not_an_instance(tag: str, line: int | None = None) -> list[Finding]:
    """A progress filing is one XBRL 2.1 instance document (root xbrli:xbrl).

    Taxonomy files, test cases and inline XBRL reports are XML too; telling which one was
    submitted instead saves the sender a guess.
    """
    if tag == f"{{{XBRLI}}}xbrl":
        return []
    nl, en = KINDS.get(tag, ("een ander soort XML-document", "another kind of XML document"))
    return [not_an_instance.finding(root=tag, root_name=etree.QName(tag).localname, kind_nl=nl, kind_en=en,
                                    line=line)]
