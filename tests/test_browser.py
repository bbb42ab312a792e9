"""The explorer in real headless Chromium: filter, open a trace, click a graph node. No network needed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import IN_CI, ROOT, server_process

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
WAIT = 60
SERVER_START = 180  # a loaded 2-core machine starts Streamlit slowly
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1100")


def _require_browser() -> None:
    """Fail under CI, skip elsewhere, when Debian's chromium or chromedriver is missing."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if missing:
        message = f"browser test needs {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    """Poll Streamlit's health endpoint until it answers (the server takes a few seconds)."""
    deadline = time.monotonic() + SERVER_START
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.25)  # polling a server that is starting, not waiting for page content
    raise RuntimeError(f"streamlit did not answer on {url} within {SERVER_START}s")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A streamlit server on a free loopback port, exploring a store of the ingested demo."""
    from conftest import DEMO_ARTICLE, DEMO_BIB

    from graph.store import open_store
    from ingest.pipeline import ingest_paths

    _require_browser()
    folder = tmp_path_factory.mktemp("browser")
    store_path = folder / "demo.db"
    with open_store(str(store_path)) as store:
        store.write(ingest_paths([DEMO_ARTICLE], [DEMO_BIB]).batch)
    port = _free_port()
    env = {**os.environ, "CLAIMGRAPH_STORE": str(store_path)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    url = f"http://127.0.0.1:{port}"
    with (folder / "streamlit.log").open("wb") as log, server_process(command, env, output=log) as process:
        _wait_healthy(url, process)
        yield url


@pytest.fixture(scope="module")
def driver(app_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield browser
    finally:
        browser.quit()


def wait(browser: Any, timeout: int = WAIT) -> Any:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException,))


def open_page(browser: Any, url: str, expected_text: str, attempts: int = 3) -> None:
    """Load `url` until `expected_text` shows; a fresh server's first load can stay blank."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By

    for attempt in range(attempts):
        browser.get(url)
        try:
            wait(browser, WAIT if attempt else WAIT // 2).until(
                lambda b: expected_text in b.find_element(By.TAG_NAME, "body").text)
            return
        except TimeoutException:
            if attempt == attempts - 1:
                raise


def screenshot(browser: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def caption_count(browser: Any) -> int:
    """The number in the claims page caption 'N claims match'."""
    import re

    from selenium.webdriver.common.by import By

    match = re.search(r"(\d+) claims? match", browser.find_element(By.TAG_NAME, "body").text)
    return int(match.group(1)) if match else -1


def choose_option(browser: Any, label: str, option: str) -> None:
    """Pick `option` in the Streamlit selectbox labelled `label`."""
    from selenium.webdriver.common.by import By

    selector = f'[data-testid="stSelectbox"] input[aria-label="{label}"]'
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, selector))[0].click()
    item = wait(browser).until(lambda b: next(
        (o for o in b.find_elements(By.CSS_SELECTOR, '[role="option"]') if o.text.strip() == option), None))
    item.click()


