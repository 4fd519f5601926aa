"""Shared pieces of the publishing tests: the small catalog and headless Chromium."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATALOG = HERE / "fixtures" / "catalog.yaml"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
GENERATED = dt.date(2026, 11, 28)


def load_fixture():
    from tthc.load import load_file

    result = load_file(CATALOG)
    assert result.ok, [str(i) for i in result.errors]
    return result.catalog


def chromium_available() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists()


def start_chromium(width: int = 1280, height: int = 900):
    """Debian's Chromium through Debian's chromedriver; Selenium never downloads anything."""
    os.environ.setdefault("SE_OFFLINE", "true")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="tthc-chromium-")
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--lang=vi",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.tthc_profile = profile
    return driver


def stop_chromium(driver) -> None:
    driver.quit()
    shutil.rmtree(driver.tthc_profile, ignore_errors=True)
