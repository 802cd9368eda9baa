"""The library's exceptions: the CLI turns each into a one-line reason and exit code 2."""

from __future__ import annotations


class MboXbrlError(Exception):
    """Something stopped the library from doing its job (not: the filing has findings)."""


class TaxonomyError(MboXbrlError):
    """The packaged taxonomy is missing or cannot be loaded."""


class ProcessorError(MboXbrlError):
    """The XBRL processor (Arelle) failed in a way that leaves no trustworthy verdict."""
