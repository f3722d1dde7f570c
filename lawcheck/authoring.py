"""Tools for people who write rules: run a pack's examples, start a rule file, the schema, the catalogue."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from lawcheck.explain import explain_rule
from lawcheck.kinds import RULE_ADAPTER
from lawcheck.kinds.base import RuleBase
from lawcheck.packs import RulePack


@dataclass
class ExampleRun:
    rule: str
    expected: str
    got: str
    text: str
    message: str
    matched: list[str]
    near_miss: str | None

    @property
    def ok(self) -> bool:
        return self.expected == self.got


def run_examples(pack: RulePack, rule_ids: list[str] | None = None) -> list[ExampleRun]:
    """Evaluate every example of every rule (or of ``rule_ids``) with that rule alone."""
    from lawcheck.engine import evaluate

    runs: list[ExampleRun] = []
    for rule in pack.rules:
        if rule_ids is not None and rule.id not in rule_ids:
            continue
        single = pack.only([rule.id])
        for expected, examples in rule.examples.by_status().items():
            for ex in examples:
                card = evaluate(ex.text, report_year=ex.report_year, published=ex.published, rules=single,
                                previous=ex.previous)
                r = card.result(rule.id)
                runs.append(ExampleRun(rule.id, expected, r.status, ex.text, r.message,
                                       [e.text for e in r.evidence],
                                       f"{r.near_miss.text}（{r.near_miss.reason}）" if r.near_miss else None))
    return runs


def report_runs(runs: list[ExampleRun], lang: str = "zh") -> str:
    """Per rule: all examples behave, or which do not and why (what matched, what did not)."""
    zh = lang == "zh"
    out: list[str] = []
    by_rule: dict[str, list[ExampleRun]] = {}
    for run in runs:
        by_rule.setdefault(run.rule, []).append(run)
    for rule, rs in by_rule.items():
        bad = [r for r in rs if not r.ok]
        if not bad:
            out.append(f"✓ {rule}（{len(rs)}个示例）" if zh else f"✓ {rule} ({len(rs)} examples)")
            continue
        out.append(f"✗ {rule}：{len(bad)}/{len(rs)}个示例不符" if zh else f"✗ {rule}: {len(bad)} of {len(rs)} examples")
        for r in bad:
            first = r.text.strip().splitlines()[0] if r.text.strip() else ""
            out.append(f"    示例“{first[:40]}”应为 {r.expected}，实为 {r.got}" if zh else
                       f"    example \"{first[:40]}\" should be {r.expected}, is {r.got}")
            colon = "：" if zh else ": "
            out.append(f"      {'说明' if zh else 'message'}{colon}{r.message}")
            if r.matched:
                out.append(f"      {'找到' if zh else 'matched'}{colon}" + " | ".join(m[:60] for m in r.matched))
            if r.near_miss:
                out.append(f"      {'未计入' if zh else 'not counted'}{colon}{r.near_miss[:100]}")
    failed = sum(1 for r in runs if not r.ok)
    out.append(f"共{len(runs)}个示例，{failed}个不符。" if zh else f"{len(runs)} examples, {failed} wrong.")
    return "\n".join(out) + "\n"


def own_rule_ids(pack: RulePack, pack_dir: Path) -> list[str]:
    """The rules whose files live in ``pack_dir`` (not those it inherits)."""
    from lawcheck.packs.read import rule_files, rule_id_for

    return [rule_id_for(p, pack_dir) for p in rule_files(pack_dir)]


def json_schema() -> str:
    schema = RULE_ADAPTER.json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "lawcheck rule file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


TEMPLATE = '''# {id}: one rule of a lawcheck pack.  Its id must equal its path under the pack directory
# ({path}), and it is public API: rename with `aliases`, never reuse.
id: {id}
# aliases: [old.id]                   # former ids that keep working after a rename

# What the report must do, as an obligation (Chinese required; English optional).
title:
  zh: 应说明……的情况
  en: The report must describe …
name: {{zh: 简称, en: short name}}      # a noun phrase for tables

category: {category}                  # groups rules on the scorecard: content, enforcement, deadline, form, …
severity: warning                     # error (a must-have: the gate fails on it) | warning | info
weight: 3                             # its share of the score
lifecycle: experimental               # experimental (shown, not scored) | stable | deprecated (add removed_in)
years: {{from: 2021}}                   # report years it applies to; {{from: …, to: …}}, either end optional
when_year_unknown: apply              # apply | unknown: what to do when the report year cannot be read
# reporters: [government, department, joint]     # who it applies to (default: all)
# levels: [province, city, county, township, department]

# Where the requirement comes from: the document, the article, the rulebook source id and its mark.
# The reader sees 《document》（ref）article：provision; an unverified article number is not shown.
basis:
  - document: 文件全称
    ref: 文号
    article: 第X条                    # the article number only (leave out if unknown)
    article_status: unverified        # how sure the number is (default: status)
    provision: 条款要求的内容（引用原文）
    wording: quote                    # quote: the source's own words | summary: yours, shown as （概括）
    source: S1                        # a source id the pack declares (RULEBOOK.md §0)
    status: unverified                # verified ✅ | partial ◐ | unverified ❌
    # years: {{from: 2019}}             # report years it governs; levels: / reporters: whom it covers

# kind picks the check: concept | section | field | deadline | forbidden | count | recipients | title.
# A concept: each part must be described as this year's work (in `scope`).
kind: concept
scope: [preamble, measures]           # where it counts as done; elsewhere (plan, problems) it is only a mention
parts:
  - id: thing                         # named parts give partial credit and are listed when missing
    label: {{zh: 某事项, en: the thing}}
    phrases: [某事项, 另一种说法]        # any of these counts …
    not: [同名异义的说法]               # … but never inside these (false friends)
    # context: {{any: [执法], window: sentence, headings: true}}   # must occur near these words
    # veto: {{any: [规范性文件], window: sentence}}               # not counted near these

# What the scorecard says when it is missing, and what to do (imperative).
message:
  zh: 未说明……的情况。
fix:
  zh: 增加……。

# Snippets the rule must get right; `lawcheck rules test` runs them.
examples:
  pass:
    - |
      一、主要举措和成效
      全年推进某事项,取得新成效。
  fail:
    - |
      一、主要举措和成效
      全年推进其他工作。
'''

TEMPLATE_ZH = '''# {id}：lawcheck 规则包中的一条规则。编号须与它在规则包目录下的路径一致（{path}），
# 编号是公开接口：改名时用 aliases 保留旧编号，旧编号不得另作他用。
id: {id}
# aliases: [old.id]                   # 改名前的编号，改名后仍然有效

# 报告必须做到什么，写成义务（中文必填，英文可选）。
title:
  zh: 应说明……的情况
  en: The report must describe …
name: {{zh: 简称, en: short name}}      # 表格里用的简短名称

category: {category}                  # 记分卡上的分组：content、enforcement、deadline、form……
severity: warning                     # error（必备项：不满足则门槛不通过）| warning | info
weight: 3                             # 在总分中的权重
lifecycle: experimental               # experimental（显示但不计分）| stable | deprecated（并写 removed_in）
years: {{from: 2021}}                   # 适用的报告年度；{{from: …, to: …}}，两端均可省略
when_year_unknown: apply              # apply | unknown：读不出报告年度时怎么办
# reporters: [government, department, joint]     # 适用的报告主体（默认全部）
# levels: [province, city, county, township, department]

# 要求的依据：文件、条款、RULEBOOK 来源编号及核实程度。
# 读者看到的是《文件》（文号）条款：内容；未核实的条号不显示。文件名不带书名号。
basis:
  - document: 文件全称
    ref: 文号
    article: 第X条                    # 只写条号（不确定就不写）
    article_status: unverified        # 条号的核实程度（默认同 status）
    provision: 条款要求的内容（引用原文）
    wording: quote                    # quote 原文 | summary 概括（显示为“（概括）”）
    source: S1                        # 规则包声明过的来源编号（RULEBOOK.md §0）
    status: unverified                # verified 已核实 | partial 部分核实 | unverified 未核实
    # years: {{from: 2019}}             # 该条款适用的报告年度；levels: / reporters: 适用的对象

# kind 决定检查方式：concept | section | field | deadline | forbidden | count | recipients | title。
# concept：每个部分都须作为本年度工作写到（在 scope 所列部分中）。
kind: concept
scope: [preamble, measures]           # 在这些部分写到才算；写在计划、问题部分只算提及
parts:
  - id: thing                         # 分成几个部分可得部分分，缺少时逐项列出
    label: {{zh: 某事项, en: the thing}}
    phrases: [某事项, 另一种说法]        # 出现其中任一说法即可……
    not: [同名异义的说法]               # ……但出现在这些说法之内不算（同名异义）
    # context: {{any: [执法], window: sentence, headings: true}}   # 须在这些词附近出现
    # veto: {{any: [规范性文件], window: sentence}}               # 在这些词附近出现不算

# 缺少时记分卡怎么说，以及如何修改（祈使句）。
message:
  zh: 未说明……的情况。
fix:
  zh: 增加……。

# 规则必须判断正确的示例；lawcheck rules test 会逐一运行。
examples:
  pass:
    - |
      一、主要举措和成效
      全年推进某事项，取得新成效。
  fail:
    - |
      一、主要举措和成效
      全年推进其他工作。
'''

PACK_TEMPLATE = {
    "zh": """# 规则包说明（由 lawcheck rules new 生成）：本目录是一个规则包，沿用内置规则包 core 的
# 词表、依据来源和评分办法；本目录下的规则文件加在 core 的规则之后。
id: {id}
title: {{zh: {title}}}
version: '0.1'
extends: core
# 规则引用的新来源须在此声明：sources: [{{id: L1, title: 本地文件名称}}]
sources: []
""",
    "en": """# A rule pack (written by lawcheck rules new): it keeps the built-in pack core's vocabulary,
# sources and scoring; the rule files in this folder are added after core's rules.
id: {id}
title: {{zh: {title}}}
version: '0.1'
extends: core
# Sources your rules cite that core does not declare: sources: [{{id: L1, title: the local document}}]
sources: []
""",
}



def new_rule_file(rule_id: str, directory: Path, lang: str = "zh") -> tuple[Path, Path | None]:
    """A commented rule file for ``rule_id`` in the pack ``directory``; and, when the directory is not a
    pack yet, its ``pack.yaml`` (extending core), so that ``lawcheck rules test DIR`` runs at once.
    Returns the rule file and the pack.yaml written (None when there was one)."""
    path = directory.joinpath(*rule_id.split(".")).with_suffix(".yaml")
    if path.exists():
        raise FileExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    rel = path.relative_to(directory).as_posix()
    template = TEMPLATE_ZH if lang == "zh" else TEMPLATE
    path.write_text(template.format(id=rule_id, path=rel, category=rule_id.split(".")[0]), encoding="utf-8")
    manifest = directory / "pack.yaml"
    if manifest.exists():
        return path, None
    name = directory.resolve().name or "local"
    pack_id = re.sub(r"[^a-z0-9_]", "_", name.lower()).strip("_") or "local"
    if not pack_id[0].isalpha():
        pack_id = "p_" + pack_id
    manifest.write_text(PACK_TEMPLATE[lang if lang in PACK_TEMPLATE else "zh"].format(id=pack_id, title=name),
                        encoding="utf-8")
    return path, manifest


def years_in_force(rule: RuleBase) -> str:
    """The report years a rule judges: its own years where some basis governs them ("2019–": a rule written
    for every year whose only basis took effect in 2019 is not applicable before); "all" when unbounded.  A
    basis may govern some levels from another year (see the rule's basis)."""
    starts = [b.years.start for b in rule.basis] or [None]
    ends = [b.years.end for b in rule.basis] or [None]
    basis_start = None if None in starts else min(s for s in starts if s is not None)
    basis_end = None if None in ends else max(e for e in ends if e is not None)
    start = max((y for y in (rule.years.start, basis_start) if y is not None), default=None)
    end = min((y for y in (rule.years.end, basis_end) if y is not None), default=None)
    return f"{start or ''}–{end or ''}" if start or end else "all"


def catalogue(packs: list[RulePack]) -> str:
    """docs/rules.md: every rule of the built-in packs, generated from the rule files."""
    out = ["# lawcheck rules", "",
           "Generated from the rule files by `lawcheck rules docs`; a test keeps it fresh. Each rule: what it",
           "requires, what counts and what does not, its basis, weight and examples.", ""]
    seen: set[str] = set()
    for pack in packs:
        own = [r for r in pack.rules if r.id not in seen]
        if not own:
            continue
        out += [f"## Pack `{pack.id}` {pack.version} — {pack.manifest.title.zh}", ""]
        out += ["| id | title | severity | weight | years | lifecycle |", "|---|---|---|---:|---|---|"]
        for r in own:
            out.append(f"| `{r.id}` | {r.title.zh} | {r.severity} | {r.weight:g} | {years_in_force(r)} | "
                       f"{r.lifecycle} |")
        out.append("")
        for r in own:
            seen.add(r.id)
            out += [f"### `{r.id}`", "", "```", explain_rule(r, "zh").rstrip(), "```", ""]
    out += _indicator_table(packs[0]) if packs and packs[0].indicators.indicators else []
    return "\n".join(out) + "\n"


def _indicator_table(pack: RulePack) -> list[str]:
    """The indicator catalogue (indicators.yaml): the figures read from a report, and how they relate."""
    cat = pack.indicators
    out = ["## Indicators (`indicators.yaml`)", "",
           "The figures lawcheck reads from a report (`figures` in the JSON; the CSV has a column for each key",
           "indicator).  A number in one of the units is the indicator's when a measure word stands in its clause",
           "and the nearest topic word is one of the topic words.", "",
           "| id | 名称 | name | topic | measure | units | range | key |", "|---|---|---|---|---|---|---|---|"]
    for i in cat.indicators:
        rng = f"{i.min:g}–{i.max:g}" if i.max is not None else f"≥ {i.min:g}"
        out.append(f"| `{i.id}` | {i.name.zh} | {i.name.en or ''} | {'、'.join(i.topic) or '—'} | "
                   f"{'、'.join(i.measure)} | {' '.join(i.units)} | {rng} | {'✓' if i.key else ''} |")
    out += ["", "Relations checked by the `figures` rules:", ""]
    for r in cat.relations:
        out.append(f"- `{r.rate}` = `{r.part}` ÷ `{r.total}`" if r.rate else f"- `{r.part}` ≤ `{r.total}`")
    return [*out, ""]
