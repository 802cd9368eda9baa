"""Files built to exhaust a checker, for the tests and the benchmark of the limits per file.

Both are made from a valid sample and are schema-valid XML: nothing but their size in one
dimension is wrong, which is what makes them dangerous to a processor without limits.
"""

from __future__ import annotations

from datetime import date, timedelta


def attribute_flood(text: str, attributes: int) -> str:
    """The root element with `attributes` more attributes: Arelle's time grows with their square."""
    extra = " ".join(f'a{n}="1"' for n in range(attributes))
    return text.replace("<xbrli:xbrl ", f"<xbrli:xbrl {extra} ", 1)


def many_contexts(text: str, facts: int, institution: str = "99XA") -> str:
    """`facts` more facts, each in a context of its own with a period of its own (so none is a duplicate):
    within the structural limits, valid XML and XBRL in form, and heavy in time and memory."""
    first = date(2030, 1, 1)  # after every period of the sample: no fact of it becomes a duplicate
    parts = []
    for n in range(facts):
        end = first + timedelta(days=n + 1)
        parts.append(f'<xbrli:context id="c{n}"><xbrli:entity><xbrli:identifier scheme="https://duo.nl/brin">'
                     f'{institution}</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2030-01-01'
                     f'</xbrli:startDate><xbrli:endDate>{end.isoformat()}</xbrli:endDate></xbrli:period></xbrli:context>')
    for n in range(facts):
        parts.append(f'<mbo-i:InstitutionName contextRef="c{n}">Instelling {n} met een lange naam die geheugen kost'
                     f'</mbo-i:InstitutionName>')
    end = text.rindex("</xbrli:xbrl>")
    return text[:end] + "\n".join(parts) + "\n" + text[end:]
