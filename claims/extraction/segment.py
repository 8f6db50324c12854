"""Paragraphs and prose units: what is prose gets parsed, what is furniture (headings, bylines,
teasers, captions, titles) is reported as skipped and never becomes a claim."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.extraction import lexicon as lx

_BLANK = re.compile(r"\n[ \t]*\n\s*")
_TERMINAL = re.compile(r"[.!?…:;\"')\]]\s*$")
_SENTENCE_END = re.compile(r"[.!?…][\"')\]]?\s*$")
# A line that ends on a word no sentence or heading ends with (an article, a preposition, a
# conjunction, a possessive) is cut by a hard wrap, whatever case the next line starts in:
# "le général DE\nGAULLE a dirigé", "a dirigé la\nFrance pendant 14 ans".
_OPEN_END = re.compile(
    r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in sorted(lx.FUNCTION_WORDS, key=len, reverse=True)) + r")$",
    re.IGNORECASE,
)
# A match is a space and one of the words at the end (or before a final line break, as "$" reads it): it
# starts in the last _OPEN_END_REACH characters.
_OPEN_END_REACH = max(len(w) for w in lx.FUNCTION_WORDS) + 2


def _open_end(line: str) -> bool:
    """`_OPEN_END.search(line)`, looked for only where a match can start (a long paragraph is one line)."""
    return _OPEN_END.search(line, max(0, len(line) - _OPEN_END_REACH)) is not None
_BYLINE = re.compile(
    r"^(\(\s*[A-Z][A-Za-z./ ]{0,14}\)|(?-i:[A-Z]{2,6}(/[A-Z]{2,6})*)|(Par|By|De notre (?:envoyé|correspondant)\w*)\s+.{0,80}|"
    r"(avec|with)\s+(AFP|Reuters|AP|Belga)|\W*(©|copyright).*)$",
    re.IGNORECASE,
)
_TEASER = re.compile(
    r"^(plus|lire aussi|à lire aussi|a lire aussi|lire la suite|voir aussi|read more|see also|related|more|"
    r"publicité|advertisement|partager|share|sur le même sujet|newsletter|abonnez-vous.*|subscribe.*|"
    r"suivez-nous.*|follow us.*|(mis à jour|updated|publié|published)\b.*)\W*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^((photo|image|illustration|crédit|credit|capture|vidéo|video)s?\b\s*[:©(-]|.*©|.*\((photo|crédit|credit)\b"
    r"|.*/\s*(AFP|Reuters|AP|Getty|EPA|Belga)\)?\.?$)",
    re.IGNORECASE,
)


# "A lire aussi : Nicolas Sarkozy mis en examen ...", "Voir aussi: ...": a box of links to other articles, whatever
# follows the marker on its line (the headlines are often glued to one another).
_SEE_ALSO = re.compile(r"^(?:(?:à|a)\s+)?(?:lire|voir)\s+aussi\s*:|^(?:read|see)\s+also\s*:", re.IGNORECASE)
# "Spectaculaire pour un ancien chef de l'Etat, cette mesure avait été prise par les juges… Lire la suite sur
# LesEchos": the opening of another article, cut by an ellipsis before the link to the rest of it (normalise gives
# the cut sentence a line of its own). Not a claim of this article.
READ_ON = re.compile(
    r"(?:…|\.\.\.)\s*(?:lire la suite|voir la suite|continuer la lecture|read more|continue reading)\b[^.!?\n]{0,60}"
    r"[.!?]?[ \t]*$", re.IGNORECASE | re.MULTILINE)


# "VIDÉO - Marine Le Pen a été accueillie par 300 manifestants vendredi.": a rubric marker before a
# full sentence, not a caption (the claim's text leaves the marker out).
_MARKED_SENTENCE = re.compile(r"^(vidéo|video|photos?)s?\s*[-–—]\s*[A-ZÀ-Þ][^©]{40,}[.!?…]$", re.IGNORECASE)


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: str  # prose, heading, title, byline, teaser, caption


def _classify(line: str, *, first: bool) -> str:
    stripped = line.strip()
    words = stripped.split()
    if _TEASER.match(stripped) or _SEE_ALSO.match(stripped) or READ_ON.search(stripped):
        return "teaser"
    if _CAPTION.match(stripped) and len(words) <= 40 and not _MARKED_SENTENCE.match(stripped):
        return "caption"
    if len(words) <= 12 and _BYLINE.match(stripped) and not _SENTENCE_END.search(stripped[:-1] or "x"):
        return "byline"
    if stripped.endswith("?") and len(words) <= 20 and (first or not _has_sentence_before_question(stripped)):
        return "title"
    if len(words) <= 14 and not _TERMINAL.search(stripped):
        return "title" if first else "heading"
    return "prose"


_LETTER = re.compile(r"[^\W\d_]")


def _shouted(line: str) -> bool:
    """Whether a line is shouted: upper-case letters only, and enough of them to be words (not "RDC").
    Its case then tells nothing about where its sentence starts (segment)."""
    return line.isupper() and len(_LETTER.findall(line)) >= 8  # (isupper first: most lines have a lower-case letter)


def _has_sentence_before_question(line: str) -> bool:
    return bool(re.search(r"[.!…]\s+\S", line))


def segment(text: str) -> list[Block]:
    """Split normalised text into blocks with [start, end) offsets, each classified.

    Blank lines always end a paragraph (the parser does not treat them as boundaries, DESIGN.md §10);
    a single newline ends one when the line ends a sentence or is itself furniture, otherwise it is a
    soft line wrap inside the paragraph.
    """
    blocks: list[Block] = []
    first = True
    for para in _paragraph_spans(text):
        p_start, p_end = para
        unit_start: int | None = None
        unit_end = p_start
        pos = p_start
        prev_len = 0
        open_end = False
        shouted = False
        lines = text[p_start:p_end].split("\n")
        for index, line in enumerate(lines):
            l_start, l_end = pos, pos + len(line)
            pos = l_end + 1
            if not line.strip():
                continue
            lead = len(line) - len(line.lstrip())
            trail = len(line.rstrip())
            l_start, l_end = l_start + lead, l_start + trail
            # A line continues the paragraph only when it looks like a hard wrap: the previous line
            # was long, or this one starts in lower case. Short lines are list items or headings.
            # In a shouted run (a post's text copied from an image: "IL Y A UNE\nAPPLICATION QUI ...")
            # every line starts in upper case: a shouted line after a shouted one goes on with it.
            if unit_start is not None and not (text[l_start].islower() or prev_len >= 60 or open_end
                                               or shouted and _shouted(text[l_start:l_end])):
                blocks.append(Block(unit_start, unit_end, "prose"))
                unit_start = None
            prev_len = l_end - l_start
            shouted = _shouted(text[l_start:l_end])
            kind = _classify(text[l_start:l_end], first=first and unit_start is None)
            if unit_start is not None and kind in ("teaser", "caption", "byline") and (
                    open_end or text[l_start].islower()):
                # The rest of a sentence cut by a hard wrap, not furniture: "l'institut a\npublié la
                # nouvelle étude ..." reads as a teaser ("Publié le 3 mars") on its own.
                kind = "prose"
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            open_end = _open_end(text[l_start:l_end])
            if kind in ("title", "heading") and (following[:1].islower() or (following and open_end)
                                                 or shouted and _shouted(following)):
                kind = "prose"  # a hard-wrapped line, not a heading
            if kind != "prose" and unit_start is None:
                blocks.append(Block(l_start, l_end, kind))
                first = False
                continue
            if kind != "prose" and kind not in ("title", "heading"):
                blocks.append(Block(unit_start, unit_end, "prose"))  # type: ignore[arg-type]
                blocks.append(Block(l_start, l_end, kind))
                unit_start = None
                continue
            if unit_start is None:
                unit_start = l_start
            unit_end = l_end
            if _TERMINAL.search(text[l_start:l_end]):
                blocks.append(Block(unit_start, unit_end, "prose"))
                unit_start = None
            first = False
        if unit_start is not None:
            blocks.append(Block(unit_start, unit_end, "prose"))
        first = False
    if blocks and not any(b.kind == "prose" for b in blocks):
        # A text of short unpunctuated lines only (a post, a caption shared as a claim) has no body that
        # restates its title: its title and headings are what it says.
        blocks = [Block(b.start, b.end, "prose") if b.kind in ("title", "heading") else b for b in blocks]
    return blocks


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    prev = 0
    for m in _BLANK.finditer(text):
        if m.start() > prev:
            spans.append((prev, m.start()))
        prev = m.end()
    if prev < len(text):
        spans.append((prev, len(text)))
    return spans


_CHUNK_BREAK = re.compile(r"[.!?…]\s+")


def chunks(start: int, end: int, text: str, max_chars: int) -> list[tuple[int, int]]:
    """Cut an over-long prose block at sentence ends (or anywhere) so no chunk exceeds max_chars."""
    out = []
    while end - start > max_chars:
        window = text[start : start + max_chars]
        cut = None
        for m in _CHUNK_BREAK.finditer(window):
            cut = m.end()
        if not cut or cut < max_chars // 4:
            space = window.rfind(" ", max_chars // 2)
            cut = space + 1 if space > 0 else max_chars
        out.append((start, start + cut))
        start += cut
    if end > start:
        out.append((start, end))
    return out
