"""Headless Debian Chromium for browser tests, driven by selenium.

Use from a test module (tests/ is on sys.path under pytest's default import mode)::

    import pytest
    from browser import browser_fixture, console_errors, open_page

    driver = browser_fixture()          # a module-scoped fixture named "driver"

    @pytest.mark.browser
    def test_page_loads(driver, tmp_path):
        open_page(driver, some_html_file)
        assert console_errors(driver) == []

Without /usr/bin/chromium or /usr/bin/chromedriver the fixture skips, with the reason,
unless the environment variable CI is set to a true value: then it fails, because CI
installs both (``make browser-deps``).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
ARGUMENTS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,800",
)


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def require_chromium() -> None:
    """Skip (locally) or fail (CI) when Chromium or its driver is not installed."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not missing:
        return
    reason = (f"browser tests need {' and '.join(missing)}; install them with "
              "`make browser-deps` (apt-get install chromium chromium-driver)")
    if in_ci():
        pytest.fail(f"CI is set but {reason}", pytrace=False)
    pytest.skip(reason)


def make_driver(profile_dir: Path):
    """A headless Chromium with a fresh profile, logging console and network events."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ARGUMENTS:
        options.add_argument(argument)
    options.add_argument(f"--user-data-dir={profile_dir}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    # leave alerts open so a test can see one (the default dismisses them silently)
    options.unhandled_prompt_behavior = "ignore"
    return webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)


def browser_fixture(name: str = "driver", scope: str = "module"):
    """Build a pytest fixture yielding a driver; assign it to a module-level name."""

    @pytest.fixture(name=name, scope=scope)
    def _driver(tmp_path_factory):
        require_chromium()
        profile = tmp_path_factory.mktemp("chromium-profile")
        driver = make_driver(profile)
        try:
            yield driver
        finally:
            driver.quit()
            shutil.rmtree(profile, ignore_errors=True)

    return _driver


def drain_logs(driver) -> None:
    """Forget the console and network events logged so far."""
    driver.get_log("browser")
    driver.get_log("performance")


def open_page(driver, path: Path, *, ready: str | None = None, timeout: float = 30) -> None:
    """Load a local file with fresh logs; wait until the JS expression ``ready`` is true."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get("about:blank")
    drain_logs(driver)
    driver.get(Path(path).resolve().as_uri())
    if ready:
        WebDriverWait(driver, timeout).until(lambda d: d.execute_script(f"return !!({ready});"))


def console_errors(driver) -> list[str]:
    """Console messages of level SEVERE logged since the last call."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def requested_urls(driver) -> list[str]:
    """URLs the page asked the network for since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls
