"""Shared fixtures. The spaCy pipeline loads once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kessra-dam"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def nlp():
    from triangulate.analyze import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def settings():
    from triangulate.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def example_briefing(settings):
    """The bundled example, briefed once for every test that reads it."""
    from triangulate.pipeline import brief

    return brief([str(EXAMPLE)], settings)


@pytest.fixture(scope="session")
def encoder():
    """The MiniLM sentence model, which the base install ships."""
    from triangulate.meaning import Unavailable, load_encoder

    loaded = load_encoder()
    assert not isinstance(loaded, Unavailable), loaded.reason
    return loaded
