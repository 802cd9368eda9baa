"""Value rules (MBO-V…): plausible values, ambitions in the right direction, pre-filled values kept."""
