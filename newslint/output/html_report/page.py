"""The report page: a summary of the run, then each story with its problems marked in place and
listed below it. Every string that comes from a story, a file name, a rule or the configuration
goes through `esc` (or marking.escape_text); nothing else is ever written into the page."""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from newslint.findings import SEVERITIES, Finding
from newslint.output import RunSummary, printable
from newslint.output.html_report.assets import asset, content_security_policy, css_string
from newslint.output.html_report.marking import Mark, escape_text, marked_paragraph
from newslint.output.html_report.run_info import run_facts
from newslint.output.html_report.story import Story, story_of
from newslint.output.html_report.tally import Tally, family_of, tally
from newslint.output.text import plural, summary
from newslint.records import record
from newslint.regexes import lazy
from newslint.rules.base import RuleInfo
from newslint.spans import Span

_SENTENCE_END = lazy(r"[.!?][\"”’)]?\K\s+(?=[A-Z])")  # the space after a first sentence
CONTEXT = 40  # characters of the story shown either side of a proposed change


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


@record(frozen=True)
class _Problem:
    """A finding as the page shows it."""

    key: int  # its number in the report: ids m-KEY (the marked words) and f-KEY (the list entry)
    finding: Finding
    info: RuleInfo | None
    rule_number: int  # row in the table of rules: id rule-N, class rN (its explanation)

    @property
    def level(self) -> str:
        return self.finding.severity

    @property
    def family(self) -> str:
        return family_of(self.finding.rule)

    def replaced_words(self, text: str | None) -> str | None:
        """What the fix replaces, as the file has it."""
        fix = self.finding.fix
        return text[fix.start : fix.end] if text is not None and fix is not None else None

    def tip(self, text: str | None) -> str:
        """The tooltip: level, rule, message and proposed change (the explanation is added by
        the style sheet, once per rule)."""
        lines = [f"{self.level.capitalize()} · {self.finding.rule}", self.finding.message]
        fix = self.finding.fix
        if fix is not None:
            before = self.replaced_words(text)
            change = f"“{fix.replacement}”" if before is None else f"“{before}” → “{fix.replacement}”"
            lines.append(f"Fix ({fix.applicability}): {change}")
        return "\n".join(lines)


def render(run: RunSummary) -> str:
    counts = tally(run.findings, run.files)
    rules = counts.rules_by_count()
    numbers = {rule: number for number, rule in enumerate(rules, 1)}
    problems = [
        _Problem(key, finding, run.rules.get(finding.rule), numbers[finding.rule])
        for key, finding in enumerate(run.findings, 1)
    ]
    by_file: dict[str, list[_Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.finding.path].append(problem)
    files = list(counts.files)
    verdict = summary(run.findings, len(run.files), run.fixed, run.unsafe)
    body = [
        _header(run, verdict),
        _not_checked(run.errors),
        _summary(counts, files, rules, run.rules),
        _filters(counts),
        '<main id="stories">',
        *(_file(index, path, by_file[path], run.texts.get(path), counts) for index, path in enumerate(files, 1)),
        "</main>",
    ]
    style = asset("report.css") + _explanations(rules, run.rules)
    script = asset("report.js")
    return _document(f"newslint report: {verdict}", style, script, "".join(body))


def _document(title: str, style: str, script: str, body: str) -> str:
    for inline, closing in ((style, "</style"), (script, "</script")):
        if closing in inline.lower():  # pragma: no cover - the assets are ours; the rest is escaped
            raise ValueError(f"an inline asset holds {closing}")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(content_security_policy(style, script))}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{style}</style>\n</head>\n<body>\n"
        f'<div class="page">\n{body}\n</div>\n<script>{script}</script>\n</body>\n</html>\n'
    )


def _explanations(rules: Sequence[str], infos: Mapping[str, RuleInfo]) -> str:
    """One rule of style per rule with an explanation: its tooltips end with it (the text is
    in the page once, not once per finding)."""
    lines = ["\n/* each rule's explanation, for its tooltips */"]
    for number, rule in enumerate(rules, 1):
        description = _description(infos.get(rule))
        if description:
            why = css_string("\n\nWhy: " + description)
            lines.append(f".r{number} {{ --why: {why}; }}")
    return "\n".join(lines) + "\n"


# --- the top of the page ------------------------------------------------------------------------


def _header(run: RunSummary, verdict: str) -> str:
    facts = "".join(
        f"<dt>{esc(label)}</dt><dd>{esc(value)}</dd>" for label, value in run_facts(run.config, run.started)
    )
    return (
        "<header>\n<h1>newslint report</h1>\n"
        f'<p class="verdict" id="verdict">{esc(verdict)}</p>\n'
        f'<dl class="run" aria-label="About this run">{facts}</dl>\n</header>\n'
    )


def _not_checked(errors: Sequence[str]) -> str:
    if not errors:
        return ""
    items = "".join(f"<li>{esc(printable(error))}</li>" for error in errors)
    return (
        '<section class="problems-not-checked" aria-labelledby="not-checked" role="alert">\n'
        f'<h2 id="not-checked">Not checked ({len(errors)})</h2>\n'
        f"<p>This report is incomplete: these could not be read or checked.</p><ul>{items}</ul>\n</section>\n"
    )


def _badge(level: str, count: int | None = None) -> str:
    """A level's name (or a count of it) in the level's colour."""
    label = level if count is None else (f"{count} {level}" if level == "info" else plural(count, level))
    return f'<span class="badge {esc(level)}">{esc(label)}</span>'


def _summary(counts: Tally, files: Sequence[str], rules: Sequence[str], infos: Mapping[str, RuleInfo]) -> str:
    level_rows = "".join(
        f'<tr data-level="{level}"><th scope="row">{_badge(level)}</th>'
        f'<td class="n" data-count="{counts.levels[level]}">{counts.levels[level]}</td></tr>'
        for level in SEVERITIES
    )
    by_level = (
        '<table class="by-level"><caption>Problems by level</caption>'
        '<thead><tr><th scope="col">Level</th><th scope="col" class="n">Problems</th></tr></thead>'
        f"<tbody>{level_rows}</tbody></table>"
    )
    file_rows = "".join(_file_row(index, path, counts) for index, path in enumerate(files, 1))
    level_heads = "".join(f'<th scope="col" class="n">{level}</th>' for level in SEVERITIES)
    by_file = (
        f'<table class="by-file"><caption>Files ({len(files)})</caption>'
        f'<thead><tr><th scope="col">File</th>{level_heads}</tr></thead><tbody>{file_rows}</tbody></table>'
    )
    rule_rows = "".join(_rule_row(number, rule, counts, infos.get(rule)) for number, rule in enumerate(rules, 1))
    by_rule = (
        '<div class="table-scroll wide" role="region" aria-labelledby="by-rule" tabindex="0">'
        '<table class="by-rule"><caption id="by-rule">Problems by rule</caption>'
        '<thead><tr><th scope="col">Rule</th><th scope="col">Level</th><th scope="col" class="n">Problems</th>'
        '<th scope="col" class="n">With a fix</th><th scope="col">What it checks</th></tr></thead>'
        f"<tbody>{rule_rows}</tbody></table></div>"
        if rules
        else ""
    )
    return (
        '<section class="summary" aria-labelledby="summary-title">\n'
        '<h2 id="summary-title" class="visually-hidden">Summary</h2>\n'
        f'<div class="tables">\n{by_level}\n{by_file}\n{by_rule}\n</div>\n</section>\n'
    )


def _file_row(index: int, path: str, counts: Tally) -> str:
    levels = counts.files[path]
    cells = "".join(f'<td class="n" data-level="{level}">{levels[level]}</td>' for level in SEVERITIES)
    return (
        f'<tr data-file="{index}"><td class="path"><a href="#file-{index}">{esc(printable(path))}</a></td>{cells}</tr>'
    )


