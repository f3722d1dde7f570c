"""lawcheck serve in a real browser: Debian's chromium, headless, driven by Playwright, against the real server
(``python -m lawcheck serve``, uvicorn) started in an empty folder.

Skipped, with the reason, where chromium, Playwright or lawcheck[serve] is missing, as tests/test_html_browser.py
is.  Screenshots are saved as artefacts in ``LAWCHECK_ARTEFACTS`` (default ``.pytest_cache/lawcheck-artefacts``).
"""

from __future__ import annotations

import base64
import io
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import FIXTURES
from tests.helpers.serving import start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
pytest.importorskip("starlette", reason="lawcheck[serve] is not installed")
if CHROMIUM is None:
    pytest.skip("no chromium here (Debian: apt-get install chromium)", allow_module_level=True)

from tests.test_html_browser import ARGS, ARTEFACTS, AXE  # noqa: E402

LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
RULE = "content.first_responsible_duty"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The server as a user starts it, in an empty folder that must stay empty."""
    cwd = tmp_path_factory.mktemp("serve-cwd")
    proc, url = start_server(cwd)
    yield url
    code, err = stop_server(proc)
    assert code == 130 and "Traceback" not in err, err
    assert list(cwd.iterdir()) == [], "the server wrote into the folder it was started from"


@pytest.fixture(scope="module")
def browser(tmp_path_factory, server):
    """Chromium that resolves rebind.test to 127.0.0.1 (DNS rebinding), and a log of every request that
    would leave this computer (there must be none)."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    outside: list[str] = []
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, accept_downloads=True,
            args=[*ARGS, "--host-resolver-rules=MAP rebind.test 127.0.0.1"])

        def only_here(route):
            url = route.request.url
            if url.startswith(("http://127.0.0.1:", "http://rebind.test:", "blob:", "data:", "file:")):
                route.continue_()
            else:
                outside.append(url)
                route.abort()

        ctx.route("**/*", only_here)
        yield ctx
        ctx.close()
    assert outside == [], f"requests that would leave the machine: {outside}"


def _open(browser, url: str, width: int = 1280):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.console = []
    page.on("console", lambda m: page.console.append(m.text))
    page.goto(url)
    return page


def _wait_for_report(page, before: str | None = None) -> str:
    """The status line once a result (other than ``before``) is shown."""
    page.wait_for_function("b => { const s = document.getElementById('status').textContent;"
                           " return s.includes('·') && s !== b; }", arg=before or "")
    return page.inner_text("#status")


def _docx_bytes() -> bytes:
    from tests.helpers.make_docs import make_docx

    return make_docx(LINGSHOU)


def test_a_dropped_docx_shows_its_score(browser, server, tmp_path):
    import lawcheck

    data = _docx_bytes()
    (tmp_path / "灵寿县2021年度报告.docx").write_bytes(data)
    card = lawcheck.check_file(tmp_path / "灵寿县2021年度报告.docx")
    page = _open(browser, server)
    # A real drop: a DataTransfer holding the file, dropped on the drop zone.
    transfer = page.evaluate_handle(
        """([b64, name]) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const dt = new DataTransfer(); dt.items.add(new File([bytes], name)); return dt; }""",
        [base64.b64encode(data).decode(), "灵寿县2021年度报告.docx"])
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    status = _wait_for_report(page)
    assert status.startswith(f"得分：{card.score:.1f}")
    assert f"{card.score:.1f}" in page.inner_text("#report .gauge")
    for r in card.results:
        assert page.get_attribute(f'#report tr[id="rule-{r.rule}"]', "data-status") == r.status, r.rule
    assert "灵寿县2021年度报告.docx" in page.inner_text("#report .facts")
    assert "关于2021年度法治政府建设情况的报告" in page.input_value("#paste")  # the text read, ready to edit
    assert not page.is_hidden("#origin")
    # The evidence links of the report page work here too (report.js).
    page.locator("#report a.jump[data-rule]").first.click()
    assert page.locator("#report mark.ev.flash").count() >= 1
    assert not [m for m in page.console if "Content Security Policy" in m], page.console
    page.close()


def test_the_file_picker_is_keyboard_accessible(browser, server):
    page = _open(browser, server)
    # Listening from the start: file-chooser interception is then on before the key is pressed (turned on
    # only by expect_file_chooser, it can lose the race with the picker opening).
    page.on("filechooser", lambda chooser: None)
    page.wait_for_timeout(100)
    page.focus("#pick")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files(files=[{"name": "report.txt", "mimeType": "text/plain",
                                    "buffer": LINGSHOU.encode("gb18030")}])
    assert _wait_for_report(page).startswith("得分：")
    # A broken file: one line in the page, and the page (and server) go on.
    with page.expect_file_chooser() as chooser:
        page.click("#pick")
    chooser.value.set_files(files=[{"name": "bad.docx", "mimeType": "application/octet-stream",
                                    "buffer": b"PK\x03\x04 not a real archive"}])
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error").startswith("“bad.docx”检查失败：") and "\n" not in page.inner_text("#error")
    page.close()


def _drop(page, data: bytes, name: str) -> None:
    transfer = page.evaluate_handle(
        """([b64, name]) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const dt = new DataTransfer(); dt.items.add(new File([bytes], name)); return dt; }""",
        [base64.b64encode(data).decode(), name])
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})


def test_a_failed_check_says_which_file_and_the_status_does_not_stay_checking(browser, server):
    """Found in review: after a file that could not be checked the status line said "正在检查……" for good
    (and screen readers were told nothing more), and the error ("检查失败：是二进制文件，不是文本") named no file."""
    page = _open(browser, server)
    _drop(page, _docx_bytes(), "灵寿.docx")
    shown = _wait_for_report(page)
    _drop(page, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4, "照片.png")
    page.wait_for_selector("#error:not([hidden])")
    assert page.inner_text("#error") == "“照片.png”检查失败：是图片，没有可读的文字：请提供报告的文字版（.docx .pdf .txt）"
    assert page.inner_text("#status") == shown  # the report still shown is 灵寿.docx's, and says so
    _drop(page, b"\xd0\xcf\x11\xe0" + b"\0" * 600, "旧报告.doc")
    page.wait_for_function("() => document.getElementById('error').textContent.includes('旧报告.doc')")
    assert "另存为 .docx" in page.inner_text("#error") and page.inner_text("#status") == shown
    page.close()


def test_editing_a_dropped_file_says_the_docx_is_then_new_and_emptying_clears(browser, server):
    """Found in review: once the text read from a Word file was edited, the note "来自文件…" just vanished,
    though the commented .docx is from then on a new document without the file's layout (the guide said
    otherwise); and an emptied text box left the last report, and its downloads, in place."""
    page = _open(browser, server)
    _drop(page, _docx_bytes(), "灵寿.docx")
    first = _wait_for_report(page)
    page.focus("#paste")
    page.keyboard.press("End")
    page.keyboard.type("补")
    _wait_for_report(page, first)
    assert not page.is_hidden("#origin")
    assert page.inner_text("#origin").startswith("已修改从文件“灵寿.docx”读出的文字") and "新建" in page.inner_text("#origin")
    page.fill("#paste", "")
    page.wait_for_function("() => document.getElementById('status').textContent === ''")
    page.wait_for_selector("#report .empty")
    assert page.is_disabled("#dl-html") and page.is_disabled("#dl-docx") and page.is_hidden("#origin")
    assert page.get_attribute("#report", "data-score") is None
    page.fill("#paste", LINGSHOU)  # and it checks again from there
    assert _wait_for_report(page).startswith("得分：")
    assert not page.is_disabled("#dl-docx") and page.is_hidden("#origin")
    page.close()


