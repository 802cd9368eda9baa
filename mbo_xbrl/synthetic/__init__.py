"""Synthetic, clearly fictional filing content: the sample filings (and, later, a whole sector)."""