def _rule_row(number: int, rule: str, counts: Tally, info: RuleInfo | None) -> str:
    why = _description(info)  # for the tooltips that report.js shows
    why_attribute = f' data-why="{esc(why)}"' if why else ""
    return (
        f'<tr id="rule-{number}" data-rule="{esc(rule)}"{why_attribute}>'
        f'<th scope="row"><code>{esc(rule)}</code></th>'
        f"<td>{_badge(counts.rule_levels[rule])}</td>"
        f'<td class="n" data-count="{counts.rules[rule]}">{counts.rules[rule]}</td>'
        f'<td class="n">{counts.fixable[rule]}</td><td class="why-cell">{_explanation(info)}</td></tr>'
    )


def _explanation(info: RuleInfo | None) -> str:
    """The rule's first sentence; the rest and its source one click (or tap, or Enter) away."""
    if info is None:
        return "Reported by newslint itself or by LanguageTool."
    description = _description(info)
    if not description:
        return "No explanation in its rule file."
    first, rest = _first_sentence(description)
    more = [esc(rest)] if rest else []
    if info.source:
        more.append(f"Source: {esc(info.source)}")
    if info.link and urlsplit(info.link).scheme in ("http", "https"):
        more.append(f'<a href="{esc(info.link)}" rel="noreferrer noopener">{esc(info.link)}</a>')
    if not more:
        return esc(description)
    return f"<details><summary>{esc(first)}</summary>{'<br>'.join(more)}</details>"


def _description(info: RuleInfo | None) -> str:
    return " ".join(info.description.split()) if info is not None else ""


def _first_sentence(text: str) -> tuple[str, str]:
    end = _SENTENCE_END.search(text)
    return (text[: end.start()], text[end.end() :]) if end else (text, "")


def _filters(counts: Tally) -> str:
    """Filters, hidden until report.js shows them: without script, everything is shown."""
    if not counts.total:
        return ""
    levels = "".join(_checkbox("level", level, counts.levels[level]) for level in counts.levels_present())
    families = "".join(_checkbox("family", family, counts.families[family]) for family in sorted(counts.families))
    return (
        '<div class="filters" id="filters" hidden>\n'
        f"<fieldset><legend>Level</legend>{levels}</fieldset>\n"
        f"<fieldset><legend>Rules</legend>{families}</fieldset>\n"
        '<button type="button" id="show-all">Show all</button>\n'
        '<p class="filter-status" id="filter-status" role="status" aria-live="polite"></p>\n</div>\n'
    )


def _checkbox(name: str, value: str, count: int) -> str:
    return (
        f'<label><input type="checkbox" name="{name}" value="{esc(value)}" checked> '
        f'{esc(value)} <span class="n">({count})</span></label>'
    )


# --- a file -------------------------------------------------------------------------------------


def _file(index: int, path: str, problems: Sequence[_Problem], text: str | None, counts: Tally) -> str:
    shown = esc(printable(path))
    levels = counts.files.get(path)
    head = (
        f'<section class="file" id="file-{index}" aria-labelledby="file-{index}-name">\n'
        f'<h2 id="file-{index}-name">{shown}</h2>\n'
    )
    if not problems:
        return head + '<p class="clean">No problems found.</p>\n</section>\n'
    badges = " ".join(_badge(level, levels[level]) for level in SEVERITIES if levels and levels[level])
    story = story_of(text, path) if text is not None else None
    places = (
        {problem.key: story.place(problem.finding.start, problem.finding.end) for problem in problems} if story else {}
    )
    body = (
        _story(story, problems, places, text)
        if story is not None
        else '<p class="clean">The text of this file was not kept; its problems are listed below.</p>'
    )
    rows = "".join(_problem_row(problem, places.get(problem.key), story, text) for problem in problems)
    return (
        f'{head}<p class="file-counts">{esc(plural(len(problems), "problem"))}: {badges}</p>\n'
        f'<div class="story {"markup" if story is not None and story.markup else "plain"}">{body}</div>\n'
        f'<h3 id="file-{index}-problems">Problems in {shown}</h3>\n'
        f'<ol class="problems" aria-labelledby="file-{index}-problems">{rows}</ol>\n</section>\n'
    )


