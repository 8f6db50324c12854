"""Which statement is an article's lead, the news it reports, kept first in its list (_mark_lead): the lead
model's pick where the language has one, else the statement that echoes the title (_echoed_lead) or the first
that tells what happened (_first_news); what may be news (_may_be_news, _states_news) and what only quotes
words (_said_only)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Span

from claims.extraction import attribution as at
from claims.extraction import leads
from claims.extraction import titles as tt
from claims.extraction.candidates import ClaimCandidate
from claims.extraction.checkworthiness import SHORT_WORDS, Signals
from claims.extraction.speech_verbs import finite_word


def _mark_lead(candidates: Sequence[ClaimCandidate], title: frozenset[str] = frozenset(), model: Any = None) -> None:
    """The article's lead: the news it is about, which its later details should not push out of the short
    list. Among its first LEAD_WINDOW statements (a hook or a teaser may come before it: "La mise en garde de
    la préfecture n'aura pas suffi."), the one that echoes its title (_echoed_lead), else the first that tells
    what happened (_first_news). With a lead model for the language (leads.py, learnt from labelled articles),
    the statement it rates likeliest among the first leads.WINDOW, the rule's pick being one thing it reads."""
    ordered = sorted((c for c in candidates if c.signals is not None and not c.headline),
                     key=lambda c: c.start)
    body = ordered[:LEAD_WINDOW]
    first = _first_news(body)
    chosen = _echoed_lead(body, title, first) or first
    if model is not None:
        found = leads.pick(model, ordered, title, body.index(chosen) if chosen is not None else None)
        chosen = ordered[found] if found is not None else None
    if chosen is not None:
        chosen.signals.lead = True


def _first_news(body: Sequence[ClaimCandidate]) -> ClaimCandidate | None:
    """The first statement that tells what happened (a past event with a named subject, no forecast, opinion,
    question or first person, nothing to resolve). When none tells the past, the first that tells a dated
    present does: news is also told in the present ("Santé publique France recense mardi 20.796 morts",
    "Édouard Philippe reçoit ce vendredi neuf ministres"), but a hook is too ("L'année 2017 commence
    difficilement pour la chanteuse"), so only then."""
    plain = [c for c in body if _states_news(c.signals) and _names_its_subject(c)]
    return next((c for c in plain if c.signals.past), None) or next(
        (c for c in plain if c.signals.dates and not c.signals.future_tense), None)


def _states_news(s: Signals) -> bool:
    """Whether a statement could be a lead: it names someone or something, or states a figure (a lead's
    news is often a count with no name in it: "l'abstention a atteint un record avec plus de six électeurs
    sur dix", "l'épidémie a fait deux morts depuis le début du mois"), is long enough, and is no forecast,
    schedule, advice, promotion, opinion, question, judgement, telling, first person, fragment,
    hypothesis, and has nothing to resolve."""
    return bool(s.entities or s.quantities) and s.words >= SHORT_WORDS and not (
        s.forecast or s.schedule or s.advice or s.promotional or s.opinion or s.question or s.appraisal
        or s.contentless or s.first_person or s.needs_context or s.fragment or s.hypothetical)


# A main clause whose subject the rewrite never replaces: a demonstrative ("C'est", "Cela", "Ce sont", "Celui
# que ...") or an impersonal "il" ("Il est apparu que", "Il y a", "Il s'agit de"), at the start or after a
# leading phrase.
_UNNAMED_OPENING = re.compile(
    r"^(?:[^,\"]{0,100}, )?(?:c'|ce (?:sont|fut|serait)\b|cela\b|ça\b|celui\b|celle\b|ceux\b|celles\b|"
    r"il (?:est|était|a été|y a|y avait|s'agit|"
    r"apparaît|semble|faut|reste)\b)", re.IGNORECASE)
# A cleft names its subject: "C'est le maire qui a signé", "Ce sont les syndicats qui ont révélé l'affaire".
_CLEFT = re.compile(r"^(?:[^,\"]{0,100}, )?c(?:'|e )(?:est|était|sont|étaient|fut)\s[^,]{1,80}?\s(?:qui|que|qu')\b",
                    re.IGNORECASE)


def _names_its_subject(cand: ClaimCandidate) -> bool:
    """Whether the statement names what it is about: not when its main clause's subject is a demonstrative or
    an impersonal "il" (the parse's root_subj=pron3, and the text opens on it: a resolved "Il a demandé" reads
    "Le Premier ministre a demandé"), unless it is a cleft (_CLEFT). "C'est la première étude du genre", "Il est
    apparu qu'il pouvait survivre dix fois plus longtemps" are told of something said before them; the news an
    article opens with is not."""
    s = cand.signals
    return s is None or "root_subj=pron3" not in s.syntax or _UNNAMED_OPENING.match(cand.text) is None \
        or _CLEFT.match(cand.text) is not None


LEAD_WINDOW = 3
# Title stems (titles.echo) a statement must share to echo its title: two are often one name ("Johnny
# Hallyday"), which the body repeats in every sentence; three name the news.
ECHO_MIN = 3
# What being the first statement that tells what happened counts in title stems (_echoed_lead). Rows 0-399: 9
# leads changed, 3 better (a background sentence that shares one more name no longer takes the lead), 2 worse,
# 4 alike; dev unchanged.
FIRST_NEWS_ECHO = 1


def _echoed_lead(body: Sequence[ClaimCandidate], title: frozenset[str],
                 first: ClaimCandidate | None = None) -> ClaimCandidate | None:
    """The statement among the first ones that shares the most of its title's words, when it shares ECHO_MIN or
    more and could be the news (_may_be_news): a title restates the news its article reports. With "Le maire
    interdit les barbecues sur la plage", it is "Le maire de Carnac a interdit mardi les barbecues sur ses plages"
    rather than a hook told in the past before it ("La mairie avait déjà tout essayé l'été dernier."), nor
    background ("Le maire s'est consacré ces derniers mois à la sécurité"). The news may be told in the present
    ("Le syndicat accuse la direction de mentir") or be what is to come ("La piscine rouvrira lundi"): the title
    says that it is the news. On a tie, the first. The first statement that tells what happened (`first`,
    _first_news) counts FIRST_NEWS_ECHO more: it is evidence too, so one more shared word, often a name the body
    repeats, does not take the lead from it ("Les princes William et Harry assurent lundi que c'est faux" stays
    the lead under "William et Harry démentent les rumeurs" rather than "Alors que la reine doit recevoir les
    princes Harry et William lundi, ...")."""
    if not title:
        return None
    best, most = None, 0
    for cand in body:
        shared = tt.echo(f"{cand.quote} {cand.text}", title) + (FIRST_NEWS_ECHO if cand is first else 0)
        if shared > most and _may_be_news(cand):
            best, most = cand, shared
    return best if most >= ECHO_MIN else None


# A condition: "Si le texte passe, ...", "s'il pleut", "... même si les syndicats refusent".
_CONDITION = re.compile(r"\bs(?:i\b|'ils?\b)", re.IGNORECASE)
# A statement that presents what follows, at the start or after a leading phrase: "Voici les dix mesures du
# plan", "Pour les fêtes, voilà ce que propose la mairie". It announces the article (its words are the title's),
# it does not tell the news.
_PRESENTS = re.compile(r"^(?:[^,\"]{0,100}, )?voi(?:ci|là|la)\b", re.IGNORECASE)


def _said_only(span: Span) -> bool:
    """Whether a sentence's only finite verbs are inside its quotation marks: words reported with no telling of who
    said them or what happened ('"La confiance revient", la ministre au cours d'une conférence de presse'), which
    may repeat a title word for word but do not tell the news."""
    finite = [t for t in span if finite_word(t)]
    return bool(finite) and all(at.quoted(t, span) for t in finite)


def _may_be_news(cand: ClaimCandidate) -> bool:
    """Whether a statement that echoes its title can be the news: what _states_news asks but for a schedule or a
    future ("La mairie rouvrira la piscine lundi" is the news when the title says "La piscine rouvre lundi"), and
    not a hypothesis under a condition ("Si le maire signe, la piscine rouvrira lundi"); with a named subject, and
    not a presentation of what follows ("Voici les trois mesures du maire pour la piscine": _PRESENTS)."""
    s = cand.signals
    return s is not None and bool(s.entities or s.quantities) and s.words >= SHORT_WORDS and not (
        s.forecast or s.advice or s.promotional or s.opinion or s.question or s.appraisal or s.contentless
        or s.first_person or s.needs_context or s.fragment
        or s.hypothetical and _CONDITION.search(cand.text) is not None or s.extra.get("said_only")) \
        and _names_its_subject(cand) and _PRESENTS.match(cand.text) is None
