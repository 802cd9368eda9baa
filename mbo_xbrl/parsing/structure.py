"""What the XML parser says about memory: a failed allocation must read as the memory limit.

The structural limits themselves (elements, facts, contexts, units, attributes per element,
namespace declarations, depth) are counted while the document streams past, in
`mbo_xbrl.parsing.stream`, so a file of millions of elements is refused before any tree of it
is built.
"""

from __future__ import annotations

import io

from lxml import etree


def out_of_memory(err: etree.XMLSyntaxError) -> bool:
    """libxml2 reports a failed allocation as a syntax error ("unknown error", ERR_NO_MEMORY).

    Under the memory cap of a check process that is what a large file meets: it must become a
    MemoryError (MBO-S007), never a finding that the XML is not well-formed.
    """
    no_memory = etree.ErrorTypes.ERR_NO_MEMORY
    return err.code == no_memory or any(entry.type == no_memory for entry in err.error_log)


def element_estimate(data: bytes) -> int:
    """An upper bound of the elements in a document, counted in C (see `too_many_elements`)."""
    return data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")


def too_many_elements(data: bytes, max_elements: int, estimate: int | None = None) -> int | None:
    """The number of elements when it is over the limit (counted up to one past it), else None.

    Every element has one start tag; '<' also opens end tags, declarations, comments and processing
    instructions, and may stand in comments and CDATA, so a count of it is an upper bound: a real
    filing is far under the limit by that bound alone. Over it, the elements are counted exactly by
    a streaming parse that keeps no tree. `estimate`: `element_estimate(data)`, when the caller has it.
    """
    estimate = element_estimate(data) if estimate is None else estimate
    if estimate <= max_elements:
        return None
    counted = 0
    parser = etree.iterparse(io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True,
                             load_dtd=False, huge_tree=False)
    try:
        for _, element in parser:
            counted += 1
            if counted > max_elements:
                return counted
            element.clear(keep_tail=False)  # memory stays flat however many there are
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as err:
        if out_of_memory(err):
            raise MemoryError("the XML parser ran out of memory") from None
        return None  # not well-formed: the parse that follows reports it
    return None


def root_namespaces(data: bytes) -> dict[str | None, str] | None:
    """The namespaces declared on the root element (read up to its start tag only), or None when the
    document has no root element that far."""
    try:
        for _, root in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False,
                                       no_network=True, load_dtd=False, huge_tree=False):
            return dict(root.nsmap)
    except etree.XMLSyntaxError:
        return None
    return None
