"""How large a document is, counted cheaply, so that limits hold before anything costly reads it.

`excess_before_parse` looks at the bytes only (a count of start tags, confirmed by a streaming
count that keeps no tree), so a file of millions of elements is refused before lxml builds a tree
of it. `excess_in_tree` counts facts, contexts, units, attributes per element, namespace
declarations and depth with XPath, which lxml evaluates in C: microseconds for a real filing.
Each returns what is over its limit as (what, counted, limit), or None.
"""

from __future__ import annotations

import io

from lxml import etree

from mbo_xbrl.limits import Limits

XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"

Excess = tuple[str, int, int]


def out_of_memory(err: etree.XMLSyntaxError) -> bool:
    """libxml2 reports a failed allocation as a syntax error ("unknown error", ERR_NO_MEMORY).

    Under the memory cap of a check process that is what a large file meets: it must become a
    MemoryError (MBO-S007), never a finding that the XML is not well-formed.
    """
    no_memory = etree.ErrorTypes.ERR_NO_MEMORY
    return err.code == no_memory or any(entry.type == no_memory for entry in err.error_log)


def excess_before_parse(data: bytes, limits: Limits) -> Excess | None:
    """Too many elements, counted without building a tree."""
    # Every element has one start tag; '<' also opens end tags, declarations, comments and
    # processing instructions, and may stand in comments and CDATA, so this is an upper bound.
    estimate = data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
    if estimate <= limits.max_elements:
        return None
    counted = 0
    parser = etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    try:
        for _, element in parser:
            counted += 1
            if counted > limits.max_elements:
                return ("elements", counted, limits.max_elements)
            element.clear(keep_tail=False)  # keep no tree: memory stays flat however many there are
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as err:
        if out_of_memory(err):
            raise MemoryError("the XML parser ran out of memory") from None
        return None  # not well-formed: the parse that follows reports it
    return None


def excess_in_tree(root: etree._Element, limits: Limits) -> Excess | None:
    """Too many facts, contexts, units, attributes on one element, namespace declarations, or too deep."""
    contexts = int(root.xpath("count(xbrli:context)", namespaces={"xbrli": XBRLI}))
    if contexts > limits.max_contexts:
        return ("contexts", contexts, limits.max_contexts)
    units = int(root.xpath("count(xbrli:unit)", namespaces={"xbrli": XBRLI}))
    if units > limits.max_units:
        return ("units", units, limits.max_units)
    facts = int(root.xpath("count(*[namespace-uri() != $xbrli and namespace-uri() != $link])", xbrli=XBRLI, link=LINK))
    if facts > limits.max_facts:
        return ("facts", facts, limits.max_facts)
    if len(root.nsmap) > limits.max_attributes:
        return ("attributes", len(root.nsmap), limits.max_attributes)
    crowded = root.xpath("(//*[count(@*) > $n])[1]", n=limits.max_attributes)
    if crowded:
        return ("attributes", len(crowded[0].attrib), limits.max_attributes)
    if root.xpath("/" + "/".join(["*"] * (limits.max_depth + 1))):
        return ("depth", limits.max_depth + 1, limits.max_depth)
    return None
