"""The explorer in real headless Chromium: filter, open a trace, click a graph node. No network needed."""

from __future__ import annotations

import contextlib
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
                "--window-size=1400,1000")


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


@contextlib.contextmanager
def serve(store_path: Path, log_path: Path | None = None) -> Iterator[str]:
    """A streamlit server of app.py on a free loopback port exploring `store_path`; yields its URL.
    Its whole process group is stopped whatever happens (conftest.server_process)."""
    port = _free_port()
    env = {**os.environ, "CLAIMGRAPH_STORE": str(store_path)}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    url = f"http://127.0.0.1:{port}"
    with contextlib.ExitStack() as stack:
        log = stack.enter_context(log_path.open("wb")) if log_path else subprocess.DEVNULL
        process = stack.enter_context(server_process(command, env, output=log))
        _wait_healthy(url, process)
        yield url


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
    with serve(store_path, folder / "streamlit.log") as url:
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

    grid = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="stDataFrame"]'))[0]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'});", grid)
    width, height = grid.size["width"], grid.size["height"]
    # Row marker column (left edge), first data row (just below the header row).
    left, top = -width // 2 + 20, -height // 2 + 52
    ActionChains(browser).move_to_element_with_offset(grid, left, top).click().perform()


def sidebar_page(browser: Any, title: str) -> None:
    from selenium.webdriver.common.by import By

    sidebar = browser.find_element(By.CSS_SELECTOR, '[data-testid="stSidebar"]')
    sidebar.find_element(By.XPATH, f'.//label[.//*[normalize-space()="{title}"]]').click()


