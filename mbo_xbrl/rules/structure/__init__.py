"""Structure rules (MBO-S…): is this a readable, valid XBRL instance of our taxonomy?"""
