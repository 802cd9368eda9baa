"""The rule catalogue: each rule declared once, in its own module."""
