"""Progress filings as data, and the writer that turns them into XBRL instances."""
