"""The taxonomy generator: catalogue -> XBRL taxonomy package (tree and zip) under `taxonomy/`."""
