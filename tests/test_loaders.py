"""Real documents in: the same report scores the same whatever its container; broken ones fail clearly."""

from __future__ import annotations

import io
import json
import zipfile
from email.message import EmailMessage

import pytest

import lawcheck
from lawcheck.errors import InputError
from lawcheck.readers import read_document
from tests.conftest import FIXTURES
from tests.helpers.make_docs import make_docx, make_html, make_ofd, make_pdf

# The reports as an office holds them: from the title on (the saved page's chrome is the web's, not theirs).
REPORTS = {
    "001_lingshou_2021": ("灵寿县人民政府\n关于2021年度", "2022-01-20"),
    "002_yixing_2020": ("2020年度宜兴市法治政府建设工作报告", "2021-03-29"),
    "003_changsheng_2020": ("彭水苗族土家族自治县长生镇人民政府\n\n2020年度", "2021-07-15"),
}


def report(name: str) -> str:
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return text[text.rindex(REPORTS[name][0]):]  # the last copy of the title starts the report


def outcome(text: str, published: str | None = None, title: str | None = None):
    card = lawcheck.evaluate(text, published=published, title=title)
    return card.statuses(), card.score


def _mhtml(html: bytes) -> bytes:
    msg = EmailMessage()
    msg["Subject"] = "saved page"
    msg["MIME-Version"] = "1.0"
    msg.set_content("saved with a browser")
    msg.add_alternative(html.decode("utf-8"), subtype="html")
    return msg.as_bytes()


CONTAINERS = {
    "utf-8": lambda t, p: ("r.txt", t.encode("utf-8")),
    "gb18030": lambda t, p: ("r.txt", t.encode("gb18030")),
    "utf-8 BOM + CRLF": lambda t, p: ("r.txt", b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8")),
    "utf-16": lambda t, p: ("r.txt", t.encode("utf-16")),
    "docx (auto-numbered headings)": lambda t, p: ("r.docx", make_docx(t)),
    "docx (typed headings)": lambda t, p: ("r.docx", make_docx(t, auto_number=False)),
    "pdf": lambda t, p: ("r.pdf", make_pdf(t)),
    "ofd": lambda t, p: ("r.ofd", make_ofd(t)),
    "html": lambda t, p: ("r.html", make_html(t, published=p, title=t.split("\n")[0] if "报告" in t.split("\n")[0]
                                                else None)),
}


@pytest.mark.parametrize("container", list(CONTAINERS))
@pytest.mark.parametrize("name", list(REPORTS))
def test_same_report_same_score_whatever_the_container(name, container):
    text = report(name)
    published = REPORTS[name][1]
    filename, data = CONTAINERS[container](text, published)
    loaded = read_document(filename, data)
    assert not loaded.no_text_layer
    expected = outcome(text, published)
    got = outcome(loaded.text, loaded.meta.get("published") or published, loaded.meta.get("title"))
    assert got == expected, {k: (v, got[0][k]) for k, v in expected[0].items() if got[0][k] != v}


def test_mhtml_page():
    text = report("002_yixing_2020")
    page = make_html(text, published="2021-03-29", title="2020年度宜兴市法治政府建设工作报告")
    loaded = read_document("saved.mhtml", _mhtml(page))
    assert outcome(loaded.text, loaded.meta.get("published")) == outcome(text, "2021-03-29")


def test_web_page_main_text_and_metadata():
    text = report("001_lingshou_2021")
    page = make_html(text, published="2022-01-20", title="灵寿县人民政府关于2021年度法治政府建设情况的报告")
    loaded = read_document("page.html", page)
    assert loaded.meta["title"] == "灵寿县人民政府关于2021年度法治政府建设情况的报告"
    assert loaded.meta["published"] == "2022-01-20" and loaded.meta["source"] == "司法局"
    for chrome in ("相关文章", "主办单位", "网站标识码", "not text", "首页"):
        assert chrome not in loaded.text
    assert "灵寿县人民政府\n2022年1月14日" in loaded.text  # the signature survives the extractor


def test_html_is_parsed_never_run():
    page = b"<html><head><script>document.write('\\u6cd5\\u6cbb')</script></head><body><div class='content'>" \
           + "<p>2023年,全县法治政府建设取得新成效,各项工作扎实推进,现将有关情况报告如下。</p>".encode() * 3 \
           + b"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p></div></body></html>"
    loaded = read_document("x.html", page)
    assert "document.write" not in loaded.text and "<script>alert(1)</script>" in loaded.text


def test_scanned_pdf_is_unknown_not_zero(tmp_path, capsys):
    from lawcheck.cli import main

    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(report("001_lingshou_2021"), scanned=True))
    assert read_document("scan.pdf", path.read_bytes()).no_text_layer
    # Nothing in it could be judged: it does not meet the default gate (it did, found in review), with
    # the reason said; the scorecard says why every rule is unknown.
    assert main(["check", str(path), "--format", "json"]) == 1
    card = json.loads(capsys.readouterr().out)
    assert card["score"] is None and {r["status"] for r in card["results"]} == {"unknown"}
    assert all("扫描件" in r["message"] for r in card["results"])
    assert main(["check", str(path), "--format", "text"]) == 1
    assert "没有文字层（可能是扫描件），无法判断" in capsys.readouterr().out  # one line, the reason
    # Not even a gate that blocks on nothing: nothing shows it is a report (as a non-report meets none).
    assert main(["check", str(path), "--format", "json", "--fail-on", "never"]) == 1


