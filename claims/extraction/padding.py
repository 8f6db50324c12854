"""The words a claim's text leaves out around its statement: leading and inner connectives ("Par ailleurs,",
"a ainsi donné"), leading phrases that only set the scene ("Alors qu'il rentrait chez lui,"), asides that add
to a noun without restricting it (", qui ..."), a frame before a colon that only announces ("Le constat est
sans appel :"), and whether a bracket stands inside a quotation (condense drops the others). What goes
carries no fact of the claim."""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Span, Token

from claims.extraction import faithful
from claims.extraction import lexicon as lx
from claims.extraction.attribution import quoted
from claims.extraction.clauses import finite
from claims.extraction.doccache import column, morph_values, sentence_end
from claims.extraction.features import is_year
from claims.extraction.pronouns import _REFERRING_CE, doubles_subject, taken_up

# Words that date an event: a leading phrase holding one is part of the fact ("Samedi soir, ...").
_WHEN = lx.WHEN_WORDS
# How a leading phrase hangs on the main verb when it only sets the scene: "Alors qu'il se promenait,",
# "Pour désengorger les transports,", "Comme à son habitude,".
_SETTING_DEPS = frozenset({"advcl", "advmod", "obl", "obl:mod", "obl:arg", "nmod", "prep", "npadvmod"})
# The openers of a phrase that only sets the scene: a purpose ("Pour désengorger les transports,"), a
# background ("Alors que le gouvernement appelle à ...,"), a habit ("Comme chaque année,"), an
# interview ("Interrogé par nos confrères,"). Not a condition ("Lorsque vous gérez une commune,"), a
# reason ("Comme je suis malade,"), a concession ("Malgré l'interdiction,"), a point of view
# ("Pour le maire,", "Pour moi,"): those are part of what is claimed.
_BACKGROUND = frozenset({"alors", "tandis", "while", "whereas"})
_INTERVIEWED = lx.INTERVIEWED


def _past(verb: Token) -> bool:
    """The main verb tells what was done: a past tense, or a participle with its auxiliary."""
    if verb.morph.get("Tense") and set(verb.morph.get("Tense")) & {"Past", "Imp"} and (
            "Fin" in morph_values(verb, "VerbForm") or any(c.dep_ in ("aux", "aux:tense") for c in verb.children)):
        return True
    return verb.tag_ in ("VBD", "VBN")


def _sets_the_scene(phrase: list[Token]) -> bool:
    first = phrase[0]
    nxt = phrase[1] if len(phrase) > 1 else None
    low = first.lower_
    if low in _BACKGROUND:
        return True
    if low in ("pour", "afin", "to"):
        if nxt is not None and nxt.lower_ == "rappel":
            return True
        # A purpose (an infinitive follows) behind something done: "Pour faire reculer le gouvernement, ils
        # ont décidé ...". Before a rule or an instruction it is the condition ("Pour en bénéficier, il
        # suffit de ...").
        verb = next((t for t in phrase[1:4] if t.pos_ in ("VERB", "AUX")), None)
        return verb is not None and "Inf" in morph_values(verb, "VerbForm") and _past(phrase[0].sent.root)
    if low == "comme":
        return not finite(phrase)
    return low.startswith(_INTERVIEWED)


def _without_leading_setting(kept: list[Token], span: Span, factual: Callable[[list[Token]], bool]) -> list[Token]:
    """Leading phrases before the main clause that only set the scene ("Alors qu'il rentrait chez lui, ",
    "Comme à son habitude, ") go, one after the other: each ends at a comma, hangs on the main verb,
    which comes after it, and holds no number, name, negation or date. What stays starts the claim."""
    root = span.root
    while len(kept) > 4:
        comma = next((k for k, t in enumerate(kept[:25]) if t.text == ","), None)
        if comma is None or comma == 0 or root.i <= kept[comma].i:
            break
        phrase = kept[:comma]
        heads = [t for t in phrase if t.head.i not in {x.i for x in phrase} or t.head == t]
        if len(heads) != 1 or heads[0].head != root or heads[0].dep_ not in _SETTING_DEPS:
            break
        if heads[0].right_edge.i > kept[comma].i or _list_goes_on(phrase, kept[comma + 1 :]):
            # the phrase goes on past its first comma, a list of what it says ("Tandis que les élus débattent des
            # impôts, des écoles, des routes, le maire ..."): cut there, the claim would open on the list's tail
            break
        if not _sets_the_scene(phrase):
            break
        if factual(phrase) or any(t.lower_ in _WHEN for t in phrase) or '"' in {t.text for t in phrase}:
            break
        rest = kept[comma + 1 :]
        if not finite(rest) or not any(t.dep_.startswith("nsubj") for t in rest):
            break
        kept = rest
    return kept


