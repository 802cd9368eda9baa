"""Measure rules (MBO-M…): apply or explain, and the measures that are mandatory."""
