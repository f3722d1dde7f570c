"""Tools for people who write rules: run a pack's examples, start a rule file, the schema, the catalogue."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lawcheck.explain import explain_rule
from lawcheck.kinds import RULE_ADAPTER
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
                card = evaluate(ex.text, report_year=ex.report_year, published=ex.published, rules=single)
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
            out.append(f"      {'说明' if zh else 'message'}：{r.message}")
            if r.matched:
                out.append(f"      {'找到' if zh else 'matched'}：" + " | ".join(m[:60] for m in r.matched))
            if r.near_miss:
                out.append(f"      {'未计入' if zh else 'not counted'}：{r.near_miss[:100]}")
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


def new_rule_file(rule_id: str, directory: Path) -> Path:
    path = directory.joinpath(*rule_id.split(".")).with_suffix(".yaml")
    if path.exists():
        raise FileExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    rel = path.relative_to(directory).as_posix()
    path.write_text(TEMPLATE.format(id=rule_id, path=rel, category=rule_id.split(".")[0]), encoding="utf-8")
    return path


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
            y = f"{r.years.start or ''}–{r.years.end or ''}" if r.years.start or r.years.end else "all"
            out.append(f"| `{r.id}` | {r.title.zh} | {r.severity} | {r.weight:g} | {y} | {r.lifecycle} |")
        out.append("")
        for r in own:
            seen.add(r.id)
            out += [f"### `{r.id}`", "", "```", explain_rule(r, "zh").rstrip(), "```", ""]
    return "\n".join(out) + "\n"
