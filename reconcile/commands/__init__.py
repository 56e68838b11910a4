"""Command implementations behind ``reconcile.cli`` (edges: they read files and print)."""
