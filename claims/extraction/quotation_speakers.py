"""Who speaks in a quotation the sentences around it attribute: the speaker of the sentence before, who goes
on in a quotation that names no one (_speaker_goes_on, _narrated_after, _only_person, _subject_person, _alone),
the speaker named where a run of quoted sentences closes (_quote_run, _give_speaker), and whether a sentence
opens a quotation (_quotation_opens, _introduced_by_colon) or speaks in the first person (_first_person)."""

from __future__ import annotations

import re

from spacy.tokens import Span

from claims.extraction import attribution as at
from claims.extraction import lexicon as lx
from claims.extraction import rewrite as rw
from claims.extraction.candidates import Article, ClaimCandidate
from claims.extraction.claimants import _opens
from claims.extraction.doccache import doc_text, span_ents, span_text
from claims.extraction.sentence_clauses import MIN_WORDS


def _narrated_after(sent: Span, attrib: at.Attribution, main_end: int, start: int) -> at.Attribution:
    """'"...", a déclaré le chef de l'État en débutant son allocution, alors que le coronavirus a causé 13 nouveaux
    décès': a clause of time or contrast after the main clause that attributes the statement sets the scene the
    article gives, it is not what the speaker said: no claimant (the attribution's words stay left out). Nor
    one with a quotation mark, nor a second statement the speaker made (", soulignant que ...", Attribution.said):
    those stay theirs."""
    if not (attrib.claimant or attrib.how) or start < main_end \
            or attrib.said is not None and attrib.said[1] <= start < attrib.said[2]:
        return attrib
    doc = sent.doc
    # (the conjunction opens the part or was left just before it: "alors que" | "le coronavirus a causé")
    # ("alors", "après", "avant", "depuis" only with their "que": "depuis 2014" opens no clause)
    words = [t.lower_ for t in doc[max(sent.start, start - 2) : min(sent.end, start + 2)] if not t.is_punct]
    if not any(w in at.BACKGROUND_OPENERS and (w.endswith(("que", "qu'")) or w in ("quand", "when", "while") or
                                               words[k + 1 : k + 2] in (["que"], ["qu'"]))
               for k, w in enumerate(words[:3])) or '"' in doc[start : sent.end].text:
        return attrib
    return at.Attribution("", "", "", attrib.drop)


def _speaker_goes_on(art: Article, sent: Span, attrib: at.Attribution) -> at.Attribution | None:
    """Newsroom convention: a sentence that opens with a quotation mark and names no speaker, right after a
    sentence that quoted or reported someone, goes on with that speaker's words ('"...", a expliqué Mme
    Voynet. "On constate une augmentation des tests positifs".'). Not when that sentence named another
    person outside its quotations (two people could be speaking), nor after a narrative sentence."""
    if attrib.claimant or attrib.how or not span_text(sent).lstrip().startswith('"'):
        return None
    speaker, ctx = art.last_claimant, art.context
    # A speaker the article named, a person or an organisation; not a description it left unresolved ("un
    # étudiant": the quotation after it may be another's), nor a medium that reported someone
    # (nor one a pronoun was read as from the sentences before: one guess is enough). A source given by
    # "selon X" is a person's words only ("selon Radio Catalunya" reports, it does not speak on).
    how = art.last_claimant_how
    if art.last_claimant_at != art.sentences - 1 and _only_person(ctx, art.previous_text):
        # 'Alexandre de Juniac n'y va pas par quatre chemins, sur France Info. "Nous allons consommer ...': the
        # person the sentence before was about, the only one it named, introduces the quotation
        # (not a question: asked of them more often than by them, "Charlotte reçoit une demande. "Voulez-vous ...?"")
        asks = "?" in span_text(sent).rstrip().rstrip('"').rstrip()[-2:]
        return at.Attribution(_subject_person(ctx), "", "speech") if _quotation_opens(sent, art.language) \
            and not asks else None
    named = speaker in ctx.people or how == "speech" and speaker in ctx.orgs
    if not named or how.startswith("pronoun:") or art.last_claimant_at != art.sentences - 1 \
            or not art.last_claimant_alone or art.last_claimant_asked or speaker in ctx.outlets or at.is_outlet(speaker):
        return None  # (after a question, the quotation is the answer: someone else's, "Parce que ...")
    return at.Attribution(speaker, "", "speech") if _quotation_opens(sent, art.language) else None


def _quotation_opens(sent: Span, language: str) -> bool:
    """Whether a sentence that opens with a quotation mark is a quotation of someone's words: not a heading that
    quotes someone, nor a word quoted, nor one whose words outside the quotation may name another speaker."""
    text = span_text(sent).lstrip()
    # '"Le tamis va être fin"Elle devra ...': a heading that quotes someone (no full stop, alone on its line or glued
    # to the next sentence) is the article's title for what follows, the quotation may come from anyone later.
    after = doc_text(sent.doc)[sent.end_char : sent.end_char + 2]  # (Doc.text joins the whole document)
    text = text.rstrip()
    if _GLUED_HEADING.search(text) or text.endswith('"') and text[-2:-1] not in ".!?…" and (
            not after.strip() or after[:1] == "\n" or after[:1].isupper()):
        return False
    opened = text[1:].split('"', 1)[0]
    if len(opened.split()) < MIN_WORDS and len(opened.split()) * 2 < len(text.split()):
        return False  # '"Ney" ne s'est toujours pas exprimé': a word quoted, not the sentence
    # Words outside the quotation that name someone or say something ('"...", considère Christophe Bouillon
    # qui ...' the attribution did not read) may be another speaker's attribution.
    outside = [t for t in sent if not at.quoted(t, sent) and not t.is_punct]
    return not any(t.ent_type_ in ("PER", "PERSON", "ORG") or t.pos_ == "VERB" and at.speech_verb(t, language)
                   for t in outside)


