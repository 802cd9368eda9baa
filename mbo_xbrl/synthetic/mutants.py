"""Mutants of the sample filings, for fuzzing: seeded, several kinds of mutation stacked per file.

Each mutation works on the text of a sample the way a careless or hostile writer would change it:
numbers no real filing holds (10^400, 400 digits, -0, leading +), `decimals` of any xs:integer or
none, `precision` instead, periods as date-times or impossible dates, dangling references, facts
dropped or doubled, text in number fields, floods of attributes, prefixes renamed, whitespace in
identifiers, and bytes cut off or damaged. Mutants are valid or invalid XBRL, readable or not; the
fuzz test and `scripts/fuzz.py` require only that each gets a verdict, never a crash.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

Mutation = Callable[[str, random.Random], str]

_NUMERIC_FACT = re.compile(r'(<mbo-i:[A-Za-z0-9]+ contextRef="[^"]+" unitRef="[^"]+" decimals=")([^"]*)("[^>]*>)([^<]*)(<)')
_ANY_FACT = re.compile(r"\n  <mbo-i:[A-Za-z0-9]+ [^\n]*")
_DATE = re.compile(r"<xbrli:(startDate|endDate|instant)>([0-9-]+)</xbrli:\1>")
_CONTEXT_REF = re.compile(r'contextRef="([^"]+)"')

HUGE_NUMBERS = ["1" + "0" * 400, "-" + "9" * 400, "0." + "0" * 400 + "1", "+12", "-0", " 7 ", "1" + "0" * 20,
                "99999999999999999999.5", "0000000000000000000042", "3" * 5000]
ODD_DECIMALS = ["-2000000", "2000000", "-99999999999999999999999999", "999999999999999999999", "INF", " 0 ",
                "-0", "+2", "abc", ""]


def _pick(pattern: re.Pattern[str], text: str, rng: random.Random) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return rng.choice(matches) if matches else None


def _splice(text: str, match: re.Match[str], replacement: str) -> str:
    return text[:match.start()] + replacement + text[match.end():]


def huge_number(text: str, rng: random.Random) -> str:
    match = _pick(_NUMERIC_FACT, text, rng)
    if match is None:
        return text
    return _splice(text, match, match.group(1) + match.group(2) + match.group(3) + rng.choice(HUGE_NUMBERS) + match.group(5))


def odd_decimals(text: str, rng: random.Random) -> str:
    match = _pick(_NUMERIC_FACT, text, rng)
    if match is None:
        return text
    head, content = match.group(1), match.group(4) + match.group(5)
    choice = rng.choice(ODD_DECIMALS + ["<precision>", "<none>"])
    if choice == "<precision>":
        element = head.replace('decimals="', 'precision="') + rng.choice(["0", "3", "INF", "20"]) + '">'
    elif choice == "<none>":
        element = head.removesuffix(' decimals="') + ">"
    else:
        element = head + choice + '">'
    return _splice(text, match, element + content)


def odd_period(text: str, rng: random.Random) -> str:
    match = _pick(_DATE, text, rng)
    if match is None:
        return text
    kind, value = match.groups()
    choice = rng.choice([value + "T00:00:00", value + "T24:00:00", "2024-02-30", "2023-13-01", "1999-01-01",
                         "9999-12-31", value + "Z", value + "+01:00", " " + value + " "])
    return _splice(text, match, f"<xbrli:{kind}>{choice}</xbrli:{kind}>")


def dangling_reference(text: str, rng: random.Random) -> str:
    match = _pick(_CONTEXT_REF, text, rng)
    if match is None:
        return text
    return _splice(text, match, f'contextRef="{rng.choice(["nowhere", match.group(1) + "x", ""])}"')


def drop_facts(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 30)):
        match = _pick(_ANY_FACT, text, rng)
        if match is not None:
            text = _splice(text, match, "")
    return text


def double_fact(text: str, rng: random.Random) -> str:
    match = _pick(_ANY_FACT, text, rng)
    if match is None:
        return text
    copy = re.sub(r' id="[^"]*"', "", match.group(0))  # a second fact, not a second id
    if rng.random() < 0.5:
        copy = re.sub(r">([^<]*)<", lambda m: ">" + m.group(1) + "1<", copy, count=1)
    return text[:match.end()] + copy + text[match.end():]


def text_in_number(text: str, rng: random.Random) -> str:
    match = _pick(_NUMERIC_FACT, text, rng)
    if match is None:
        return text
    value = rng.choice(["twaalf", "12,5", "1.234.567", "NaN", "INF", "1e400", "", "€ 100", "١٢"])
    return _splice(text, match, match.group(1) + match.group(2) + match.group(3) + value + match.group(5))


def attribute_flood(text: str, rng: random.Random) -> str:
    count = rng.choice([20, 400, 501, 2000])
    root = text.index("<xbrli:xbrl ")
    extra = " ".join(f"a{n}=\"{n}\"" for n in range(count))
    return text[:root] + "<xbrli:xbrl " + extra + " " + text[root + len("<xbrli:xbrl "):]


def rename_prefix(text: str, rng: random.Random) -> str:
    new = rng.choice(["mboi", "x", "ns0"])
    return text.replace("xmlns:mbo-i=", f"xmlns:{new}=").replace("<mbo-i:", f"<{new}:").replace("</mbo-i:", f"</{new}:")


def identifier_whitespace(text: str, rng: random.Random) -> str:
    return re.sub(r"(<xbrli:identifier [^>]*>)([^<]+)(<)", lambda m: m.group(1) + " \n" + m.group(2) + "\t" + m.group(3),
                  text, count=rng.randint(1, 5))


def long_text(text: str, rng: random.Random) -> str:
    match = re.search(r"(<mbo-i:ProgressNarrative [^>]*>)([^<]*)(<)", text)
    if match is None:
        return text
    body = rng.choice(["ü" * 100_000, "&amp;" * 10_000, "\U0001F600" * 1000, "<![CDATA[<b>vet</b>]]>", "&#0;"])
    return _splice(text, match, match.group(1) + body + match.group(3))


MUTATIONS: list[Mutation] = [huge_number, odd_decimals, odd_period, dangling_reference, drop_facts, double_fact,
                             text_in_number, attribute_flood, rename_prefix, identifier_whitespace, long_text]


def _damage(data: bytes, rng: random.Random) -> bytes:
    """Byte-level damage, now and then: cut off, a stray byte, a DOCTYPE."""
    roll = rng.random()
    if roll < 0.03:
        return data[: rng.randint(0, len(data))]
    if roll < 0.05:
        position = rng.randint(0, len(data) - 1)
        return data[:position] + bytes([rng.randint(0, 255)]) + data[position + 1:]
    if roll < 0.06:
        return data.replace(b"?>", b'?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
    return data


def mutants(samples: list[Path], count: int, seed: int) -> Iterator[tuple[str, bytes]]:
    """`count` mutants (name, bytes): each of 1 to 3 stacked mutations of a sample, reproducible by `seed`."""
    rng = random.Random(seed)
    texts = [(p.stem, p.read_text("utf-8")) for p in samples]
    for n in range(count):
        stem, text = rng.choice(texts)
        kinds = rng.sample(MUTATIONS, rng.randint(1, 3))
        for mutation in kinds:
            text = mutation(text, rng)
        name = f"{n:05d}-{stem}-" + "+".join(k.__name__ for k in kinds) + ".xbrl"
        text += f"<!-- mutant {n} -->\n"  # every mutant a file of its own, also where a mutation changed nothing
        yield name, _damage(text.encode("utf-8"), rng)