def type_into(browser: Any, label: str, text: str) -> None:
    """Type into the Streamlit text input labelled `label` and submit it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    selector = f'[data-testid="stTextInput"] input[aria-label="{label}"]'
    wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, selector))[0].send_keys(text, Keys.ENTER)


def click_first_row(browser: Any) -> None:
    """Select the first row of the claims table (a canvas grid: click its row-marker cell)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    grid = browser.find_element(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", grid)
    width, height = grid.size["width"], grid.size["height"]
    # Row marker column (left edge), first data row (just below the header row).
    left, top = -width // 2 + 20, -height // 2 + 52
    ActionChains(browser).move_to_element_with_offset(grid, left, top).click().perform()


def sidebar_page(browser: Any, title: str) -> None:
    from selenium.webdriver.common.by import By

    sidebar = browser.find_element(By.CSS_SELECTOR, '[data-testid="stSidebar"]')
    sidebar.find_element(By.XPATH, f'.//label[.//*[normalize-space()="{title}"]]').click()


def test_filter_trace_and_graph_in_chromium(app_url: str, driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, app_url, "Claims by support")
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="stVegaLiteChart"] canvas, '
                                                 '[data-testid="stVegaLiteChart"] svg'))
    wait(driver).until(lambda b: "Unresolved citations" in b.find_element(By.TAG_NAME, "body").text)
    screenshot(driver, "overview")

    open_page(driver, f"{app_url}/?page=claims", "claims match")
    everything = caption_count(driver)
    choose_option(driver, "Status", "cited")
    wait(driver).until(lambda b: 0 < caption_count(b) < everything)
    type_into(driver, "Text contains", "Vietnam Readjustment Study")
    wait(driver).until(lambda b: 0 < caption_count(b) <= 3)
    screenshot(driver, "claims")
    filtered = caption_count(driver)
    wait(driver).until(lambda b: "status=cited" in b.current_url and "q=Vietnam" in b.current_url)
    open_page(driver, driver.current_url, "Link to this view")  # the view's permalink restores it
    wait(driver).until(lambda b: caption_count(b) == filtered)

    click_first_row(driver)
    mark = wait(driver).until(lambda b: next(
        (m for m in b.find_elements(By.CSS_SELECTOR, "mark.cg-claim") if m.is_displayed()), None))
    assert "Vietnam" in mark.text
    assert wait(driver).until(lambda b: next(
        (r for r in b.find_elements(By.CSS_SELECTOR, ".cg-reference") if "Jordan, B. K." in r.text), None))
    open_button = '//button[.//*[normalize-space()="Open this trace on its own page"]]'
    driver.find_element(By.XPATH, open_button).click()
    wait(driver).until(lambda b: "page=trace" in b.current_url and "claim=claim" in b.current_url)
    mark = wait(driver).until(lambda b: next(
        (m for m in b.find_elements(By.CSS_SELECTOR, "mark.cg-claim") if m.is_displayed()), None))
    assert "Vietnam" in mark.text
    header = driver.find_element(By.TAG_NAME, "h2")
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", header)
    screenshot(driver, "trace")

    sidebar_page(driver, "Graph")
    wait(driver).until(lambda b: "trace of claim:" in b.find_element(By.TAG_NAME, "body").text)

    open_page(driver, f"{app_url}/?page=graph", "claims resting on Jordan et al. (1992)")
    frame = wait(driver).until(lambda b: next(
        (f for f in b.find_elements(By.CSS_SELECTOR, "iframe") if f.size["height"] > 500), None))
    driver.execute_script("arguments[0].scrollIntoView({block: 'end'});", frame)
    driver.switch_to.frame(frame)
    wait(driver).until(lambda b: b.execute_script(
        "return window.cgNetwork && Object.keys(window.cgNetwork.getPositions()).length > 1"))
    target = driver.execute_script(
        "const ids = Object.keys(cgNetwork.getPositions());"
        "const id = ids.find(i => i.startsWith('jordan'));"
        "cgNetwork.setOptions({physics: false});"
        "cgNetwork.fit();"
        "const dom = cgNetwork.canvasToDOM(cgNetwork.getPositions([id])[id]);"
        "return {id: id, x: dom.x, y: dom.y};")
    canvas = driver.find_element(By.CSS_SELECTOR, "#cg-network canvas")
    offset_x = round(target["x"] - canvas.size["width"] / 2)
    offset_y = round(target["y"] - canvas.size["height"] / 2)
    ActionChains(driver).move_to_element_with_offset(canvas, offset_x, offset_y).click().perform()
    table = wait(driver).until(lambda b: b.find_element(By.ID, "cg-details-table"))
    assert table.get_attribute("data-node-id") == target["id"]
    assert target["id"] in table.text and "label" in table.text
    driver.switch_to.default_content()
    screenshot(driver, "graph")

    sidebar_page(driver, "Export")
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="stDownloadButton"]'))
    assert len(driver.find_elements(By.CSS_SELECTOR, '[data-testid="stDownloadButton"]')) == 8
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, 'img[alt="graph picture"]'))
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});",
                          driver.find_element(By.TAG_NAME, "h2"))
    screenshot(driver, "export")
    sidebar_page(driver, "Ingest")
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="stFileUploader"]'))
    screenshot(driver, "ingest")


def test_hostile_titles_show_as_text(tmp_path: Path, driver: Any, app_url: str) -> None:
    """An article titled <script>… and a BibTeX title <img onerror…> render as text, run nothing."""
    from explorer_data import XSS_SOURCE_TITLE, XSS_TITLE, xss_batch
    from selenium.webdriver.common.by import By

    from graph.store import open_store

    port = _free_port()
    store_path = tmp_path / "xss.db"
    with open_store(str(store_path)) as store:
        store.write(xss_batch())
        claim = store.claims().rows[0]["id"]
    env = {**os.environ, "CLAIMGRAPH_STORE": str(store_path)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    url = f"http://127.0.0.1:{port}"
    with server_process(command, env) as process:
        _wait_healthy(url, process)
        open_page(driver, f"{url}/?page=trace&claim={claim}", "Evidence")
        body = driver.find_element(By.TAG_NAME, "body").text
        assert XSS_TITLE in body
        reference = wait(driver).until(lambda b: b.find_element(By.CSS_SELECTOR, ".cg-reference"))
        assert XSS_SOURCE_TITLE in reference.text
        assert not driver.find_elements(By.CSS_SELECTOR, ".cg-reference img, .cg-context b, blockquote i")
        assert not _alert_open(driver)


def _alert_open(browser: Any) -> bool:
    """True if a JavaScript alert is showing (an escaping failure would open one)."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        browser.switch_to.alert.text  # noqa: B018 - touching .text raises when there is no alert
        return True
    except NoAlertPresentException:
        return False