def click_node(browser: Any, prefix: str, details: str = "") -> Any:
    """Inside the graph frame: click the first node whose id starts with `prefix` (and whose details
    mention `details`); returns the details table."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    target = browser.execute_script(
        "const ids = Object.keys(cgNetwork.getPositions());"
        "const id = ids.find(i => i.startsWith(arguments[0])"
        "  && JSON.stringify(cgDetails.get(i)).includes(arguments[1]));"
        "const dom = cgNetwork.canvasToDOM(cgNetwork.getPositions([id])[id]);"
        "return {id: id, x: dom.x, y: dom.y};", prefix, details)
    canvas = browser.find_element(By.CSS_SELECTOR, "#cg-network canvas")
    offset_x = round(target["x"] - canvas.size["width"] / 2)
    offset_y = round(target["y"] - canvas.size["height"] / 2)
    ActionChains(browser).move_to_element_with_offset(canvas, offset_x, offset_y).click().perform()
    return wait(browser).until(lambda b: next(
        (t for t in b.find_elements(By.ID, "cg-details-table")
         if t.get_attribute("data-node-id") == target["id"]), None))


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

    open_page(driver, f"{app_url}/?page=graph", "claims resting on Jordan et al., 1992")
    frame = wait(driver).until(lambda b: next(
        (f for f in b.find_elements(By.CSS_SELECTOR, "iframe") if f.size["height"] > 500), None))
    driver.execute_script("arguments[0].scrollIntoView({block: 'end'});", frame)
    driver.switch_to.frame(frame)
    wait(driver).until(lambda b: b.execute_script(
        "return window.cgNetwork && Object.keys(window.cgNetwork.getPositions()).length > 1"))
    table = click_node(driver, "work:", "Jordan et al., 1992")
    assert "Jordan et al., 1992" in table.text and "Claims shown resting on it" in table.text
    table = click_node(driver, "claim:")
    claim_id = table.get_attribute("data-node-id")
    assert "Support" in table.text and "Section" in table.text and "References" in table.text
    assert "paragraph_end" not in table.text and "position" not in table.text
    ActionChains(driver).move_to_element(table).perform()  # no node tooltip over the picture
    driver.switch_to.default_content()
    screenshot(driver, "graph")
    driver.switch_to.frame(frame)
    home = driver.current_window_handle
    link = driver.find_element(By.XPATH, '//a[contains(normalize-space(), "Open trace")]')
    link.click()
    wait(driver).until(lambda b: len(b.window_handles) == 2)
    driver.switch_to.window(next(h for h in driver.window_handles if h != home))
    wait(driver).until(lambda b: "page=trace" in b.current_url and claim_id in b.current_url)
    wait(driver).until(lambda b: next(
        (m for m in b.find_elements(By.CSS_SELECTOR, "mark.cg-claim") if m.is_displayed()), None))
    driver.close()
    driver.switch_to.window(home)

    sidebar_page(driver, "Export")
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="stDownloadButton"]'))
    from graph.exports import FORMATS

    assert len(driver.find_elements(By.CSS_SELECTOR, '[data-testid="stDownloadButton"]')) == len(FORMATS)
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, 'img[alt="graph picture"]'))
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});",
                          driver.find_element(By.TAG_NAME, "h2"))
    screenshot(driver, "export")
    sidebar_page(driver, "Ingest")
    wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, '[data-testid="stFileUploader"]'))
    from conftest import DEMO_ARTICLE, DEMO_BIB

    inputs = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stFileUploader"] input[type="file"]')
    inputs[0].send_keys(str(DEMO_ARTICLE))
    wait(driver).until(lambda b: "Found (nothing written yet)" in b.find_element(By.TAG_NAME, "body").text)
    driver.find_elements(By.CSS_SELECTOR, '[data-testid="stFileUploader"] input[type="file"]')[1].send_keys(
        str(DEMO_BIB))
    wait(driver).until(lambda b: "references cited: 2" in b.find_element(By.TAG_NAME, "body").text)
    found = next(h for h in driver.find_elements(By.TAG_NAME, "h3") if "Found" in h.text)
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", found)
    screenshot(driver, "ingest")


def test_hostile_titles_show_as_text(tmp_path: Path, driver: Any, app_url: str) -> None:
    """An article titled <script>… and a BibTeX title <img onerror…> render as text, run nothing."""
    from explorer_data import XSS_SOURCE_TITLE, XSS_TITLE, xss_batch
    from selenium.webdriver.common.by import By

    from graph.store import open_store

    store_path = tmp_path / "xss.db"
    with open_store(str(store_path)) as store:
        store.write(xss_batch())
        claim = store.claims().rows[0]["id"]
    with serve(store_path) as url:
        open_page(driver, f"{url}/?page=trace&claim={claim}", "Evidence")
        wait(driver).until(lambda b: XSS_TITLE in b.find_element(By.TAG_NAME, "body").text)
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


READER_DOC = "doc:trauma-and-relationships"


def _visible_popup(browser: Any, claim: Any) -> Any:
    """The popup of `claim` once it shows."""
    from selenium.webdriver.common.by import By

    return wait(browser).until(lambda b: next(
        (p for p in claim.find_elements(By.CSS_SELECTOR, ":scope > .cg-pop") if p.is_displayed()), None))


def test_reader_view_in_chromium(app_url: str, driver: Any) -> None:
    """The demo article: Vietnam-study bullets and Herman's quote highlighted as cited; clicking a
    bullet shows the Jordan et al. reference; its link opens the claim's trace."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(driver, f"{app_url}/?page=read&doc={READER_DOC}", "Comments (4)")
    bullets = wait(driver).until(lambda b: [c for c in b.find_elements(By.CSS_SELECTOR, "li > .cg-rc")
                                            if c.text.startswith(("More likely", "Less likely"))])
    assert len(bullets) >= 5
    assert all("cg-s-cited" in c.get_attribute("class").split() for c in bullets)
    herman = next(c for c in driver.find_elements(By.CSS_SELECTOR, ".cg-rc") if "Judith Herman" in c.text)
    assert "cg-s-cited" in herman.get_attribute("class").split()
    assert herman.find_elements(By.CSS_SELECTOR, "u.cg-ev-quote"), "Herman's quote is underlined as evidence"
    driver.execute_script("window.scrollTo(0, 0);")
    screenshot(driver, "reader")

    bullet = bullets[1]
    bullet_text = bullet.text.strip()
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", bullet)
    ActionChains(driver).move_to_element(bullet).click().perform()
    popup = _visible_popup(driver, bullet)
    assert "Jordan, B. K." in popup.text and "Journal of Consulting and Clinical Psychology" in popup.text
    screenshot(driver, "reader-popup")
    claim_id = bullet.get_attribute("data-claim")
    popup.find_element(By.CSS_SELECTOR, "a.cg-trace-link").click()
    wait(driver).until(lambda b: "page=trace" in b.current_url and claim_id in b.current_url)
    mark = wait(driver).until(lambda b: next(
        (m for m in b.find_elements(By.CSS_SELECTOR, "mark.cg-claim") if m.is_displayed()), None))
    assert mark.text.strip() == bullet_text

    # The claim's permalink in the reader scrolls to it and marks it.
    driver.get(f"{app_url}/?page=read&doc={READER_DOC}#{claim_id}")
    target = wait(driver).until(lambda b: next(
        (c for c in b.find_elements(By.CSS_SELECTOR, ".cg-rc.cg-target")), None))
    assert target.get_attribute("id") == claim_id
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top;", target)
    assert 0 <= top <= driver.execute_script("return window.innerHeight;")


