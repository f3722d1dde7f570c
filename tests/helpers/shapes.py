"""Input shapes an attacker or an odd document chooses (issue 18), shared by tests/test_scaling.py (work per
character counted in lines of code) and benchmarks/run.py §4b (wall time at 10k, 100k and 1M characters)."""

from __future__ import annotations

from pathlib import Path

HEAD = "某某县人民政府关于2024年度法治政府建设情况的报告\n"
REPORT = (Path(__file__).resolve().parents[2] / "fixtures" / "004_hetang_2024.txt").read_text(encoding="utf-8")
AT = REPORT.index("二、")
SHORT = REPORT.index("\n", AT) + 1  # under the report's shortcomings heading ("二、存在的问题和困难")
RUN_ON = "".join(line.strip() for line in REPORT.splitlines())  # the report with its line breaks lost

# name: (the unit repeated, where: inside a real report before its second part (True), under its shortcomings
# heading ("short"), after a title line (False), or as the whole text ("alone"))
SHAPES: dict[str, tuple[str, bool | str]] = {  # (unit, where: False at the head, True in a report, "short", "run",
    # "digits", "alone": the unit repeated is the whole text)
    "false_friend_lines": ("严格落实重大行政决策程序,实行决策全过程记录。\n", True),
    "false_friend_one_line": ("决策全过程记录,", False),
    "outdated_in_allowed_form": ("认真贯彻省信访条例，", False),
    "outdated_bare": ("认真贯彻《信访条例》。\n", False),
    "same_sentence_lines": ("我县坚持以习近平法治思想为指导,全面推进依法行政。\n", False),
    "one_line": ("全面推进依法行政,深化行政执法体制改革", False),
    "heading_every_line": ("（一）加强组织领导\n", False),
    "chinese_heading_every_line": ("一、加强组织领导\n", False),
    "placeholders": ("××县人民政府XX局2024年度工作。\n", False),
    "quotation_marks_one_line": ("“依法行政”", False),
    "figures_lines": ("全年收到行政复议申请58件,审结52件,纠错率为15.4%,同比增长12%。\n", True),
    "dates_lines": ("2024年3月31日前报送。\n", True),
    # paragraphs that look like the turn to the shortcomings (the inline shortcomings of the structure)
    "turning_paragraphs": ("（一）完善制度\n同时，针对存在的问题开展整改。\n但仍存在一些问题和不足。\n", False),
    "turning_lines_in_report": ("但也要看到，针对存在的问题和不足仍需整改。\n", True),
    # a long line with no end mark inside a report (the classifier's sentence scan was quadratic on it: found by
    # an attack review, 52.8 s for 205 KB; the line counts of tests/test_scaling.py do not see work inside a
    # regular expression, so benchmarks/run.py's wall time is its measure)
    "no_end_mark_in_report": ("依法行政工作,", True),
    "figures_no_end_mark_in_report": ("收到行政复议案件10件,审结8件,纠错2件,纠错率25%,同比增长12%,较上年增加5件,", True),
    # found by the second attack review: a shortcomings part of a thousand denials (each clause held against
    # every denial), a long line of half-width stops (each looked back to its line's start), a long line of
    # placeholders (each looked back to its line's start for quotation marks)
    "denials_in_shortcomings": ("经自查，未发现明显问题。\n", "short"),
    "stops_one_line": ("推进依法行政.", False),
    "placeholders_one_line": ("xx某某××", False),
    # found by the fifth attack review: one run of × before 公司 (the hidden-company exemption backtracked the run
    # from every start: 347 s for 100k); the run is the whole shape, ended by the company word
    "x_run_before_company": ("×", "run"),
    # found by the seventh attack review: one sentence of leaders handing the act on, each a false friend of the
    # leader context (cubic: every anchor walked every leader); a clause of decisions set aside or borrowed from,
    # each unless word rejected again for every anchor (quadratic); a run of digits after a year without decisions
    "delegation_one_sentence": ("县长委托常务副县长代为述法", True),
    "decisions_set_aside_one_clause": ("重大行政决策以外的规范性文件合法性审查", True),
    "decisions_borrowed_one_clause": ("参照重大行政决策程序对规范性文件合法性审查", True),
    "digits_after_no_decisions": ("1", "digits"),
    "chinese_numerals_after_no_decisions": ("十", "digits"),  # the eighth attack review: 23 s for 100k
    # Issue 18's third round: a word a built-in pattern begins with, on every character (无: no place kept), and
    # once in 41 (对: just sparse enough for its patterns to be tried at each place).
    "pattern_word_run_in_report": ("无", True),
    "pattern_word_sparse_in_report": ("对" + "工" * 40, True),
    # A report run together on one line gets its lost breaks back (text/reflow.run_on_breaks): the whole text on
    # one line, again and again; part markers in and out of order; its title again and again (each a break).
    "run_on_report": (RUN_ON, "alone"),
    "run_on_part_markers": ("。一、加强(一)推进(二)落实。二、", "alone"),
    "run_on_titles": ("某某县2024年度法治政府建设情况的报告", "alone"),
    # Found by the December 4 diff review: a text that states its year nowhere, its work's years counted outside a
    # long plan (each year held against every plan sentence), and a copy stamped by a document-sharing site under
    # lines wrapped by a page width (each break held against every stamp).
    "years_without_a_date": ("坚持依法行政。\n" * 4 + "2024年，共受理行政复议案件12件。\n三、下一步工作计划\n加强第1项培训。\n",
                             "alone"),
    # …and stamps each after other words (the site's name looked up by its stamp, not tried against every name)
    "watermarks_after_words": ("全面推进依法行政严格规范公正文明执法秘书之家—全网资源每日更新www.mishuzj.com\n", "alone"),
    "watermarks_wrapped": ("全面推进依法行政，严格规范公正文明执法，\n持续深化行政执法体制改革，完善执法程序，\n" * 2
                           + "秘书之家—全网资源每日更新www.mishuzj.com\n", "alone"),
    # every line cut after a comma (each break joined), and a study of the systems named one by one on each
    "lines_cut_at_commas": ("组织执法人员学习行政执法公示制度、执法全过程记录制度，\n重大执法决定法制审核制度相关规定，\n", True),
}


def shaped(name: str, size: int) -> str:
    """About ``size`` characters of the shape ``name``."""
    unit, inside = SHAPES[name]
    if inside == "alone":
        return unit * max(1, size // len(unit))
    if inside == "run":
        return HEAD + unit * max(1, size - 2) + "公司"
    if inside == "digits":
        return REPORT[:AT] + "本年度我县未作出重大行政决策。" + unit * max(1, size - len(REPORT)) + "。" + REPORT[AT:]
    if inside:
        at = SHORT if inside == "short" else AT
        return REPORT[:at] + unit * max(1, (size - len(REPORT)) // len(unit)) + REPORT[at:]
    return HEAD + unit * (size // len(unit))
