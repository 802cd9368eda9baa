"""mbo-xbrl: validate mbo institutions' XBRL progress filings and load them into an indicator store."""

from __future__ import annotations

__version__ = "0.1.0"
