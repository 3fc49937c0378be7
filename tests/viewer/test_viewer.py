"""The viewer page (`GET /`) and `lede extract --format html`, in headless Chromium.

Starts `lede serve` on a free loopback port, opens the page in Debian's chromium through Debian's chromedriver
(Selenium is given both paths and SE_OFFLINE, so it downloads nothing), submits the example article and checks the
page against what the API itself returns for the same request. Saves a screenshot to .build/viewer.png, or to
$VIEWER_SCREENSHOT (the README's picture: VIEWER_SCREENSHOT=docs/img/viewer.png), so a test run leaves the tree clean.

    LEDE_BIN=.build/debug/lede .venv/bin/python -m pytest -q tests/viewer
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("LEDE_SHARED_DIR", ROOT.parent / "shared"))
LEDE = os.environ.get("LEDE_BIN", str(ROOT / ".build/debug/lede"))
EXAMPLE = SHARED / "examples/moscow-iran-2025-06-23.txt"
CHROMIUM = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
SCREENSHOT = pathlib.Path(os.environ.get("VIEWER_SCREENSHOT", ROOT / ".build/viewer.png"))
PAGE_LIMIT = 100_000
WAIT = 180  # seconds: a debug build on a busy machine extracts the article in a few seconds, loads models in more

# The text of the elements matching a selector, without the chips the viewer adds beside the text.
TEXT_OF = """
return [...document.querySelectorAll(arguments[0])].map((node) => {
  const copy = node.cloneNode(true);
  copy.querySelectorAll('.tval, .qspk, .rm-label').forEach((chip) => chip.remove());
  return copy.textContent;
});
"""

# The WCAG contrast ratio of each selector's text against its effective background; returns those below 4.5.
CONTRAST = """
const rgb = (v) => v.match(/[\\d.]+/g).map(Number);
const lum = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
  .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
const background = (node) => {
  for (; node; node = node.parentElement) { const c = rgb(getComputedStyle(node).backgroundColor); if (c.length < 4 || c[3] > 0) return c; }
  return [255, 255, 255];
};
const low = [];
for (const selector of arguments[0]) {
  for (const node of [...document.querySelectorAll(selector)].slice(0, 40)) {
    const a = lum(rgb(getComputedStyle(node).color)), b = lum(background(node));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(selector + ' ' + ratio.toFixed(2));
  }
}
return [...new Set(low)];
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not os.path.exists(LEDE):
        pytest.fail(f"no lede binary at {LEDE}; build it or set LEDE_BIN")
    port = free_port()
    log_path = tmp_path_factory.mktemp("viewer") / "serve.log"
    log = log_path.open("w")
    env = dict(os.environ, LEDE_LOGGING_ACCESS_LOG="false")
    process = subprocess.Popen([LEDE, "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + WAIT
    while True:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=5) as response:
                if response.status == 200:
                    break
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.close()
            pytest.fail(f"lede serve did not become ready on port {port}: {log_path.read_text()[-2000:]}")
        time.sleep(0.3)
    yield base
    process.terminate()
    process.wait(timeout=30)
    log.close()


def post_extract(base, body):
    request = urllib.request.Request(base + "/v1/extract", data=json.dumps(body).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=WAIT) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def article():
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def api_result(server, article):
    """What the public API returns for exactly the request the page sends."""
    return post_extract(server, {"text": article, "published": "2025-06-23", "offsets": "utf16"})


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    for path in (CHROMIUM, CHROMEDRIVER):
        if not shutil.which(path):
            pytest.fail(f"{path} is missing: apt-get install chromium chromium-driver (make deps-test does)")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for drivers online
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1440,1000", "--force-device-scale-factor=1", "--lang=en-US", "--no-first-run",
                     # No smooth scrolling: a click must not land on a panel still moving after the last one.
                     "--force-prefers-reduced-motion"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def wait_for(driver, condition, message):
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, WAIT, poll_frequency=0.2).until(lambda d: condition(d), message)


