"""A converted workbook as an XBRL instance, written by the project's own writer."""

from __future__ import annotations

from mbo_xbrl.filing.writer import write_instance
from mbo_xbrl.taxonomy.releases import RELEASES
from mbo_xbrl.workbook.read import Conversion


def instance_of(conversion: Conversion) -> bytes:
    """The instance of a workbook that could be converted (its release's funded or non-funded entry point)."""
    if conversion.content is None or conversion.identity is None:
        raise ValueError("the workbook could not be converted")
    release = RELEASES[conversion.identity.release]
    entry_point = release.funded if conversion.identity.funded else release.non_funded
    return write_instance(conversion.content, entry_point.catalogue, release, entry_point)
