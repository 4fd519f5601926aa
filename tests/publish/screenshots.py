"""Screenshots of the published site for docs/images/ (run by hand, not by pytest).

    python -m tests.publish.screenshots catalogs/ docs/images/ [--procedure 1.001193]

Builds the site into a temporary folder and photographs it in Debian's headless Chromium:
the index with a search typed as people type it, one procedure page (on screen, and page 1
of its A4 print through pdftoppm) and the kiosk screen at 1600×900; then page 4 of the
handbook (the first procedures) through LibreOffice and pdftoppm.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from tests.publish.support import start_chromium, stop_chromium


def _full_height(driver, width: int, limit: int = 2600) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(int(height) + 120, limit))


def _print_page(driver, site: Path, target: Path) -> None:
    """Page 1 of what Chromium prints (A4 PDF), as a PNG through pdftoppm (poppler-utils)."""
    import base64
    import shutil
    import subprocess

    pdf = site.parent / "print.pdf"
    data = driver.execute_cdp_cmd(
        "Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True}
    )
    pdf.write_bytes(base64.b64decode(data["data"]))
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) is needed for the print screenshot")
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(target.with_suffix(""))],
        check=True,
    )


def take(paths: list[Path], out: Path, procedure: str) -> list[Path]:
    from selenium.webdriver.common.by import By

    from tthc.publish.site import build_site
    from tthc.publish.source import load_catalogs

    out.mkdir(parents=True, exist_ok=True)
    site = Path(tempfile.mkdtemp(prefix="tthc-shots-")) / "site"
    build_site(load_catalogs(paths), site)
    shots = []
    driver = start_chromium(1280, 900)
    try:
        driver.get((site / "index.html").as_uri())
        driver.find_element(By.ID, "q").send_keys("dang ki khai sinh")
        time.sleep(0.2)
        shots.append(out / "publish-index.png")
        driver.save_screenshot(str(shots[-1]))

        driver.get((site / "thu-tuc" / f"{procedure}.html").as_uri())
        driver.find_element(By.CSS_SELECTOR, "label[for=giay-to-1]").click()
        _full_height(driver, 1280)
        driver.execute_script("window.scrollTo(0, 0)")  # the top: title and summary box
        shots.append(out / "publish-procedure.png")
        driver.save_screenshot(str(shots[-1]))

        shots.append(out / "publish-print.png")
        _print_page(driver, site, shots[-1])

        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1600, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )
        driver.get((site / "kiosk.html").as_uri())
        time.sleep(0.3)
        shots.append(out / "publish-kiosk.png")
        driver.save_screenshot(str(shots[-1]))
    finally:
        stop_chromium(driver)
    shots.append(out / "handbook-page.png")
    _handbook_page(paths, site.parent, shots[-1])
    return shots


def _handbook_page(paths: list[Path], work: Path, target: Path, page: int = 4) -> None:
    import subprocess

    from tthc.publish.handbook import write_handbook
    from tthc.publish.source import load_catalogs

    pdf = work / "so-tay.pdf"
    write_handbook(load_catalogs(paths), pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "80",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(target.with_suffix("")),
        ],
        check=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--procedure", default="1.001193")
    args = parser.parse_args()
    for shot in take(args.paths, args.out, args.procedure):
        print(shot)


if __name__ == "__main__":
    main()