def severe(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def submit(driver, mode, value, published=None):
    """Chooses the input mode, types/pastes the input and submits, as a user does."""
    from selenium.webdriver.common.by import By
    driver.find_element(By.CSS_SELECTOR, f"label[for=mode-{mode}]").click()
    field = driver.find_element(By.ID, "url" if mode == "url" else "doc")
    assert field.is_displayed()
    if mode == "url":
        field.send_keys(value)
    else:  # pasting: a paste sets the value at once, as the clipboard would
        driver.execute_script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", field, value)
    if published:
        driver.execute_script("arguments[0].value = arguments[1];", driver.find_element(By.ID, "published"), published)
    driver.find_element(By.ID, "submit").click()


def mentions_on_page(driver):
    """(entity id, mention index, type, text) of every highlighted mention in the article."""
    rows = driver.execute_script("""
      const seen = new Map();
      for (const m of document.querySelectorAll('#article mark.ent')) {
        const key = m.dataset.entity + '/' + m.dataset.mention;
        seen.set(key, [m.dataset.entity, Number(m.dataset.mention), m.dataset.type, (seen.get(key) || [,,, ''])[3] + m.textContent]);
      }
      return [...seen.values()];
    """)
    return sorted(tuple(row) for row in rows)


def mentions_in_result(result, text):
    return sorted((e["id"], i, e["type"], text[m["start"]:m["end"]]) for e in result["entities"] for i, m in enumerate(e["mentions"]))


def utf16_slice(text, start, end):
    encoded = text.encode("utf-16-le")
    return encoded[start * 2:end * 2].decode("utf-16-le")


def test_get_root_serves_one_small_self_contained_page(server):
    with urllib.request.urlopen(server + "/", timeout=30) as response:
        body = response.read()
        headers = response.headers
    assert response.status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert len(body) < PAGE_LIMIT
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["Cache-Control"] == "no-cache" and headers["ETag"]
    page = body.decode("utf-8")
    assert "<script src" not in page and "<link rel=\"stylesheet\"" not in page and "@import" not in page
    assert "url(http" not in page and "fonts.googleapis" not in page
    revalidate = urllib.request.Request(server + "/", headers={"If-None-Match": headers["ETag"]})
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        urllib.request.urlopen(revalidate, timeout=30)
    assert not_modified.value.code == 304


def test_the_page_shows_what_the_api_found(server, browser, article, api_result):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    assert severe(browser) == []
    submit(browser, "text", article, published="2025-06-23")
    wait_for(browser, lambda d: d.find_element(By.ID, "results").is_displayed(), "no results shown")
    result = api_result

    # Entity highlights: every mention the API returned, with its type, and the right slice of the text.
    on_page = mentions_on_page(browser)
    assert on_page == mentions_in_result(result, article)
    assert on_page, "no entity highlighted"
    by_text = {(text, kind) for _, _, kind, text in on_page}
    for name, kind in [("Putin", "PERSON"), ("Vladimir Putin", "PERSON"), ("Araqchi", "PERSON"),
                       ("Iran", "LOCATION"), ("Moscow", "LOCATION"), ("Kremlin", "ORGANIZATION")]:
        assert (name, kind) in by_text, f"{name} is not highlighted as {kind}"

    # Hover: canonical name, titles, salience.
    putin = browser.find_element(By.CSS_SELECTOR, "#article mark.ent[data-type=PERSON]")
    ActionChains(browser).move_to_element(putin).perform()
    tip = browser.find_element(By.ID, "tip")
    wait_for(browser, lambda d: tip.is_displayed(), "no tooltip on hover")
    entity = next(e for e in result["entities"] if e["id"] == putin.get_attribute("data-entity"))
    assert entity["name"] in tip.text and "Salience" in tip.text
    for title in entity["titles"]:
        assert title in tip.text

    # Quotes: each marked over exactly its text, listed under its speaker as the API attributes it.
    quotes = result["quotes"]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#quotes .quote-item")) == len(quotes) > 0
    names = {e["id"]: e["name"] for e in result["entities"]}
    for quote in quotes:
        marked = "".join(browser.execute_script(TEXT_OF, f'#article [data-quote="{quote["id"]}"]'))
        assert marked == utf16_slice(article, quote["start"], quote["end"]) == quote["text"]
        speaker = names.get(quote["speaker"]["entity"], quote["speaker"]["text"]) if quote["speaker"] else "No speaker found"
        group = browser.find_element(By.CSS_SELECTOR, f'#quotes .quote-item[data-quote="{quote["id"]}"]') \
            .find_element(By.XPATH, "ancestor::div[contains(@class,'group')]")
        assert group.find_element(By.CSS_SELECTOR, ".speaker-name").text == speaker
    listed = {b.find_element(By.CSS_SELECTOR, ".qtext").text[:20]: b.find_element(By.XPATH, "ancestor::div[contains(@class,'group')]")
              .find_element(By.CSS_SELECTOR, ".speaker-name").text for b in browser.find_elements(By.CSS_SELECTOR, ".quote-item")}
    assert listed["“For our part, we ar"] == "Vladimir Putin"  # fixed expectations on the real article
    assert listed["“I am very glad that"] == "Vladimir Putin"
    # The speaker badge after a quote leads to the speaker's mention in the text.
    first = quotes[0]
    browser.find_element(By.CSS_SELECTOR, f'.qspk[data-badge-of="{first["id"]}"]').click()
    focused = browser.switch_to.active_element
    assert focused.get_attribute("id") == f'spk-{first["speaker"]["start"]}'
    assert focused.text == first["speaker"]["text"]

    # Events: exactly the API's, who and what; a click scrolls to the sentence.
    events = browser.find_elements(By.CSS_SELECTOR, "#events .ev")
    assert len(events) == len(result["events"])
    for row, event in zip(events, result["events"]):
        assert row.get_attribute("data-event") == event["id"]
        assert row.find_element(By.CSS_SELECTOR, ".ev-trigger").text.endswith(event["trigger"]["text"])
        if event["actor"]:
            assert row.find_element(By.CSS_SELECTOR, ".ev-actor").text.endswith(names.get(event["actor"]["entity"], event["actor"]["text"]))
        row.click()
        assert browser.switch_to.active_element.get_attribute("id") == f's-{event["sentence"]}'

    # Times: the normalised value beside each expression.
    values = browser.execute_script("return [...document.querySelectorAll('#article .tval')].map((n) => [n.dataset.timeValue, n.textContent])")
    assert values == [[t["id"], t["value"] + (" " + t["mod"] if t["mod"] else "")] for t in result["times"]]

    # Removed spans: each greyed out over exactly its text.
    removed = result["document"]["removed"]
    assert removed, "the example article repeats its body; the result should say so"
    for index, span in enumerate(removed):
        shown = "".join(browser.execute_script(TEXT_OF, f'#article [data-removed="{index}"]'))
        assert shown == utf16_slice(article, span["start"], span["end"])
    grey = browser.execute_script("""
      const r = getComputedStyle(document.querySelector('#article .removed')), s = getComputedStyle(document.querySelector('#article .sent'));
      return [r.color, s.color];""")
    assert grey[0] != grey[1] and grey[0] == "rgb(85, 93, 105)"

    # Raw JSON, one click away: exactly the API's answer.
    raw = browser.find_element(By.ID, "raw-response")
    assert not raw.is_displayed()
    browser.find_element(By.CSS_SELECTOR, "#raw summary").click()
    assert raw.is_displayed()
    assert json.loads(raw.get_attribute("textContent")) == result
    browser.find_element(By.CSS_SELECTOR, "#raw summary").click()

    # Keyboard: the article is one tab stop whose arrow keys walk the highlights.
    from selenium.webdriver.common.keys import Keys
    first_mark = browser.find_element(By.CSS_SELECTOR, "#article .mark")
    browser.execute_script("arguments[0].focus()", first_mark)
    ActionChains(browser).send_keys(Keys.ARROW_RIGHT).perform()
    assert browser.switch_to.active_element != first_mark
    assert browser.execute_script("return document.activeElement.closest('#article') !== null")
    assert browser.find_element(By.ID, "tip").is_displayed(), "focus shows the same details as hover"
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert not browser.find_element(By.ID, "tip").is_displayed()

    # Screen readers: every control has a label; contrast: text on every highlight passes WCAG AA (4.5:1).
    assert browser.execute_script(
        "return [...document.querySelectorAll('input, textarea, select')].filter((c) => c.labels.length === 0).map((c) => c.id)") == []
    low = browser.execute_script(CONTRAST, ["#article .sent", "#article mark.ent", "#article .removed", "#article .tval",
                                            "#article .qspk", ".rm-label", ".chip", ".sub", ".hint", "#summary span", "h2"])
    assert low == [], f"contrast below 4.5:1: {low}"

    assert severe(browser) == [], "the page logged errors"

    # The screenshot the README shows: results at the top, a tooltip open on the lead's first person.
    browser.set_window_size(1440, 1500)  # tall enough for the side panel's quotes and events
    browser.execute_script("document.getElementById('article').scrollTop = 0; window.scrollTo(0, 0);")
    lead = browser.find_element(By.CSS_SELECTOR, "#article mark.ent[data-type=PERSON]")
    ActionChains(browser).move_to_element(lead).perform()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOT))


