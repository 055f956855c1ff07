"""substitution: a wrong form and the right one; the finding carries the fix."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from newslint.document import Document
from newslint.packs_memo import MEMO
from newslint.regexes import (
    lazy,
    leading_mark,
    leading_trigger,
    leading_triggers,
    required_literal,
    required_texts,
    scan_within,
    with_context,
)
from newslint.rules import options as opt
from newslint.rules import patterns
from newslint.rules.base import Hit, LoadContext, Rule
from newslint.rules.options import Option, OptionError, Swap
from newslint.spans import Span
from newslint.textcase import match_case
from newslint.triggers import ANYWHERE, AS_WORD, AT_WORD_START, Triggers

Trigger = tuple[tuple[str, int], ...] | None  # a swap's triggers: text and how it stands; one is in every match
Requirements = tuple[tuple[str, ...], ...]  # each: texts of which a match (or its context) holds one


class Substitution(Rule):
    kind = "substitution"
    default_fix = "safe"
    default_ignorecase = True
    options = {
        "swap": Option(opt.swap_map, required=True),
        "lists": Option(patterns.word_lists, default={}),
    }

    def configure(self, options: dict[str, Any], context: LoadContext) -> None:
        self._swaps = []
        self._marks: list[str | None] = []  # the mark each swap's matches start with, if plain
        # Texts a swap's matches hold one of each of (see _requirements), and its context before them.
        self._needs: list[tuple[Requirements, Requirements]] = []
        self.patterns: list[str] = []  # as expanded, for the loader's checks of built-in rules
        declared = sorted(self.declared_triggers.all)  # a document this rule runs on holds one
        for written, swap in options["swap"].items():
            try:
                key, after, not_after = patterns.expand_with_context(
                    written, swap.after, swap.not_after, options["lists"]
                )
                swap = Swap(swap.replacements, after, not_after)
                opt.check_swap(key, swap)
            except opt._Invalid as error:
                raise OptionError("swap", str(error)) from None
            pattern = with_context(key, self.ignorecase, swap.after, swap.not_after)
            trigger, inside, context = _swap_facts(key, swap.after, declared)
            self._swaps.append((pattern, tuple(map(_template, swap.replacements)), trigger))
            self._marks.append(leading_mark(key))
            self._needs.append((inside, context))
            self.patterns.append(key)

    def triggers(self) -> Triggers | None:
        """The declared triggers, or else each swap's own (see _triggers); None if a swap has none."""
        if self.declared_triggers:
            return self.declared_triggers
        if not all(trigger for _, _, trigger in self._swaps):
            return None
        return _as_triggers(each for _, _, trigger in self._swaps for each in trigger)

    def hits(self, doc: Document) -> Iterator[Hit]:
        seen: set[tuple[int, int]] = set()
        declared = bool(self.declared_triggers)
        # Declared triggers serve every swap: their windows are found once, not once per swap;
        # without, swaps that share a trigger (most of a rule's) share its windows.
        shared = doc.windows_for(self.declared_triggers) if declared else None
        by_trigger: dict[Trigger, list[Span] | None] = {}
        folded = doc.folded
        for (pattern, replacements, trigger), mark, (inside, before) in zip(self._swaps, self._marks, self._needs):
            if mark is not None and mark not in doc.text:
                continue  # "!" in a text without one: no search (its Python around costs more than it)
            if declared:
                windows = shared
            elif trigger in by_trigger:
                windows = by_trigger[trigger]
            else:
                windows = by_trigger[trigger] = _paragraphs_holding(doc, trigger)
            if windows == []:
                continue
            if before and not _holds_one_of_each(folded, before, 0, len(folded)):
                continue  # the context its matches need is nowhere in the text
            if inside:
                windows = _holding(folded, inside, windows)
                if windows == []:
                    continue  # every match of this swap holds one text of each: not compiled, not run
            for match in scan_within(pattern, doc.text, windows):
                span = match.span()
                if span[1] == span[0] or span in seen:
                    continue
                seen.add(span)
                candidates = (match_case(_expanded(match, r), match.group()) for r in replacements)
                yield Hit(span[0], span[1], tuple(dict.fromkeys(candidates)))


# A replacement's group references, as the rule packs write them: \1 to \9 (no digit after it) and
# \g<1> or \g<name>. A replacement with any other escape is expanded by the regex module itself.
_GROUP_REFERENCE = lazy(r"\\(?:([1-9])(?!\d)|g<(\w+)>)", engine="re")

Template = str | tuple[str | int, ...]  # a replacement as written, or its pieces: texts and groups


def _template(replacement: str) -> Template:
    """A replacement with group references and no other escape as its pieces (texts, and groups
    by number or name), which _expanded puts together without Match.expand: that imports the
    regex module's Python side (its template parser, ~5 ms) at a run's first finding of a swap
    that has a replacement. Any other replacement as written."""
    pieces: list[str | int] = []
    position = 0
    for reference in _GROUP_REFERENCE.compiled.finditer(replacement):
        pieces.append(replacement[position : reference.start()])
        number, name = reference.groups()
        pieces.append(int(number) if number else int(name) if name.isdigit() else name)  # type: ignore[arg-type]
        position = reference.end()
    pieces.append(replacement[position:])
    if len(pieces) == 1 or any("\\" in text for text in pieces[::2]):  # type: ignore[operator]
        return replacement
    return tuple(pieces)


def _expanded(match: Any, template: Template) -> str:
    """match.expand() of the replacement the template stands for (an unmatched group gives "")."""
    if isinstance(template, str):
        return match.expand(template) if "\\" in template else template
    return "".join(piece if index % 2 == 0 else match.group(piece) or "" for index, piece in enumerate(template))


_MOST_NEEDS = 3  # requirements tested per swap, at most: each costs a str.find or a few
_SHORTEST_NEED = 3  # letters of a text worth a str.find in a paragraph (" in ", "of " are in most; " ," is not)


def _swap_facts(key: str, after: str | None, declared: list[str]) -> tuple[Trigger, Requirements, Requirements]:
    """A swap's triggers (see _triggers), what its matches hold one of each of, and what their
    context (`after`) does (see _requirements): kept in the packs memo, as one entry, for a rule is
    built again by every run that meets its triggers."""

    def work_out() -> list[list]:
        trigger = _triggers(key)
        inside = _requirements(required_texts(key), declared, trigger, ())
        context = _requirements(required_texts(after), declared, None, inside) if after else ()
        return [
            [list(each) for each in trigger or ()],
            [list(texts) for texts in inside],
            [list(texts) for texts in context],
        ]

    trigger, inside, context = MEMO.recall("swaps", f"{key}\0{after}\0{declared}", work_out)
    return (
        tuple((text, standing) for text, standing in trigger) or None,
        tuple(map(tuple, inside)),
        tuple(map(tuple, context)),
    )


def _requirements(found: list[list[str]], declared: list[str], trigger: Trigger, tested: Requirements) -> Requirements:
    """What a text must hold for a swap to match there, tested before it is searched: a few of the
    requirements `found` (see regexes.required_texts) that a document holding one of the rule's
    `declared` triggers, or else the swap's own trigger, may well lack, and none that those
    `tested` already meet; with declared triggers, the swap's own trigger too, unless one of those
    holds it."""
    own = tuple(text for text, _ in trigger) if trigger else ()
    known = declared or list(own)
    needs: list[tuple[str, ...]] = [own] if declared and own else []
    for texts in found:
        rare = all(len(text.strip()) >= _SHORTEST_NEED or not any(map(str.isalnum, text)) for text in texts)
        if not rare or any(_implied(texts, given) for given in [known, *tested, *needs] if given):
            continue
        needs = [*(need for need in needs if not _implied(need, texts)), tuple(texts)]
        if len(needs) == _MOST_NEEDS:
            break
    return tuple(needs)


def _implied(texts: Sequence[str], given: Sequence[str]) -> bool:
    """Whether a text known to hold one of `given` (almost) surely holds one of `texts`: each given
    one holds one, white space aside ("assist to " is tested no more once "assist to" is found)."""
    return all(any(text.strip() in other for text in texts) for other in given)


def _holding(folded: str, needs: Requirements, windows: list[Span] | None) -> list[Span] | None:
    """The windows (None: all the text) that hold one text of each requirement; a match lies in
    one window. Searched window by window: a paragraph costs a fraction of the whole text."""
    if windows is None:
        return None if _holds_one_of_each(folded, needs, 0, len(folded)) else []
    return [window for window in windows if _holds_one_of_each(folded, needs, window[0], window[1])]


def _holds_one_of_each(folded: str, needs: Requirements, start: int, end: int) -> bool:
    """Whether folded[start:end] holds one text of each requirement."""
    for texts in needs:
        for text in texts:
            if folded.find(text, start, end) >= 0:
                break
        else:
            return False
    return True


def _paragraphs_holding(doc: Document, trigger: Trigger) -> list[Span] | None:
    """The paragraphs a swap with these triggers need scan (None: all the text); triggers the
    document's index did not find cost a lookup each, not a search for paragraphs."""
    if trigger is None:
        return None
    if all(doc.trigger_positions(*each) == [] for each in trigger):
        return []
    return doc.paragraphs_holding(trigger)


def _triggers(key: str) -> Trigger:
    """What every match of a key holds: the words it starts with ("eat" as a word is rarer than
    "eat" in "great"), one of a few ways if it may start so ("self media", "self-media"), unless
    its longest literal is longer ("new crown", not "new")."""
    options = []
    if ways := leading_triggers(key):
        options.append(tuple(ways))
    if leading := leading_trigger(key):
        options.append((leading,))
    if literal := required_literal(key):
        options.append(((literal, ANYWHERE),))
    # The most telling: the shortest of its texts longest (the first of equals: a word is rarer).
    return max(options, key=lambda triggers: min(len(text) for text, _ in triggers), default=None)


def _as_triggers(triggers: Iterable[tuple[str, int]]) -> Triggers:
    by_standing: dict[int, set[str]] = {ANYWHERE: set(), AT_WORD_START: set(), AS_WORD: set()}
    for text, standing in triggers:
        by_standing[standing].add(text)
    return Triggers(
        words=frozenset(by_standing[AS_WORD]),
        strings=frozenset(by_standing[ANYWHERE]),
        prefixes=frozenset(by_standing[AT_WORD_START]),
    )
