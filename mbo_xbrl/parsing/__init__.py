"""Reading files: cheap, safe pre-checks with lxml, the raw XBRL instance, and the filing it holds."""
