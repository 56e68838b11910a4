"""The FastAPI app of the reconciliation service (imports ``reconcile``, never the reverse)."""
