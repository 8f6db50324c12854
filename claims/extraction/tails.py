"""Trailing attributions (", raconte Sud Ouest.", ", a-t-il précisé à l'AFP lundi"): where the tail after a
statement begins and what it takes in (speaker, medium, date, an apposition), up to what the speaker did
besides speaking or a statement of its own; with English's speaker-first order, tails without a comma
and speakers that are a relative clause ("celle qui ...")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claims.extraction import lexicon as lx
from claims.extraction.doccache import column, morph_values, sentence_end, sentence_start, span_tokens
from claims.extraction.features import is_year
from claims.extraction.participles import (
    _adverbial_infinitive,
    _besides,
    _participle_clause,
    bare_besides,
    bare_participle,
    present_participle,
)
from claims.extraction.roles import _FOLDED_ROLES_JOBS, ROLE_ADJECTIVES
from claims.extraction.sources import _before_month, age_phrase, source_of
from claims.extraction.speech_verbs import (
    PRONOUN_VERB,
    _adverb_before_verb,
    after_quotation,
    finite,
    finite_in,
    finite_word,
    fold,
    intended_saying,
    negated,
    speech_verb,
)


def _quotation_incise(verb: Token, after: list[Token], language: str) -> bool:
    """'"...", a persisté Ségolène Royal', '"...", s'est défendue la ministre', '"...", tranche le Dr Corré',
    '"...", s'est-il vanté': right after a closing quotation and its comma, a finite verb whose subject
    comes after it (an inverted pronoun, or a speaker named after the verb) sets off the quotation's speaker,
    whatever the verb: French inverts the subject this way in a quotation's incise, so the speech verbs the
    lexicon lacks ("persister", "se défendre", "plaider", "se vanter") report it too. Without a speaker
    after it the verb goes on with the sentence's subject ('Il a parlé d'une "honte", a demandé des excuses')."""
    if language != "fr" or verb.pos_ != "VERB" or not finite(verb) or not after_quotation(verb):
        return False  # ', créé en 2001 par son épouse', ', fâché avec Flora': a participle describes
    window = verb.doc[max(sentence_start(verb), verb.i - 3) : min(sentence_end(verb), verb.i + 2)].text
    if PRONOUN_VERB.search(window):
        return True
    claimant, outlet, how = source_of(after, language) if after else ("", "", "")
    # ("s'insurge le quotidien": a medium described, which the article named before)
    return bool(claimant or outlet or how.startswith("description:")) and not how.startswith("pronoun:")


def _says_more(words: list[Token], described: int, language: str) -> bool:
    """Whether the only "que" after a trailing speaker opens what their relative clause says they said besides
    (", explique Médiapart, qui précise que ce collaborateur avait rédigé son offre"), a statement with no
    name and no figure: the speaker still closes the sentence's statement, the relative clause is theirs."""
    if described >= len(words) or any(t.lower_ in ("que", "qu'", "that") or t.text == "si" for t in words[:described]):
        return False
    relative = words[described:]
    verb = next((t for t in relative[1:4] if t.pos_ == "VERB"), None)
    return verb is not None and speech_verb(verb, language) and not any(
        t.ent_type_ or t.pos_ in ("PROPN", "NUM") or t.text[:1].isdigit() for t in relative)


