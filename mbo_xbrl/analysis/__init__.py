"""The sector analysis (seed 002) from the store: tables, charts and one offline page."""