class _Beacon:
    """A loopback HTTP server that counts every request it gets."""

    def __init__(self) -> None:
        import http.server
        import threading

        hits: list[str] = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the http.server API
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/gif")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.hits = hits
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/beacon"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_markdown_and_html_in_data_and_urls_load_nothing(tmp_path: Path, driver: Any) -> None:
    """Every page, with `![x](beacon)` and `[x](javascript:…)` in the article, comment and BibTeX
    text and in the URL parameters: the beacon counts zero hits, no link is javascript:, no alert."""
    from urllib.parse import quote

    from explorer_data import markdown_batch
    from selenium.webdriver.common.by import By

    from graph.store import open_store

    beacon = _Beacon()
    try:
        store_path = tmp_path / "markdown.db"
        with open_store(str(store_path)) as store:
            store.write(markdown_batch(beacon.url))
            claim = store.claims().rows[0]
        hostile = quote(f"![x]({beacon.url})[x](javascript:alert(1))<img src=x onerror=alert(1)>", safe="")
        visits = [
            ("overview", ""), ("read", f"&doc={quote(claim['document_id'])}"), ("read", f"&doc={hostile}"),
            ("claims", f"&q={hostile}&source={hostile}&document={hostile}"), ("claims", "&q=Trauma"),
            ("trace", f"&claim={claim['id']}"), ("trace", f"&claim={hostile}"),
            ("graph", f"&node={hostile}"), ("graph", f"&node={claim['id']}"), ("graph", ""),
            ("export", f"&node={hostile}"), ("export", "&node=evil2020"), ("ingest", ""),
        ]
        with serve(store_path) as url:
            for page, query in visits:
                open_page(driver, f"{url}/?page={page}{query}", "ClaimGraph")
                wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, "h2"))
                wait(driver).until(
                    lambda b: not b.find_elements(By.CSS_SELECTOR, '[data-testid="stSkeleton"]'))
                time.sleep(1.5)  # let images and iframes the page may hold start loading
                assert not _alert_open(driver), page
                hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.TAG_NAME, "a")]
                assert not [h for h in hrefs if h.lower().startswith("javascript")], (page, query)
                assert not driver.find_elements(By.CSS_SELECTOR, f'img[src^="{beacon.url}"]'), (page, query)
                if page == "read" and "markdown-article" in query:
                    assert "![x](" in driver.find_element(By.TAG_NAME, "body").text
            assert beacon.hits == [], f"pages loaded the beacon: {beacon.hits}"
        driver.get(beacon.url)  # the beacon does count: a direct visit is one hit
        # (the browser may also ask the beacon for its /favicon.ico on a direct visit)
        assert [hit for hit in beacon.hits if hit != "/favicon.ico"] == ["/beacon"]
    finally:
        beacon.close()