# A closing quotation mark with the next sentence glued to it: a quotation set as a heading lost its line break.
_GLUED_HEADING = re.compile(r'\w"[A-ZÀ-Þ]')


def _only_person(ctx: rw.Context, previous: str) -> bool:
    """Whether the sentence before, a narrative one (not opening with a quotation), was about a person the article
    named, by their name or "il"/"elle", and named no other person."""
    subject = _subject_person(ctx)
    return subject in ctx.people and not ctx.last_subject_plural and not previous.lstrip().startswith('"') and (
        subject.split()[-1] in previous or _SUBJECT_PRONOUN.search(previous) is not None) and all(
        rw.same_person(name, subject) or name in subject for name in ctx.previous_names if name in ctx.people)


def _subject_person(ctx: rw.Context) -> str:
    """The person the sentence before was about: its subject, or the person the article tied to the role that was
    its subject ("La ministre de la Justice Claire Dubois a défendu sa réforme": Claire Dubois)."""
    subject = ctx.last_subject
    if subject not in ctx.people and at.is_role(subject):
        return ctx.person_for(subject) or subject
    return subject


_SUBJECT_PRONOUN = re.compile(r"\b(?:il|elle)\b", re.IGNORECASE)


def _alone(sent: Span, claimant: str) -> bool:
    """Whether a speaker's sentence names no other person outside its quotation marks ('"...", a répondu X à
    Y': Y may be the one speaking next)."""
    if not claimant:
        return False
    return not any(e.label_ in ("PER", "PERSON") and not at.quoted(e.root, sent) and not rw.same_person(e.text, claimant)
                   and e.text not in claimant and claimant not in e.text for e in span_ents(sent))


_QUOTATION_TAIL = re.compile(r'^\s*"?\s*,')


def _quote_run(run: list[ClaimCandidate], made: list[ClaimCandidate], sent: Span,
               attrib: at.Attribution, opener: at.Attribution | None = None) -> list[ClaimCandidate]:
    """A quotation spanning several sentences gets the speaker named where it closes, else the one that
    introduced it before a colon (`opener`: 'Il a commenté : "...'): the run is the candidates from the
    sentence that leaves a quotation open to the one whose first quotation mark closes it. A sentence
    that shows the quotation was already over ends the run without a speaker, so narrative in between
    is nobody's statement: a speaker without any quotation mark ("Elle assure que ..."), or a first
    mark that opens a new quotation. Returns the run still open."""
    text = span_text(sent)
    marks = [i for i, ch in enumerate(text) if ch == '"']
    if not run:
        return list(made) if len(marks) % 2 else []
    if not marks:
        return [] if attrib.claimant else [*run, *made]
    closes = not _opens(text, marks[0])
    if not closes and not len(marks) % 2 and not attrib.claimant and _first_person(sent):
        return [*run, *made]  # 'On change de lieu, "par sécurité".': a quotation inside the quotation
    if closes and attrib.claimant:
        _give_speaker(run, attrib)
    elif closes and opener is not None:
        _give_speaker([*run, *made], opener)
    return list(made) if (len(marks) - closes) % 2 else []


def _introduced_by_colon(text: str) -> bool:
    """'Cyril Hanouna a commenté dans TPMP : "Benoit Dubois, 130 euros ...': the quotation a sentence leaves
    open comes after a colon, so its speaker is the one the sentence names before it, for every sentence
    of the quotation (however it closes)."""
    return text[: text.rfind('"')].rstrip().endswith(":")


def _give_speaker(run: list[ClaimCandidate], attrib: at.Attribution) -> None:
    """The speaker named where a quotation closes, for the candidates it spans that have none."""
    for cand in run:
        if not cand.claimant:
            cand.claimant, cand.outlet = attrib.claimant, cand.outlet or attrib.outlet
            if cand.signals:
                cand.signals.claimant = True
                cand.signals.speech = True
            extra = cand.signals.extra if cand.signals else {}
            if extra.get("unresolved") and rw.same_person(extra.get("subject", ""), cand.claimant):
                # The quotation's "elle" was read as the speaker, who would have said "je": it is someone else.
                cand.text, extra["subject"] = extra.pop("unresolved"), ""
                cand.needs_context = cand.signals.needs_context = True


def _first_person(sent: Span) -> bool:
    """Whether a sentence speaks in the first person outside its own quotation marks ("je", "nous",
    "on"): direct speech, not the article's narrative."""
    words = lx.FIRST_PERSON.get(sent.doc.lang_, set())
    return any(t.lower_ in words and not at.quoted(t, sent) for t in sent)