def _tail(span: Span, language: str) -> tuple[int, Token] | None:
    """The trailing ", raconte Sud Ouest." / ", a-t-il précisé à l'AFP" of a sentence: (start, verb)."""
    tokens = span_tokens(span)
    end = len(tokens)
    while end and tokens[end - 1].is_punct and tokens[end - 1].text not in ('"',):
        end -= 1
    # 16 words of tail, and a participle clause after it; one of a second statement (", soulignant que
    # ...") may be long: the tail is looked for before it.
    # Each clause looked for below opens right after a comma: only those words are tried (the tests make
    # Tokens and read the sentence, and the tail is looked for in every sentence).
    text_of = column(span.doc, "text")
    after_comma = [j for j in range(1, end) if text_of[span.start + j - 1] == "," or (
        text_of[span.start + j - 1] == ";" and tokens[j].pos_ == "AUX")]  # (a mistyped comma: "...; a-t-elle dit")
    said = next((j for j in after_comma if said_clause(tokens[j], language) is not None), end)
    # (nor in what the speaker did besides: ", se défendant d'avoir ...")
    besides = next((j for j in after_comma if _besides(tokens[j])), end)
    # (nor in the relative clause of a speaker with no noun, however long: "s'indigne celui qui a ...")
    headless = _headless_at(span, end)
    for k in range(end - 1, max(-1, min(end, said, besides, headless) - 32), -1):
        if text_of[span.start + k] != "," and not (text_of[span.start + k] == ";" and k + 1 < end
                                                   and tokens[k + 1].pos_ == "AUX") \
                and not (text_of[span.start + k] == '"' and _quote_for_comma(tokens, k, end)):
            continue  # (a semicolon before an inverted verb is a comma mistyped: "...; a-t-elle dit.")
        if k > 0 and tokens[k - 1].pos_ == "CCONJ":
            continue  # "... en Suisse et, selon Libération, une autre aux États-Unis": the statement goes on
        rest = tokens[k + 1 : end]
        part = next((j - k - 1 for j in after_comma if j > k and (
            _participle_clause(tokens[j]) or _infinitive_clause(tokens[j])
            or said_clause(tokens[j], language) is not None or _besides(tokens[j]))), None)
        if part == 0:
            continue  # ", confirmant une information de LCI": the speaker comes before it
        if part is not None:
            rest = rest[: part - 1]
        bare = bare_participle(rest)
        if bare is not None:
            rest = rest[:bare]
        # (" en débutant son allocution", " avant de révéler ...": what the speaker did besides, no comma before it)
        # (only in the speaker's phrase, before any comma: ", des truands profitant ... pour appâter" is no tail's)
        besides_at = next((j for j in range(2, len(rest)) if bare_besides(rest[j])), None)
        if besides_at is not None and not any(t.text == "," for t in rest[:besides_at]):
            if _states_besides(list(span.doc[rest[besides_at].i : tokens[end - 1].i + 1])):
                return None  # (" en annonçant 300 licenciements": a statement of its own, the sentence stays)
            rest = rest[:besides_at]
        if not rest:
            return None
        # (", qui n'y a pas participé": a relative clause after the speaker describes them, it does not count)
        # (nor one right after a name, without its comma: ", considère Paul Roux qui se présente à Rouen ...")
        relative = next((j for j in range(1, len(rest)) if rest[j].lower_ in ("qui", "dont", "who")
                         and (rest[j - 1].text == "," or _after_name(rest[j])
                              and not any(speech_verb(t, language) for t in rest[j + 1 :]))), len(rest) + 1)
        # (nor does the relative clause of a speaker with no noun: "s'indigne celui qui a consacré sa vie à ...")
        headless = _headless_speaker(rest)
        if headless is not None:
            relative = min(relative, headless[0])
        measured = rest[: headless[0]] if headless is not None else rest
        before_relative = rest[: relative - (1 if rest[relative - 1 : relative] and rest[relative - 1].text == "," else 0)] \
            if relative <= len(rest) else rest
        speaker = _speaker_phrase(before_relative)
        # (what the apposition that describes the speaker says is no statement: "un agent s'étant entretenu avec")
        described_from = speaker[-1].i + 1 if speaker and len(speaker) < len(before_relative) else rest[-1].i + 1
        # An inverted pronoun or a name right after the verb is the speaker whatever follows it: ", a-t-il déclaré
        # lundi 2 juillet au micro de RTL, à sa sortie de garde à vue", ", a affirmé Nicole Martin, la ministre de
        # l'Intérieur, interrogée par les journalistes, dimanche 1er juillet" are circumstances and appositions
        # (_speaker_then_circumstances, asked only of a long speaker phrase).
        if len(measured) > 28 or len(speaker) > 16 and (len(speaker) > 28 or not _speaker_then_circumstances(rest)):
            # Too long for a tail with a comma: maybe one without ("... issue fatale rapporte X."); unless
            # this comma only opens the speaker's apposition (", confie X, un guide ..., à la BBC").
            if len(measured) > 28 or tokens[k - 1].ent_type_ not in ("PER", "PERSON"):
                break
            continue
        words = [t for t in rest if not t.is_punct]
        if not words:
            continue
        subject_first = _subject_then_speech(words, language)
        if subject_first is not None:
            return tokens[k].i, subject_first
        lead = 0
        if words[0].lower_ in ("comme", "as", "ainsi"):
            lead = 1
            while lead < len(words) and words[lead].lower_ in ("le", "l'", "la", "les", "l"):
                lead += 1
        while lead < len(words) and (words[lead].pos_ == "AUX" or words[lead].lower_ in (
                "a", "ont", "avait", "avaient", "aurait", "has", "had", "was", "se", "s'") or words[lead].text.startswith("-")
                or _adverb_before_verb(words[lead])):
            # "a -t -il déclaré", "se serait notamment plaint", "a d'abord proposé": the auxiliary, the reflexive,
            # the inverted pronoun, an adverb
            lead += 1
        if lead >= len(words):
            continue
        verb = words[lead]
        # (", a tenu à préciser la ministre": the infinitive meant to be said is the speech verb)
        intended = intended_saying(verb, words[lead + 1] if lead + 1 < len(words) else None,
                                   words[lead + 2] if lead + 2 < len(words) else None, language)
        if intended is not None and not (speech_verb(intended, language, lx.CONTENT_ONLY_VERBS)
                                         and any(c.dep_ == "obj" for c in intended.children)):
            # (not a verb that reports only a content, with a noun object: ", a préféré reprendre son métier" is
            # an act, lexicon.CONTENT_ONLY_VERBS)
            lead, verb = words.index(intended), intended
        else:
            intended = None
        if _passive(words[:lead], verb):
            continue  # ", soit tranché aux Etats-Unis", ', était connu pour ses liens avec X': no one speaks
        marker = words[0].lower_ in lx.SOURCE_PREPOSITIONS or (
            words[0].lower_ == "d'" and len(words) > 1 and words[1].lower_ == "après")
        if not (marker or speech_verb(verb, language) or _learned_from(verb)
                or _quotation_incise(verb, words[lead + 1 :], language)):
            continue
        if marker and any(t.pos_ in ("VERB", "AUX") for t in rest[next(
                (j + 1 for j, t in enumerate(rest) if t.text == ","), len(rest)) :]):
            continue  # "Le président, selon Le Monde, a démissionné": an incise, the statement goes on after it
        if not marker and lead == 0 and present_participle(verb):
            continue  # ", confirmant des informations du site X": what the speaker before it did too
        if not marker and lead == 0 and verb.pos_ == "NOUN" and lead + 1 < len(words) \
                and words[lead + 1].lower_ in ("de", "du", "des", "d'"):
            continue  # "..., soutien de Donald Trump": an apposition, a noun with its complement
        if not marker and lead == 0 and "Part" in morph_values(verb, "VerbForm") and (any(
                t.lower_ in ("par", "de", "d'") for t in words[lead + 1 : lead + 3]) or _agent_after_setting(words)):
            continue  # ", accusé par sa voisine de ...": a passive participle describes, it does not attribute
        if intended is None and any(w.lower_ in ("se", "s'") for w in words[:lead]) \
                and not any(w.text.startswith("-") for w in words[:lead]) \
                and (lead + 1 >= len(words) or words[lead + 1].pos_ in ("ADP", "ADV", "SCONJ")):
            continue  # ", s'inquiète pour les résidents": a reflexive verb attributes with its subject after it
        # (a capitalised "Si" is part of a name: "a indiqué à l'AFP Wendy Si Hassen")
        # ", rapporte Midi Libre qui cite une source judiciaire": a relative clause describes the speaker.
        described = next((j for j in range(lead + 2, len(words)) if words[j].lower_ in ("qui", "dont", "who")),
                         len(words))
        if any((t.lower_ in ("que", "qu'", "that") or t.text == "si") and not t.ent_type_ for t in words[lead + 1 :]) \
                and not _says_more(words, described, language):
            return None  # (not a name's: "souligne UFC-Que Choisir")
        # "..., a annoncé le groupe, et les bénéfices de 7 %": a statement goes on after the speaker.
        # So does a colon: ", a répondu à la ministre : "en France ..."" introduces what was said.
        # So does ", soit ...": what the statement comes to ("..., a indiqué l'Insee, soit la première baisse depuis 2021").
        if any(t.text in ("%", "€", "$", "£", ":") or (t.lower_ in ("et", "mais", "ou", "soit", "and", "but")
                                                        and t.i > 0 and t.doc[t.i - 1].text == ",") for t in rest):
            return None
        if any((t.pos_ == "NUM" or t.text[:1].isdigit()) and not _in_date(t) and not _in_name(t)
               for t in words[described:]):
            return None  # ", a indiqué la SNCF, qui prévoit 2 trains sur 3": a figure is a statement; not
            # a date (", qui avait lui aussi rendu son tablier en 2014", ", qui a eu accès au PV, mercredi 19 mai")
        described = min(described, next((j for j, t in enumerate(words) if j > lead and t.i >= described_from),
                                        described))
        finite = [t for t in words[lead + 1 : described] if t.pos_ == "VERB" and "Fin" in morph_values(t, "VerbForm")
                  and not speech_verb(t, language) and not _in_title(t)]
        # "..., explique également avoir réduit la vitesse": the verb has its own complement, what
        # follows it is a statement, not who made it. So has English "..., said the council had ignored ...", with
        # no "that" (French opens what was said on "que", above; its parser hangs what the speaker did besides on
        # the verb the same way: ", a-t-il ajouté en s'adressant à la foule").
        said = [t for t in words[lead + 1 : described] if ("Inf" in morph_values(t, "VerbForm") and t.is_lower
                                                           and not _adverbial_infinitive(t) and not _causative(verb, t))
                or (language == "en" and t.head.i == verb.i and t.dep_ in ("xcomp", "ccomp")
                    and not _participle_clause(t)
                    and any(c.dep_ in ("obj", "mark") or c.dep_.startswith("aux") for c in t.children))]
        if finite or said:
            return None
        return tokens[k].i, verb
    return _tail_without_comma(tokens, end, language)


def _agent_after_setting(words: list[Token]) -> bool:
    """", relayée en France par Le Figaro", ", reprise mardi par BFMTV": a past participle that opens the tail
    and whose agent ("par X") comes after where or when it happened, with no verb between, describes the noun
    before the comma (the interview the medium relayed), as ", accusé par sa voisine" does; it does not give the
    sentence's source, which a speech verb would with its subject after it (", rapporte Le Figaro")."""
    agent = next((j for j in range(2, min(len(words), 6)) if words[j].lower_ in ("par", "by")), None)
    return agent is not None and not any(t.pos_ in ("VERB", "AUX") for t in words[1:agent])


def _passive(lead: list[Token], verb: Token) -> bool:
    """", soit tranché aux Etats-Unis et non en France", ', fiché "S", était connu pour ses liens avec X': a past
    participle after a form of "être" is a passive or an attribute of the sentence's subject (what it underwent,
    what it is), not a speech verb with its speaker after it, whatever the verb ("trancher" reports a statement
    in ", tranche le juge"). Not after a reflexive (", s'est indignée la ministre") or an inverted pronoun
    (", est-il précisé dans le rapport"), which attribute."""
    # (the tagger may read a first-group participle as an infinitive, which never ends in "-é")
    participle = "Part" in morph_values(verb, "VerbForm") or verb.lower_.endswith(("é", "ée", "és", "ées"))
    return participle and any(w.lower_ in lx.ETRE_FORMS for w in lead) \
        and not any(w.lower_ in ("se", "s'") or w.text.startswith("-") for w in lead)


def _in_title(verb: Token) -> bool:
    """"a-t-il regretté dans On refait le monde sur RTL": a verb right after a capitalised pronoun,
    determiner or adverb that follows a preposition in mid-sentence belongs to the title of a show or
    a book, not to a clause of its own."""
    doc = verb.doc
    for w in doc[max(sentence_start(verb) + 1, verb.i - 3) : verb.i]:
        if w.is_punct:
            return False
    for w in doc[max(sentence_start(verb) + 1, verb.i - 3) : verb.i]:
        if w.is_title and w.pos_ in ("PRON", "DET", "ADV") and doc[w.i - 1].pos_ == "ADP" and doc[w.i - 1].is_lower:
            return True
    return False


def _after_name(relative: Token) -> bool:
    """"Paul Roux qui se présente à Rouen": a relative pronoun right after a person's name (its last word) opens
    a clause that describes them, as after a comma; a name is no antecedent a relative clause restricts. (One
    with a speech verb, "Paul Roux qui a affirmé être favorable à ...", is a second statement: _tail.)"""
    before = relative.doc[relative.i - 1] if relative.i else None
    return before is not None and before.ent_type_ in ("PER", "PERSON") and before.pos_ == "PROPN"


def said_clause(tok: Token, language: str) -> Token | None:
    """", soulignant que ...", ", en rappelant qu'...", ", adding that ...": after a comma, a speech verb's
    present participle (or gerund) with a clause of its own: a second statement of the speaker of the
    tail before it. The conjunction that opens the statement, or None."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != ",":
        return None
    verb = doc[tok.i + 1] if tok.lower_ == "en" and tok.i + 1 < len(doc) else tok
    if not (present_participle(verb) and speech_verb(verb, language)):
        return None
    # An adverb may come between ("ajoutant toutefois que"), nothing else.
    for t in doc[verb.i + 1 : min(sentence_end(tok), verb.i + 3)]:
        if t.lower_ in ("que", "qu'", "qu’", "that"):
            return t
        if t.pos_ != "ADV":
            return None
    return None


def _infinitive_clause(tok: Token) -> bool:
    """", avant d'enfoncer le clou sur LCI": a clause of what the speaker did next, after a comma."""
    doc = tok.doc
    if tok.i == 0 or doc[tok.i - 1].text != "," or tok.lower_ not in ("avant", "pour", "sans", "afin", "après"):
        return False
    return any("Inf" in morph_values(t, "VerbForm") and _adverbial_infinitive(t) for t in doc[tok.i + 1 : tok.i + 3])


def _causative(verb: Token, infinitive: Token) -> bool:
    """'", a-t-il fait savoir', '", fait-il valoir', '", a fait remarquer X', '", veut croire le député', '", tient
    à rappeler X': the infinitive right after "faire" or a modal (past the inverted pronoun, or "à") is one verb
    with it, a way of saying; not a statement of its own."""
    between = verb.doc[verb.i + 1 : infinitive.i]
    return verb.lower_.startswith(_VERB_CHAINS) and all(t.text.startswith("-") or t.lower_ == "à" for t in between)


# "faire", "vouloir", "pouvoir", "devoir", "tenir (à)": verbs whose infinitive after them is the verb of saying.
_VERB_CHAINS = ("fai", "fit", "fer", "veu", "voul", "peu", "pouv", "doi", "dev", "tien", "ten")


def _speaker_phrase(rest: list[Token]) -> list[Token]:
    """A tail up to the apposition that describes its speaker (", a précisé à Midi Libre Yvon Calvet, le
    procureur de Béziers"): what the length limit counts."""
    commas = [j for j, t in enumerate(rest) if t.text == ","]
    # An apposition names a person, an office or an occupation and holds no figure (not ", le jour même de
    # la publication des statistiques"); after it only where and to whom it was said (", dans l'État de
    # X", ", sur France 2": a channel's number is its name) and participles describing it ("dans des propos
    # relayés par L'Express").
    if not commas or commas[0] + 2 >= len(rest):
        return rest
    after = rest[commas[0] + 1 :]
    segments = [[]]  # type: list[list[Token]]
    for t in after:
        if t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    apposition = segments[0]
    if not apposition:
        return rest
    noun = next((t for t in apposition[1:] if not (t.pos_ == "ADJ" or t.lower_ in ROLE_ADJECTIVES)), apposition[-1])
    # (after a person's name, any noun phrase describes them: ", Stevie Hurst, un guide touristique")
    person = rest[commas[0] - 1].ent_type_ in ("PER", "PERSON")
    office = apposition[0].pos_ == "PROPN" or apposition[0].pos_ == "DET" and (
        person or fold(noun.lower_) in _FOLDED_ROLES_JOBS) or person and (
        apposition[0].pos_ in ("NOUN", "ADJ") or "Part" in morph_values(apposition[0], "VerbForm"))  # ", chargée de"
    # (or when it was said: ", le jour même de la publication des chiffres", ", lundi soir")
    when = apposition[0].lower_ in lx.TIME_NOUNS or apposition[0].pos_ == "DET" and noun.lower_ in lx.TIME_NOUNS
    # (or where and on what occasion: ", lors de la réunion du groupe", ", devant les élus", ", en marge du sommet")
    office = office or when or _setting_opens(apposition)
    # (", Theresa Tam, le mois dernier": when it was said, after the name, is a setting too)
    setting = all(segment and (segment[0].pos_ == "ADP" or _said_when(segment)) for segment in segments[1:])
    # No finite verb and no figure: ", rapporte RTL, le ministre a démissionné" goes on with a statement.
    if office and setting and not any(
            (finite_word(t)
             or (t.pos_ == "NUM" or t.text[:1].isdigit()) and not _in_date(t))
            and not t.ent_type_ and not _age(t) for t in after):  # (a name's words: "l'agence Passe Agency")
        return rest[: commas[0]]
    return rest


def _said_when(segment: list[Token]) -> bool:
    """", le mois dernier", ", lundi soir", ", mardi 3 mars": a segment that only says when (a time noun first,
    or after its article), with no verb."""
    head = segment[1] if segment[0].pos_ == "DET" and len(segment) > 1 else segment[0]
    return head.lower_ in lx.TIME_NOUNS and not any(t.pos_ in ("VERB", "AUX") for t in segment)


def _setting_opens(apposition: list[Token]) -> bool:
    """Whether a segment set off after the speaker opens with a preposition of when, where or on what
    occasion it was said (", lors de la réunion du groupe", ", devant les députés", ", en marge du sommet"),
    not with one that goes on with the statement (", dont ...", ", selon ...")."""
    first = apposition[0].lower_
    return first == "lors" or apposition[0].pos_ == "ADP" and first not in ("selon", "d'après", "sauf", "contre", "malgré")


def _speaker_then_circumstances(rest: list[Token]) -> bool:
    """Whether a tail names its speaker at once, by an inverted pronoun or a name, and holds no verb after its
    speech verb but a past participle that describes: the rest is circumstances and appositions."""
    return any(t.text.startswith("-") and t.pos_ == "PRON" or t.ent_type_ in ("PER", "PERSON") for t in rest[:4]) \
        and sum(1 for t in rest if t.pos_ == "VERB" and not (
            "Part" in morph_values(t, "VerbForm") and "Past" in morph_values(t, "Tense") and t.dep_ == "acl")) <= 1


def _in_name(tok: Token) -> bool:
    """"Europe 1", "France 2": a number that ends a name is no figure."""
    before = tok.doc[tok.i - 1] if tok.i else None
    return bool(tok.ent_type_) and before is not None and before.pos_ == "PROPN" and before.ent_type_ == tok.ent_type_


def _in_date(tok: Token) -> bool:
    """A number that is part of a date: a year, or a day before its month ("paru vendredi 12 juillet")."""
    return is_year(tok.text) or _before_month(tok)


def _age(tok: Token) -> bool:
    """"58 ans" in ", ancien pêcheur de 58 ans, ...": a person's age describes them, it states nothing."""
    doc = tok.doc
    return tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("ans", "an", "years") and (
        tok.like_num and not tok.text.replace(",", "").replace(".", "").isdigit() or tok.text.isdigit() and int(tok.text) < 120)


# Nouns of a speech as an event: a figure that measures one ("son allocution de 25 minutes") describes the
# speech, not the world.
_SPEECH_EVENTS = frozenset({"allocution", "discours", "intervention", "interview", "entretien", "conférence",
                            "déclaration", "audition", "speech", "address", "statement"})


def _states_besides(words: list[Token]) -> bool:
    """Whether what the speaker did besides speaking states something of its own: a clause ("avant
    d'assurer que le gouvernement ...") or a figure ("en annonçant 300 licenciements"); then the tail is not
    left out with it. A date, an age, a channel's number or the length of the speech itself ("son
    allocution de 25 minutes") is no figure."""
    for t in words:
        if t.lower_ in ("que", "qu'", "qu’", "that") or t.text == ":":
            return True
        if not (t.pos_ == "NUM" or t.text[:1].isdigit()) or _in_date(t) or _in_name(t) or _age(t):
            continue
        measured = t.head
        if measured.head.lower_ in _SPEECH_EVENTS and measured.dep_ == "nmod":
            continue
        return True
    return False


_HEADLESS_SPEAKERS = {"celui": "il", "celle": "elle", "ceux": "ils", "celles": "elles"}


def _quote_for_comma(tokens: list[Token], k: int, end: int) -> bool:
    """'... "n'étaient pas établis" explique à l'AFP la procureure': a quotation that states something (a finite
    verb in it) closed right before a verb, with no comma, sets off its speaker's incise as the comma does.
    Not a verb in the passive ('Le mot "il part" a été prononcé par ...' goes on with the sentence)."""
    if tokens[k].text != '"' or k + 1 >= end or tokens[k + 1].pos_ not in ("AUX", "VERB"):
        return False
    opened = [j for j in range(k) if tokens[j].text == '"']
    if len(opened) % 2 == 0 or any(t.lower_ == "été" for t in tokens[k + 1 : k + 3]):
        return False  # (an opening mark, or a passive)
    return finite_in(tokens[opened[-1] + 1 : k])


def _headless_at(span: Span, end: int) -> int:
    """Where the first "celui qui" / "celle qui" of a sentence's words is (relative to the sentence), else
    `end`: the tail of a speaker with no noun is looked for before its relative clause (_headless_speaker)."""
    lower = column(span.doc, "lower_")
    return next((j - 1 for j in range(1, end) if lower[span.start + j] == "qui"
                 and lower[span.start + j - 1] in _HEADLESS_SPEAKERS), end)


def _headless_speaker(words: list[Token]) -> tuple[int, str] | None:
    """"..., s'indigne celui qui a consacré sa vie à ...", "..., avait déclaré lors de son départ celle qui
    ...": a speaker described by a relative clause with no noun, the way a journalist names again the
    person the story is about; (the index of its "qui" in the words, the pronoun it stands for), else None."""
    for j in range(1, len(words)):
        if words[j].lower_ == "qui" and words[j - 1].lower_ in _HEADLESS_SPEAKERS:
            if j >= 2 and words[j - 2].pos_ == "ADP":
                return None  # ("a lancé X à l'adresse de ceux qui ...": whom it was said to, not who said it)
            return j, _HEADLESS_SPEAKERS[words[j - 1].lower_]
        if words[j].text in (",", ";", ":") or words[j].lower_ in ("qui", "que", "qu'", "dont"):
            return None
    return None


def _headless_source(words: list[Token], language: str) -> tuple[str, str, str] | None:
    """The source of a tail whose speaker is a relative clause with no noun ("a confié à RTL celle qui ..."):
    the medium named before it, and the pronoun it stands for (the article's context names them); never a
    name inside the relative clause ("celui qui a dirigé Renault" is not Renault). None for another tail."""
    headless = _headless_speaker(words)
    if headless is None:
        return None
    claimant, outlet, how = source_of(words[: headless[0] - 1], language) if headless[0] > 1 else ("", "", "")
    if claimant or how.startswith("description:"):
        return None  # ("a lancé le président ... celui qui": the speaker is named before it)
    return "", outlet, f"pronoun:{headless[1]}"


def _subject_then_speech(words: list[Token], language: str) -> Token | None:
    """English puts the speaker first: "..., the Labor Department said on Friday.", "..., Mayor Lisa
    Grant told reporters.", "..., she said.". The speech verb after its subject, nothing before the
    verb but that subject, and no new statement after it."""
    if language != "en":
        return None
    verb = next((t for t in words if t.pos_ in ("VERB", "AUX") and speech_verb(t, language)), None)
    if verb is None or verb is words[0] or negated(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    before = [t for t in words if t.i < verb.i]
    if subject is None and age_phrase(before):
        pass  # '"...," the 29-year-old said': the age is the subject the parser missed
    elif subject is None or subject.dep_ == "nsubjpass" or any(t.i not in {x.i for x in subject.subtree}
                                                              for t in before):
        return None
    after = [t for t in words if t.i > verb.i]
    if any(t.lower_ in ("that", "if", "whether") or (t.pos_ in ("VERB", "AUX") and t.head.i == verb.i) or t.like_num
           for t in after):
        return None
    # "..., the company announced 3,000 job cuts": what the verb takes is the statement, not an addressee
    # ("told reporters", "told Reuters").
    if any(c.dep_ in ("dobj", "obj") for c in verb.children) and not verb.lower_.startswith(("told", "tell")):
        return None
    # "Last week, the company announced ...": before the comma there must be a statement of its own.
    sentence = verb.sent
    if not any(t.pos_ in ("VERB", "AUX") and t.i < words[0].i and t.tag_ not in ("VBG", "VBN", "TO")
               for t in sentence):
        return None
    return verb


def _learned_from(verb: Token) -> bool:
    """"a-t-on appris auprès du parquet", "apprend-on de l'Office": the impersonal "on" learns from the source."""
    if not verb.lower_.startswith("appr"):
        return False  # (most words: tried on the last words of every sentence, before any text is joined)
    window = verb.doc[max(sentence_start(verb), verb.i - 3) : min(sentence_end(verb), verb.i + 2)].text.lower()
    return bool(re.search(r"-(t-)?on\b", window))


def _tail_without_comma(tokens: list[Token], end: int, language: str) -> tuple[int, Token] | None:
    """"... une expérience similaire raconte Le Dauphiné Libéré.", "..., comme le rapporte Le Point.",
    "... nous apprend L'Est Républicain.", "... a-t-on appris jeudi de sources concordantes.", "... selon les
    informations de BFMTV."."""
    for k in range(max(1, end - 8), end - 1):
        tok = tokens[k]
        rest = tokens[k + 1 : end]
        # (the words after first: they rarely are a name alone, and the verb test reads much more; "nous apprend
        # Le Parisien": the paper tells the reader)
        if all(t.ent_type_ or t.pos_ == "PROPN" or t.lower_ in ("le", "la", "l'", "les") for t in rest) \
                and any(t.ent_type_ or t.pos_ == "PROPN" for t in rest) \
                and (speech_verb(tok, language) or tok.lower_.startswith("appr") and tokens[k - 1].lower_ == "nous") \
                and "Fin" in morph_values(tok, "VerbForm"):
            start = k
            while start > 0 and tokens[start - 1].lower_ in ("comme", "ainsi", "le", "l'", "la", "que", "qu'", ",",
                                                               "nous"):
                start -= 1
            return tokens[start].i, tok
    learned = _learned_without_comma(tokens, end)
    if learned is not None:
        return learned
    source = _source_at_end(tokens, end, language)
    return source


def _statement_in(words: list[Token]) -> bool:
    """Whether words after an attribution marker say something of their own: a finite verb or a "que"."""
    return finite_in(words) or any(t.lower_ in ("que", "qu'", "that") for t in words)


def _learned_without_comma(tokens: list[Token], end: int) -> tuple[int, Token] | None:
    """"... renvoyés devant le tribunal a-t-on appris jeudi de sources concordantes.": the inverted
    impersonal "on" learned it from a source; the tail runs from its auxiliary to the end."""
    for k in range(max(1, end - 12), end - 1):
        tok = tokens[k]
        if not _learned_from(tok) or _statement_in(tokens[k + 1 : end]):
            continue
        start = k
        while start > 1 and tokens[start - 1].text.startswith("-"):
            start -= 1  # "a -t -on appris"
        if start < k:
            start -= 1
            if tokens[start].pos_ != "AUX":
                continue
        elif not (k + 1 < end and tokens[k + 1].text.startswith("-")):
            continue  # "apprend-on"; not a plain "appris" ("il a appris de ses erreurs")
        return tokens[start].i, tok
    return None


def _source_at_end(tokens: list[Token], end: int, language: str) -> tuple[int, Token] | None:
    """"... sollicité il y a plusieurs semaines selon les informations du Monde.": a source named at the
    end of the sentence with no comma before it. Only a source (a person, an organisation, an outlet, "une
    source proche du dossier", a stressed pronoun): "varie selon les régions" says how, not who."""
    for k in range(max(2, end - 16), end - 1):
        tok = tokens[k]
        after = k + 2 if tok.lower_ == "d'" and tokens[k + 1].lower_ == "après" else k + 1
        if not (tok.lower_ in lx.SOURCE_PREPOSITIONS or after == k + 2) or tokens[k - 1].is_punct:
            continue
        rest = tokens[after:end]
        # (not inside brackets: "(1,5 million selon la CGT)" is a figure of the statement)
        opened = sum(t.text == "(" for t in tokens[:k]) > sum(t.text == ")" for t in tokens[:k])
        if opened or any(t.is_punct and t.text not in ("-", "'") for t in rest) or _statement_in(rest) \
                or counter_figure(tok):
            return None
        if any(t.text[:1].isdigit() and not _in_date(t) for t in rest):
            return None  # a figure is a statement ("selon 3 sondages sur 4")
        if len(rest) == 1 and rest[0].lower_ in STRESSED_PRONOUNS:
            return tok.i, tok
        claimant, outlet, how = source_of(rest, language)
        if claimant or outlet or how.startswith("description:"):
            return tok.i, tok
        return None
    return None


# Words that set a second figure against the first: "195 services en grève, contre 220 selon le collectif".
_CONTRASTING = frozenset({"contre", "et", "mais", "voire", "ou", "versus", "against", "and", "but", "or"})


def counter_figure(marker: Token) -> bool:
    """"195 services en grève, 220 d'après le collectif", "4.500 manifestants, contre 6.000 selon les
    organisateurs": a source right after a figure that opens a phrase of its own after a comma, with no verb,
    set against a figure before it in the sentence, gives the source of that count alone, not of the sentence:
    it stays with the count (without it the text states a bare number, or the other side's figure as fact)."""
    doc = marker.doc
    start = sentence_start(marker)
    comma = next((k for k in range(marker.i - 1, max(start, marker.i - 6) - 1, -1) if doc[k].is_punct), None)
    if comma is None or doc[comma].text != ",":
        return False
    phrase = list(doc[comma + 1 : marker.i])
    if phrase and phrase[0].lower_ in _CONTRASTING:
        phrase = phrase[1:]
    if not phrase or not _figure(phrase[0]) or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return False
    return any(_figure(t) for t in doc[start:comma])


def _figure(tok: Token) -> bool:
    """A number that counts or measures: not a date's, nor "un"/"une" (an article as often)."""
    return (tok.like_num or tok.text[:1].isdigit()) and tok.lower_ not in ("un", "une", "one") and not _in_date(tok)


STRESSED_PRONOUNS = lx.SOURCE_PRONOUNS_FR
