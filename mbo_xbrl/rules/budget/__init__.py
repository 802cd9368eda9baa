"""Budget rules (MBO-B…): complete, consistent and lawful budgets of the quality funds 2024-2027."""
