"""The `tacitus` command line: one Typer app; each stage adds its own commands from its module."""

from tacitus.cli.app import app, main

__all__ = ["app", "main"]
