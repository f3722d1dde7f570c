"""Regenerate the broken inputs in this directory (run from the repository root).

Each file is small and made from a real fixture or from nothing; see README.md here for what each
one is.  The zip bomb and the 5 MB one-line file are made by the tests themselves, not committed.
"""

from __future__ import annotations

import io
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parents[2] / "fixtures" / "003_changsheng_2020.txt"


def main() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    rng = random.Random(7)

    import docx

    d = docx.Document()
    for para in text.splitlines():
        d.add_paragraph(para)
    buf = io.BytesIO()
    d.save(buf)
    whole = buf.getvalue()
    (HERE / "truncated.docx").write_bytes(whole[: len(whole) // 2])

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pbuf = io.BytesIO()
    c = canvas.Canvas(pbuf, pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 10)
    y = 800
    for para in text.splitlines()[:40]:
        c.drawString(40, y, para[:45])
        y -= 14
    c.showPage()
    c.save()
    pdf = pbuf.getvalue()
    # Point every xref entry and startxref at nonsense offsets.
    pdf = re.sub(rb"\d{10} 00000 n", b"9999999999 00000 n", pdf)
    pdf = re.sub(rb"startxref\s+\d+", b"startxref\n123456789", pdf)
    (HERE / "broken-xref.pdf").write_bytes(pdf)

    (HERE / "nested-divs.html").write_text(
        "<html><head><title>嵌套</title></head><body>" + "<div>" * 10_000 + "法治政府建设" + "</div>" * 10_000
        + "</body></html>", encoding="utf-8")
    scripts = "".join(f"<script>alert({i});document.write('<p>x</p>')</script>" for i in range(200))
    (HERE / "scripts.html").write_text(
        f"<html><head><title>某县2020年度法治政府建设情况报告</title>{scripts}</head><body>{scripts}"
        + "".join(f"<p>{p}</p>" for p in text.splitlines()) + "<script>while(true){}</script></body></html>",
        encoding="utf-8")
    (HERE / "nul.txt").write_bytes(b"\x00" * 4096)
    (HERE / "whitespace.txt").write_bytes(b" \t\r\n\xe3\x80\x80\n" * 50)
    (HERE / "random-bytes.docx").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (HERE / "random-bytes.pdf").write_bytes(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(3000)))
    (HERE / "random-bytes.html").write_bytes(bytes(rng.randrange(256) for _ in range(3000)))
    (HERE / "control-chars.txt").write_text(
        "".join(ch + ("\x07\x1b[31m\x0b" if i % 97 == 0 else "") for i, ch in enumerate(text)), encoding="utf-8")
    # CESU-style encoded surrogates and stray continuation bytes inside UTF-8 text.
    raw = text.encode("utf-8")
    (HERE / "surrogates.txt").write_bytes(raw[:600] + b"\xed\xa0\x80\xed\xb0\x80\x80\xbf" + raw[600:])
    signed = (FIXTURE.parent / "001_lingshou_2021.txt").read_text(encoding="utf-8")
    assert "2022年1月14日" in signed
    odd = signed.replace("2022年1月14日", "２０２２年\u3000１月\u2002１４日")
    (HERE / "fullwidth-date.txt").write_text(odd, encoding="utf-8")


if __name__ == "__main__":
    main()
