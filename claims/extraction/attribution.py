"""Who said it and who reported it: the attribution phrases of a sentence, as token ranges the claim's
text leaves out ("Selon X, ...", "..., raconte Sud Ouest.", "..., a-t-il précisé à l'AFP"), with the
claimant (the person or organisation that made the statement) and the outlet (the medium that
reported it) kept apart. A claimant is never a non-agent noun phrase ("la situation")."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx

_OUTLET_PATTERN = re.compile(
    # Regional editions first ("France Bleu Normandie", "France 3 Bretagne"), then the known names.
    r"(?<!\w)(France (?:Bleu|3)(?:\s+(?!d[eu]\b)[A-ZÀ-Þ][\w'-]+){1,2}|"
    + "|".join(re.escape(o) for o in sorted(lx.OUTLETS, key=len, reverse=True)) + r")(?![\w'])"
)
_PRONOUN_VERB = re.compile(r"-t-(il|elle|ils|elles|on)\b|\b\w+-(il|elle|ils|elles|on)\b", re.IGNORECASE)
# What may follow the speech verb in a trailing attribution: its subject, a medium, a date, a place.
_TAIL_WORDS = {"à", "au", "aux", "auprès", "de", "du", "des", "d'", "l'", "la", "le", "les", "sur", "dans",
               "sous", "par", "en", "ce", "cette", "lors", "micro", "antenne", "colonnes", "ondes", "plateau",
               "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "matin", "soir",
               "même", "source", "encore", "aussi", "également", "ensuite", "alors", "ainsi", "notamment",
               "to", "the", "on", "in", "at", "a", "an", "of", "by", "with", "also", "told", "then"}


@dataclass
class Attribution:
    claimant: str = ""
    outlet: str = ""
    how: str = ""  # according_to, speech, pronoun:<p>, description:<noun>, outlet
    drop: list[tuple[int, int]] = field(default_factory=list)  # token ranges [start, end) left out of the text


def outlet_in(text: str) -> str:
    m = _OUTLET_PATTERN.search(text)
    return m.group(0).strip() if m else ""


def is_outlet(name: str) -> bool:
    return bool(name) and outlet_in(name) == name.strip()


def _entity_at(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _speech_verb(tok: Token, language: str) -> bool:
    prefixes = lx.SPEECH_PREFIXES.get(language, ())
    return tok.pos_ in ("VERB", "AUX", "NOUN", "ADJ") and tok.lower_.lstrip("-").startswith(prefixes) and tok.is_alpha


def source_of(tokens: list[Token], language: str) -> tuple[str, str, str]:
    """(claimant, outlet, how) named by a phrase: people first, then organisations, then an agent noun
    phrase ("le parquet d'Ajaccio"); a medium named in it is the outlet."""
    text = " ".join(t.text for t in tokens).replace(" '", "'").replace("' ", "'")
    outlet = outlet_in(text)
    people = []
    orgs = []
    seen: set[int] = set()
    for tok in tokens:
        ent = _entity_at(tok)
        if ent is None or ent.start in seen:
            continue
        seen.add(ent.start)
        name = ent.text.strip(" ,.'\"")
        doc = tok.doc
        # "le secrétaire d'Etat aux Transports Jean-Baptiste Djebbari": the parser glued the ministry's
        # domain to the name; what follows it is the person.
        if len(ent) >= 3 and ent.start > 0 and doc[ent.start - 1].lower_ in ("aux", "au", "de", "du", "des", "l'", "la"):
            rest = doc[ent.start + 1 : ent.end]
            if rest.text[:1].isupper() and all(t.text[:1].isupper() or t.lower_ in ("le", "la", "de", "du")
                                               for t in rest):
                name = rest.text.strip(" ,.'\"")
        if outlet and outlet in name and not name.endswith(outlet):
            name = name.split(outlet, 1)[1].strip()  # "l'AFP Sylvain Darchy": the agency glued to the name
        if len(name) < 2 or (outlet and (name in outlet or outlet in name)):
            continue
        if ent.label_ in ("PER", "PERSON"):
            people.append(name)
        elif ent.label_ in ("ORG", "NORP", "MISC", "GPE", "LOC"):
            orgs.append(name)
    if people:
        return people[0], outlet, "speech"
    words = [t for t in tokens if not t.is_punct]
    heads = [t for t in words if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in lx.OUTLET_NOUNS
             and not (outlet and t.text in outlet)]
    if orgs and (not heads or heads[0].pos_ == "PROPN" or heads[0].lower_ not in lx.AGENT_NOUNS):
        return orgs[0], outlet, "speech"
    if heads and heads[0].lower_ in lx.AGENT_NOUNS:
        # "le ministre de l'Économie Bruno Le Maire": the name after the role is the claimant.
        named = [e for e in {id(_entity_at(t)): _entity_at(t) for t in words[words.index(heads[0]) + 1 :]
                             if _entity_at(t) is not None}.values() if e is not None and e.label_ not in ("LOC", "GPE")]
        if named and heads[0].lower_ in lx.PERSON_ROLES:
            return named[-1].text.strip(" ,.'\""), outlet, "speech"
        first = words.index(heads[0])
        # the head with its determiner ("le parquet"), not a preposition before it ("au ministère")
        start = first - 1 if first > 0 and words[first - 1].pos_ == "DET" else first
        phrase = words[start : first + 9]
        cut = next((k for k, t in enumerate(phrase) if k > 0 and (
            t.lower_ in ("qui", "who", "que", "dont", "sur", "à", "au", "aux", "auprès", "dans", "lors", "pour", "on",
                         "to", "in", "at") or t.text in (",", "(", '"') or t.pos_ in ("VERB", "AUX"))), len(phrase))
        claimant = " ".join(t.text for t in phrase[:cut]).replace("' ", "'").strip()
        if not any(_entity_at(t) for t in phrase[:cut]):
            return claimant, outlet, f"description:{heads[0].lower_}"
        return claimant, outlet, "speech"
    if outlet:
        return outlet, outlet, "outlet"
    nouns = [t for t in words if t.pos_ == "NOUN" and t.lower_ in lx.OUTLET_NOUNS]
    if nouns:
        return "", "", f"description:{nouns[0].lower_}"
    return "", "", ""


def _tail(span: Span, language: str) -> tuple[int, Token] | None:
    """The trailing ", raconte Sud Ouest." / ", a-t-il précisé à l'AFP" of a sentence: (start, verb)."""
    tokens = list(span)
    end = len(tokens)
    while end and tokens[end - 1].is_punct and tokens[end - 1].text not in ('"',):
        end -= 1
    for k in range(end - 1, max(-1, end - 18), -1):
        tok = tokens[k]
        if tok.text != ",":
            continue
        rest = tokens[k + 1 : end]
        if not rest or len(rest) > 16:
            return None
        words = [t for t in rest if not t.is_punct]
        if not words:
            continue
        lead = 0
        if words[0].lower_ in ("comme", "as", "ainsi"):
            lead = 1
            while lead < len(words) and words[lead].lower_ in ("le", "l'", "la", "les", "l"):
                lead += 1
        while lead < len(words) and (words[lead].pos_ == "AUX" or words[lead].lower_ in (
                "a", "ont", "avait", "avaient", "aurait", "has", "had", "was") or words[lead].text.startswith("-")):
            lead += 1  # "a -t -il déclaré": the auxiliary and the inverted pronoun come first
        if lead >= len(words):
            continue
        verb = words[lead]
        marker = words[0].lower_ in ("selon", "d'après", "according")
        if not (marker or _speech_verb(verb, language)):
            continue
        if any(t.lower_ in ("que", "qu'", "that", "si") for t in words[lead + 1 :]):
            return None
        finite = [t for t in words[lead + 1 :] if t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm")
                  and not _speech_verb(t, language)]
        if finite:
            return None
        return tokens[k].i, verb
    return _tail_without_comma(tokens, end, language)


def _tail_without_comma(tokens: list[Token], end: int, language: str) -> tuple[int, Token] | None:
    """"... une expérience similaire raconte Le Dauphiné Libéré.", "..., comme le rapporte Le Point."."""
    for k in range(max(1, end - 8), end - 1):
        tok = tokens[k]
        rest = tokens[k + 1 : end]
        if _speech_verb(tok, language) and "Fin" in tok.morph.get("VerbForm") \
                and all(t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in ("le", "la", "l'", "les") for t in rest) \
                and any(t.ent_type_ or t.pos_ == "PROPN" for t in rest):
            start = k
            while start > 0 and tokens[start - 1].lower_ in ("comme", "ainsi", "le", "l'", "la", "que", "qu'", ","):
                start -= 1
            return tokens[start].i, tok
        # "..., a été soigné rapporte L'Indépendant.": a named outlet after the verb
        if _speech_verb(tok, language) and "Fin" in tok.morph.get("VerbForm") and rest and \
                outlet_in(" ".join(t.text for t in rest).replace("' ", "'")) and tokens[k - 1].text != ",":
            return tok.i, tok
    return None


def find(span: Span, language: str) -> Attribution:
    """The attribution of one sentence (or clause)."""
    tokens = list(span)
    if not tokens:
        return Attribution()
    lower = [t.lower_ for t in tokens]
    # "Selon X, ..." / "D'après X, ..." at the start: the phrase up to its comma is left out of the text.
    markers = lx.ATTRIBUTION_MARKERS.get(language, ())
    head = " ".join(lower[:4]).replace(" '", "'").replace("' ", "'")
    for marker in markers:
        if head.startswith(marker):
            n_marker = len(marker.replace("'", "' ").split())
            # The phrase ends at the first comma followed by a clause ("Selon un sondage pour France TV,
            # Radio France et LCP, 43 % des sondés citent ..."): a list of names does not end it.
            commas = [k for k in range(n_marker, min(len(tokens), n_marker + 30)) if tokens[k].text == ","]
            comma = None
            for pos, k in enumerate(commas):
                stop = commas[pos + 1] if pos + 1 < len(commas) else len(tokens)
                after = tokens[k + 1 : stop]
                if after and after[0].lower_ in ("et", "ou", "mais", "and", "or", "but"):
                    continue  # a coordination carries on the phrase ("le couple, lui ..., et elle ...")
                if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in after):
                    comma = k
                    break
            if comma is None:
                comma = commas[0] if commas else None
            if comma is None:
                break
            phrase = tokens[n_marker:comma]
            if len(phrase) == 1 and phrase[0].lower_ in ("lui", "elle", "eux", "elles", "him", "her", "them"):
                pronoun = {"lui": "il", "eux": "ils", "him": "he", "her": "she", "them": "they"}.get(
                    phrase[0].lower_, phrase[0].lower_)
                return Attribution("", "", f"pronoun:{pronoun}", [(tokens[0].i, tokens[comma].i + 1)])
            claimant, outlet, how = source_of(phrase, language)
            if claimant or outlet:
                end = comma + 1
                # "Selon Paul Martin, un ancien élu qui ..., le maire a ...": the source's apposition
                # describes the source, it is part of the attribution.
                if end < len(tokens) and (tokens[end].lower_ in ("un", "une", "le", "la", "l'", "les", "ancien",
                                                                  "ancienne", "ex") or tokens[end].lower_.startswith("ex-")):
                    close = next((k for k in range(end + 1, min(len(tokens), end + 20)) if tokens[k].text == ","),
                                 None)
                    if close is not None and any(t.pos_ in ("VERB", "AUX") for t in tokens[close + 1 :]) and not any(
                            t.like_num and t.lower_ not in ("un", "une") for t in tokens[end:close]):
                        end = close + 1
                return Attribution(claimant, outlet, "according_to" if how == "speech" else how,
                                   [(tokens[0].i, tokens[end - 1].i + 1)])
            break
    tail = _tail(span, language)
    if tail is not None:
        start, verb = tail
        rest = [t for t in span.doc[start + 1 : span.end] if not t.is_punct]
        window = span.doc[max(span.start, verb.i - 3) : min(span.end, verb.i + 3)].text
        pm = _PRONOUN_VERB.search(window)
        claimant, outlet, how = source_of([t for t in rest if t.i > verb.i], language)
        if not claimant and pm:
            how = f"pronoun:{(pm.group(1) or pm.group(2)).lower()}"
            if how == "pronoun:on":
                claimant, outlet, how2 = source_of([t for t in rest if t.i > verb.i], language)
                how = how2 or how
        end = span.end
        while end > start and span.doc[end - 1].is_punct and span.doc[end - 1].text != '"':
            end -= 1
        drop = [(start, end)]
        if how == "outlet" and start > span.start:
            # "..., a-t-il affirmé, rapporte Paris Match.": the speaker comes before the outlet.
            inner = find(span.doc[span.start : start], language)
            if inner.drop and inner.drop[-1][1] >= start - 1 and (inner.claimant or inner.how.startswith("pronoun:")):
                return Attribution(inner.claimant, outlet, inner.how, [*inner.drop, *drop])
        return Attribution(claimant, outlet, how or "speech", drop)
    # "X a déclaré", "X explique que": a subject of a speech verb, nothing left out.
    for tok in tokens:
        if not (tok.pos_ in ("VERB",) and _speech_verb(tok, language)):
            continue
        window = span.doc[max(span.start, tok.i - 3) : min(span.end, tok.i + 3)].text
        pm = _PRONOUN_VERB.search(window)
        if pm and (pm.group(1) or pm.group(2)).lower() != "on":
            return Attribution("", "", f"pronoun:{(pm.group(1) or pm.group(2)).lower()}")
        subjects = [c for c in tok.children if c.dep_.startswith("nsubj")
                    and not any(t.text == '"' for t in span.doc[c.i : tok.i])]
        for subj in subjects:
            if subj.lower_ in lx.PRONOUN_SPEAKERS:
                return Attribution("", "", f"pronoun:{subj.lower_}")
            if subj.pos_ in ("PROPN", "NOUN") and subj.lower_ not in lx.FIRST_PERSON.get(language, set()):
                claimant, outlet, how = source_of(list(subj.subtree), language)
                if claimant or outlet:
                    return Attribution(claimant, outlet, how)
        # Inverted subject: "a déploré son président, Marc Olivier", "said commissioner Linda Perez".
        if not subjects:
            after = list(span.doc[tok.i + 1 : min(span.end, tok.i + 8)])
            for t in after:
                if t.ent_type_ in ("PER", "PERSON") and t.ent_iob_ == "B":
                    claimant, outlet, how = source_of(after, language)
                    if claimant:
                        return Attribution(claimant, outlet, "speech")
    if language == "en":
        m = re.search(r"\b(he|she|they) (said|says|told|added|noted|argued|claimed)\b", span.text.lower())
        if m:
            return Attribution("", "", f"pronoun:{m.group(1)}")
    return Attribution()
