"""GET /health: the store is reachable, and the version."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.errors import error_responses
from api.schemas import Health, StoreHealth
from reconcile import __version__

router = APIRouter(tags=["health"], responses=error_responses(503))


@router.get("/health", response_model=Health, summary="Liveness and store check")
def health(store: StoreDep) -> Health:
    """200 when the store answers; 503 (error shape) when it does not."""
    return Health(version=__version__, store=StoreHealth(backend=store.backend, schema_version=store.schema_version(),
                                                         articles=store.count_articles()))