def test_pdf_headers_and_page_numbers_are_removed():
    loaded = read_document("r.pdf", make_pdf(report("003_changsheng_2020"), header="长生镇人民政府文件"))
    assert "— 1 —" not in loaded.text and "长生镇人民政府文件" not in loaded.text
    assert "\n三、存在的不足\n" in loaded.text  # headings survive the re-joined lines


def test_word_numbering_formats():
    from lawcheck.readers.docx import chinese_number, format_number

    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110)] == \
        ["一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]
    assert format_number(3, "decimal") == "3" and format_number(2, "ideographDigital") == "二"
    assert format_number(4, "upperRoman") == "IV" and format_number(1, "decimalEnclosedCircle") == "①"


def test_big5_and_encoding_override():
    text = "東坡區人民政府關於2020年度法治政府建設情況的報告\n2020年，區政府堅持依法行政，法治政府建設取得新成效。"
    assert read_document("t.txt", text.encode("big5")).text == text
    gbk = report("002_yixing_2020").encode("gb18030")
    assert read_document("t.txt", gbk, encoding="gb18030").text == report("002_yixing_2020")
    with pytest.raises(InputError, match="utf-8"):
        read_document("t.txt", gbk, encoding="utf-8")


@pytest.mark.parametrize(("name", "data", "needle"), [
    ("broken.docx", b"PK\x03\x04" + b"\x00" * 100, "Word"),
    ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 50, "PDF"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "docx"),
    ("old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "docx"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 40, "--encoding"),
    ("zeros.txt", b"\x00" * 1000, "二进制"),
])
def test_broken_inputs_fail_with_a_clear_message(name, data, needle):
    with pytest.raises(InputError) as exc:
        read_document(name, data)
    assert needle in str(exc.value) and name in str(exc.value)


def test_truncated_docx_and_ofd():
    good = make_docx(report("003_changsheng_2020"))
    with pytest.raises(InputError):
        read_document("cut.docx", good[: len(good) // 2])
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("OFD.xml", "<not-ofd/>")
    with pytest.raises(InputError, match="OFD"):
        read_document("x.ofd", buf.getvalue())


def test_missing_extra_gives_the_install_command(monkeypatch):
    import sys

    data = make_docx("一、测试")
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    with pytest.raises(InputError) as exc:
        read_document("r.docx", data)
    assert "pip install 'lawcheck[docx]'" in str(exc.value)


def test_a_folder_of_every_format(tmp_path, capsys):
    """The reviewer's folder: .docx, text-layer .pdf, scanned .pdf, .ofd, GBK .txt and a saved web page."""
    from lawcheck.cli import main

    (tmp_path / "a.docx").write_bytes(make_docx(report("001_lingshou_2021")))
    (tmp_path / "b.pdf").write_bytes(make_pdf(report("002_yixing_2020")))
    (tmp_path / "c-scan.pdf").write_bytes(make_pdf(report("002_yixing_2020"), scanned=True))
    (tmp_path / "d.ofd").write_bytes(make_ofd(report("003_changsheng_2020")))
    (tmp_path / "e-gbk.txt").write_bytes(report("002_yixing_2020").replace("\xa0", " ").encode("gbk"))
    (tmp_path / "f.html").write_bytes(make_html(report("001_lingshou_2021"), published="2022-01-20",
                                                title="灵寿县人民政府关于2021年度法治政府建设情况的报告"))
    code = main(["check", str(tmp_path), "--format", "jsonl", "--fail-on", "never"])
    rows = {json.loads(x)["path"].rsplit("/", 1)[1]: json.loads(x) for x in capsys.readouterr().out.splitlines()}
    assert code == 1 and len(rows) == 6 and not any("error" in r for r in rows.values())  # 1: the scan
    assert rows["c-scan.pdf"]["score"] is None
    assert rows["a.docx"]["document"]["organ"] == "灵寿县人民政府"
    assert rows["f.html"]["document"]["published_date"] == "2022-01-20"
    assert rows["d.ofd"]["document"]["signed_date"] == "2021-07-14"
    assert rows["b.pdf"]["score"] == rows["e-gbk.txt"]["score"] == lawcheck.evaluate(report("002_yixing_2020")).score


def test_web_page_facts_reach_the_scorecard(tmp_path, capsys):
    from lawcheck.cli import main

    text = report("002_yixing_2020")
    page = make_html(text, published="2021-03-29", title="2020年度宜兴市法治政府建设工作报告")
    page = page.replace("来源:司法局".encode(), "来源:宜兴市司法局　索引号:014046317/2021-01500　文号:宜政发〔2021〕12号".encode())
    (tmp_path / "p.html").write_bytes(page)
    assert main(["check", str(tmp_path / "p.html"), "--format", "json", "--fail-on", "never"]) == 0
    d = json.loads(capsys.readouterr().out)["document"]
    assert (d["source"], d["index_number"], d["doc_number"], d["published_date"]) == \
        ("宜兴市司法局", "014046317/2021-01500", "宜政发〔2021〕12号", "2021-03-29")


@pytest.mark.parametrize("cte", ["quoted-printable", "base64"])
def test_mhtml_as_browsers_save_it_after_many_parts(cte):
    """Chrome saves quoted-printable parts, others base64; the page may come after thousands of resource
    parts (issue 14: 60,000 empty parts took 11 s with the modern email policy)."""
    import base64
    import quopri

    text = report("002_yixing_2020")
    page = make_html(text, published="2021-03-29", title="2020年度宜兴市法治政府建设工作报告").decode("utf-8")
    raw = page.replace("utf-8", "gb18030").encode("gb18030")
    body = quopri.encodestring(raw).decode("ascii") if cte == "quoted-printable" else base64.encodebytes(raw).decode()
    data = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n"
            + "--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n\r\n" * 3000
            + f"--B\r\nContent-Type: text/html; charset=gb18030\r\nContent-Transfer-Encoding: {cte}\r\n\r\n{body}\r\n"
            + "--B--\r\n").encode("ascii")
    loaded = read_document("saved.mhtml", data)
    assert outcome(loaded.text, loaded.meta.get("published")) == outcome(text, "2021-03-29")
    assert loaded.meta["published"] == "2021-03-29"
