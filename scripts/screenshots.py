"""Screenshots of the three charts for the README, taken from the real pages.

Starts `kg serve` over the published graph (data/kg.trig) on a free port, opens /timeline,
/network and /map in headless Chromium, waits until each chart is drawn and saves a
picture of the chart (with its caption) to docs/images/<view>.png.

    .venv/bin/python scripts/screenshots.py            # writes docs/images/{timeline,network,map}.png
    .venv/bin/python scripts/screenshots.py --out /tmp/shots
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.server.launch import running  # noqa: E402

VIEWS = {"timeline": ("/timeline", "#timeline-chart"), "network": ("/network", "#network"),
         "map": ("/map", "#map")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "images", help="folder for the pictures")
    args = ap.parse_args(argv)
    for binary in ("chromium", "chromedriver"):
        if shutil.which(binary) is None:
            print(f"screenshots: {binary} is missing (apt-get install chromium chromium-driver)", file=sys.stderr)
            return 2
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-screenshots-") as tmp, running(log=Path(tmp) / "server.log") as base:
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,1400",
                     "--force-device-scale-factor=1", f"--user-data-dir={Path(tmp) / 'profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver")))
        try:
            for name, (path, css) in VIEWS.items():
                driver.get(base + path)
                deadline = time.monotonic() + 60
                while (figure := driver.find_element(By.CSS_SELECTOR, css)).get_attribute("data-state") != "rendered":
                    if figure.get_attribute("data-state") == "error" or time.monotonic() > deadline:
                        print(f"screenshots: the chart of {path} was not drawn", file=sys.stderr)
                        return 1
                    time.sleep(0.05)
                driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", figure)
                target = args.out / f"{name}.png"
                figure.screenshot(str(target))
                print(f"screenshots: {path} -> {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target} "
                      f"({figure.get_attribute('data-marks')} marks)")
        finally:
            driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
