"""The tool's version, on its own: every layer may read it without importing the package root's API."""

__version__ = "0.1.0"