def test_corpus_overview_follows_a_work_to_its_claims(tmp_path: Path, driver: Any) -> None:
    """A multi-article store: the Overview ranks the works; following the sleep paper's link opens
    the claims of both articles resting on it, under their reference."""
    from explorer_data import corpus_store
    from selenium.webdriver.common.by import By

    store_path = corpus_store(tmp_path / "corpus")
    with serve(Path(store_path)) as url:
        open_page(driver, url, "Works the corpus rests on")
        wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, "a.cg-work-link"))
        wait(driver).until(lambda b: "Articles of the corpus that cite each other" in
                           b.find_element(By.TAG_NAME, "body").text)
        screenshot(driver, "overview-corpus")
        heading = next(h for h in driver.find_elements(By.TAG_NAME, "h3") if "Works the corpus" in h.text)
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", heading)
        screenshot(driver, "overview-works")
        link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "a.cg-work-link")
                    if a.text.startswith("Smith & Jones, 2010"))
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", link)
        link.click()
        wait(driver).until(lambda b: "page=claims" in b.current_url and "source=work" in b.current_url)
        wait(driver).until(lambda b: caption_count(b) == 2)
        alerts = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stAlert"]')
        assert not alerts, "the link names a valid view"
        screenshot(driver, "claims-of-a-work")


def test_support_profile_facets_badges_and_summary_in_chromium(tmp_path: Path, driver: Any) -> None:
    """Issue #13 on a hand-built store: the design facet and the contrasting checkbox filter the claims
    and go in the URL; the trace and the reader show each reference's design (its reason on hover,
    an HTML attack shown as text) and each citation's stance with its cue; a disputed claim has its own
    colour; the Overview's strength table links to the claims resting on one design."""
    from explorer_data import SUPPORT_DOC, XSS_REASON, support_batch
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    from graph.model import ClaimFilter
    from graph.store import open_store

    store_path = tmp_path / "support.db"
    with open_store(str(store_path)) as store:
        store.write(support_batch())
        exercise = store.claims(ClaimFilter(text="Exercise")).rows[0]["id"]
        coffee = store.claims(ClaimFilter(text="Coffee")).rows[0]["id"]
    with serve(store_path) as url:
        open_page(driver, f"{url}/?page=claims&design=trial-or-meta-analysis", "claims match")
        wait(driver).until(lambda b: caption_count(b) == 2)
        assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stAlert"]')
        contrasting = ('//*[@data-testid="stCheckbox"][.//p[normalize-space()="Has a contrasting citation"]]'
                       "//label")
        wait(driver).until(lambda b: b.find_elements(By.XPATH, contrasting))[0].click()
        wait(driver).until(lambda b: caption_count(b) == 1 and "contrasting=1" in b.current_url)
        assert "design=trial-or-meta-analysis" in driver.current_url
        screenshot(driver, "claims-support")

        open_page(driver, f"{url}/?page=trace&claim={exercise}", "Evidence and references")
        badge = wait(driver).until(lambda b: next(
            (d for d in b.find_elements(By.CSS_SELECTOR, '.cg-design[data-design="rct"]')
             if d.is_displayed()), None))
        assert badge.text == "Randomised controlled trial"
        assert badge.get_attribute("title") == f"Why: {XSS_REASON}", "the reason is the hover text, as text"
        stances = [s.text for s in driver.find_elements(By.CSS_SELECTOR, ".cg-stance")]
        assert sorted(stances) == ["contrasting", "supporting"]
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "cue: “as shown in”" in body and "cue: “unlike <b>Case</b>”" in body
        assert not driver.find_elements(By.CSS_SELECTOR, ".cg-reference img, .cg-ref-design img, .cg-cue b")
        heading = next(h for h in driver.find_elements(By.TAG_NAME, "h3") if "Evidence" in h.text)
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", heading)
        screenshot(driver, "trace-support")

        open_page(driver, f"{url}/?page=read&doc={SUPPORT_DOC}", "disputed by citation")
        disputed = wait(driver).until(lambda b: b.find_element(By.ID, coffee))
        assert "cg-s-disputed-by-citation" in disputed.get_attribute("class").split()
        colour = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor;", disputed)
        assert colour == "rgb(248, 187, 208)"
        claim = driver.find_element(By.ID, exercise)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", claim)
        ActionChains(driver).move_to_element(claim).click().perform()
        popup = _visible_popup(driver, claim)
        designs = [d.get_attribute("data-design") for d in popup.find_elements(By.CSS_SELECTOR, ".cg-design")]
        assert sorted(designs) == ["case-report", "rct"]
        assert "supporting" in popup.text and "contrasting" in popup.text and "cue: “unlike <b>Case</b>”" \
            in popup.text
        screenshot(driver, "reader-support")

        open_page(driver, url, "Strength of support")
        table = wait(driver).until(lambda b: b.find_element(By.CSS_SELECTOR, "table.cg-strength"))
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", table)
        screenshot(driver, "overview-strength")
        link = next(a for a in table.find_elements(By.CSS_SELECTOR, "a.cg-strength-link")
                    if a.text.startswith("Randomised controlled trial"))
        link.click()
        wait(driver).until(lambda b: "page=claims" in b.current_url and "design=rct" in b.current_url)
        wait(driver).until(lambda b: caption_count(b) == 1)
        assert not _alert_open(driver)