def test_editing_the_pasted_text_updates_the_scorecard(browser, server):
    page = _open(browser, server)
    page.fill("#paste", LINGSHOU)
    first = _wait_for_report(page)
    row = f'#report tr[id="rule-{RULE}"]'
    assert page.get_attribute(row, "data-status") == "pass"
    # Delete the paragraph about the 第一责任人 as a person does: select it and press Delete.
    para = next(p for p in LINGSHOU.split("\n") if "第一责任人" in p)
    start = LINGSHOU.index(para)
    page.evaluate("([a, b]) => { const t = document.getElementById('paste'); t.focus(); t.setSelectionRange(a, b); }",
                  [start, start + len(para) + 1])
    page.keyboard.press("Delete")
    _wait_for_report(page, first)
    page.wait_for_selector(f'{row}[data-status="fail"]')
    assert "未通过" in page.inner_text(f"{row} td:first-child")
    page.close()


def test_answers_out_of_order_are_dropped(browser, server):
    """Typing fast: only the answer to the last text is shown, whichever answer arrives last."""
    page = _open(browser, server)
    cut = "\n".join(p for p in LINGSHOU.split("\n") if "第一责任人" not in p)
    # The first (full) text's answer is held back until after the second's has arrived.
    held = []

    def slow_first(route):
        if route.request.method == "POST" and "第一责任人" in (route.request.post_data or "") and not held:
            held.append(route)
            return
        route.continue_()
        for r in held:
            r.continue_()

    page.route("**/api/check", slow_first)
    page.fill("#paste", LINGSHOU)
    page.wait_for_timeout(400)  # past the debounce: the first request is sent (and held)
    page.fill("#paste", cut)
    page.wait_for_selector(f'#report tr[id="rule-{RULE}"][data-status="fail"]')
    page.wait_for_timeout(500)
    assert page.get_attribute(f'#report tr[id="rule-{RULE}"]', "data-status") == "fail"
    assert held, "the first request was never made"
    page.close()


def _paste_and_download(page, button: str, target) -> str:  # type: ignore[no-untyped-def]
    """Paste the report, wait for its scorecard, press a download button, save the file: its suggested name."""
    page.fill("#paste", LINGSHOU)
    _wait_for_report(page)
    with page.expect_download() as dl:
        page.click(button)
    dl.value.save_as(target)
    return dl.value.suggested_filename


def test_the_html_page_downloads(browser, server, tmp_path):
    import lawcheck

    page = _open(browser, server)
    target = tmp_path / "page.html"
    assert _paste_and_download(page, "#dl-html", target) == "年度报告-检查结果.html"
    html = target.read_text(encoding="utf-8")
    card = lawcheck.evaluate(LINGSHOU)
    assert html.startswith("<!DOCTYPE html>") and '<meta name="generator" content="lawcheck">' in html
    assert f'<tr id="rule-{RULE}" data-status="pass">' in html and f"{card.score:.1f}" in html
    # The saved page stands alone, as `check --format html` writes it: open it from the file.
    saved = browser.new_page()
    saved.goto(target.as_uri())
    assert f"{card.score:.1f}" in saved.inner_text(".gauge")
    saved.close()
    page.close()


def test_the_commented_docx_downloads(browser, server, tmp_path):
    import zipfile

    import docx

    from lawcheck.readers.docx import paragraph_text

    page = _open(browser, server)
    transfer = page.evaluate_handle(
        """([b64, name]) => { const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
        const dt = new DataTransfer(); dt.items.add(new File([bytes], name)); return dt; }""",
        [base64.b64encode(_docx_bytes()).decode(), "灵寿.docx"])
    page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
    _wait_for_report(page)
    with page.expect_download() as dl:
        page.click("#dl-docx")
    assert dl.value.suggested_filename == "灵寿-批注.docx"
    dl.value.save_as(tmp_path / "c.docx")
    docx.Document(str(tmp_path / "c.docx"))  # opens as a Word file
    with zipfile.ZipFile(tmp_path / "c.docx") as z:
        assert "word/comments.xml" in z.namelist()  # the findings, as Word comments
    made, dropped = docx.Document(str(tmp_path / "c.docx")), docx.Document(io.BytesIO(_docx_bytes()))
    assert made.comments and all(c.author == "lawcheck" for c in made.comments)
    # The dropped file came back with its text unchanged, paragraph for paragraph.
    assert [paragraph_text(p._p) for p in made.paragraphs] == [paragraph_text(p._p) for p in dropped.paragraphs]
    page.close()