def _list_goes_on(phrase: list[Token], rest: list[Token]) -> bool:
    """Whether the words after a phrase's first comma go on with a list its last noun opened: "sur les salaires,
    les horaires, les primes, bref ..." (the parser often takes the second item for the main clause's subject).
    A noun, then a determiner and a noun (with adjectives) that a comma or a conjunction follows."""
    if not phrase or phrase[-1].pos_ != "NOUN" or len(rest) < 3 or rest[0].pos_ != "DET" or rest[1].pos_ != "NOUN":
        return False
    k = 2
    while k < len(rest) and rest[k].pos_ == "ADJ":
        k += 1
    return k < len(rest) and (rest[k].text == "," or rest[k].pos_ == "CCONJ")


# The words that open a relative clause which adds to a noun rather than picks it out: after a comma,
# "..., qui ...", "..., dont ...", "..., où ...".
_RELATIVE_OPENERS = frozenset({"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "who", "which",
                               "whose", "where"})
# Heads of the predicate that may follow an aside closed by a comma ("Le coût, partagé entre l'État et
# l'Unédic, sera ..."): the sentence goes on with its own verb, not with another item of a list.
_PREDICATE_DEPS = frozenset({"cop", "aux", "aux:tense", "aux:pass", "advmod", "ROOT"})
# The clitic pronouns a predicate may open with ("Cléo, qui ..., s'est exprimée", "..., l'a confirmé"): they
# hang on the main verb before it, as its auxiliary does.
_CLITIC_DEPS = frozenset({"expl:comp", "expl:pass", "expl:pv", "obj", "iobj", "obl:arg"})


# The relations of the heads _aside_kind accepts.
_ASIDE_DEPS = frozenset({"acl:relcl", "acl", "advcl", "appos", "obj", "obl", "obl:mod", "nmod"})


def _aside_kind(head: Token) -> bool:
    """Whether a phrase headed here adds to what the sentence says without being part of its statement:
    a non-restrictive relative clause ("Edward Snowden, le lanceur d'alerte qui dévoila ..." -> ", qui
    ..."), a past participle phrase after a comma ("Le coût, partagé entre l'État et l'Unédic, sera"),
    a background clause ("..., alors qu'il s'agit de l'une des plus grosses journées") or a description
    in apposition to a name ("Sébastien Belanger, un expatrié de 36 ans,")."""
    if head.dep_ not in _ASIDE_DEPS:
        return False  # (before the phrase's first word is looked for: it runs for every word of a claim)
    first = head.doc[head.left_edge.i]
    if head.dep_ == "acl:relcl":
        return first.lower_ in _RELATIVE_OPENERS and head.head.i < first.i
    if head.dep_ == "acl":
        return first == head and "Part" in morph_values(head, "VerbForm") and "Past" in morph_values(head, "Tense") and (
            head.head.i < first.i)
    if head.dep_ == "advcl":
        return first.lower_ in ("alors", "tandis", "whereas")
    if head.dep_ in ("appos", "obj", "obl", "obl:mod", "nmod") and head.pos_ == "NOUN" and first.pos_ == "DET":
        # A description after a name and a comma, to the end of the sentence: the parser often hangs it on
        # the verb ("avec Edward Snowden, le lanceur d'alerte qui ..." read as a second object).
        before = head.doc[first.i - 2] if first.i >= 2 else None
        named = before is not None and (before.ent_type_ in ("PER", "PERSON", "ORG") or before.pos_ == "PROPN")
        listed = any(c.dep_ == "cc" or c.dep_ == "conj" for c in head.children)
        return named and not listed and head.head.i < first.i and (
            head.dep_ == "appos" or head.right_edge.i + 1 >= sentence_end(head) - 1)
    return False


