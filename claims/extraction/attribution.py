"""Who said it and who reported it: the attribution phrases of a sentence, as token ranges the claim's
text leaves out ("Selon X, ...", "..., raconte Sud Ouest.", "..., a-t-il précisé à l'AFP"), with the
claimant (the person or organisation that made the statement) and the outlet (the medium that
reported it) kept apart. A claimant is never a non-agent noun phrase ("la situation"). find is the entry
point: it tries each kind of phrase in turn (tails, incises, according_to, a subject before its speech
verb, an outlet put first); __all__ lists what the other modules read from here."""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.according_to import _BEFORE_OPENING_SOURCE, _according_to_inside, _point_of_view
from claims.extraction.body_speakers import own_body
from claims.extraction.doccache import column, morph_values, sentence_start, span_ents, span_tokens
from claims.extraction.incises import _end_of_text, _incise, _said_after, _said_drop, _split_quotation
from claims.extraction.outlets import is_outlet, outlet_in
from claims.extraction.participles import (
    _besides,
    _gerund,
    _gerund_subjects,
    bare_besides,
    bare_participle,
    present_participle,
)
from claims.extraction.people import PRONOUN_GENDER, agrees, entity_at, gender_of, person_name
from claims.extraction.pronoun_speakers import (
    _cataphora,
    _named_subject,
    _past_fronted_apposition,
    _person_noun,
    _pronoun,
    _pronoun_incise,
)
from claims.extraction.quotations import (
    _CONTENT_OPENERS,
    _closing_quote_then_speaker,
    _introduces_quotation,
    _quotation_starts_at,
    opening,
    quoted,
)
from claims.extraction.roles import (
    FOLDED_JOBS,
    FOLDED_ROLES,
    ROLE_ADJECTIVES,
    glued_holder,
    is_role,
    office_key,
    role_key,
)
from claims.extraction.sources import (
    _DOCUMENT_STEMS,
    _NOT_SPEAKER_NOUNS,
    LATTER,
    PRESS_FELLOWS,
    Attribution,
    _latter,
    age_phrase,
    latter_gender,
    role_of,
    source_of,
)
from claims.extraction.speech_verbs import (
    PRONOUN_VERB,
    _after_comma,
    _appeal,
    _before_verb_group,
    _reports_content,
    _subject_holders,
    after_quotation,
    finite,
    finite_in,
    finite_word,
    fold,
    intent_before,
    negated,
    speech_verb,
)
from claims.extraction.tails import STRESSED_PRONOUNS, _headless_source, _tail

__all__ = [
    "Attribution", "BACKGROUND_OPENERS", "FOLDED_JOBS", "FOLDED_ROLES", "LATTER", "PRESS_FELLOWS",
    "PRONOUN_GENDER", "ROLE_ADJECTIVES", "agrees", "find", "gender_of", "glued_holder", "is_outlet",
    "is_role", "latter_gender", "office_key", "opening", "outlet_in", "person_name", "quoted", "role_key",
    "role_of", "speech_verb",
]


def _hyphen_first_half(subj: Token, subjects: list[Token]) -> bool:
    """"L'ancien député-maire Paul Durand a annoncé": the parser may split a hyphenated role into two subjects
    ("député", with the hyphen, and "maire"); the first, ending at the glued hyphen, is not a phrase of its
    own ("L'ancien député-")."""
    last = subj.right_edge
    return last.text == "-" and not last.whitespace_ and any(s.i == last.i + 1 or s.left_edge.i == last.i + 1
                                                             for s in subjects)


def _background_comma(span: Span) -> int | None:
    """"A, a déclaré le ministre, alors que 13 décès ...": the comma of the last ", alors que" / ", tandis
    que" clause of the sentence, which the tail before it does not take in (it states facts of its own, and
    the pipeline cuts the sentence there); None when there is none."""
    lower = column(span.doc, "lower_")
    found = None
    for i in range(span.start + 3, span.end - 3):
        if lower[i] != ",":
            continue
        if lower[i + 1] in ("alors", "tandis") and lower[i + 2].replace("\u2019", "'") in ("que", "qu'") \
                or lower[i + 1] in ("while", "whereas"):
            found = i
    return found


def _apposed_name(role: Token) -> str:
    """"a assuré le ministre de l'Éducation, Jean Dupont, ...": the name set off by a comma right after
    the role is the speaker; a place the parser hung elsewhere may come between ("comme le dit la candidate
    LREM à Cherbourg, Sonia Krimi")."""
    doc = role.doc
    k = role.right_edge.i + 1
    # "le directeur général de l'Organisation mondiale de la santé (OMS), Tedros Adhanom Ghebreyesus": the
    # organisation's acronym in brackets comes between the role and the name.
    if k < len(doc) and doc[k].text == "(":
        close = next((t.i for t in doc[k + 1 : k + 6] if t.text == ")"), None)
        if close is not None:
            k = close + 1
    end = k
    while end < len(doc) and end - k < 4 and doc[end].pos_ in ("ADP", "DET", "PROPN") and doc[end].text != ",":
        end += 1
    if end < len(doc) and doc[end].text == "," and doc[k].pos_ == "ADP":
        k = end  # "à Cherbourg," then the name
    if k < len(doc) and doc[k].text == ",":
        k += 1
    ent = entity_at(doc[k]) if k < len(doc) else None
    if ent is not None and ent.start == k and ent.label_ in ("PER", "PERSON"):
        return ent.text.strip(" ,.'\"")
    return ""


# A speech verb's complements that may name whom the speaker told: "told the BBC", "told Sky News", "a déclaré au
# Parisien", "a confié à France Bleu".
_TOLD_DEPS = frozenset({"dobj", "dative", "obj", "iobj", "obl:arg", "obl", "obl:mod", "prep"})


def _told_outlet(verb: Token) -> str:
    """The known medium a speech verb's speaker told, named by a complement of the verb itself between the verb
    and what was said ("Paul Roux told the BBC on Monday that ...", "Paul Roux a déclaré au Parisien que ..."); ""
    when none (a medium named inside the statement is what it is about)."""
    doc = verb.doc
    said = min((c.left_edge.i for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i),
               default=verb.sent.end)
    for child in verb.children:
        if verb.i < child.i < said and child.dep_ in _TOLD_DEPS and child.right_edge.i < said:
            found = outlet_in(doc[child.left_edge.i : child.right_edge.i + 1].text)
            if found:
                return found
    return ""