# Every item of a graph legend, measured inside its frame: the dot's box and the boxes of the words
# after it (a Range over the item's text, whatever the markup), and whether the frame scrolls.
LEGEND_GEOMETRY_JS = """
const items = Array.from(document.querySelectorAll('.cg-legend > *')).map(item => {
  const dot = item.firstElementChild.getBoundingClientRect();
  const range = document.createRange();
  range.setStartAfter(item.firstElementChild);
  range.setEndAfter(item.lastChild);
  const words = Array.from(range.getClientRects()).filter(r => r.width > 0)
    .map(r => ({top: r.top, bottom: r.bottom, left: r.left}));
  return {name: item.textContent.trim(), top: dot.top, bottom: dot.bottom, right: dot.right, words: words};
});
const page = document.scrollingElement;
return {items: items, scrolls: page.scrollHeight > page.clientHeight + 1,
        rows: new Set(items.map(i => Math.round(i.top))).size};
"""


def legend_problems(geometry: dict[str, Any]) -> list[str]:
    """Legend items whose name does not sit on the dot's line, right after it, all on one line."""
    problems = []
    for item in geometry["items"]:
        middle = (item["top"] + item["bottom"]) / 2
        words = item["words"]
        if not words:
            problems.append(f"{item['name']}: no words")
        elif not all(w["top"] <= middle <= w["bottom"] for w in words):
            problems.append(f"{item['name']}: dot at y={middle:.0f}, words at "
                            f"{sorted({round(w['top']) for w in words})}")
        elif not 0 <= words[0]["left"] - item["right"] <= 12:
            gap = words[0]["left"] - item["right"]
            problems.append(f"{item['name']}: words start {gap:.0f}px after the dot")
    return problems


def graph_frame(browser: Any) -> Any:
    """Switch into the frame holding the graph widget, once it has drawn; returns the frame."""
    from selenium.webdriver.common.by import By

    def drawn(b: Any) -> Any:
        for frame in b.find_elements(By.CSS_SELECTOR, "iframe"):
            b.switch_to.frame(frame)
            if b.execute_script("return !!(window.cgNetwork && document.querySelector('.cg-legend'))"):
                return frame
            b.switch_to.default_content()
        return None

    return wait(browser).until(drawn)


def test_graph_legend_keeps_each_dot_beside_its_name_at_every_width(app_url: str, driver: Any) -> None:
    """On the Graph and Trace pages at 1400, 1000 and 700 px the legend wraps between items only:
    each dot is on the line of its name (measured with getBoundingClientRect), and the widget's frame
    does not scroll however many rows the legend takes."""
    from conftest import DEMO_ARTICLE, DEMO_BIB

    from graph.schema import Label
    from ingest.pipeline import ingest_paths

    batch = ingest_paths([DEMO_ARTICLE], [DEMO_BIB]).batch
    claim = next(n.id for n in batch.nodes if n.label == Label.CLAIM and n.props.get("status") == "cited")
    pages = {"graph": (f"{app_url}/?page=graph", "claims resting on"),
             "trace": (f"{app_url}/?page=trace&claim={claim}", "Path")}
    rows = {}
    try:
        for width in (1400, 1000, 700):
            driver.set_window_size(width, 1000)
            for name, (url, expected) in pages.items():
                open_page(driver, url, expected)
                frame = graph_frame(driver)
                geometry = driver.execute_script(LEGEND_GEOMETRY_JS)
                driver.switch_to.default_content()
                assert len(geometry["items"]) == 9, geometry
                assert legend_problems(geometry) == [], (name, width)
                assert not geometry["scrolls"], f"the {name} widget's frame scrolls at {width} px"
                rows[name, width] = geometry["rows"]
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", frame)
                screenshot(driver, f"{name}-legend-{width}")
    finally:
        driver.switch_to.default_content()
        driver.set_window_size(1400, 1000)
    assert rows["graph", 700] > 1, "at 700 px the legend wraps, so the check saw a wrapped row"