def _asides(kept: list[Token], span: Span, figures: list[tuple[int, int]]) -> set[int]:
    """The tokens of the asides a claim's text leaves out (_aside_kind), each set off by a comma and either
    ending the sentence or closed by a comma the sentence's own predicate follows. The statement without
    them is still what the article says (an aside adds to a noun, it does not restrict it): "Jean-Michel
    Jarre a enregistré un morceau avec Edward Snowden" is true whatever the relative clause after the name
    adds. Never an aside with a figure, a negation, a quotation or brackets (those stay part of the
    claim: a fact-checker checks the figure), nor one the statement's subject or verb is in."""
    doc = span.doc
    at = {t.i for t in kept}
    if not at:
        return set()
    punct = column(doc, "is_punct")
    last = max((i for i in at if not punct[i]), default=-1)
    root = span.root
    out: set[int] = set()
    dep_of = column(doc, "dep_")  # _aside_kind's first test, without a call per word
    for head in kept:
        i = head.i
        if i in out or dep_of[i] not in _ASIDE_DEPS or not _aside_kind(head):
            continue
        first, end = head.left_edge.i, head.right_edge.i
        if first < 1 or doc[first - 1].text != "," or not all(i in at for i in range(first, end + 1)):
            continue
        phrase = doc[first : end + 1]
        if root.i in range(first, end + 1) or any(t.dep_.startswith("nsubj") and t.head == root for t in phrase):
            continue
        if any(t.lower_ in faithful.NEGATIONS or t.text in '"()«»[]' or t.like_num and t.pos_ not in ("DET", "PRON") and not is_year(t.text)
                for t in phrase) or any(
                s < phrase.end_char and e > phrase.start_char for s, e in figures):
            continue
        if quoted(phrase[0], span) or not _adds_only(head, phrase):
            continue
        while end > first and doc[end].is_punct and doc[end].text not in ")»\"":
            end -= 1  # the sentence's full stop, which the parser may hang on the aside, stays
        if end >= last:  # the sentence ends with it
            out.update(range(first - 1, end + 1))
            continue
        after = doc[end + 1] if end + 1 < len(doc) else None
        follow = doc[end + 2] if end + 2 < len(doc) else None
        if after is not None and after.text == "," and follow is not None and follow.i in at and (
                follow == root or follow.head == root and (follow.dep_ in _PREDICATE_DEPS or follow.pos_ == "PRON"
                                                           and follow.dep_ in _CLITIC_DEPS and follow.i < root.i)):
            out.update(range(first - 1, end + 2))
    # What stays must still be a statement of its own: not "C'est aussi le cas au Texas", whose aside ("où le
    # nombre de patients hospitalisés augmente") is what it says.
    rest = [t for t in kept if t.i not in out]
    subjects = [c for c in span.root.children if c.dep_.startswith(("nsubj", "expl:subj"))]
    if out and (not finite(rest) or sum(1 for t in rest if t.is_alpha) < 5 or any(
            c.pos_ == "PRON" and c.lower_.replace("\u2019", "'") in _REFERRING_CE for c in subjects)):
        return set()
    return out


def _adds_only(head: Token, phrase: Span) -> bool:
    """Whether leaving the aside out loses nothing that tells what the statement is about. After a name
    ("Meghan Markle, qui a épousé Harry en 2018,", "la DRPP, où travaillait l'assaillant") the name says
    it. After a common noun, an aside with a name or a date may be what picks the thing out ("L'appareil,
    opéré par la Japan Airlines,", "Un décret, publié le 1er février au Journal officiel,"), and a
    participle phrase often is the news itself ("un homme, armé d'une carotte", "deux militaires, tués ce
    matin au Mali"): they stay. A background clause with a name states a fact of its own ("alors que
    Paris plaide pour le préserver"): it stays too."""
    named = any(t.ent_type_ or t.pos_ == "PROPN" for t in phrase)
    if head.dep_ == "advcl":
        return not named
    noun = head.head
    if noun.dep_ == "conj" or any(c.dep_ == "conj" for c in noun.children):
        return False  # an item of a list with its own aside: "X, qui sera dans le Vaucluse, ou Y, qui ..."
    if noun.pos_ == "PROPN" or noun.ent_type_:
        return True
    return head.dep_ != "acl" and not named and not any(t.lower_ in _WHEN or is_year(t.text) for t in phrase)


@functools.lru_cache(maxsize=8)
def _connectives(language: str) -> tuple[tuple[str, str], ...]:
    """The language's leading connectives, longest first, each with the space that follows it at the start
    of a sentence (sorted once: condense runs for every candidate); one that ends on an elided word ("à noter
    qu'") is glued to the next."""
    phrases = (*lx.CONNECTIVES.get(language, ()), *lx.REMINDER_FRAMES.get(language, ()))
    return tuple((c, c if c.endswith("'") else c + " ") for c in sorted(phrases, key=len, reverse=True))


