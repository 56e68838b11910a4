"""The web page for people (issue 7 fills this in)."""

from fastapi import APIRouter

router = APIRouter()
