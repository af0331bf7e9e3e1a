"""The law of each jurisdiction, one sub-package or module per jurisdiction.

`registry.get(code)` returns the implementation for a jurisdiction code.
"""