def _story(story: Story, problems: Sequence[_Problem], places: Mapping[int, Span | None], text: str | None) -> str:
    """The story's paragraphs with every placed finding marked."""
    marks: dict[int, list[Mark]] = defaultdict(list)
    by_key = {problem.key: problem for problem in problems}
    for key, place in places.items():
        if place is None:
            continue
        for order, index in enumerate(story.paragraphs_under(place)):
            paragraph = story.paragraphs[index]
            start, end = max(place.start, paragraph.start), min(place.end, paragraph.end)
            marks[index].append(Mark(key, start, end, first=order == 0))
    tips = {problem.key: esc(problem.tip(text)) for problem in problems}

    def opening(mark: Mark, first: bool) -> str:
        problem = by_key[mark.key]
        point = " point" if mark.start == mark.end else ""
        common = (
            f'class="f {problem.level} r{problem.rule_number}{point}" data-rule="{esc(problem.finding.rule)}" '
            f'data-level="{problem.level}" data-family="{esc(problem.family)}" data-finding="{mark.key}" '
            f'data-tip="{tips[mark.key]}"'
        )
        if first:
            return f'<mark {common} id="m-{mark.key}" tabindex="0" aria-describedby="f-{mark.key}">'
        return f"<mark {common}>"

    return "".join(
        f"<p>{marked_paragraph(story.text, paragraph, marks.get(index, ()), opening, story.elided)}</p>"
        for index, paragraph in enumerate(story.paragraphs)
    )


def _problem_row(problem: _Problem, place: Span | None, story: Story | None, text: str | None) -> str:
    finding = problem.finding
    where_text = f"line {finding.line}, col {finding.column}"
    placed = place is not None and story is not None and bool(list(story.paragraphs_under(place)))
    where = (
        f'<a class="where" href="#m-{problem.key}">{where_text}</a>'
        if placed
        else f'<span class="where">{where_text}</span>'
    )
    unplaced = (
        "" if placed or story is None else '<span class="unplaced">Not in the story text (markup or a comment).</span>'
    )
    return (
        f'<li class="finding {problem.level}" id="f-{problem.key}" data-rule="{esc(finding.rule)}" '
        f'data-level="{problem.level}" data-family="{esc(problem.family)}" data-finding="{problem.key}">'
        f'{where}{_badge(problem.level)}<a class="rule" href="#rule-{problem.rule_number}">{esc(finding.rule)}</a>'
        f'<span class="message">{esc(finding.message)}</span>{unplaced}{_change(problem, story, text)}</li>'
    )


def _change(problem: _Problem, story: Story | None, text: str | None) -> str:
    """A fix as before and after, in a few words of the story around it."""
    fix = problem.finding.fix
    if fix is None:
        return ""
    before = problem.replaced_words(text) or ""
    left = right = ""
    place = story.place(fix.start, fix.end) if story is not None else None
    if story is not None and place is not None:
        under = story.paragraphs_under(place)
        if under:
            left, right = _context(story.text, story.paragraphs[under[0]], place)
    if fix.applicability == "safe":
        applies = "Safe fix: <code>newslint --fix</code> applies it."
    else:
        applies = "Unsafe fix, worth a second look: <code>newslint --fix --unsafe-fixes</code> applies it."
    return (
        '<dl class="change">'
        f"<dt>Before</dt><dd>{left}<del>{escape_text(before)}</del>{right}</dd>"
        f"<dt>After</dt><dd>{left}<ins>{escape_text(fix.replacement)}</ins>{right}</dd>"
        f'</dl><span class="applies">{applies}</span>'
    )


def _context(text: str, paragraph: Span, place: Span) -> tuple[str, str]:
    """Escaped words before and after a place, within its paragraph, cut at a space."""
    start = max(paragraph.start, place.start - CONTEXT)
    end = min(paragraph.end, place.end + CONTEXT)
    left, right = text[start : place.start], text[place.end : end]
    if start > paragraph.start:
        left = "…" + (left.split(" ", 1)[1] if " " in left else left)
    if end < paragraph.end:
        right = (right.rsplit(" ", 1)[0] if " " in right else right) + "…"
    return escape_text(left), escape_text(right)