@functools.lru_cache(maxsize=8)
def _connectives_by_start(language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """_connectives by their first two letters, longest first in each group; those shorter than two letters under
    "" (there are none in the lexicons: the key only makes leading_connective exact whatever they hold)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for c, opening in _connectives(language):
        groups.setdefault(c[:2] if len(c) >= 2 else "", []).append((c, opening))
    return {start: tuple(group) for start, group in groups.items()}


def leading_connective(head: str, language: str) -> str | None:
    """The longest connective (_connectives) that `head`, a sentence's first words in lower case, is or opens with.
    A connective the head opens with starts with the head's first two letters: only those are tried (condense
    asks for every candidate, and most heads open with none of the hundreds of connectives)."""
    by_start = _connectives_by_start(language)
    for group in (by_start.get(head[:2], ()), by_start.get("", ())):
        for c, opening in group:
            if head == c or head.startswith(opening):
                return c
    return None


# How many words a leading connective runs to at most: "il convient par ailleurs de rappeler qu'" (_connectives).
_CONNECTIVE_WORDS = 8


_ALSO = frozenset({"aussi", "également"})


@functools.lru_cache(maxsize=8)
def _inner_connective_words(language: str) -> tuple[tuple[str, list[str]], ...]:
    """lexicon.INNER_CONNECTIVES with their words as the tokenizer splits them ("d'ailleurs": "d'", "ailleurs")."""
    return tuple((phrase, phrase.replace("'", "' ").split()) for phrase in lx.INNER_CONNECTIVES.get(language, ()))


def _inner_connectives(kept: list[Token], language: str) -> set[int]:
    """The tokens of connectives (lexicon.INNER_CONNECTIVES) set inside the main clause, with the commas around
    them: between an auxiliary and its verb ("Le tribunal a ainsi donné raison", "Elle s'est par ailleurs dite
    d'accord", "Il a également été député") or between the subject and its verb ("La ville de Saint-Ouen de son
    côté a rassuré", "Le RN, de son côté, veut"). Not "ainsi que", nor "aussi" before an adjective ("aussi
    grand que"): the next word must be the verb; nor "aussi" after "être" ("sont aussi dus à")."""
    words = [t.lower_.replace("\u2019", "'") for t in kept]
    at: dict[str, list[int]] = {}  # word -> where it is in `kept`: a phrase is tried only where its first word is
    for k, word in enumerate(words):
        at.setdefault(word, []).append(k)
    out: set[int] = set()
    for phrase, parts in _inner_connective_words(language):
        n = len(parts)
        for k in at.get(parts[0], ()):
            if not 1 <= k < len(kept) - n or words[k : k + n] != parts or any(
                    t.ent_type_ or t.i in out for t in kept[k : k + n]):
                continue
            before, after = k - 1, k + n
            commas = kept[before].text == "," and kept[after].text == ","
            if commas:
                before, after = before - 1, after + 1
            if before < 0 or after >= len(kept):
                continue
            prev, nxt = kept[before], kept[after]
            while nxt.pos_ == "PRON" and nxt.dep_ in ("expl:comp", "expl:pv", "obj", "iobj") and after + 1 < len(kept):
                after += 1  # "de son côté s'est dit", "a ainsi lui-même"
                nxt = kept[after]
            verb = nxt.pos_ in ("VERB", "AUX") and nxt.lower_ not in ("que", "qu'")
            auxiliary = prev.pos_ == "AUX" or prev.dep_.startswith("aux")  # (the parser tags "a" VERB aux:tense)
            after_aux = auxiliary and finite([prev]) and verb and not finite([nxt])
            # after the clause's own finite verb, before what it governs ("Le groupe prévoyait d'ailleurs de
            # quitter", "Le journal rapporte en effet que"): not "ainsi que" nor "aussi" before an adjective or an
            # adverb ("court aussi vite que")
            after_verb = not auxiliary and prev.pos_ in ("VERB", "AUX") and finite([prev]) and not finite([nxt]) and (
                kept[k + n - 1].head == prev) and not (phrase == "ainsi" and nxt.lower_ in ("que", "qu'")) and not (
                phrase in _ALSO and nxt.pos_ in ("ADJ", "ADV")) and not nxt.is_punct
            after_subject = verb and finite([nxt]) and any(
                s.dep_.startswith("nsubj") and s.right_edge.i in (prev.i, kept[k + n - 1].i) and s.head in (nxt, nxt.head)
                for s in kept[: before + 1])  # (the parser may hang the connective on the subject: "ville ... côté")
            if phrase in _ALSO and prev.lower_ in lx.ETRE_FORMS and nxt.lower_ not in lx.ETRE_FORMS:
                continue  # "sont aussi dus à une hausse des prix": one cause of several, not the only one
            if after_aux or after_subject or after_verb:
                out.update(t.i for t in kept[k - commas : k + n + commas])
    return out


def _doubling_pronouns(kept: list[Token]) -> set[int]:
    """The stressed pronouns that only take up the subject before them (pronouns.doubles_subject), with their
    commas: "Les démissions, elles, ont grimpé de 24 %" -> "Les démissions ont grimpé de 24 %"."""
    at = {t.i for t in kept}
    out: set[int] = set()
    for t in kept:
        if doubles_subject(t) and not quoted(t, t.sent) and {t.i - 1, t.i + 1} <= at:
            # the comma before it closes an aside of the subject ("Paul Roux, 73 ans, lui, a ..."): it stays
            head = taken_up(t)
            aside = head != t and any(x.text == "," for x in t.doc[head.left_edge.i : t.i - 1])
            out.update((t.i, t.i + 1) if aside else (t.i - 1, t.i, t.i + 1))
    return out


def _colon_frame(tokens: list[Token], facts: list[tuple[int, int]]) -> list[int]:
    """The words of a frame before a colon that only announce the statement after it: "Le constat est sans
    appel : le chômage a augmenté de 3 %", "C'est officiel : ...", "Il n'y a pas de place pour le doute : ...",
    "Résultat : ...". A frame is short, names, counts and dates nothing, and states nothing of its own: no
    verb but a copula or "il y a" (no speech verb: "Le ministre a prévenu :" is an attribution), and no
    subject but "ce" or a word that announces (lexicon.FRAME_SUBJECTS): "Les premières
    descriptions du mésentère ne sont pas récentes : ..." is a statement. What follows the colon is one, a
    subject first and its finite verb ("Parmi les situations délicates : Aix, où la députée affronte ..."
    announces a list). The indices of the frame and its colon, or none."""
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon == 0:
        return []
    frame, tail = tokens[:colon], tokens[colon + 1 :]
    words = [t for t in frame if t.is_alpha]
    if not 1 <= len(words) <= _FRAME_WORDS or len([t for t in tail if t.is_alpha]) < 4:
        return []
    if tail[0].text in lx.QUOTE_MARKS or any(t.text in lx.QUOTE_MARKS for t in frame):
        return []
    for t in frame:
        if t.like_num or t.pos_ == "PROPN" or t.ent_type_ or t.lower_ in _WHEN or any(s <= t.idx < e for s, e in facts):
            return []
        if t.pos_ == "VERB" and not (t.lower_ in ("a", "avait", "aura") and t.i > 0 and t.doc[t.i - 1].lower_ == "y"):
            return []
        if t.dep_.startswith("nsubj") and t.lower_ not in lx.FRAME_SUBJECTS:
            return []
    at = {t.i for t in tail}
    # the statement opens on its subject: "le chômage a augmenté", not "Aix-en-Provence, où la députée ..."
    if not any(t.dep_.startswith("nsubj") and t.head.i in at and t.head.dep_ not in ("acl:relcl", "acl")
               and t.left_edge.i == tail[0].i for t in tail) or not finite(tail):
        return []
    return [t.i for t in tokens[: colon + 1]]


_FRAME_WORDS = 10


def _quoted_at(text_of: list[str], start: int, i: int) -> bool:
    """Whether token i lies inside quotation marks opened since `start`: brackets there are the writer's
    insertion into the speaker's words, « ce n'est pas à (lui) de juger », which the sentence needs (not a cut,
    "(...)", which has no word). By parity, unlike quotations.quoted, which asks whether the last mark is glued
    to the word after it: a « the normaliser made straight keeps its space ('qu'" il n'est pas à (lui)')."""
    depth, straight = 0, False
    for text in text_of[start:i]:
        if text in ("«", "“"):
            depth += 1
        elif text in ("»", "”"):
            depth = max(0, depth - 1)
        elif text == '"':
            straight = not straight
    return depth > 0 or straight
