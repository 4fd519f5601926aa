"""Fixtures for the publishing tests: a built site and a headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.publish.support import GENERATED, chromium_available, load_fixture, start_chromium, stop_chromium


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from tthc.publish.site import build_site

    out = tmp_path_factory.mktemp("site") / "site"
    build_site([load_fixture()], out, generated=GENERATED, kiosk_seconds=15)
    return out


@pytest.fixture(scope="module")
def browser():
    if not chromium_available():
        pytest.skip("Chromium is not installed (apt-get install -y chromium chromium-driver)")
    pytest.importorskip("selenium")
    driver = start_chromium()
    yield driver
    stop_chromium(driver)
