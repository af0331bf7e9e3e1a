"""The compliance app's pages."""
