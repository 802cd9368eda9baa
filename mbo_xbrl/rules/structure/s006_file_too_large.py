"""MBO-S006: the file is larger than the configured limit."""

from __future__ import annotations

from mbo_xbrl.report.model import Finding, Severity
from mbo_xbrl.rules.base import Layer, rule

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@rule(
    code="MBO-S006", name="file-too-large", layer=Layer.FILE, severity=Severity.ERROR,
    message_nl="Het bestand is {size:int} bytes; de grens is {limit:int} bytes. Het is niet gelezen.",
    message_en="The file is {size:int} bytes; the limit is {limit:int} bytes. It was not read.",
    fix_nl="Controleer of dit het juiste bestand is: een voortgangsrapportage is enkele honderden kilobytes.",
    fix_en="Check that this is the right file: a progress filing is a few hundred kilobytes.",
    why_nl="Een grens aan de grootte beschermt de gedeelde dienst en de nachtelijke verwerking tegen bestanden "
           "die het geheugen uitputten.",
)
def file_too_large(size: int, limit: int) -> list[Finding]:
    """A limit on size protects a shared service and the nightly job from files that would exhaust memory.

    One institution's filing holds hundreds to a few thousand facts (well under 1 MB); the default
    limit of 50 MB leaves ample room and can be set with --max-size or MBO_XBRL_MAX_SIZE.
    """
    return [file_too_large.finding(size=size, limit=limit)] if size > limit else []