def test_focus_order_follows_the_form(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(server + "/")
    order = []
    while len(order) < 7:
        ActionChains(browser).send_keys(Keys.TAB).perform()
        at = browser.execute_script("const a = document.activeElement; return a.id || a.className")
        if not order or order[-1] != at:  # a date field takes one Tab per part (month, day, year)
            order.append(at)
    assert order == ["skip", "api-link", "mode-text", "doc", "published", "api-key", "submit"]
    focus_ring = browser.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
    assert focus_ring == "solid", "keyboard focus must be visible"


def test_html_input_is_shown_as_its_article_text(server, browser):
    from selenium.webdriver.common.by import By

    html = ("<html><head><title>Putin hosts Araqchi</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
            "</nav><article><h1>Putin hosts Iran’s foreign minister</h1><p>Russian President Vladimir Putin met Iran’s "
            "foreign minister Abbas Araqchi in Moscow on Monday.</p><p>“We are ready to help,” Putin told him.</p>"
            "</article><footer>© 2025 Example News</footer></body></html>")
    expected = post_extract(server, {"html": html, "published": "2025-06-23", "offsets": "utf16"})
    browser.get(server + "/")
    submit(browser, "html", html, published="2025-06-23")
    wait_for(browser, lambda d: d.find_element(By.ID, "results").is_displayed(), "no results shown")
    text = expected["article"]["text"]
    assert browser.execute_script(TEXT_OF, "#article") == [text]
    assert mentions_on_page(browser) == mentions_in_result(expected, text)
    assert ("Vladimir Putin", "PERSON") in {(t, kind) for _, _, kind, t in mentions_on_page(browser)}
    assert expected["article"]["title"] in browser.find_element(By.ID, "article-meta").text
    assert severe(browser) == []


def test_api_errors_are_shown_with_their_code(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/")
    browser.get_log("browser")  # start from an empty log
    submit(browser, "url", "http://127.0.0.1:1/")
    box = browser.find_element(By.ID, "error")
    wait_for(browser, lambda d: box.is_displayed(), "no error shown")
    assert box.get_attribute("role") == "alert"
    assert box.find_element(By.CSS_SELECTOR, ".err-code").text == "fetch_blocked"
    assert "127.0.0.1" in box.text and "HTTP 422" in box.text
    assert not browser.find_element(By.ID, "results").is_displayed()
    # The 422 itself is the network log's entry; the script must add no error of its own.
    assert [e for e in severe(browser) if e.get("source") != "network"] == []


def test_article_text_is_only_ever_text(server, browser):
    from selenium.webdriver.common.by import By

    hostile = ('Putin said: "<img src=x onerror=document.title=1> </script><script>document.title=2</script>" '
               "in Moscow on Monday.")
    browser.get(server + "/")
    submit(browser, "text", hostile)
    wait_for(browser, lambda d: d.find_element(By.ID, "results").is_displayed(), "no results shown")
    assert browser.find_elements(By.CSS_SELECTOR, "#article img, #article script") == []
    assert browser.title == "Lede viewer"
    assert browser.execute_script(TEXT_OF, "#article") == [hostile]  # the markup is shown as text, greyed as removed markup
    assert severe(browser) == []


def test_format_html_is_the_same_view_without_a_server(browser, article, api_result, tmp_path):
    from selenium.webdriver.common.by import By

    out = tmp_path / "out.html"
    with out.open("wb") as handle:
        subprocess.run([LEDE, "extract", "--published", "2025-06-23", "--format", "html", str(EXAMPLE)],
                       stdout=handle, check=True, cwd=ROOT)
    page = out.read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy"' in page
    assert "</script><script>" not in page.split('id="lede-data">', 1)[1].split("</script>", 1)[0]
    browser.get(out.as_uri())
    wait_for(browser, lambda d: d.find_element(By.ID, "results").is_displayed(), "the static page rendered nothing")
    assert not browser.find_element(By.ID, "input-form").is_displayed()
    assert mentions_on_page(browser) == mentions_in_result(api_result, article)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#quotes .quote-item")) == len(api_result["quotes"])
    assert json.loads(browser.find_element(By.ID, "raw-response").get_attribute("textContent")) == api_result
    assert severe(browser) == []


def test_format_html_escapes_the_embedded_text(browser, tmp_path):
    from selenium.webdriver.common.by import By

    text = "Putin said </script><script>document.title='owned'</script> <!-- in Moscow & Kyiv on Monday.\n"
    out = tmp_path / "hostile.html"
    with out.open("wb") as handle:
        subprocess.run([LEDE, "extract", "--format", "html", "-"], input=text.encode("utf-8"), stdout=handle, check=True)
    browser.get(out.as_uri())
    wait_for(browser, lambda d: d.find_element(By.ID, "results").is_displayed(), "the static page rendered nothing")
    assert browser.title == "Lede viewer"
    assert browser.execute_script(TEXT_OF, "#article") == [text]
    assert severe(browser) == []
