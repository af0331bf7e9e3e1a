"""Project-wide pytest fixtures: users by role and jurisdiction, signed-in clients, browsers."""

pytest_plugins = ["ncos.common.testing.fixtures"]