# The box of `selector`'s first match against the page's main column and the window.
FIT_JS = """
const element = document.querySelector(arguments[0]);
if (!element) { return null; }
const column = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
const box = element.getBoundingClientRect();
const links = Array.from(element.querySelectorAll('a')).map(a => a.getBoundingClientRect().right);
return {right: box.right, column: column.right, links: links, window: window.innerWidth,
        page: document.scrollingElement.scrollWidth};
"""


def test_overview_tables_fit_the_column_at_every_width(tmp_path: Path, driver: Any) -> None:
    """At 1400 and 700 px the unresolved-citations table and the cross-citations table sit inside the
    main column, their 'Read →' links inside the table, and the page never scrolls sideways."""
    from explorer_data import corpus_store
    from selenium.webdriver.common.by import By

    store_path = corpus_store(tmp_path / "corpus")
    try:
        with serve(Path(store_path)) as url:
            for width in (1400, 700):
                driver.set_window_size(width, 1000)
                open_page(driver, url, "Unresolved citations")
                wait(driver).until(lambda b: b.find_elements(By.CSS_SELECTOR, "table.cg-unresolved a"))
                for selector in ("table.cg-unresolved", "table.cg-corpus-citations"):
                    fit = driver.execute_script(FIT_JS, selector)
                    assert fit and fit["links"], f"{selector} at {width} px: no table with links"
                    assert fit["right"] <= fit["column"] + 1, (selector, width, fit)
                    assert max(fit["links"]) <= fit["right"], (selector, width, fit)
                    assert fit["page"] <= fit["window"], (selector, width, fit)
                heading = next(h for h in driver.find_elements(By.TAG_NAME, "h3")
                               if "Articles of the corpus" in h.text)
                driver.execute_script("arguments[0].scrollIntoView({block: 'start'});", heading)
                screenshot(driver, f"overview-tables-{width}")
    finally:
        driver.set_window_size(1400, 1000)


# The picture preview: its size on screen against the SVG's own, and its box against the column.
PICTURE_JS = """
const image = document.querySelector('img.cg-picture');
if (!image || !image.complete || !image.naturalWidth) { return null; }
const box = image.parentElement.getBoundingClientRect();
const column = document.querySelector('[data-testid="stMainBlockContainer"]').getBoundingClientRect();
return {shown: image.getBoundingClientRect().width, natural: image.naturalWidth, box: box.width,
        boxRight: box.right, column: column.right, page: document.scrollingElement.scrollWidth,
        window: window.innerWidth};
"""


def test_export_picture_preview_is_readable_and_fits_on_request(app_url: str, driver: Any) -> None:
    """The Export page shows the picture at the SVG's own size (its 10 px captions legible, not
    scaled to half) in a box no wider than the column; 'Fit to the column' scales the whole picture
    into that box. At 1400 and 700 px."""
    from selenium.webdriver.common.by import By

    try:
        for width in (1400, 700):
            driver.set_window_size(width, 1000)
            open_page(driver, f"{app_url}/?page=export", "Picture size")
            actual = wait(driver).until(lambda b: b.execute_script(PICTURE_JS))
            assert actual["natural"] > actual["box"], "the demo's picture is wider than the column"
            assert abs(actual["shown"] - actual["natural"]) <= 1, actual
            assert actual["boxRight"] <= actual["column"] + 1 and actual["page"] <= actual["window"], actual
            screenshot(driver, f"export-picture-{width}")
            driver.find_element(By.XPATH, '//label[.//*[normalize-space()="Fit to the column"]]').click()
            fitted = wait(driver).until(lambda b: (g := b.execute_script(PICTURE_JS)) and
                                        g["shown"] < g["natural"] and g)
            assert fitted["shown"] <= fitted["box"], fitted
            screenshot(driver, f"export-picture-fit-{width}")
    finally:
        driver.set_window_size(1400, 1000)
