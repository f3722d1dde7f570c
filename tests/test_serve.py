"""lawcheck serve, the app: Starlette's TestClient for the routes and their guards, and the real uvicorn
server started as the command does it (the browser's view is tests/test_serve_browser.py)."""

from __future__ import annotations

import dataclasses
import sys
import time

import pytest

from tests.conftest import FIXTURES, ROOT
from tests.helpers.serving import start_server, stop_server

pytest.importorskip("starlette", reason="lawcheck[serve] is not installed")
pytest.importorskip("httpx2", reason="httpx2 (Starlette's TestClient) is not installed")

from starlette.testclient import TestClient

from lawcheck.batch import Options
from lawcheck.limits import Limits
from lawcheck.serve.app import create_app
from lawcheck.serve.guard import CSP, Guard, is_loopback, split_host
from lawcheck.serve.work import Checker, file_name

PORT = 48765  # the port the app believes it listens on (TestClient opens no socket)
ORIGIN = f"http://127.0.0.1:{PORT}"
LINGSHOU = (FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8")
BROKEN = ROOT / "tests" / "data" / "broken"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(Options())


def _client(checker: Checker, host: str = "127.0.0.1") -> TestClient:
    return TestClient(create_app(checker, host=host, port=PORT), base_url=f"http://127.0.0.1:{PORT}")


@pytest.fixture(scope="module")
def client(checker):
    return _client(checker)


def _post(client, data: bytes | str, name: str | None = None, path: str = "/api/check", **headers: str):
    params = {"name": name} if name is not None else None
    body = data.encode("utf-8") if isinstance(data, str) else data
    return client.post(path, content=body, params=params, headers={"Origin": ORIGIN, **headers})


def _docx_of(text: str) -> bytes:
    from tests.helpers.make_docs import make_docx

    return make_docx(text)


# --------------------------------------------------------------------------- what the page shows


def test_the_page_and_its_own_files_are_served_with_the_safety_headers(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "拖到这里" in page.text and 'lang="zh-CN"' in page.text
    for url in ("/assets/app.js", "/assets/app.css", "/assets/report.js", "/assets/report.css"):
        r = client.get(url)
        assert r.status_code == 200 and r.text, url
    h = page.headers
    assert h["content-security-policy"] == CSP and "default-src 'self'" in CSP and "frame-ancestors 'none'" in CSP
    assert h["x-content-type-options"] == "nosniff" and h["cache-control"] == "no-store"
    assert h["x-frame-options"] == "DENY" and h["referrer-policy"] == "no-referrer"
    # No inline code: every <script> of the page is a file, or data the browser never runs.
    import re

    for tag in re.findall(r"<script[^>]*>", page.text):
        assert 'src="/assets/' in tag or 'type="application/json"' in tag, tag
    assert "<style" not in page.text and "style=" not in page.text
    assert "http://" not in page.text and "https://" not in page.text  # nothing loaded from elsewhere


@pytest.mark.parametrize("path", ["/README.md", "/pyproject.toml", "/assets/", "/assets/index.html",
                                  "/assets/../pyproject.toml", "/assets/%2e%2e/app.py", "/assets/..%2fapp.py",
                                  "/lawcheck/serve/app.py", "/etc/passwd", "/static/app.js"])
def test_no_other_file_is_served(client, path):
    r = client.get(path)
    assert r.status_code in (404, 405), (path, r.status_code)
    assert "import" not in r.text and "[project]" not in r.text


def test_a_pasted_report_gets_the_scorecard_and_the_html_page_of_check(client, checker):
    import lawcheck
    from lawcheck.render.formats.html import render_report_page

    r = _post(client, LINGSHOU)
    assert r.status_code == 200, r.text
    answer = r.json()
    card = lawcheck.evaluate(LINGSHOU)
    assert answer["statuses"] == {x.rule: x.status for x in card.results}
    assert answer["score"] == card.score
    assert answer["summary"].startswith(f"得分：{card.score:.1f}")
    assert answer["text"] == LINGSHOU
    # The same page as `lawcheck check --format html` (no file name: it was pasted).
    rec = checker.check(LINGSHOU.encode("utf-8"), None)
    assert answer["page"] == render_report_page(rec.card, rec.text, None, rec.gate)
    assert r.headers["cache-control"] == "no-store"


def test_a_dropped_docx_is_read_like_check_reads_it(client, tmp_path):
    import lawcheck

    data = _docx_of(LINGSHOU)
    path = tmp_path / "灵寿县2021年度报告.docx"
    path.write_bytes(data)
    expected = lawcheck.check_file(path)
    r = _post(client, data, name="C:\\Users\\me\\灵寿县2021年度报告.docx")
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["statuses"] == {x.rule: x.status for x in expected.results}
    assert answer["score"] == expected.score
    assert "灵寿县2021年度报告.docx" in answer["page"] and "Users" not in answer["page"]


def test_deleting_the_first_responsible_paragraph_turns_the_rule_to_fail(client):
    rule = "content.first_responsible_duty"
    assert _post(client, LINGSHOU).json()["statuses"][rule] == "pass"
    cut = "\n".join(p for p in LINGSHOU.split("\n") if "第一责任人" not in p)
    answer = _post(client, cut).json()
    assert answer["statuses"][rule] == "fail"
    assert f'<tr id="rule-{rule}" data-status="fail"><td><span class="st st-fail">✗ 未通过' in answer["page"]


def test_the_page_in_english(checker):
    import dataclasses

    english = Checker(dataclasses.replace(checker.opts, lang="en"))
    client = _client(english)
    assert 'lang="en"' in client.get("/").text and "Drop a report file here" in client.get("/").text
    answer = _post(client, LINGSHOU).json()
    assert answer["summary"].startswith("Score: ")
    r = _post(client, b"\xff\xfe\x00garbage")
    assert r.status_code == 400 and r.json()["error"] == "the pasted text is not UTF-8"


# --------------------------------------------------------------------------- bad input: one line, never a traceback


@pytest.mark.parametrize(("name", "data", "says"), [
    ("random-bytes.docx", (BROKEN / "random-bytes.docx").read_bytes(), "Word"),
    ("truncated.docx", (BROKEN / "truncated.docx").read_bytes(), "Word"),
    ("random-bytes.pdf", (BROKEN / "random-bytes.pdf").read_bytes(), ""),
    ("nul.txt", (BROKEN / "nul.txt").read_bytes(), "二进制"),
    ("旧报告.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 600, "另存为 .docx"),
    ("report.ofd", b"PK\x03\x04broken", ""),
])
def test_a_broken_upload_is_a_one_line_chinese_error_and_the_server_goes_on(client, name, data, says):
    r = _post(client, data, name=name)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert "\n" not in error and "Traceback" not in error and says in error
    assert any("\u4e00" <= c <= "\u9fff" for c in error), error
    assert _post(client, LINGSHOU).status_code == 200  # still serving


def test_pasted_bytes_that_are_not_utf8_and_empty_bodies_are_refused(client):
    assert _post(client, "灵寿".encode("gb18030")).status_code == 400
    r = _post(client, b"")
    assert r.status_code == 422 and r.json()["error"] == "没有收到任何内容"


def test_the_limits_of_check_apply(checker):
    import dataclasses
    import io
    import zipfile

    small = Checker(dataclasses.replace(checker.opts, limits=Limits(max_bytes=4000, max_chars=1000,
                                                                    max_unzipped_bytes=20_000)))
    client = _client(small)
    r = _post(client, "很" * 2000)  # 6,000 bytes: refused before the body is read in full
    assert r.status_code == 413 and "文件过大" in r.json()["error"] and "--max-bytes" in r.json()["error"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield "很".encode() * 200

    r = client.post("/api/check", content=chunks(), headers={"Origin": ORIGIN})
    assert r.status_code == 413, r.text
    r = _post(client, "很" * 1200)  # 3,600 bytes, but 1,200 characters
    assert r.status_code == 422 and "--max-chars" in r.json()["error"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:  # small zipped, large unzipped
        z.writestr("word/document.xml", b"<" + b" " * 1_000_000)
    bomb = buf.getvalue()
    assert len(bomb) < 4000
    r = _post(client, bomb, name="bomb.docx")
    assert r.status_code == 422 and "--max-unzipped-bytes" in r.json()["error"]


def test_a_file_that_runs_past_the_timeout_is_stopped_in_its_worker(checker):
    import dataclasses

    slow = Checker(dataclasses.replace(checker.opts, limits=Limits(timeout=0.05)))
    r = _post(_client(slow), _docx_of(LINGSHOU * 60), name="a.docx")  # some 300,000 characters: seconds
    assert r.status_code == 422 and "检查超时" in r.json()["error"]


def test_the_commented_docx_of_a_paste_and_of_a_dropped_file(client):
    import io

    import docx

    from lawcheck.readers.docx import paragraph_text

    r = _post(client, LINGSHOU, path="/api/docx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in r.headers["content-disposition"]
    made = docx.Document(io.BytesIO(r.content))
    assert made.comments and all(c.author == "lawcheck" for c in made.comments)
    dropped = _docx_of(LINGSHOU)
    r = _post(client, dropped, name="灵寿.docx", path="/api/docx")
    assert r.status_code == 200
    made, original = docx.Document(io.BytesIO(r.content)), docx.Document(io.BytesIO(dropped))
    assert [paragraph_text(p._p) for p in made.paragraphs] == [paragraph_text(p._p) for p in original.paragraphs]
    # The same commented copy as `lawcheck check 灵寿.docx -o …docx` makes (same input, same bytes).
    again = _post(client, dropped, name="灵寿.docx", path="/api/docx")
    assert again.content == r.content
    assert _post(client, b"\xd0\xcf\x11\xe0" + b"\0" * 600, name="x.doc", path="/api/docx").status_code == 422


def test_file_names_are_names_only():
    assert file_name(None) is None
    assert file_name("../../etc/passwd") == "passwd"
    assert file_name("C:\\报告\\2021年度.docx") == "2021年度.docx"
    assert file_name("a\x1b[31mb.txt") == "a[31mb.txt"
    assert file_name("/") == "report"
    assert file_name("很" * 500 + ".docx").endswith(".docx") and len(file_name("很" * 500 + ".docx")) == 200


# --------------------------------------------------------------------------- Host and Origin


@pytest.mark.parametrize("host", ["evil.example:48765", "127.0.0.1.nip.io:48765", "localhost.evil:48765",
                                  "127.0.0.1:1234", "127.0.0.1", "localhost", "192.168.1.5:48765", "", "[::1]:80",
                                  "127.0.0.1:48765:1", "127.0.0.1:0048765x"])
def test_a_request_for_another_host_is_refused(client, host):
    """DNS rebinding: a name re-pointed at 127.0.0.1 still sends its own name as Host."""
    for r in (client.get("/", headers={"Host": host}),
              client.post("/api/check", content=LINGSHOU.encode(), headers={"Host": host, "Origin": ORIGIN})):
        assert r.status_code == 403, (host, r.status_code)
        assert "已拒绝" in r.json()["error"] and r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host", ["127.0.0.1:48765", "localhost:48765", "LOCALHOST:48765", "[::1]:48765"])
def test_this_computers_names_are_accepted(client, host):
    assert client.get("/", headers={"Host": host}).status_code == 200
    r = client.post("/api/check", content=LINGSHOU.encode(), headers={"Host": host, "Origin": f"http://{host.lower()}"})
    assert r.status_code == 200


@pytest.mark.parametrize("headers", [
    {},  # no Origin, no Sec-Fetch-Site: a client that will not say where it comes from
    {"Origin": "http://evil.example"},
    {"Origin": "null"},  # a sandboxed frame, a file:// page
    {"Origin": "http://127.0.0.1:1234"},  # another server on this computer
    {"Origin": "http://localhost:48765"},  # this server, but under a name the request was not sent to
    {"Origin": "https://127.0.0.1:48765"},
    {"Origin": ORIGIN, "Sec-Fetch-Site": "cross-site"},
    {"Origin": ORIGIN, "Sec-Fetch-Site": "same-site"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_a_post_not_from_the_page_is_refused(client, headers):
    for path in ("/api/check", "/api/docx"):
        r = client.post(path, content=LINGSHOU.encode(), headers=headers)
        assert r.status_code == 403, (headers, r.status_code)
        assert r.json()["error"].startswith("已拒绝：请求不是来自本页面")


def test_a_post_from_the_page_is_accepted():
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def ok(request):
        return PlainTextResponse("ok")

    guard = Guard(Starlette(routes=[Route("/x", ok, methods=["POST", "PUT"])]), host="127.0.0.1", port=PORT)
    client = TestClient(guard, base_url=ORIGIN)
    assert client.post("/x", headers={"Origin": ORIGIN}).status_code == 200
    assert client.post("/x", headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200  # no Origin sent
    assert client.put("/x", headers={"Origin": "http://evil.example"}).status_code == 403


def test_listening_on_every_address_accepts_ip_addresses_only(checker):
    client = TestClient(create_app(checker, host="0.0.0.0", port=PORT), base_url=ORIGIN)
    assert client.get("/", headers={"Host": f"192.168.1.5:{PORT}"}).status_code == 200
    assert client.get("/", headers={"Host": f"evil.example:{PORT}"}).status_code == 403
    named = TestClient(create_app(checker, host="my-pc.lan", port=PORT), base_url=ORIGIN)
    assert named.get("/", headers={"Host": f"my-pc.lan:{PORT}"}).status_code == 200
    assert named.get("/", headers={"Host": f"192.168.1.5:{PORT}"}).status_code == 403


def test_host_parsing_and_loopback():
    assert split_host("127.0.0.1:80") == ("127.0.0.1", 80)
    assert split_host("[::1]:8080") == ("::1", 8080)
    assert split_host("[::1]") == ("::1", None)
    assert split_host("LocalHost") == ("localhost", None)
    assert split_host("a:b") == ("a", -1)
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "example.com"))


# --------------------------------------------------------------------------- the command


def test_without_the_extra_the_command_says_how_to_install_it(monkeypatch, capsys):
    from lawcheck.cli import main

    monkeypatch.setitem(sys.modules, "starlette", None)
    assert main(["serve", "--no-browser"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "lawcheck: 需要安装 lawcheck[serve]：pip install 'lawcheck[serve]'"


def test_a_port_in_use_is_a_one_line_error(capsys):
    import socket

    from lawcheck.cli import main

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert main(["serve", "--no-browser", "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"lawcheck: 无法在 127.0.0.1 端口 {port} 上打开页面：端口已被占用"  # not "读写失败" (review)
    assert main(["serve", "--no-browser", "--host", "no-such-host.invalid"]) == 2
    assert capsys.readouterr().err.strip().endswith("上打开页面：找不到这个主机名")
    assert main(["serve", "--no-browser", "--lang", "en", "--host", "no-such-host.invalid"]) == 2
    assert "cannot open the page on no-such-host.invalid port 0: " in capsys.readouterr().err


def test_on_windows_the_port_is_not_shared(monkeypatch):
    """Found in review: SO_REUSEADDR on Windows lets a socket bind a port another program listens on, so a
    second server (or another program's) would silently share --port; socket.create_server leaves it off there."""
    import os
    import socket

    import lawcheck.serve as serve

    options: list[int] = []
    real = socket.socket.setsockopt

    def spy(self, level, option, value):  # type: ignore[no-untyped-def]
        options.append(option)
        if option != getattr(socket, "SO_EXCLUSIVEADDRUSE", None):
            real(self, level, option, value)

    monkeypatch.setattr(socket.socket, "setsockopt", spy)
    serve.bind("127.0.0.1", 0).close()
    assert options == [socket.SO_REUSEADDR]  # POSIX: a port in TIME_WAIT may be taken again
    options.clear()
    with monkeypatch.context() as windows:  # undone before the assertion: pytest itself needs the real os.name
        windows.setattr(os, "name", "nt")
        windows.setattr(socket, "SO_EXCLUSIVEADDRUSE", 0x7FFF, raising=False)
        serve.bind("127.0.0.1", 0).close()
    assert socket.SO_REUSEADDR not in options and options == [0x7FFF]


def test_the_real_server_guards_checks_and_writes_nothing(tmp_path):
    import httpx2 as httpx

    # lawcheck.toml in the folder it is started from is read as `check` reads it.
    (tmp_path / "lawcheck.toml").write_text('lang = "en"\ndisable = ["content.first_responsible_duty"]\n',
                                            encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    proc, url = start_server(tmp_path)
    try:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        origin = url.rstrip("/")
        port = int(origin.rsplit(":", 1)[1])
        with httpx.Client(timeout=30) as http:
            page = http.get(url)
            assert page.status_code == 200 and "Drop a report file here" in page.text
            t0 = time.perf_counter()
            r = http.post(url + "api/check", content=LINGSHOU.encode(), headers={"Origin": origin})
            assert r.status_code == 200, r.text
            assert time.perf_counter() - t0 < 30
            assert "content.first_responsible_duty" not in r.json()["statuses"]
            r = http.post(url + "api/check", params={"name": "r.docx"}, content=_docx_of(LINGSHOU),
                          headers={"Origin": origin})
            assert r.status_code == 200, r.text  # in a worker process
            assert http.post(url + "api/check", content=LINGSHOU.encode(),
                             headers={"Origin": "http://evil.example"}).status_code == 403
            assert http.get(url, headers={"Host": f"rebind.example:{port}"}).status_code == 403
            assert http.get(url + "pyproject.toml").status_code == 404
            assert "server" not in page.headers  # uvicorn's own header is off
    finally:
        code, err = stop_server(proc)
    assert code == 130, err  # Ctrl-C, as for `lawcheck check` (uvicorn shuts down, then the signal goes on)
    assert err.strip() == "", err  # no access log (file names stay off the terminal), no traceback
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_a_host_that_is_not_loopback_is_warned_about(tmp_path):
    proc, url = start_server(tmp_path, "--host", "0.0.0.0")
    code, err = stop_server(proc)
    assert url.startswith("http://127.0.0.1:")
    assert code == 130 and err.startswith("lawcheck: 警告：--host 0.0.0.0 不是本机回环地址")
    proc, _ = start_server(tmp_path)
    code, err = stop_server(proc)
    assert code == 130 and "警告" not in err


def test_the_waivers_of_lawcheck_toml_apply_as_in_check(tmp_path):
    """Found in review: serve built its options without the settings' waivers, so a report scored lower
    on the page than `lawcheck check` scored it with the same lawcheck.toml."""
    import datetime as dt

    import httpx2 as httpx

    from lawcheck.cli import main

    until = (dt.date.today() + dt.timedelta(days=365)).isoformat()  # a waiver runs two years at most
    (tmp_path / "lawcheck.toml").write_text(
        f'[[waivers]]\nrule = "content.first_responsible_duty"\nreason = "测试"\nuntil = {until}\n'
        f'[[waivers]]\nrule = "form.recipients"\nreason = "只对公开版"\nuntil = {until}\nfiles = ["*公开版*"]\n',
        encoding="utf-8")
    text = "\n".join(line for line in LINGSHOU.splitlines() if "第一责任人" not in line)
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    proc, url = start_server(tmp_path)
    try:
        r = httpx.post(url + "api/check", content=text.encode(), headers={"Origin": url.rstrip("/")}, timeout=30)
        assert r.status_code == 200, r.text
        assert "已豁免" in r.json()["page"] and "测试" in r.json()["page"]
        served = r.json()["score"]
    finally:
        stop_server(proc)
    import json
    import os

    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        assert main(["check", "r.txt", "--format", "json", "-o", "out.json"]) == 0
    finally:
        os.chdir(here)
    assert served == json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["score"]


def test_a_waiver_naming_no_rule_stops_serve_as_it_stops_check(tmp_path, monkeypatch, capsys):
    from lawcheck.cli import main

    (tmp_path / "lawcheck.toml").write_text('[[waivers]]\nrule = "no.such_rule"\nreason = "x"\nuntil = 2099-06-30\n',
                                            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    import lawcheck.serve

    monkeypatch.setattr(lawcheck.serve, "run", lambda *a: None)  # were it to start, it would not serve forever
    assert main(["serve", "--no-browser"]) == 3
    assert "no.such_rule" in capsys.readouterr().err


def _slow_check(*args):  # a worker's check that would run for a minute (a large scanned PDF, say)
    time.sleep(60)


def test_ctrl_c_stops_a_check_running_in_a_worker(checker, monkeypatch):
    """Found in review: after Ctrl-C uvicorn waits for the requests in flight, and a dropped file's check
    runs up to --timeout (300 s) in its worker: the server did not stop, and said nothing, until it ended."""
    import contextlib
    import signal
    import threading

    import httpx2 as httpx

    import lawcheck.serve as serve
    from lawcheck.batch import STOP

    sock = serve.bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    monkeypatch.setattr("lawcheck.serve.work.check_source", _slow_check)  # the worker is forked: it runs this
    srv = serve.server(create_app(checker, host="127.0.0.1", port=port))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    answers: list = []
    origin = f"http://127.0.0.1:{port}"

    def drop() -> None:
        answers.append(httpx.post(origin + "/api/check", params={"name": "big.pdf"}, content=b"%PDF-1.7",
                                  headers={"Origin": origin}, timeout=90))

    try:
        while not srv.started:
            time.sleep(0.05)
        client = threading.Thread(target=drop, daemon=True)
        client.start()
        time.sleep(1.5)  # the check is running in its worker
        t0 = time.monotonic()
        srv.handle_exit(signal.SIGINT, None)  # Ctrl-C
        thread.join(20)
        client.join(5)
        assert not thread.is_alive() and time.monotonic() - t0 < 10
        assert answers and answers[0].status_code == 422
        assert answers[0].json()["error"] == "本机的 lawcheck 服务正在关闭，检查已停止"
    finally:
        STOP.clear()
        srv.should_exit = srv.force_exit = True
        with contextlib.suppress(OSError):
            sock.close()


def test_the_address_printed_for_a_wildcard_host_is_of_its_family():
    """Found in review: --host :: printed http://127.0.0.1:…/, which an IPv6 socket does not answer where
    IPV6_V6ONLY is on (Windows' default)."""
    from lawcheck.serve import url_of

    class Bound:
        def getsockname(self):  # type: ignore[no-untyped-def]
            return ("::", 8765, 0, 0)

    assert url_of(Bound(), "::") == url_of(Bound(), "[::]") == "http://[::1]:8765/"  # type: ignore[arg-type]
    assert url_of(Bound(), "0.0.0.0") == "http://127.0.0.1:8765/"  # type: ignore[arg-type]
    assert url_of(Bound(), "::1") == "http://[::1]:8765/"  # type: ignore[arg-type]


def test_kind_is_an_option_of_serve_as_the_not_a_report_line_suggests(monkeypatch, tmp_path):
    """The page's "不是法治政府建设年度报告…如确为年度报告，可用 --kind annual_report 检查" must be true of serve
    (found in review: serve had no --kind)."""
    import lawcheck.serve as serve
    from lawcheck.cli import main

    seen: list = []

    def run(sock, opts, host):  # the page is not served: the options it would be served with are kept
        sock.close()
        seen.append(opts)

    monkeypatch.setattr(serve, "run", run)
    monkeypatch.chdir(tmp_path)
    assert main(["serve", "--no-browser", "--kind", "annual_report"]) == 0
    assert seen[0].kind == "annual_report"
    work = "某县人民政府工作报告\n一、过去一年工作回顾\n全县地区生产总值增长6%。\n二、今年工作安排\n"
    forced = Checker(seen[0]).check(work.encode(), None)
    assert forced.card is not None and forced.card.document.kind == "annual_report"
    assert Checker(dataclasses.replace(seen[0], kind=None)).check(work.encode(), None).card.document.kind == "other"


def test_a_waiver_that_runs_out_while_the_page_is_open_no_longer_applies(monkeypatch):
    """Found in review: serve judged the waivers' end dates when it started, so a page left open kept applying
    a waiver past its end date."""
    import datetime as dt

    from lawcheck.model import Waiver

    waiver = Waiver(rule="enforcement.three_systems", reason="另行专报", until=dt.date(2026, 6, 30))
    page = Checker(Options(waivers=(waiver,)))
    report = (FIXTURES / "003_changsheng_2020.txt").read_bytes()
    monkeypatch.setenv("LAWCHECK_TODAY", "2026-06-30")
    assert page.check(report, None).card.result("enforcement.three_systems").waived is not None
    monkeypatch.setenv("LAWCHECK_TODAY", "2026-07-01")
    assert page.check(report, None).card.result("enforcement.three_systems").waived is None
