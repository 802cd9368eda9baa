"""Rules on a workbook (.xlsx) before it is converted to an XBRL instance: its package, sheets and cells."""
