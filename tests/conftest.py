"""Shared fixtures.  Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


def pytest_configure(config: pytest.Config) -> None:
    # Keep the compiled-pack cache out of the user's home during tests.
    cache = config.rootpath / ".pytest_cache" / "lawcheck-pack-cache"
    os.environ.setdefault("LAWCHECK_CACHE_DIR", str(cache))


@pytest.fixture(scope="session")
def pack():
    import lawcheck

    return lawcheck.load_pack()


def fixture_texts() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED
