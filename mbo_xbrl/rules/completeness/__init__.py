"""Completeness rules (MBO-C…): is everything there for the objectives the institution works on?"""