def _in_anothers_clause(noun: Token) -> bool:
    """Whether a noun is the object or complement of a verb with a subject of its own: "Nathalie Loiseau a
    critiqué les populistes comme Marine Le Pen, qui racontent ..." is Nathalie Loiseau's statement, not Marine
    Le Pen's; "C'est le magazine Closer qui révèle ..." and "pour la France insoumise, qui estime ..." are not."""
    if any(c.dep_ == "case" and c.lower_ in ("par", "by") for c in noun.children):
        return False  # "un point de vue maintenu par Francis Kalifat, qui estime ...": the agent speaks
    child, head = noun, noun.head
    while head != child and head.pos_ not in ("VERB", "AUX"):
        child, head = head, head.head
    if head.pos_ not in ("VERB", "AUX") or child.dep_.startswith("nsubj"):
        return False  # no verb above it, or it is (in) that verb's subject
    return any(c.dep_.startswith("nsubj") and c.pos_ in ("NOUN", "PROPN") for c in head.children)


def _speaker_behind_outlet(span: Span, comma: Token, outlet: str, language: str) -> Attribution | None:
    """"Selon Le Parisien, le maire Paul Roux a affirmé que ...", "Comme le révèle Gala, le prince Harry confie
    que ...": the person a speech verb names in the clause after an outlet's phrase (which ends at `comma`) is
    the claimant, the outlet its outlet, and the phrase is left out of the text; None without such a speaker."""
    start = comma.i + 1
    if start >= span.end - 2:
        return None
    inner = find(span.doc[start : span.end], language)
    # ("Selon les informations de 20 Minutes, il met en vente ses dessins et assure que ...": a pronoun
    # speaker too, whom the pipeline resolves; the outlet only reported what he assures)
    pronoun = inner.how in ("pronoun:il", "pronoun:elle", "pronoun:ils", "pronoun:elles")
    if not (inner.claimant and inner.how == "speech" and not is_outlet(inner.claimant) or pronoun):
        return None
    return Attribution(inner.claimant, outlet, inner.how, [(span.start, start), *inner.drop], inner.said)


# "Comme le révèle le magazine Gala, ...", "Comme l'a rapporté Le Parisien, ...": an outlet's report put first.
_AS_REPORTED = ("comme", "as")


def _past_apposition(tokens: list[Token], end: int, subject: Token | None) -> int:
    """Where a fronted source phrase ends (its comma at `end` - 1): "Selon Paul Martin, un ancien élu qui ...,
    le maire a ...", "Comme l'a annoncé X, le présentateur de l'émission, ...": the source's apposition
    describes the source, it is part of the phrase; not the sentence's subject ("Selon un rapport,
    l'accident, qui ..., serait dû à") and not one with a figure (an ordinal is none: "Selon le syndicat, le
    deuxième du secteur, 300 infirmières ont ..."). The parser's subject in the apposition is not the sentence's
    when its verb has another noun subject after the apposition ("..., le deuxième du secteur, 300 infirmières
    ont ...": two subjects of one verb, the first the source's apposition)."""
    if end < len(tokens) and (tokens[end].lower_ in ("un", "une", "le", "la", "l'", "les", "ancien", "ancienne", "ex")
                              or tokens[end].lower_.startswith("ex-")):
        close = next((k for k in range(end + 1, min(len(tokens), end + 20)) if tokens[k].text == ","), None)
        if close is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens[close + 1 :]) and not any(
                t.like_num and t.lower_ not in ("un", "une") and not _ORDINAL.search(t.lower_)
                for t in tokens[end:close]) and not (
                subject is not None and tokens[end].i <= subject.i < tokens[close].i
                and not _second_subject(subject, tokens[close].i)) \
                and not _verb_after_place(tokens, close):
            return _past_participle_phrase(tokens, close + 1, subject)
    return end


def _past_participle_phrase(tokens: list[Token], end: int, subject: Token | None) -> int:
    """Where a fronted source phrase ends once its apposition is in it (its comma at `end` - 1): past a participle
    phrase about the source that follows ("Selon le témoignage d'un voisin, un retraité de 70 ans, diffusé par
    France 3, le suspect ..."), when a clause follows its comma and the sentence's subject is not in it."""
    if end >= len(tokens) or not {"Part"} & set(morph_values(tokens[end], "VerbForm")) \
            or "Past" not in morph_values(tokens[end], "Tense"):
        return end
    close = next((k for k in range(end + 1, min(len(tokens), end + 12)) if tokens[k].text == ","), None)
    if close is None or not finite_in(tokens[close + 1 :]) or (
            subject is not None and tokens[end].i <= subject.i < tokens[close].i):
        return end
    return close + 1


# An ordinal: "deuxième", "troisième", "2e", "3ème" (no figure, a rank).
_ORDINAL = re.compile(r"(?:^\d+(?:e|er|re|ème|ième)|i[eè]me)$")


def _second_subject(subject: Token, after: int) -> bool:
    """Whether the verb the parser gave `subject` to has another subject, a common noun or a figure, after the token
    at `after`; not a name nor the head of a list ("les villes de New York, Miami et Seattle sont": one subject,
    the parser's "Seattle" the end of the list)."""
    return any(c.dep_.startswith("nsubj") and c.i > after and c.pos_ in ("NOUN", "NUM")
               and not any(g.dep_ == "conj" for g in c.children) for c in subject.head.children)


def _verb_after_place(tokens: list[Token], comma: int) -> bool:
    """Whether the clause after the comma at `comma` opens on its verb past a place or time set off by commas
    ("Selon RTL, un élève de Nîmes, dans le Gard, aurait fait ..."): it has no subject of its own, so the noun
    phrase before that comma is the sentence's subject, not the source's apposition."""
    k = comma + 1
    if k >= len(tokens) or tokens[k].pos_ != "ADP" or tokens[k].lower_ in ("de", "d'", "du", "des", "of"):
        return False
    close = next((j for j in range(k + 1, min(len(tokens), k + 10)) if tokens[j].is_punct), None)
    return close is not None and tokens[close].text == "," and close + 1 < len(tokens) \
        and tokens[close + 1].pos_ in ("AUX", "VERB") and finite(tokens[close + 1])


def _fronted_outlet(span: Span, tokens: list[Token], language: str) -> Attribution | None:
    """"Comme le révèle le magazine Gala, dans un documentaire, le prince Harry confie que ...": the person
    who speaks in the main clause is the claimant, the outlet that reported it the outlet. With no speaker
    there ("Comme l'explique LCI, le réseau a perdu 3 000 abonnés"), the source the phrase names is the
    claimant, as after "Selon"; the phrase is left out of the text either way."""
    if len(tokens) < 6 or tokens[0].lower_ not in _AS_REPORTED:
        return None
    comma = next((k for k in range(2, min(len(tokens), 16)) if tokens[k].text == ","), None)
    verb = next((t for t in tokens[1:comma] if t.pos_ == "VERB" and speech_verb(t, language)), None) \
        if comma is not None else None
    if verb is None:
        return None
    outlet = outlet_in(" ".join(t.text for t in tokens[1:comma]))
    if outlet and (inner := _speaker_behind_outlet(span, tokens[comma], outlet, language)) is not None:
        return inner
    claimant, named_outlet, how = source_of([t for t in tokens[1:comma] if t.i > verb.i], language)
    if not (claimant or named_outlet):
        return None  # "Comme il l'a expliqué, ...": who is for the pronoun rules
    # (only a person's apposition: "Comme le rapporte France Bleu, le château ..., a trouvé" goes on with the subject)
    person = tokens[comma - 1].ent_type_ in ("PER", "PERSON")
    end = _past_apposition(tokens, comma + 1, None) if person else comma + 1
    return Attribution(claimant, named_outlet or outlet, "according_to" if how == "speech" else how,
                       [(tokens[0].i, tokens[end - 1].i + 1)])


def _interviewed_by(span: Span, tokens: list[Token], language: str) -> Attribution | None:
    """"Interrogé par France Bleu Isère, Jean Dupont, directeur du musée, explique que ...": the outlet that
    interviewed the speaker the main clause names; the phrase is left out of the text (it names no fact of
    the claim). None when no one speaks after it."""
    if len(tokens) < 6 or not tokens[0].lower_.startswith(lx.INTERVIEWED) or tokens[1].lower_ not in ("par", "by"):
        return None
    comma = next((k for k in range(2, min(len(tokens), 12)) if tokens[k].text == ","), None)
    if comma is None:
        return None
    claimant, outlet, _ = source_of(tokens[2:comma], language)
    outlet = outlet or (claimant if is_outlet(claimant) else "")
    return _speaker_behind_outlet(span, tokens[comma], outlet, language) if outlet else None


def _on_air(span: Span, tokens: list[Token], language: str) -> Attribution | None:
    """"Sur RTL, Nicolas Sarkozy a réclamé une loi ...", "Dans un entretien publié samedi par Le Figaro, Alain
    Juppé ...", "Invité de France Inter lundi, le ministre Paul Roux a annoncé ...": the outlet a named person
    spoke on, put first. The person the main clause names as its subject is the claimant whatever the verb
    (what they said there is the statement), the outlet the outlet, and the phrase leaves the text like a
    trailing "a-t-il déclaré lundi sur RTL". None when the phrase names no outlet or counts something
    ("Sur France 2, le film a réuni 5 millions de téléspectateurs" has no speaker either)."""
    if len(tokens) < 6 or tokens[0].lower_ not in _ON_AIR:
        return None
    comma = next((k for k in range(2, min(len(tokens), 16)) if tokens[k].text == ","), None)
    if comma is None or comma + 3 >= len(tokens):
        return None
    phrase = tokens[:comma]
    outlet = outlet_in(" ".join(t.text for t in phrase))
    if not outlet or any(t.like_num and t.lower_ not in ("un", "une", "a", "an") and not (
            k + 1 < comma and phrase[k + 1].lower_ in lx.MONTHS) for k, t in enumerate(phrase)):
        return None
    inner = _speaker_behind_outlet(span, tokens[comma], outlet, language)
    if inner is not None:
        return inner
    subject = next((c for c in span.root.children if c.dep_ == "nsubj" and c.i > tokens[comma].i), None)
    if subject is None or subject.pos_ != "PROPN" or subject.ent_type_ not in ("PER", "PERSON"):
        return None
    name = person_name(next((e for e in span_ents(span) if e.start <= subject.i < e.end), subject.doc[subject.i : subject.i + 1]))
    return Attribution(name, outlet, "according_to", [(tokens[0].i, tokens[comma].i + 1)]) if name else None


# The words that open a phrase naming where someone spoke: "Sur RTL,", "Au micro de France Info,", "Dans un
# entretien au Parisien,", "Invitée de BFMTV,".
_ON_AIR = frozenset({"sur", "au", "dans", "invité", "invitée", "invités", "invitées", "on", "in"})


def find(span: Span, language: str) -> Attribution:
    """The attribution of one sentence (or clause)."""
    found = _find(span, language)
    if not found.drop and (found.claimant or found.how):
        lead = _lead_before_quotation(span, language)
        if lead is not None:
            found.drop = [lead]
    return found


def _lead_before_quotation(span: Span, language: str) -> tuple[int, int] | None:
    """'Det Supt Helen Carr said: "This is a tragic case."', 'Le maire Paul Roux a déclaré : "Nous fermerons trois
    écoles."': a sentence whose speaker and speech verb introduce, after a colon, a quotation that runs to its
    end. The words up to the colon only say who spoke (and where or when): the token range [start, end) they
    take, left out of the text, which is the quotation (rewrite.condense: an inner quote), or None. Not when a
    clause of its own comes before the speaker ("Sales fell, and the chief executive said: ..."), nor when the
    lead says more than who spoke (_lead_says_more)."""
    tokens = span_tokens(span)
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon < 2 or colon + 2 >= len(tokens) or not opening(tokens[colon + 1]):
        return None
    rest = tokens[colon + 2 :]
    marks = [k for k, t in enumerate(rest) if t.text == '"']
    if len(marks) != 1 or any(not t.is_punct for t in rest[marks[0] + 1 :]):
        return None  # (the quotation does not end the sentence, or another opens after it)
    lead = tokens[:colon]
    # (a compound tense is one verb: "a déclaré", "has said")
    verbs = [t for t in lead if t.pos_ in ("VERB", "AUX") and not t.dep_.startswith("aux") and finite(t)]
    if len(verbs) != 1 or not speech_verb(verbs[0], language) or negated(verbs[0]):
        return None
    if _lead_says_more(verbs[0], lead, rest[: marks[0]]):
        return None
    return tokens[0].i, tokens[colon].i + 1


# Words of a lead that asks the question the quotation after it answers ("A la question de savoir si ...",
# "Interrogée sur ses ambitions, elle a répondu :"): the answer alone would not say what it answers.
_QUESTION_STEMS = ("question", "interrog", "ask")


def _lead_says_more(verb: Token, lead: list[Token], quotation: list[Token]) -> bool:
    """Whether the words before a colon say more than who spoke, so that the quotation alone would lose it:
    a speech only alleged ("William aurait confié à un ami :"), a statement of the verb's own before the
    colon ("a précisé avoir tout enregistré chez lui :"), the question the quotation answers ("Interrogée
    sur ses ambitions, elle a répondu :"); or no clause after the colon, which then goes on the lead's
    sentence rather than quoting one ('s'est dit satisfait de la décision : "une marque de
    reconnaissance"')."""
    at_lead = {t.i for t in lead}
    if "Cnd" in morph_values(verb, "Mood") or any(
            c.dep_.startswith("aux") and "Cnd" in morph_values(c, "Mood") for c in verb.children):
        return True
    if any(c.dep_ in ("ccomp", "xcomp") and c.i in at_lead for c in verb.children):
        return True
    if any(t.lower_.startswith(_QUESTION_STEMS) for t in lead):
        return True
    return not any(finite_word(t) for t in quotation)


def _find(span: Span, language: str) -> Attribution:
    tokens = span_tokens(span)
    if not tokens:
        return Attribution()
    lower = column(span.doc, "lower_")[span.start : span.end]
    # "Selon X, ..." / "D'après X, ..." at the start: the phrase up to its comma is left out of the text, with
    # the connectives before it ("Mais selon X, ...", "But according to X, ...").
    markers = lx.ATTRIBUTION_MARKERS.get(language, ())
    lead = next((k for k, w in enumerate(lower) if w not in _BEFORE_OPENING_SOURCE and w != ","), 0)
    head = " ".join(lower[lead : lead + 4]).replace(" '", "'").replace("' ", "'")
    for marker in markers:
        if head.startswith(marker):
            n_marker = lead + len(marker.replace("'", "' ").split())
            # The phrase ends at the first comma followed by a clause ("Selon un sondage pour France TV,
            # Radio France et LCP, 43 % des sondés citent ..."): a list of names does not end it.
            commas = [k for k in range(n_marker, min(len(tokens), n_marker + 30)) if tokens[k].text == ","]
            # Nor past the subject of the sentence ("Selon une étude, 59 % des patients ..., qui ..., ont vu"):
            # what follows it is the statement.
            subject = next((c for c in span.root.children if c.dep_.startswith("nsubj")
                            and c.left_edge.i - span.start > n_marker
                            and not {span.doc[c.left_edge.i - 1].lower_, c.left_edge.lower_} & {"dont", "qui", "que", "qu'"}),
                           None)  # not a relative clause's ("..., dont Le Monde se fait l'écho, ...")
            if subject is not None:
                commas = [k for k in commas if k < subject.left_edge.i - span.start] or commas[:1]
            comma = None
            for pos, k in enumerate(commas):
                stop = commas[pos + 1] if pos + 1 < len(commas) else len(tokens)
                after = tokens[k + 1 : stop]
                if after and after[0].lower_ in ("et", "ou", "mais", "and", "or", "but"):
                    continue  # a coordination carries on the phrase ("le couple, lui ..., et elle ...")
                if after and after[0].lower_ in ("qui", "dont", "où", "who", "which"):
                    continue  # "Selon une étude, 59 % des Canadiens ..., qui peuvent ...": a relative clause's verb
                if after and (after[0].pos_ == "ADP" and after[0].lower_ not in ("de", "d'", "du", "des", "of")
                              or after[0].lower_ == "lors" or after[0].lower_ in lx.WHEN_WORDS):
                    # (a time too: "Selon Le Figaro, lors du Conseil des ministres du 7 novembre, le président ...",
                    # "Selon RTL, mardi, ...": the circumstance is the statement's, not the source's)
                    comma = k  # "Selon Le Parisien, dans la rue X, ...": a place or time opens the main clause
                    # but not past a noun phrase with a figure, which describes no source: it is the subject
                    # ("Selon le Sun, deux enfants de Carei, dans le nord du pays, travailleraient ...")
                    # nor past one the clause after the place has no other subject for ("Selon RTL, un élève
                    # de Nîmes, dans le Gard, aurait ...")
                    if any(t.like_num and t.lower_ not in ("un", "une", "one") for t in tokens[commas[0] + 1 : k]) \
                            or _verb_after_place(tokens, k):
                        comma = commas[0]
                    break
                if finite_in(after):
                    comma = k
                    break
            if comma is None:
                comma = commas[0] if commas else None
            if commas[:1] == [n_marker + 1] and tokens[n_marker].lower_ in STRESSED_PRONOUNS:
                # 'Selon elle, "depuis le discours de X", le confinement ...': a pronoun is the whole source,
                # whatever comes between its comma and the statement's subject
                comma = n_marker + 1
            if comma is None:
                break
            if comma + 1 < len(tokens) and tokens[comma + 1].pos_ in ("AUX", "VERB"):
                # "Selon Gary Johnson, cet accroc, dû à ..., avait été évoqué ...", "Selon un rapport,
                # consulté par France 3, l'accident, qui ..., serait dû à ...": what follows that comma has
                # no subject; the first noun phrase after a comma of the source phrase is it (the parser
                # made it the source's apposition)
                comma = next((k for k in commas if k < comma and tokens[k + 1].pos_ in ("DET", "NOUN", "PROPN")),
                             comma)
            phrase = tokens[n_marker:comma]
            if len(phrase) == 1 and phrase[0].lower_ in lx.SOURCE_PRONOUNS:
                pronoun = lx.SOURCE_PRONOUNS[phrase[0].lower_]
                return Attribution("", "", f"pronoun:{pronoun}", [(tokens[0].i, tokens[comma].i + 1)])
            claimant, outlet, how = source_of(phrase, language)
            if how == "outlet" and (inner := _speaker_behind_outlet(span, tokens[comma], outlet, language)):
                return inner  # "Selon Le Parisien, le maire Paul Roux a affirmé que ...": the outlet reported him
            if claimant or outlet or how.split(":", 1)[-1] in lx.ISSUED_NOUNS:
                # ("Selon le quotidien régional,": a described medium, the one the article named, _resolve;
                # "Selon le communiqué,": who issued it, claimants.remember_issuer)
                end = _past_apposition(tokens, comma + 1, subject)
                return Attribution(claimant, outlet, "according_to" if how == "speech" else how,
                                   [(tokens[0].i, tokens[end - 1].i + 1)])
            break
    split = _split_quotation(span, language)
    if split is not None:
        return split  # '"...," Senator Laura Jenkins said, "..."': the one quotation, its speaker set in it
    fronted = _fronted_outlet(span, tokens, language) or _interviewed_by(span, tokens, language) \
        or _on_air(span, tokens, language)
    if fronted is not None:
        return fronted
    tail = _tail(span, language)
    background = _background_comma(span) if tail is None else None
    if background is not None:
        tail = _tail(span.doc[span.start : background], language)
    if tail is not None:
        start, verb = tail
        end = max(start, _end_of_text(span) if background is None else background)
        bare = bare_participle(list(span.doc[start + 1 : end]))
        if bare is not None:
            end = start + 1 + bare  # what the participle clause says stays in the text, after the comma
        said = _said_after(span, start, end, language)
        # The speaker is named before the participle clause of a second statement, never inside it.
        rest = [t for t in span.doc[start + 1 : said[0] if said else span.end] if not t.is_punct]
        # nor in what the speaker did besides ("..., en remerciant le colonel Morgan", ", confirmant ...")
        rest = rest[: next((j for j, t in enumerate(rest) if t.i > verb.i and (_besides(t) or bare_besides(t))),
                           len(rest))]
        # (", a-t-elle tenu à préciser": the pronoun is inverted after the verb of meaning to say)
        pivot = intent_before(verb) or verb
        # (back over the whole verb group: "a-t-il par ailleurs révélé")
        window = span.doc[max(span.start, min(pivot.i - 3, _before_verb_group(pivot))) : min(span.end, pivot.i + 3)].text
        pm = PRONOUN_VERB.search(window)
        pronoun = (pm.group(1) or pm.group(2)).lower() if pm else ""
        source = [t for t in rest if t.i > verb.i and t.lower_ != "après"]
        if verb.lower_ in ("selon", "d'", "d'après") and len(source) == 1 and source[0].lower_ in STRESSED_PRONOUNS:
            pronoun = STRESSED_PRONOUNS[source[0].lower_]  # "..., d'après lui."
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.i > start), None)
        aged = language == "en" and subject is None and age_phrase(list(span.doc[start + 1 : verb.i]))
        if aged:
            claimant, outlet, how = source_of(list(span.doc[start + 1 : verb.i]), language)  # "the 29-year-old"
        elif subject is not None and language == "en":
            # "..., the Labor Department said on Friday": the speaker is the verb's subject.
            # ("..., it said": an organisation, the one quoted just before, claimants._organisation_it)
            if subject.lower_ in ("he", "she", "they", "it"):
                pronoun = subject.lower_
                claimant, outlet, how = "", outlet_in(" ".join(t.text for t in rest)), f"pronoun:{pronoun}"
            else:
                claimant, outlet, how = source_of(list(subject.subtree), language)
                outlet = outlet or outlet_in(" ".join(t.text for t in rest if t.i > verb.i))
        else:
            claimant, outlet, how = _headless_source([t for t in rest if t.i > verb.i], language) or source_of(
                [t for t in rest if t.i > verb.i], language, told=pronoun != "on")
        if pronoun and pronoun != "on":
            # "a-t-elle raconté aux enquêteurs", "a-t-il confié au Parisien": the pronoun is the speaker,
            # what follows the verb is who was told or the medium.
            claimant, how = "", f"pronoun:{pronoun}"
        elif not claimant and pronoun:
            how = f"pronoun:{pronoun}"
        if how.startswith("pronoun:"):
            named = _pronoun(span, how.split(":", 1)[1], verb.i)
            claimant, how = named.claimant, named.how
        drop = [(start + (bare is not None), said[0] if said else end), *_said_drop(span, said)]
        if how == "outlet" and start > span.start:
            # "..., a-t-il affirmé, rapporte Paris Match.": the speaker comes before the outlet.
            inner = find(span.doc[span.start : start], language)
            if inner.drop and inner.drop[-1][1] >= start - 1 and (inner.claimant or inner.how.startswith("pronoun:")):
                return Attribution(inner.claimant, outlet, inner.how, [*inner.drop, *drop], said)
            if not inner.drop and inner.claimant and inner.how == "speech":
                # "Brigitte Bardot révèle avoir reçu ..., comme le rapporte Le Point": the statement is the named
                # subject's, kept in the text with its speech verb; the medium only reported it.
                return Attribution(inner.claimant, outlet, inner.how, drop, said)
        if not claimant and (not how.startswith(("pronoun:", "description:")) or how.split(":", 1)[1] in lx.ISSUED_NOUNS) \
                and start > span.start:
            # "LFI a annoncé avoir récolté 1,5 million, selon un message transmis à l'AFP": the tail names no
            # one, the speaker is the subject of the speech verb before it (so is it before "selon ce tweet").
            inner = find(span.doc[span.start : start], language)
            if inner.claimant and inner.how in ("speech", "according_to"):
                return Attribution(inner.claimant, outlet or inner.outlet, inner.how, [*inner.drop, *drop], said)
        if not (claimant or outlet or how or pronoun):
            claimant, how = _inverted_description(source)
        body = own_body(span, start, claimant, how)
        if body:
            claimant, how = body, "speech"  # "Apple sold ..., the company said": Apple
        if how == "outlet" and _act_reported(span, start, language):
            claimant = ""  # "Elle a décidé de ..., rapporte France Bleu": the medium only reported the act
        if claimant or outlet or how or not any(t.pos_ in ("NOUN", "PROPN") for t in source):
            return Attribution(claimant, outlet, how or "speech", drop, said)
        # ", selon un sondage du 8 juin", ", a expliqué le sismologue": a source this module cannot name as a
        # claimant stays in the text rather than be lost
    incise = _incise(span, language) or _pronoun_incise(span, language)
    if incise is not None:
        return incise
    # "X a déclaré", "X explique que": a subject of a speech verb, nothing left out.
    for tok in tokens:
        # (an appeal, or a verb that introduces a quotation after a colon, states without a speech verb)
        appeal = tok.pos_ == "VERB" and (_appeal(tok, language) or _introduces_quotation(tok, span))
        if not (tok.pos_ in ("VERB",) and (speech_verb(tok, language) or appeal)) or negated(tok):
            continue
        window = span.doc[max(span.start, min(tok.i - 3, _before_verb_group(tok))) : min(span.end, tok.i + 3)].text
        pm = PRONOUN_VERB.search(window)
        if pm and (pm.group(1) or pm.group(2)).lower() != "on":
            return _pronoun(span, (pm.group(1) or pm.group(2)).lower(), tok.i)
        if not appeal and not _reports_content(tok, language):
            continue
        if _background_clause(tok, span):
            continue  # "Après qu'il a annoncé son départ, son agent indique que ...": the main clause's speaker
        if _noun_undergoes(tok):
            continue  # "Les mesures annoncées par Edouard Philippe sont bien accueillies": what the noun is
        if quoted(tok, span) and not _quotation_starts_at(tok, span):
            continue  # a verb inside a quotation is the quoted speaker's ("X m'a dit ...", se plaint-il)
        # A passive subject ("L'arrivée de X a été annoncée") is what was said, not who said it.
        opened = int(_quotation_starts_at(tok, span))  # (the mark that opens the quotation at the verb)
        inverted = _closing_quote_then_speaker(tok, span)
        subjects = [c for c in _subject_holders(tok) if c.dep_.startswith("nsubj") and c.dep_ != "nsubj:pass"
                    and not quoted(c, span) and span.doc[c.i : tok.i].text.count('"') % 2 == opened
                    and not (inverted and c.i < tok.i)]
        # (a closed quotation between them is a word quoted: "l'affaire des "écoutes", a annoncé ...")
        if not subjects:
            subjects = _gerund_subjects(tok, span)
        for subj in subjects:
            if _hyphen_first_half(subj, subjects):
                continue  # "L'ancien député-maire Paul Durand": the compound's second half holds the name
            if subj.lower_ in lx.PRONOUN_SPEAKERS:
                named = _cataphora(span, tok, subj)
                return Attribution(named, "", "speech") if named else _pronoun(span, subj.lower_, subj.i)
            latter = _latter([*subj.lefts, subj]) if subj.lower_ in LATTER else ""
            if latter:
                return _pronoun(span, latter, subj.i)  # "Ce dernier a affirmé que ..."
            if subj.lower_ in ("qui", "who") and tok.dep_ == "acl:relcl" and tok.head.pos_ in ("PROPN", "NOUN") \
                    and tok.head.i < subj.i:
                # "pour la France insoumise, qui estime que ...": who the relative clause is about speaks; a
                # name right before "qui" is who it is about, wherever the parser hung the clause
                before = span.doc[subj.i - 2] if subj.i - 2 >= span.start and span.doc[subj.i - 1].text == "," \
                    else span.doc[subj.i - 1]
                named = entity_at(before) if before.ent_type_ in ("PER", "PERSON", "ORG") else None
                head = named.root if named is not None else tok.head
                phrase = list(named) if named is not None else [
                    t for t in head.subtree if t.i < subj.i and not (t.is_punct and t.i == subj.i - 1)]
                claimant, outlet, how = source_of(phrase, language) if not _in_anothers_clause(head) else ("", "", "")
                if claimant or outlet:
                    return Attribution(claimant, outlet, how)
            # (a first name the tagger read as a foreign word, "Donald" tagged X, heads a person's name all the same)
            # (nor a name or a role with its name the tagger read as another word: "l'ancien juré Philippe
            # Manoeuvre" with "juré" tagged a verb, "Elodie Clouvel" with "Clouvel" an adjective)
            named_x = subj.pos_ not in ("PRON", "DET") and (
                subj.ent_type_ in ("PER", "PERSON", "ORG") or _named_subject(subj) is not None)
            if (subj.pos_ in ("PROPN", "NOUN") or named_x) and subj.lower_ not in lx.FIRST_PERSON.get(language, set()):
                # ("L'ancien député-maire de Brest": the first half of a split compound opens the phrase)
                halves = [t for half in subjects if half is not subj and _hyphen_first_half(half, [subj])
                          for t in half.subtree]
                claimant, outlet, how = source_of([*halves, *_past_fronted_apposition(subj)], language)
                if subj.lower_ in lx.PERSON_ROLES:
                    claimant = _apposed_name(subj) or claimant
                if claimant and not outlet:
                    outlet = _told_outlet(tok)  # "James Cole told the BBC that ...": the medium he spoke to
                if claimant or outlet or how.startswith("description:"):
                    # ("Le quotidien précise que ...": the outlet the article named before, claimants._resolve)
                    return Attribution(claimant, outlet, how)
                written = _subject_as_written(subj, tok, language)
                if written:
                    return Attribution(written, _told_outlet(tok), "speech")
        if not subjects and finite(tok):
            named = _name_before(tok, span)
            if named is not None:
                claimant, outlet, how = source_of(list(named), language)
                if claimant:
                    return Attribution(claimant, outlet, how)
        # Inverted subject: "a déploré son président, Marc Olivier", "said commissioner Linda Perez".
        # An infinitive has no subject of its own ("conduit X à admettre ses fautes").
        # ('"...", a déclaré le chef de l'État': a subject the parser found before the quotation is not the verb's)
        # (not a passive: "Sont ainsi annoncés le député Eric Coquerel, ..." names what was announced)
        # (nor a gerund's: "en assurant que la réforme Delevoye ..." has its main verb's subject or none)
        if (not subjects or after_quotation(tok)) and "Inf" not in morph_values(tok, "VerbForm") \
                and not any(c.dep_ == "aux:pass" for c in tok.children) and not _gerund(tok):
            # "dénonce de son côté la secrétaire d'État à l'Égalité, Marlène Schiappa": the name set off
            # after a long role may come a dozen words after the verb, not past another clause ("mais") nor
            # into what was said ("a assuré que la réforme Delevoye ..."; a name there is talked about).
            after = list(itertools.takewhile(
                lambda t: t.text not in (".", ";", ":", "?", "!") and t.pos_ != "CCONJ" and not finite_word(t)
                and t.lower_ not in _CONTENT_OPENERS,
                span.doc[tok.i + 1 : min(span.end, tok.i + 14)]))
            for t in after:
                if t.ent_type_ in ("PER", "PERSON") and t.ent_iob_ == "B":
                    claimant, outlet, how = source_of(after, language)
                    if claimant:
                        return Attribution(claimant, outlet, "speech")
            # '"...", a déclaré le chef de l'État,': after a quotation, the noun phrase is its speaker.
            # (so is it after a comma when the tail was kept in the text: "..., souligne l'agence, qui
            # identifie quatre causes" says a figure of its own after the speaker)
            if after_quotation(tok) or inverted or _after_comma(tok):
                phrase = list(itertools.takewhile(lambda t: t.text not in (",", ".", ";", "(") and t.lower_ not in (
                    "à", "au", "aux", "lors", "pour", "dans", "avec", "sur"), after))
                claimant, outlet, how = source_of(phrase, language) if phrase else ("", "", "")
                if claimant or outlet:
                    return Attribution(claimant, outlet, how or "speech")
                if inverted and not how:
                    # a noun the lexicon lacks ("l'éditorialiste"): the speaker as written
                    head = next(t for t in phrase if t.pos_ in ("NOUN", "PROPN"))
                    return Attribution(" ".join(span.doc[phrase[0].i : phrase[-1].i + 1].text.split()), "",
                                       f"description:{head.lower_}")
    if language == "en":
        m = re.search(r"\b(he|she|they) (said|says|told|added|noted|argued|claimed)\b", span.text.lower())
        if m:
            return Attribution("", "", f"pronoun:{m.group(1)}")
    inside = _according_to_inside(span, language)
    return inside if inside is not None else _point_of_view(tokens, language)


# Verbs only a speaker can be the subject of ("estime que", "a annoncé que"); not those a document or a
# figure may have ("Les chiffres indiquent que", "Ce résultat montre que", "L'affaire rappelle que").
_SPEAKING_STEMS = frozenset({"déclar", "affirm", "estim", "annonc", "assur", "dénonc", "promet", "promis", "racont",
                             "regrett", "déplor", "fustig", "martel", "confi", "concèd", "concéd", "admet", "admis",
                             "avou", "témoign", "s'indign"})
_SPEAKING_FOLDED = tuple(fold(stem) for stem in sorted(_SPEAKING_STEMS))
# English: "A witness told the Daily Mail that ...", "A neighbour insisted that ...". "said" and "says" are a
# thing's too ("the ruling says", "a court ruling says"): by them only a person left unnamed ("a witness said",
# "one resident says", lexicon.UNNAMED_PEOPLE_EN and those who saw or know) is read as a speaker.
_SPEAKING_STEMS_EN = ("told", "tells", "insist", "admit", "testifi", "declar", "conced", "confess", "alleg", "vow",
                      "boast", "complain", "lament", "confid", "deplor", "denounc", "recount")
_SAYING_EN = frozenset({"said", "says"})
_UNNAMED_DETERMINERS_EN = frozenset({"a", "an", "one", "another"})
_UNNAMED_SPEAKERS_EN = lx.UNNAMED_PEOPLE_EN | {"witness", "eyewitness", "bystander", "onlooker", "friend", "relative",
                                              "colleague", "source", "insider", "spokesperson", "official"}
# Heads of a share of a group: "la moitié des sondés estime que" is a poll's figure, not a speaker.
_SHARE_NOUNS = frozenset({"moitié", "majorité", "minorité", "plupart", "tiers", "quart", "part", "partie", "nombre",
                          "proportion", "total"})


def _subject_as_written(subj: Token, verb: Token, language: str) -> str:
    """"Un ami du chanteur a annoncé que ...", "Le planning familial estime que ...": the singular noun
    subject of a verb only a speaker can have is the claimant as written, whatever noun it is (the lexicon
    cannot know every speaker), up to what sets it off (a comma, a relative clause). Not a share of a group
    or a figure ("62 % des sondés estiment", a poll's), nor a plural ("les habitants estiment")."""
    if language not in ("fr", "en") or subj.pos_ not in ("NOUN", "PROPN") or "Plur" in morph_values(subj, "Number"):
        return ""
    if language == "fr" and not fold(verb.lower_).startswith(_SPEAKING_FOLDED):  # (by its form: no lemmas read)
        return ""
    if language == "en" and not (verb.lower_.startswith(_SPEAKING_STEMS_EN) or verb.lower_ in _SAYING_EN and subj.lower_ in _UNNAMED_SPEAKERS_EN
            and any(c.dep_ in ("det", "nummod") and c.lower_ in _UNNAMED_DETERMINERS_EN for c in subj.children)):
        return ""
    if subj.lower_ in _NOT_SPEAKER_NOUNS or subj.lower_ in _SHARE_NOUNS \
            or subj.lower_.rstrip("s") in _DOCUMENT_STEMS or subj.lower_ in lx.FIRST_PERSON.get(language, set()):
        return ""
    if present_participle(verb) or _gerund(verb) or subj.i > verb.i \
            or sum(c.dep_.startswith("nsubj") for c in _subject_holders(verb)) > 1:
        return ""  # ("..., de nombreux métiers déplorant ...": a participle clause's subject the parser mixed up)
    doc = subj.doc
    before = subj.left_edge.i - 1
    if before >= 1 and doc[before].text == "," and doc[before - 1].pos_ in ("NOUN", "PROPN") \
            and doc[before - 1].lower_ not in _NOT_SPEAKER_NOUNS:
        # "un vice-président d'Amazon, la filiale dédiée au cloud, a annoncé": an apposition to the noun phrase
        # before it; not after a circumstance ("Dans un entretien au Monde, la dirigeante a affirmé")
        opens = next((t for t in reversed(doc[sentence_start(subj) : before]) if t.text == ","), None)
        first = doc[opens.i + 1] if opens is not None else doc[sentence_start(subj)]
        if first.pos_ not in ("ADP", "SCONJ", "ADV"):
            return ""
    words = list(doc[subj.left_edge.i : min(subj.right_edge.i + 1, verb.i)])
    cut = next((k for k, t in enumerate(words) if t.i > subj.i and (
        t.text in (",", "(", ";", ":") or t.lower_ in ("qui", "dont", "que", "qu'", "lequel", "laquelle", "who",
                                                      "which", "that")
        or t.pos_ in ("VERB", "AUX"))), len(words))
    words = words[:cut]
    if not words or len(words) > 10 or any(t.like_num and t.lower_ not in ("un", "une", "one") or t.text == "%"
                                           for t in words) \
            or sum(t.text == '"' for t in words) % 2 or words[0].pos_ not in ("DET", "NOUN", "PROPN", "ADJ") \
            and words[0].lower_ not in _UNNAMED_DETERMINERS_EN:
        return ""
    return " ".join(doc[words[0].i : words[-1].i + 1].text.split())


# What ends a speaker's description after its complement: the medium told, a place, a time.
_AFTER_SPEAKER = frozenset({"à", "au", "aux", "auprès", "sur", "dans", "lors", "pour", "par", "en", "dès", "ce", "cette",
                            "depuis", "après", "avant", "qui", "dont"})


def _inverted_description(words: list[Token]) -> tuple[str, str]:
    """", a annoncé vendredi la salle de presse du Vatican", ", ont précisé les services du Premier ministre": after
    a speech verb that closes a sentence, a definite noun phrase (past a date) is its subject whatever its noun,
    when a complement names whose it is with a capital (a name, a title): (the phrase as written,
    "description:<noun>"), a speaker the agent lists lack; else ("", "")."""
    k = 0
    while k < len(words) and (words[k].lower_ in lx.WHEN_WORDS or words[k].lower_ in ("matin", "soir", "midi")
                              or words[k].text[:1].isdigit()):
        k += 1
    if k + 3 >= len(words) or words[k].lower_.replace("\u2019", "'") not in ("le", "la", "les", "l'") \
            or words[k + 1].pos_ != "NOUN" or not words[k + 1].is_lower:
        return "", ""
    noun = words[k + 1]
    if noun.lower_ in _NOT_SPEAKER_NOUNS or noun.lower_ in lx.TIME_NOUNS or noun.lower_ in lx.OUTLET_NOUNS \
            or noun.lower_.rstrip("s") in _DOCUMENT_STEMS or _person_noun(noun.lower_):
        return "", ""
    end = next((j for j in range(k + 2, len(words)) if words[j].lower_ in _AFTER_SPEAKER
                or words[j].lower_ in lx.WHEN_WORDS), len(words))
    # (a capitalised name or title in the complement: "du Vatican", "du Premier ministre"; not "la mort de son père")
    of = next((j for j in range(k + 2, min(end - 1, k + 6)) if words[j].lower_ in ("de", "du", "des", "d'")
               and any(t.text[:1].isupper() for t in words[j + 1 : min(end, j + 3)])), None)
    if of is None:
        return "", ""
    doc = noun.doc
    last = words[end - 1].i + 1
    if last < len(doc) and doc[last].text == ")" and "(" in doc[words[k].i : last].text:
        last += 1  # "la sécurité aérienne des Etats-Unis et du Canada (Norad)"
    if '"' in doc[words[k].i : last].text:
        return "", ""  # a title in quotation marks: a work, whose description this is not
    return " ".join(doc[words[k].i : last].text.split()), f"description:{noun.lower_}"


# Conjunctions that open a clause setting the scene for the main one ("Alors que le parquet a annoncé ..., "). Not
# "si": "S'il estime que ..., il insiste" is one speaker's (see _cataphora).
_BACKGROUND_OPENERS = frozenset({"alors", "après", "tandis", "lorsque", "lorsqu'", "quand", "avant", "depuis",
                                 "puisque", "puisqu'", "while", "after", "when", "before", "since"})
BACKGROUND_OPENERS = _BACKGROUND_OPENERS


# Subjects that act as a person or a body does: "Elle a décidé", "Ils ont déconnecté".
_ACTING_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "they"})
# Verbs of what a subject has, owes or is worth, with an object all the same: no act ("Il doit son poste à X"), by
# their forms' starts (the French model gives no lemma); and the forms of "avoir" as a verb of its own.
_STATE_STEMS = ("poss", "doi", "dev", "dû", "vau", "val", "coût", "pès", "pes", "mesur")
_HAVE_FORMS = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "eu"})
# Words of a time the parser may read as an object ("a disparu fin août").
_TIME_OBJECTS = frozenset({"fin", "début", "mi"}) | lx.TIME_NOUNS


def _act_reported(span: Span, start: int, language: str) -> bool:
    """"Elle a décidé de déconnecter des compteurs, rapporte France Bleu", "La CGT a suspendu ses subventions, révèle
    Le Parisien": what comes before a medium's speech verb is an act of its subject (a person or a body, by a
    pronoun or a name) on something (an object or an infinitive: "a décidé de", "a voté le texte"), told in the
    indicative and not denied: the medium only reported the act, it claims nothing of its own (its outlet, not its
    claimant). Not what the subject underwent or is ("Il a été condamné", "Il est décédé", "Il a disparu"), not
    what the medium alleges ("Il aurait quitté", a conditional; "selon Le Parisien"), nor a quotation ('"...",
    indique Le Point'): the medium stands for those."""
    before = span.doc[span.start : start]
    root = before.root
    if root.pos_ != "VERB" or speech_verb(root, language) or negated(root) or '"' in before.text[:2] \
            or span.doc[start + 1 : start + 3].text.lower().startswith(("selon", "d'après", "d' après")):
        return False
    if root.lower_.startswith(_STATE_STEMS) or root.lower_ in _HAVE_FORMS or "Cnd" in morph_values(root, "Mood") or any(
            c.dep_ in ("aux:pass", "nsubj:pass") or c.dep_.startswith("aux") and "Cnd" in morph_values(c, "Mood")
            for verb in (root, *(x for x in root.children if x.dep_ == "xcomp")) for c in verb.children):
        return False  # ("va être interrogé": what the subject will undergo)
    if not any(c.dep_ == "xcomp" or c.dep_ == "obj" and c.lower_ not in _TIME_OBJECTS for c in root.children):
        return False  # (not "a disparu fin août": a time the parser read as an object)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in _ACTING_PRONOUNS or subject.ent_type_ in ("PER", "PERSON", "ORG"))


def _noun_undergoes(verb: Token) -> bool:
    """"Les mesures annoncées par Edouard Philippe", "une interview au Corriere, relayée en France par Le Figaro": a
    past participle with its agent ("par X") tells what a noun before it underwent, not who said the sentence: the
    agent only relayed or announced that thing. Read so when the parser hung it on the noun, and also when it hung
    it on a verb but a comma sets it right after the noun phrase it agrees with (no auxiliary of its own)."""
    if not any(c.dep_ == "obl:agent" for c in verb.children):
        return False
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        return True
    # (an agent written with its "par": the parser also calls the inverted subject of ", avertit Paul Roux" one)
    if not any(c.dep_ == "obl:agent" and any(w.lower_ in ("par", "by") for w in c.children) for c in verb.children):
        return False
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    return before is not None and before.text == "," and "Part" in morph_values(verb, "VerbForm") \
        and not any(c.dep_.startswith("aux") or c.dep_.startswith("nsubj") for c in verb.children)


def _background_clause(verb: Token, span: Span) -> bool:
    """"Après qu'il a annoncé son départ, son agent indique que ...", "Alors que le parquet a annoncé avoir ouvert
    une enquête, l'ancienne candidate a fourni des explications": a speech verb in a clause put before the main
    one by a conjunction of time or contrast sets the scene; the main clause after the comma, with a finite verb
    of its own, is the statement (and its speaker, if any, the claimant)."""
    doc = verb.doc
    opener = next((t for t in reversed(doc[span.start : verb.i]) if t.text in (",", ";", ":")), None)
    first = doc[opener.i + 1] if opener is not None else doc[span.start]
    if first.lower_ not in _BACKGROUND_OPENERS or first.i >= verb.i:
        return False
    comma = next((t for t in doc[verb.i + 1 : span.end] if t.text == ","), None)
    return comma is not None and any(t.pos_ in ("VERB", "AUX") and finite(t) for t in doc[comma.i + 1 : span.end])


def _name_before(verb: Token, span: Span) -> Span | None:
    """"la France insoumise (LFI) assure avoir ...": a speech verb the parser gave no subject, right after
    a named organisation or person (its acronym in brackets and the auxiliary between them), the name
    opening its clause (after the sentence start, a comma or an article)."""
    doc = verb.doc
    k = verb.i - 1
    while k > span.start and (doc[k].pos_ == "AUX" or doc[k].lower_ in ("a", "ont")):
        k -= 1
    if k > span.start + 2 and doc[k].text == ")" and doc[k - 2].text == "(" and doc[k - 1].text.isupper() \
            and len(doc[k - 1].text) > 1:
        # "la France insoumise (LFI)": the acronym names the organisation the parser broke up, when
        # the words before it open the clause
        j = k - 3
        while j > span.start and doc[j].text not in (",", ";", ":") and j > k - 9:
            j -= 1
        if j == span.start or doc[j].text in (",", ";", ":"):
            return doc[k - 1 : k]
        return None
    if doc[k].text == "," and k > span.start:
        # "Interrogé par X, Jean-Pascal Jospin, directeur du musée, explique que": the name before the
        # apposition that describes it (no verb of its own in between)
        j = k - 1
        while j > max(span.start, k - 16) and doc[j].text != ",":
            j -= 1
        if not (doc[j].text == "," and j - 1 > span.start and doc[j - 1].ent_type_ in ("PER", "PERSON")) or finite_in(
                doc[j + 1 : k]):
            return None
        k = j - 1
    if k < span.start or not doc[k].ent_type_ or doc[k].ent_type_ not in ("ORG", "PER", "PERSON", "MISC", "LOC"):
        return None
    ent = entity_at(doc[k])
    if ent is None or ent.end != k + 1:
        return None
    start = ent.start
    if start > span.start and doc[start - 1].pos_ == "DET":
        start -= 1
    if start > span.start and doc[start - 1].text != ",":
        return None
    return doc[start : ent.end]