def test_a_pasted_report_downloads_as_a_new_commented_docx(browser, server, tmp_path):
    import docx

    page = _open(browser, server)
    _paste_and_download(page, "#dl-docx", tmp_path / "p.docx")
    made = docx.Document(str(tmp_path / "p.docx"))
    assert made.comments and any("得分" in c.text for c in made.comments)
    assert made.paragraphs[0].text.strip() == LINGSHOU.strip().splitlines()[0].strip()
    page.close()


@pytest.fixture(scope="module")
def other_site(tmp_path_factory):
    """A web page on another port of this computer, as any site open in the same browser could be."""
    root = tmp_path_factory.mktemp("other-site")
    (root / "index.html").write_text("<!DOCTYPE html><title>other</title><p>other site</p>", encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_a_post_from_another_site_is_refused(browser, server, other_site):
    page = _open(browser, other_site)
    target = server + "api/check"
    # The status as the server sent it, read from the network (the page itself never sees it: the answer's
    # Cross-Origin-Resource-Policy makes the browser withhold it).
    cdp = browser.new_cdp_session(page)
    cdp.send("Network.enable")
    urls: dict[str, str] = {}
    statuses: list[int] = []
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.responseReceivedExtraInfo",
           lambda e: statuses.append(e["statusCode"]) if urls.get(e["requestId"]) == target else None)
    # fetch in no-cors mode, and a plain form: both are sent by a browser without asking the server first.
    got = page.evaluate("([u, t]) => fetch(u, {method: 'POST', mode: 'no-cors', body: t}).then(r => r.type,"
                        " e => 'failed')", [target, LINGSHOU])
    assert got == "failed"
    page.wait_for_function("() => true")
    assert statuses == [403]
    with page.expect_response(lambda r: r.url == target) as resp:
        page.evaluate("""u => { const f = document.createElement('form'); f.method = 'POST'; f.action = u;
            f.enctype = 'text/plain'; const i = document.createElement('input'); i.name = 'x'; i.value = 'y';
            f.appendChild(i); document.body.appendChild(f); f.submit(); }""", target)
    assert resp.value.status == 403
    assert "已拒绝" in page.inner_text("body")
    page.close()


def test_dns_rebinding_is_refused(browser, server):
    """rebind.test resolves to 127.0.0.1 here, as an attacker's name re-pointed there would: refused by Host."""
    port = server.rstrip("/").rsplit(":", 1)[1]
    page = browser.new_page()
    response = page.goto(f"http://rebind.test:{port}/")
    assert response is not None and response.status == 403
    assert "已拒绝" in page.inner_text("body")
    page.close()


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not found at {AXE} (.ci/run installs it from npm)")
def test_no_serious_accessibility_violations(browser, server):
    for filled in (False, True):
        page = browser.new_page()
        page.set_viewport_size({"width": 1280, "height": 900})
        page.add_init_script(path=str(AXE))  # an init script: the page's CSP forbids injected <script>s
        page.goto(server)
        if filled:
            page.fill("#paste", LINGSHOU)
            _wait_for_report(page)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
        assert not bad, (filled, bad)
        page.close()


def test_screenshots_at_phone_and_desktop_width(browser, server):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        page = _open(browser, server, width)
        page.screenshot(path=str(ARTEFACTS / f"serve-empty-{width}.png"))
        page.fill("#paste", LINGSHOU)
        _wait_for_report(page)
        page.screenshot(path=str(ARTEFACTS / f"serve-{width}.png"))
        # Nothing wider than the screen: no sideways scrolling on a phone.
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.close()
    assert (ARTEFACTS / "serve-390.png").stat().st_size > 10_000
