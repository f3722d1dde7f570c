"""The HTML pages in a real browser: Debian's chromium, headless, driven by Playwright.

Skipped, with the reason, where chromium or Playwright is missing (`.ci/run` installs both, and
axe-core from the npm registry).  Screenshots are saved as artefacts in ``LAWCHECK_ARTEFACTS``
(default: ``.pytest_cache/lawcheck-artefacts``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install playwright)")
if CHROMIUM is None:
    pytest.skip("no chromium here (Debian: apt-get install chromium)", allow_module_level=True)

AXE = Path(os.environ.get("LAWCHECK_AXE", ROOT / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
ARTEFACTS = Path(os.environ.get("LAWCHECK_ARTEFACTS", ROOT / ".pytest_cache" / "lawcheck-artefacts"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    # A long unbroken path, as CI checkouts and reviewers' inboxes have: the page must still fit a phone.
    deep = out / "reports_received_2022_first_quarter_from_every_district_and_department" / "lingshou_county"
    deep.mkdir(parents=True)
    source = deep / "001_lingshou_2021_annual_report_on_building_law_based_government.txt"
    source.write_bytes((FIXTURES / "001_lingshou_2021.txt").read_bytes())
    one = out / "lingshou.html"
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(source),
                          "--format", "html", "-o", str(one)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    batch = out / "batch"
    res = subprocess.run([sys.executable, "-m", "lawcheck", "check", str(FIXTURES), "--format", "html", "-o",
                          str(batch)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode in (0, 1), res.stderr
    return one, batch


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True,
                                                   args=ARGS, offline=True)
        yield ctx
        ctx.close()


def _open(browser, path: Path, width: int):
    page = browser.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path.as_uri())
    return page


def test_the_report_page_shows_score_rules_and_highlighted_evidence(browser, pages):
    import lawcheck

    one, _ = pages
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"))
    page = _open(browser, one, 1280)
    assert f"{card.score:.1f}" in page.inner_text(".gauge")
    for r in card.results:
        row = page.locator(f'tr[id="rule-{r.rule}"]')
        assert row.count() == 1, r.rule
        assert row.get_attribute("data-status") == r.status
    marks = page.locator("mark.ev")
    assert marks.count() > 10
    evidence_rules = {r.rule for r in card.results if r.evidence}
    shown = set(" ".join(page.eval_on_selector_all("mark.ev", "ms => ms.map(m => m.dataset.rules)")).split())
    assert evidence_rules <= shown


def test_clicking_a_rule_scrolls_to_its_evidence_and_flashes_it(browser, pages):
    one, _ = pages
    page = _open(browser, one, 1280)
    link = page.locator('tr[id="rule-form.signature"] a[data-rule]')
    link.click()
    flashed = page.locator("mark.ev.flash")
    assert flashed.count() >= 1
    assert all("form.signature" in (flashed.nth(i).get_attribute("data-rules") or "").split()
               for i in range(flashed.count()))
    top = flashed.first.evaluate("m => m.getBoundingClientRect().top")
    assert 0 <= top <= 900  # in view: the page scrolled to it (the signature is at the very end)
    assert page.evaluate("window.scrollY") > 1000


def test_screenshots_at_phone_and_desktop_width(browser, pages):
    one, batch = pages
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for width in (390, 1280):
        page = _open(browser, one, width)
        page.screenshot(path=str(ARTEFACTS / f"report-{width}.png"), full_page=True)
        # Nothing wider than the screen at phone width but the scrollable tables.
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width + 1, (width, overflow)
    for width in (390, 1280):
        page = _open(browser, batch / "index.html", width)
        page.screenshot(path=str(ARTEFACTS / f"index-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= width + 1, ("index", width, overflow)
        # Score and gate are on screen without sideways scrolling (a card per report on a phone), and no
        # column is squeezed to one character a line.
        box = page.eval_on_selector(".tbl", "b => [b.scrollWidth, b.clientWidth]")
        assert box[0] <= box[1] + 1, ("ranking scrolls sideways", width, box)
        for col in (5, 7):
            rights = page.eval_on_selector_all(f"#ranking tbody td:nth-child({col})",
                                               "tds => tds.map(t => t.getBoundingClientRect().right)")
            assert rights and max(rights) <= width, (col, width, rights)
        organ = page.eval_on_selector("#ranking tbody td:nth-child(3)", "td => td.getBoundingClientRect().width")
        assert organ >= 100, ("organ column", width, organ)
        # The chart's labels are text at a readable size (not an SVG scaled down to a phone).
        sizes = page.eval_on_selector_all(".chart li", "ls => ls.map(l => parseFloat(getComputedStyle(l).fontSize))")
        assert sizes and min(sizes) >= 12, sizes
    assert (ARTEFACTS / "report-390.png").stat().st_size > 10_000


def test_on_a_phone_every_rule_shows_its_reason_and_links_fit(browser, pages):
    one, _ = pages
    page = _open(browser, one, 390)
    # The reason column is stacked under the rule, not hidden.
    reasons = page.eval_on_selector_all(
        "table.rules tbody td:nth-child(4)",
        "tds => tds.map(t => [t.getBoundingClientRect().width, t.innerText.length, getComputedStyle(t).display])")
    assert reasons and all(d != "none" and w >= 250 for w, n, d in reasons if n), reasons[:3]
    # "跳到证据（n）" on one line, not a character a line.
    heights = page.eval_on_selector_all("a.jump", "as => as.map(a => [a.getClientRects().length, a.offsetWidth])")
    assert heights and all(lines == 1 for lines, _ in heights), heights[:3]
    # Rule ids break only at their dots: every line of an id ends with a dot or is its end.
    ends = page.evaluate("""() => [...document.querySelectorAll('table.rules code')].map(c => {
        const r = document.createRange(); const text = c.textContent; const out = []; let top = null;
        const node = c; const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        let n, last = '';
        while ((n = walker.nextNode())) { for (let i = 0; i < n.length; i++) {
            r.setStart(n, i); r.setEnd(n, i + 1); const y = r.getBoundingClientRect().top;
            if (top !== null && Math.abs(y - top) > 2) out.push(last); top = y; last = n.data[i]; } }
        return out; })""")
    assert all(ch == "." for breaks in ends for ch in breaks), ends


def test_the_index_sorts_by_score_and_links_every_report(browser, pages):
    _, batch = pages
    page = _open(browser, batch / "index.html", 1280)
    rows = page.locator("#ranking tbody tr")
    assert rows.count() == len(list(FIXTURES.glob("*.txt")))

    def scores() -> list[float]:
        return [float(v) for v in page.eval_on_selector_all("#ranking tbody tr td:nth-child(5)",
                                                             "tds => tds.map(t => t.dataset.v)")]

    page.locator('#ranking th button[data-col="4"]').click()
    assert scores() == sorted(scores())
    page.locator('#ranking th button[data-col="4"]').click()
    assert scores() == sorted(scores(), reverse=True)
    hrefs = page.eval_on_selector_all("#ranking tbody a", "as => as.map(a => a.getAttribute('href'))")
    assert len(hrefs) == rows.count() and all((batch / h).is_file() for h in hrefs)
    assert page.locator(".chart li").count() >= 1


def _serious_violations(browser, path: Path) -> list:
    """What axe-core finds serious or critical on the page at 1280 px."""
    page = _open(browser, path, 1280)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    page.close()
    return [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def _assert_accessible(browser, *paths) -> None:  # type: ignore[no-untyped-def]
    for path in paths:
        bad = _serious_violations(browser, path)
        assert not bad, (path.name, bad)


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not found at {AXE} (.ci/run installs it from npm)")
def test_no_serious_accessibility_violations(browser, pages):
    one, batch = pages
    _assert_accessible(browser, one, batch / "index.html")


def test_hovering_a_highlight_names_its_rules_and_it_prints_as_a4(browser, pages):
    import lawcheck

    one, batch = pages
    card = lawcheck.evaluate((FIXTURES / "001_lingshou_2021.txt").read_text(encoding="utf-8"))
    page = _open(browser, one, 1280)
    mark = page.locator('mark.ev[data-rules~="form.signature"]').first
    mark.hover()
    assert card.result("form.signature").name in (mark.get_attribute("title") or "")
    # Print: the screen-only parts are hidden and the page lays out as A4.
    report = _open(browser, next(batch.glob("*-001_lingshou_2021.html")), 1280)
    report.emulate_media(media="print")
    assert report.locator(".noprint").first.is_hidden()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    report.pdf(path=str(ARTEFACTS / "report-a4.pdf"), format="A4")
    assert (ARTEFACTS / "report-a4.pdf").read_bytes().startswith(b"%PDF")


def test_a_figure_s_link_lands_on_its_number_and_the_spread_reads_on_a_phone(browser, pages):
    _, batch = pages
    page = _open(browser, next(batch.glob("*000-4*.html")), 1280)
    link = page.locator("table.figures a.jump").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_timeout(200)
    target = page.locator(href)
    assert target.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight }")
    assert target.text_content() and any(ch.isdigit() for ch in target.text_content())
    page = _open(browser, batch / "index.html", 390)
    rows = page.eval_on_selector_all("table.spread tbody tr", "rs => rs.map(r => r.getBoundingClientRect().right)")
    assert rows and max(rows) <= 391, rows
    names = page.eval_on_selector_all("table.spread th[scope=row]", "ts => ts.map(t => t.getBoundingClientRect().width)")
    assert min(names) >= 80, names  # an indicator's name is not squeezed to one character a line
    page = _open(browser, batch / "index.html", 1280)
    names = page.eval_on_selector_all("table.spread th[scope=row]", "ts => ts.map(t => t.getBoundingClientRect().width)")
    assert min(names) >= 100, names
    page.screenshot(path=str(ARTEFACTS / "index-spread-1280.png"), full_page=True)


# ---------------------------------------------------------------- year over year (issue 16)


@pytest.fixture(scope="module")
def compare_pages(tmp_path_factory):
    out = tmp_path_factory.mktemp("compare")
    pair = out / "pair.html"
    res = subprocess.run([sys.executable, "-m", "lawcheck", "compare", "fixtures/003_changsheng_2020.txt",
                          "tests/data/history/changsheng.this.txt", "--format", "html", "-o", str(pair)],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    folder = out / "folder"
    res = subprocess.run([sys.executable, "-m", "lawcheck", "compare", "fixtures", "tests/data/history",
                          "tests/data/templates", "--pairs", "tests/data/history/pairs.csv", "--format", "html",
                          "-o", str(folder)], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    return pair, folder


def test_a_copied_passage_links_to_its_source_in_last_years_text(browser, compare_pages):
    pair, _ = compare_pages
    page = _open(browser, pair, 1280)
    this_col, last_col = page.locator(".side > div").all()
    assert this_col.bounding_box()["x"] < last_col.bounding_box()["x"]  # side by side
    link = page.locator("#cp-this-1 a")
    assert link.get_attribute("href") == "#cp-last-1"
    link.click()
    assert page.evaluate("location.hash") == "#cp-last-1"
    assert page.locator("#cp-last-1").is_visible()
    back = page.locator("#cp-last-1 a")
    assert back.get_attribute("href") == "#cp-this-1"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "compare-1280.png"), full_page=True)
    page.close()
    page = _open(browser, pair, 390)
    this_col, last_col = page.locator(".side > div").all()
    assert this_col.bounding_box()["y"] < last_col.bounding_box()["y"]  # stacked on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(ARTEFACTS / "compare-390.png"), full_page=True)
    page.close()


def test_the_folder_index_links_every_pair_and_template(browser, compare_pages):
    _, folder = compare_pages
    page = _open(browser, folder / "index.html", 1280)
    links = [a.get_attribute("href") for a in page.locator("table a").all()]
    pages = [h for h in links if h.endswith(".html")]
    assert len(pages) == 8 and all((folder / h).is_file() for h in pages)
    assert "#tpl-1" in links and page.locator("#tpl-1").is_visible()
    page.screenshot(path=str(ARTEFACTS / "compare-index-1280.png"), full_page=True)
    page.close()


@pytest.mark.skipif(not AXE.is_file(), reason=f"axe-core not found at {AXE} (.ci/run installs it from npm)")
def test_compare_pages_have_no_serious_accessibility_violations(browser, compare_pages):
    pair, folder = compare_pages
    _assert_accessible(browser, pair, folder / "index.html")
