"""A large instance in parts that Arelle validates one at a time, so that its model never holds the whole filing.

Arelle keeps a model of every element of an instance: about 2.5 KB each, so a filing near the size limit
(some 100,000 facts, over 400,000 elements) would take it 1 to 2 GB. What XBRL 2.1 and Dimensions 1.0 check
of an instance is local: a fact against its concept, its context, its unit and the DTS; a context or a unit
against itself. So a large instance is validated in parts. Each part is the document itself, with its
prologue, the root's start tag (namespaces, attributes) and every reference (`link:schemaRef`, ...), and a
share of the facts with exactly the contexts and units they refer to. Every other child of the root is
replaced by as many line ends as it spanned, so each line Arelle names is the line in the file. The facts
of one context go into one part, so a context is validated once; those no fact refers to fill parts of their own.

Some checks do cross the children of the root. Where one could, the instance is validated whole instead
(`plan` gives None):
* an id (`id` or `xml:id`) that appears twice: the duplicate is only seen with both;
* a footnote link (it points at facts by id), or a child of the root that is neither a reference, a
  context, a unit nor a fact;
* text other than white space directly in the root;
* a reference (`link:schemaRef`, ...) after a context, unit or fact: the root's content model orders them;
* a document expat cannot read with namespaces (lxml, which checked it, is more lenient).
Calculation, essence-alias and requires-element relationships would bind facts across parts too; the DTS
of every filing that reaches Arelle is one of our packages (MBO-S003 refuses any other reference), and
they have none (tests/test_parts.py proves it).

The planning pass is expat's, from the stdlib: it gives the byte offset and line of every element, which
lxml does not, and holds nothing but the plan. It never loads a DTD or an external entity, and a DOCTYPE
never reaches it (MBO-S005 refuses one first).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from xml.parsers import expat

from mbo_xbrl.parsing.instance import LINK, XBRLI, XML_NS

# The elements of one part: with Arelle's ~2.5 KB per element, a part of this size keeps its model near 100 MB
# (more when every fact in it has an error: Arelle keeps an exception with each); a model per part costs ~65 ms.
PART_ELEMENTS = 40_000
_SEPARATOR = " "
_REFERENCES = {f"{LINK} {name}" for name in ("schemaRef", "linkbaseRef", "roleRef", "arcroleRef")}
_CONTEXT, _UNIT = f"{XBRLI} context", f"{XBRLI} unit"
_XML_ID = f"{XML_NS} id"
_WHITE_SPACE = " \t\r\n"
_REFERENCE, _CONTEXT_KIND, _UNIT_KIND, _FACT = 0, 1, 2, 3


@dataclass
class Plan:
    """Where each child of the root lies in the file, and which children each part holds."""

    head: int  # the byte offset of the first child of the root: all before it is in every part
    tail: int  # the byte offset of the root's end tag: all from it is in every part
    starts: array  # byte offset of each child of the root
    lines: array  # the line each child starts on, and (last) the line of the root's end tag
    parts: list[list[int]]  # per part, the children it holds, in document order

    def __len__(self) -> int:
        return len(self.parts)

    def part(self, fd: int, number: int) -> bytes:
        """The bytes of one part, read from the file `fd` (read with `os.pread`: the file's offset is untouched):
        each run of children it holds read at once, each run of children it leaves out one run of line ends."""
        count = len(self.starts)
        chunks = [os.pread(fd, self.head, 0)]
        written = 0  # the children before this one are written (or padded)
        for first, last in _runs(self.parts[number]):
            chunks.append(b"\n" * (self.lines[first] - self.lines[written]))
            end = self.starts[last + 1] if last + 1 < count else self.tail
            chunks.append(os.pread(fd, end - self.starts[first], self.starts[first]))
            written = last + 1
        chunks.append(b"\n" * (self.lines[count] - self.lines[written]))
        chunks.append(os.pread(fd, os.fstat(fd).st_size - self.tail, self.tail))
        return b"".join(chunks)

    def halves(self) -> tuple[list[int], list[int]]:
        """The part numbers in two lists of about as many bytes each (a part's cost in Arelle goes with its size),
        each in order: the first has part 0."""
        count = len(self.starts)
        sizes = [sum((self.starts[last + 1] if last + 1 < count else self.tail) - self.starts[first]
                     for first, last in _runs(children)) for children in self.parts]
        halves: tuple[list[int], list[int]] = ([], [])
        loads = [0, 0]
        for number in sorted(range(len(sizes)), key=sizes.__getitem__, reverse=True):
            lighter = 0 if loads[0] <= loads[1] else 1
            halves[lighter].append(number)
            loads[lighter] += sizes[number]
        first, second = sorted(halves[0]), sorted(halves[1])
        return (first, second) if not first or not second or first[0] == 0 else (second, first)


def _runs(indices: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in a sorted list."""
    first = previous = None
    for index in indices:
        if previous is not None and index != previous + 1:
            yield first, previous
            first = None
        if first is None:
            first = index
        previous = index
    if first is not None:
        yield first, previous


class _Reader:
    """One expat pass: the children of the root, their kind, ids and references, and their size in elements.

    Its handlers run once per element of the file, so they do as little as they can: below the children of
    the root only ids and references are looked at, and text only directly in the root."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate(namespace_separator=_SEPARATOR)
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.depth = 0
        self.whole: str | None = None  # why the instance must be validated whole
        self.starts, self.lines = array("q"), array("q")
        self.kinds = bytearray()
        self.sizes = array("q")  # elements per child
        self.ids: dict[str, int] = {}  # an id's child; a context's or unit's id finds its child here
        self.refers: list[tuple[str, ...]] = []  # per child: the contexts and units a fact refers to (by id)
        self.tail = -1
        self.tail_line = -1
        self._size = 0
        self._refs: list[str] = []

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth > 2:
            self._size += 1
            if attrs:
                self._attributes(attrs)
            return
        parser = self.parser
        if self.depth == 1:
            parser.CharacterDataHandler = self.text
            return
        self._close_child()
        parser.CharacterDataHandler = None
        self.starts.append(parser.CurrentByteIndex)
        self.lines.append(parser.CurrentLineNumber)
        self._size = 1
        if name in _REFERENCES:
            kind = _REFERENCE
            if any(k != _REFERENCE for k in self.kinds[-1:]):
                self.whole = self.whole or "a reference after a context, unit or fact"
        elif name == _CONTEXT:
            kind = _CONTEXT_KIND
        elif name == _UNIT:
            kind = _UNIT_KIND
        else:
            kind = _FACT
            if name.startswith((XBRLI + _SEPARATOR, LINK + _SEPARATOR)) or _SEPARATOR not in name:
                self.whole = self.whole or f"a child of the root that is no reference, context, unit or fact: {name}"
        self.kinds.append(kind)
        if attrs:
            self._attributes(attrs)

    def _attributes(self, attrs: dict[str, str]) -> None:
        for key in ("id", _XML_ID):
            value = attrs.get(key)
            if value is not None:
                value = value.strip(_WHITE_SPACE)
                if value in self.ids:
                    self.whole = self.whole or f"the id {value!r} appears twice"
                self.ids[value] = len(self.starts) - 1
        if self.kinds[-1] == _FACT:
            for key in ("contextRef", "unitRef"):
                value = attrs.get(key)
                if value is not None:
                    self._refs.append(value.strip(_WHITE_SPACE))

    def end(self, name: str) -> None:
        self.depth -= 1
        if self.depth == 1:
            self.parser.CharacterDataHandler = self.text
        elif self.depth == 0:
            self.tail, self.tail_line = self.parser.CurrentByteIndex, self.parser.CurrentLineNumber

    def text(self, data: str) -> None:
        if self.depth == 1 and data.strip(_WHITE_SPACE):
            self.whole = self.whole or "text directly in the root"

    def _close_child(self) -> None:
        if self.starts:
            self.refers.append(tuple(dict.fromkeys(self._refs)))
            self.sizes.append(self._size)
            self._refs = []

    def read(self, fd: int) -> None:
        with os.fdopen(os.dup(fd), "rb") as handle:
            handle.seek(0)
            self.parser.ParseFile(handle)
        self._close_child()


def plan(fd: int, budget: int = PART_ELEMENTS) -> Plan | None:
    """The parts of the instance in file `fd`, each of about `budget` elements at most; None when it must be
    validated whole (see the module docstring), or is small enough to be."""
    reader = _Reader()
    try:
        reader.read(fd)
    except expat.ExpatError:
        return None
    if reader.whole is not None or not reader.starts or reader.tail < 0:
        return None
    if sum(reader.sizes) <= budget:
        return None
    parts = _assign(reader, budget)
    if len(parts) < 2:
        return None
    reader.lines.append(reader.tail_line)
    return Plan(head=reader.starts[0], tail=reader.tail, starts=reader.starts, lines=reader.lines, parts=parts)


def _assign(reader: _Reader, budget: int) -> list[list[int]]:
    """The children of each part: the facts of a context together, packed in document order up to the budget,
    each part with the contexts and units its facts refer to; then the contexts and units no fact refers to,
    packed the same way; the references in every part."""
    kinds, sizes, ids = reader.kinds, reader.sizes, reader.ids
    references = [i for i, kind in enumerate(kinds) if kind == _REFERENCE]
    by_context: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        if kind == _FACT:
            refers = reader.refers[index]
            by_context.setdefault(refers[0] if refers else "", []).append(index)
    groups = []
    for facts in by_context.values():
        groups.append(set(facts) | {ids[ref] for f in facts for ref in reader.refers[f]
                                    if ref in ids and kinds[ids[ref]] in (_CONTEXT_KIND, _UNIT_KIND)})
    used = set().union(*groups) if groups else set()
    groups += [{i} for i, kind in enumerate(kinds) if kind in (_CONTEXT_KIND, _UNIT_KIND) and i not in used]
    parts: list[set[int]] = []
    current: set[int] = set()
    weight = 0
    for needed in groups:
        added = sum(sizes[i] for i in needed - current)
        if current and weight + added > budget:
            parts.append(current)
            current, weight = set(), 0
            added = sum(sizes[i] for i in needed)
        current |= needed
        weight += added
    if current or not parts:
        parts.append(current)
    return [sorted(part | set(references)) for part in parts]
