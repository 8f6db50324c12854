"""Normalisation with an offset map back to the original text.

The parser sees a cleaned copy of the article (ASCII apostrophes and quotes, plain spaces, a space
between paragraphs glued together, one copy of a post pasted several times), but every claim quotes the original text exactly: each
character of the cleaned copy remembers the span of the original it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claims.extraction import lexicon as lx
from claims.extraction.segment import READ_ON

# fr_core_news_* tag "n’", "s’", "L’" as entities when the apostrophe is U+2019 (DESIGN.md §10).
_CHAR_MAP = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "\u00b4": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ",
    "\u2003": " ", "\u3000": " ", "\t": " ", "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-",  # (the minus sign: "−12 °C")
}
# Styled letters and digits ("𝗩𝗔𝗖𝗖𝗜𝗡", "𝘪𝘭 𝘦𝘴𝘵", "ＣＯＶＩＤ"): posts write bold, italic or full-width text with
# the mathematical alphanumerics and the full-width forms, which the tokenizer does not read as French words.
# Each is one plain letter or digit (NFKC), one character for one.
STYLED = {chr(c): plain for c in [*range(0x1D400, 0x1D800), *range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                  *range(0xFF41, 0xFF5B)]
          if len(plain := unicodedata.normalize("NFKC", chr(c))) == 1 and plain.isalnum() and plain.isascii()}
_CHAR_MAP.update(STYLED)
# (by the ranges they lie in: a class listing each of them made the search some 40 times slower)
_STYLED_CHARS = re.compile("[\U0001D400-\U0001D7FF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]")
_PLAIN = str.maketrans(STYLED)


def plain_letters(text: str) -> str:
    """A text's styled letters and digits as plain ones, accents composed ("𝗠𝗲𝘀𝘀𝗶" -> "Messi", "𝗲́" -> "é");
    the text itself when it has none. What readable() writes and what the faithfulness check compares."""
    return unicodedata.normalize("NFC", text.translate(_PLAIN)) if _STYLED_CHARS.search(text) else text
# Invisible characters that only confuse the tokenizer.
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\r")
# "... rejeté cette idée(/BOLD]. La hausse": a formatting mark of the site's editor left in the copied text
# (bold or italic, opening or closing, in any bracket) is no word of the article: it is dropped.
_FORMATTING_MARK = re.compile(r"[\[(<]/?(?:BOLD|ITALIC|ITAL|GRAS|STRONG)[\])>]")


def _only_before(chars: str, pattern: str) -> re.Pattern[str]:
    """`pattern`, which can only match where the text goes on with one of `chars` (a character class):
    the regexes below start with lookbehinds, which the regex engine would try at every character of
    the article; tested first, the next character lets it skip the other places at once."""
    return re.compile(f"(?={chars})(?:{pattern})")


# "domestique.Consternant", "du Monde.L'habillement": a sentence end glued to the next paragraph's first word
# (an elided one too); also before the "M." of a name ("en 2016.M. Jung, 31 ans"), and after a figure's
# currency sign ("au prix de 6 000 €.La Polestar 2").
_GLUED = _only_before(
    "[.!?…]",
    r"(?:(?<=[a-zà-öø-ÿ0-9)\"'»%]{2})|(?<=[A-ZÀ-Þ]{2})|(?<=\s\d)|(?<=°C)|(?<=\w\))|(?<=[€$£]\))|(?<=\d[€$£])|(?<=\d [€$£])"
    r"|(?<=\d [A-Za-z]{2})|(?<=\d [A-Za-z]{3}))([.!?…])"  # after a unit in mixed case: "un chargeur de 150 kW.Les"
    r"(?=\"?[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]|'[A-Za-zÀ-ÖØ-öø-ÿ])|M\. [A-ZÀ-Þ])"
)
# "Pourquoi de telles fuites ?Le gouvernement", "il s'est invité !Contactés par": a question or an exclamation in
# French spacing (a space before its mark) glued to the next sentence, often an intertitle run into the text.
_GLUED_SPACED = _only_before("[!?…]", r"(?<=[a-zà-öø-ÿ]{2} )([!?…])(?=\"?[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]|'[A-Za-zÀ-ÖØ-öø-ÿ]))")
# "à partir du 2 août.10 à 12 millions de visiteurs", "selon Philippe.72% des sondés": a sentence end glued to
# a figure that opens the next one (a decimal has a digit before its point, a domain name letters after);
# also after a short capitalised word, a name's end ("a martelé Paul Roy.121 communes ont voté").
_GLUED_FIGURE = re.compile(r"(?:(?<=[a-zà-öø-ÿ]{4})|(?<=[\s(][A-ZÀ-Þ][a-zà-öø-ÿ]{2}))([.!?…])(?=\d+(?:[.,]\d+)?(?:[\s%]|$))")
# "condamné en 2011.50 000 euros de dommages": a year ending a sentence glued to a figure grouped in thousands
# opening the next one (a decimal point is never followed by a group of thousands).
_GLUED_YEAR = re.compile(r"(?<=\s(?:1[89]|20)\d\d)(\.)(?=\d{1,3}(?: \d{3})+(?!\d))")
# The words a sentence run into a heading opens on ("FranceSamedi, la cinquième journée", "du busJeudi 20 septembre").
_OPENERS_AFTER_HEADING = (
    r"(?:Mais|Ainsi|Se|Ne|Cet|Lundi|"
    r"Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Tous|Toutes|Tout|Toute|Aucun|Aucune|Ici|Près|Plus|Le|La|Les|L'|"
    r"Un|Une|Des|Il|Elle|Ils|Elles|Ce|Cette|Ces|Pour|Dans|En|Au|Aux|"
    r"Selon|Si|Depuis|Après|Avant|Lors|Alors|Sur|Par|Pendant|Avec|Quant|Et|De|Du|On|Nous|Je|C'|Cela|Parmi|"
    r"Face|Entre|Comme|Malgré|Outre|À|A|Jusqu'|Dès|Plusieurs|Certains|Certaines|Chaque|Son|Sa|Ses|Leur|Leurs|"
    r"Deux|Trois|Quatre|Cinq|Six|Sept|Huit|Neuf|Dix|Vingt|Cent|Mille|S'|Qu'|Lorsqu'|Puisqu'|Sans|Puis|Autre|Autres|"
    r"Né|Née|Nés|Nées|Voici|Voilà)"
    r"(?:\s|,|'|(?<='))"
)
# "prend les devantsMais cet événement", "dans l'AinCe mardi", "du busJeudi 20 septembre", "toute la
# FranceSamedi, la cinquième journée": a heading glued to the next sentence's first word (after three
# lower-case letters, or a capital and two). The heading gets its own line, so segmentation reports it as a
# heading instead of a claim.
_GLUED_HEADING = _only_before(
    r"[A-ZÀ-Þ \d►▶■▪•]",  # (what every place below is followed by)
    r"(?:(?<=[a-zà-öø-ÿ]{3})|(?<=[A-ZÀ-Þ][a-zà-öø-ÿ]{2})|(?<=\d)|(?<=[a-zà-öø-ÿ]\)))(?=" + _OPENERS_AFTER_HEADING + ")|"
    # a rubric bullet glued after a sentence end ("inégalé depuis.► Mitterrand et Chirac ...")
    r"(?<=[.!?…\"])(?= ?[►▶■▪•])"
    # a live blog's time stamp after a sentence end ("Harris Interactive.17h : Le taux de participation")
    r"|(?<=[.!?…\"])(?= ?\d{1,2}h\d{0,2} ?: ?[A-ZÀ-Þ])"
    # any capitalised word after six lower-case letters ("gouvernementPerpétuelle"; brand names such as
    # "iPhone", "YouTube" or "McDonald" have fewer, and "OpinionWay" is one capitalised word: _camel_case_name)
    r"|(?<=[a-zà-öø-ÿ]{6})(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})"
    # a person's full name after a short lower-case word ("a rencontré des psysFrédéric Lopez compte bien"): a
    # word that starts lower-case, unlike a brand's ("eBay", "iPhone" have one letter before their capital)
    r"|(?:(?<=[\s(\"'«][a-zà-öø-ÿ]{3})|(?<=[\s(\"'«][a-zà-öø-ÿ]{4})|(?<=[\s(\"'«][a-zà-öø-ÿ]{5}))"
    r"(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,}(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)? [A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2,})"
    # an upper-case heading glued after a sentence end ("s'évader.ELLE N'A PAS LE DROIT ..."), also when the
    # sentence ends on an acronym or a channel's number ("par la SEC.UNE CLAUSE ...", "indique Europe 1.CONTRE ...")
    r"|(?:(?<=[a-zà-öø-ÿ][.!?…])|(?<=[A-ZÀ-Þ]{2}[.!?…])|(?<=\s\d[.!?…]))(?=[A-ZÀ-Þ]{2,}[A-ZÀ-Þ' -]{8,}\b)"
)
# A capitalised word that runs up to a position ("Opinion" of "OpinionWay").
_CAPITALISED_RUN = re.compile(r"(?<!\w)[A-ZÀ-Þ][a-zà-öø-ÿ]+$")
_OPENS_AFTER_HEADING = re.compile(_OPENERS_AFTER_HEADING)
# The second part of a name in camel case: a capital and at most five letters, ending the word ("Way", "Mittal").
_CAMEL_SECOND = re.compile(r"[A-ZÀ-Þ][a-zà-öø-ÿ]{1,5}(?![\w])")


def _camel_case_name(text: str, pos: int) -> bool:
    """"OpinionWay pour les Echos", "ArcelorMittal a annoncé", "le PenelopeGate": a capitalised word running into a
    short second part (six letters at most) is a name written in camel case, not a heading glued to a sentence;
    unless the second part opens a sentence ("toute la FranceSamedi, la cinquième journée") or is a longer word
    ("François MitterrandEnquêteur chevronné, ...": a heading, then a sentence)."""
    return _CAMEL_SECOND.match(text, pos) is not None and _OPENS_AFTER_HEADING.match(text, pos) is None \
        and _CAPITALISED_RUN.search(text, max(0, pos - 40), pos) is not None


# "réduite.- Ecoles -Sur le chantier", "du monde.- 'Mort-né' -A Washington": a wire copy's intertitle between
# dashes, run into the sentences around it when its line breaks were lost. It gets a paragraph of its own,
# so segmentation reports it as a heading instead of gluing it to the next claim.
_DASH_HEADING = re.compile(
    r"(?<=[.!?…\"]) ?(- ?[A-ZÀ-Þ\"'](?:[^.!?\n\-]|(?<=\w)-(?=\w)){2,60}?(?: |(?<=[\"']))-) ?(?=[\"A-ZÀ-Þ])"
)
# "... sur indication du tueur.eva-edy-zl-chd-lv-jpa/rl/cbn": a news agency's desk slug (the initials of the
# dispatch's writers and editors, hyphens then slashes) glued to or after the last sentence of a paragraph. It
# gets a paragraph of its own, like a credit: the sentence ends at its full stop.
_AGENCY_SLUG = re.compile(r"(?<=[.!?…\"»)])\s?([a-z]{2,4}(?:-[a-z]{2,4}){1,9}/[a-z]{2,4}(?:/[a-z]{2,4}){0,6})[ \t]*$",
                          re.MULTILINE)
# "... ont été mis en examen. Pourquoi X était-il sur écoute ? Spectaculaire pour un ancien chef de l'Etat, cette
# mesure avait été prise par les juges… Lire la suite sur LesEchos": the sentence an ellipsis cuts before a link to
# the rest of another article gets a paragraph of its own (segment reads it as a teaser): it starts after the last
# sentence end before the ellipsis, on that line.
_SENTENCE_STOP = re.compile(r"[.!?…][\"»)]?\s*(?=[\"«]?[A-ZÀ-Þ])")


def _read_on_teasers(text: str) -> list[int]:
    """Where each sentence cut before a link to the rest of another article starts (segment.READ_ON)."""
    out = []
    for m in READ_ON.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        stops = list(_SENTENCE_STOP.finditer(text, line_start, m.start()))
        if stops and stops[-1].end() < m.start():
            out.append(stops[-1].end())
    return out


# "Comment faire pour voyager?par BFMTVL'Élysée comme Matignon ...": a video teaser's credit glued between
# its title and the next sentence. It gets a paragraph of its own (a byline).
_VIDEO_CREDIT = re.compile(
    r"(?<=[a-zà-öø-ÿ?!])(par [A-Z0-9]{2,}?(?: \d{1,3})?)(?=[A-ZÀ-Þ](?:[a-zà-ÿ]|')|\s|$)"
)
# The same credit in other forms: a medium's name in any case ("?par franceinfoCe jour-là", "Brexitpar
# euronews (en français)Les fuites", "(vidéo)par Non Stop Zapping En plus d'être"). "par" glued to the word
# before it is the teaser's; the credit ends where the next sentence is glued to it, at a quotation mark, or,
# after a title's "?", "!" or ")", before the capitalised word that a lower-case one follows.
_CREDIT_OPENING = re.compile(r"(?<=[a-zà-öø-ÿ0-9?!)\"»])par (?=[\w(])")
_CREDIT_GLUE = re.compile(r"(?<=[a-zà-öø-ÿ).])(?=[A-ZÀ-Þ])|(?=[\"«•])|(?<=\))(?= [A-ZÀ-Þ])")  # "(en français) Un"


def _video_credits(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each teaser credit "par <medium>" glued into the text: the upper-case ones
    (_VIDEO_CREDIT, "par FRANCE 24La"), then the others at the places those leave."""
    out = [(m.start(1), m.end(1)) for m in _VIDEO_CREDIT.finditer(text)]
    known = {start for start, _ in out}
    for m in _CREDIT_OPENING.finditer(text):
        if m.start() in known:
            continue
        before = text[m.start() - 1]
        if before == '"' and (m.start() < 2 or text[m.start() - 2].isspace()):
            continue  # a quotation opens with it: ' "par sécurité"'
        name_at = m.end()
        glue = _CREDIT_GLUE.search(text, name_at, min(len(text), name_at + 40))
        if glue is not None and glue.start() > name_at and "\n" not in text[name_at : glue.start()] and (
                text[name_at : glue.start()].count(" ") <= 4):
            out.append((m.start(), glue.start()))
            continue
        if before not in "?!)\"»":
            continue
        # Capitalised words up to the first lower-case one; the last of them opens the sentence.
        words = []
        for word in re.finditer(r"\S+", text[name_at : name_at + 60]):
            if not (word.group()[0].isupper() or word.group()[0].isdigit()):
                break
            words.append(word)
        if len(words) >= 2:
            out.append((m.start(), name_at + words[-2].end()))
    return out


# '... précises."L'article 2 poursuit', '"c'est lui le chaos"Pour Marine Le Pen': a closing quotation mark
# glued to the next sentence's first word; without a full stop inside it, what it closes is a heading or
# a sentence whose stop was lost, and it ends a paragraph. So does one glued to a one-letter word ('jusqu'ici"A
# l'inverse') or to the next quotation ('restées vaines""Toutes les personnes').
_GLUED_AFTER_QUOTE = re.compile(r'(?<=[\w.!?…)]")(?=[A-ZÀ-Þ][a-zà-ÿ\']|[A-ZÀ-Þ]\'|[AÀ] [a-zà-ÿ]|"[A-ZÀ-Þ])')
# "LES ALLOCATIONS DÉJÀ SUSPENDUES Depuis début 2015": an upper-case heading run into a sentence. The heading
# may quote ('"UN PASSAGE EN FORCE" Les députés', 'PARIS "SE TAIT" L'opposition') and the sentence open on an
# elided word ("PAS DE DÉROGATION POUR LES ÉCOLES L'agence") or a quotation ('"UN COUP BAS" "Le maire a').
_CAPS_HEADING = _only_before(
    '["A-ZÀ-Þ]',
    r"\"?(?:\b[A-ZÀ-Þ][A-ZÀ-Þ'\-]+\b\"?[ ,]+\"?(?:[AÀ] )?){2,}[A-ZÀ-Þ][A-ZÀ-Þ'\-]+\b\"?"
    r"(?=( )(?:[A-ZÀ-Þ][a-zà-ÿ]|(?:[LDJSC]|Qu)'[a-zà-ÿ]|\"[A-ZÀ-Þ][a-zà-ÿ]))|"
    r"(?<=[A-ZÀ-Þ]{4})(?=[A-ZÀ-Þ][a-zà-ÿ]{2,}\b)|"
    # "?par BFMTVLa perte d'odorat", "SUR LA CSGLe chef de l'État": a two-letter
    # opener after an upper-case run
    r"(?<=[A-ZÀ-Þ]{3})(?=(?:La|Le|Il|Un|En|On) [a-zà-ÿ])|"
    # "UNE INTERVENTION CONTESTÉEL'affaire", "LES ADMISSIONS POST-BACL'épreuve": the next sentence's elided article
    r"(?<=[A-ZÀ-Þ]{3})(?=[LDJ]'[a-zà-ÿ]{2,})"
)
# "... sortie. 21 enfants et 5 adultes retrouvés morts Les cris d'une femme retentissent.": an
# intertitle in sentence case whose line break was lost. It opens after a sentence end or a bullet,
# holds one to twelve words with no punctuation but commas and ends on a lower-case word; the next sentence opens on
# a capitalised function word followed by a lower-case word (so "selon Le Parisien", "Marine Le Pen"
# and "les députés En Marche" stay whole).
# A number word opens the sentence after the heading ("... placés en isolement Quatorze jours, c'est ...").
_NUMBER_OPENERS = "|".join(sorted((w.capitalize() for w in lx.NUMBER_WORDS["fr"] if len(w) > 3), key=len, reverse=True))
# Words that open a sentence on a circumstance, a connective or a quantifier ("Affluence en hausse Jeudi 4 mai, la
# préfecture ...", "Loin d'être élu Car s'il ...", "Le promoteur admet son retard Dès le 3 juin"). Not "En": "les
# députés En marche".
_ADVERBIAL_OPENERS = "|".join((
    "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche", "Hier", "Demain", "Ici", "Dès", "Avec",
    "Avant", "Entre", "Pendant", "Durant", "Malgré", "Outre", "Sous", "Vers", "Près", "Contre", "Quant", "Car",
    "Alors", "Pourtant", "Ainsi", "Enfin", "Désormais", "Cependant", "Toutefois", "Néanmoins", "Or", "Puis",
    "Ensuite", "Comme", "Quand", "Lorsque", "Jamais", "Plus", "Seul", "Seule", "Seuls", "Seules", "Chaque", "Tout",
    "Tous", "Toutes", "Cet", "Autre", "Certains", "Certaines", "Plusieurs", "Aucun", "Aucune", "Résultat", "Grand",
    "Grande",
))
# How the sentence after an intertitle opens: a capitalised function word followed by a lower-case word (so
# "selon Le Parisien", "Marine Le Pen" and "les députés En Marche" stay whole), or an elided one.
_SENTENCE_OPENER = (
    r"(?P<next>(?:Le|La|Les|Un|Une|Des|Il|Elle|Ils|Elles|Ce|Cette|Ces|Pour|Dans|Mais|Selon|Depuis|Sur|Lors"
    r"|Après|Au|Aux|Si|On|Cela|Parmi|Face|Son|Sa|Ses|Leur|Leurs|" + _ADVERBIAL_OPENERS + "|" + _NUMBER_OPENERS
    + r")(?= [a-zà-ÿ0-9])"
    r"|(?:D|L|C|Qu|S)'(?=[a-zà-ÿ]))"
)
_SPACED_HEADING = _only_before(
    '"?[A-ZÀ-Þ0-9]',  # (how the heading's run starts)
    r"(?:(?<=[.!?…])|(?<=[.!?…]\")|(?<=[.!?…] )|(?<=[.!?…]\" )|(?<=\n)|(?<=[•►▶■▪-] )|^)"
    # the heading's last word: lower case, or a name after an elided article ("originaire de l'Oise")
    # (a heading may quote: '"Débile profond" Des propos', 'de liste "gilets jaunes" Le 3 mars')
    # (or hold a comma: "Poignardé, il a marché Le média ...", "La garde, un vrai casse-tête Le président ...")
    # (or end on a figure: "Suspendu depuis 2019 L'entraîneur est accusé ...")
    r"(?P<run>\"?[A-ZÀ-Þ0-9][^\s.!?,;:()]*(?:,? [^\s.!?,;:()]+){0,11}?) (?P<last>\"?[a-zà-ÿ][a-zà-ÿ'\-]+\"?"
    r"|[ld]'[A-ZÀ-Þ][a-zà-ÿ\-]+|\d+)"
    r"(?P<gap> )" + _SENTENCE_OPENER
)
# The same intertitle glued to the sentence end before it ("secteur privé.Ne plus \"tout décider depuis Paris\" Après
# avoir ..."): the lost line break shows, so its last word may be a name.
_GLUED_NAMED_HEADING = _only_before(
    "[A-ZÀ-Þ]",
    r"(?<=[a-zà-öø-ÿ)][.!?…])(?P<run>[A-ZÀ-Þ][^\s.!?,;:()]*(?: [^\s.!?,;:()]+){0,8}?) "
    r"(?P<last>\"?[A-ZÀ-Þ][a-zà-ÿ\-]+\"?)(?P<gap> )" + _SENTENCE_OPENER
)
# A title of a work or a show opens on a capital after these words ("le livre La peur", "l'émission
# baptisée Sur le vif").
_TITLE_BEFORE = frozenset({
    "livre", "livres", "ouvrage", "roman", "film", "films", "émission", "série", "album", "chanson", "titre",
    "spectacle", "documentaire", "pièce", "magazine", "journal", "quotidien", "hebdomadaire", "baptisé",
    "baptisée", "intitulé", "intitulée", "nommé", "nommée", "appelé", "appelée", "dans", "de", "du", "des",
    "le", "la", "les", "en", "à", "et", "ou", "que", "qui",
})


def _outside_quotes(text: str, pos: int) -> bool:
    """Whether every quotation opened before `pos` is closed there (an even number of '"' before it)."""
    return text.count('"', 0, pos) % 2 == 0


def _spaced_headings(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each intertitle run into the sentences around it (see _SPACED_HEADING)."""
    found = [m for m in _SPACED_HEADING.finditer(text) if m.group("last").strip('"').lower() not in _TITLE_BEFORE]
    found += [m for m in _GLUED_NAMED_HEADING.finditer(text) if m.start() not in {f.start() for f in found}]
    return sorted((m.start(), m.start("gap")) for m in found
                  if _outside_quotes(text, m.start())
                  and _outside_quotes(text, m.start("gap")))  # a heading's own quotation is closed in it


@dataclass(frozen=True)
class Normalised:
    text: str
    # For each character of `text`, the [start, end) span of the original it stands for.
    # An inserted character has an empty span at the position it was inserted.
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text to the original text."""
        n = len(self.text)
        start = max(0, min(start, n))
        end = max(start, min(end, n))
        if start == end:
            pos = self.starts[start] if start < n else self.original_length
            return pos, pos
        return self.starts[start], max(self.starts[start], self.ends[end - 1])

    def words_to_original(self, offset: int, starts: list[int], words: list[str]) -> list[tuple[int, int]]:
        """`[to_original(offset + s, offset + s + len(w)) for s, w in zip(starts, words)]`, in one pass: the
        pipeline maps every token of every document back (a method call per token cost more than the mapping)."""
        n, original_length, starts_of, ends_of = len(self.text), self.original_length, self.starts, self.ends
        out = []
        for s, word in zip(starts, words, strict=True):
            start = max(0, min(offset + s, n))
            end = max(start, min(offset + s + len(word), n))
            if start == end:
                pos = starts_of[start] if start < n else original_length
                out.append((pos, pos))
            else:
                out.append((starts_of[start], max(starts_of[start], ends_of[end - 1])))
        return out


def _in_address(text: str, pos: int) -> bool:
    """A dot inside a web or e-mail address ("www.Example.org") is not a sentence end."""
    word_start = max(text.rfind(" ", 0, pos), text.rfind("\n", 0, pos)) + 1
    word = text[word_start:pos].lower()
    return "://" in word or word.startswith("www") or "@" in word


MIN_COPY_CHARS = 20
# What a scraper writes for an empty field ("None" after a post pasted three times).
_NULL_TAIL = frozenset({"", "none", "null", "undefined", "nan"})


# A post's short caption pasted three times before the text of its image ("A réfléchir 🙈 A réfléchir 🙈
# A réfléchir 🙈 Je me demande pourquoi ..."): a unit of 4 to 19 characters (shorter than MIN_COPY_CHARS),
# with a letter.
_SHORT_COPIES = re.compile(r"(?=.{0,19}?[^\W\d_])(\S.{3,18}?)(?:\s*\1){2,}", re.DOTALL)


def _short_copies(text: str, lead: int) -> tuple[int, int] | None:
    """The copies after the first of a short unit pasted three times or more at the start of a text
    that goes on after them, and the scraper's empty-field marker if that is all that follows (alone,
    "Court. Court. Court." may be what the text says)."""
    m = _SHORT_COPIES.match(text, lead)
    tail = text[m.end() :].strip().lower() if m is not None else ""
    if m is None or not tail:
        return None
    first = m.end(1)
    while text[first].isspace():
        first += 1
    return first, len(text) if tail in _NULL_TAIL else m.end()


def repeated_copies(text: str) -> tuple[int, int] | None:
    """The [start, end) span of the copies that follow a text's first copy when the text is the same
    post pasted back to back ("A A A", "A\nA\nA", "A A A None"), else None. The first copy is kept;
    whatever follows the copies stays too, unless it is a scraper's empty-field marker. A unit shorter
    than MIN_COPY_CHARS counts when it comes three times and the text goes on (_short_copies)."""
    lead = len(text) - len(text.lstrip())
    if text[lead : lead + 1] and (short := _short_copies(text, lead)) is not None:
        return short
    probe = text[lead : lead + MIN_COPY_CHARS]
    if len(probe) < MIN_COPY_CHARS:
        return None
    at = text.find(probe, lead + MIN_COPY_CHARS)
    for _ in range(50):  # a bounded number of tries: long articles repeat their first words now and then
        if at == -1:
            break
        unit = text[lead:at]
        end = at
        while text.startswith(unit, end):
            end += len(unit)
        last = end + len(unit.rstrip())
        if text.startswith(unit.rstrip(), end) and (text[last:].strip().lower() in _NULL_TAIL
                                                     or text[last:last + 1] == "\n"):
            end = last  # the last copy without its separator
        if end > at:
            if text[end:].strip().lower() in _NULL_TAIL:
                end = len(text)
            return at, end
        at = text.find(probe, at + 1)
    return None


# Three or more upper-case words in a row: a shouted headline or sentence, not a run of acronyms.
_SHOUTED = re.compile(r"\b[A-ZÀ-Þ][A-ZÀ-Þ0-9'\-]*(?:[ ,:'\-]+[A-ZÀ-Þ][A-ZÀ-Þ0-9'\-]*){2,}\b")


def _lower_run(m: re.Match[str]) -> str:
    run = m.group(0)
    lowered = run[0] + run[1:].lower()
    return lowered if len(lowered) == len(run) else run  # offsets must not move ("İ")


# Emoji, flags, skin tones, dingbats, arrows, their joiners and the placeholder of a pasted image (U+FFFC);
# not the symbols a figure needs ("25 °C").
EMOJI = r"[\U0001F000-\U0001FAFF\u2190-\u21FF\u231A\u231B\u23E9-\u23FA\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200d\u20E3\uFFFC]"
_EMOJI = re.compile(EMOJI)
_AFTER_PICTOGRAPHS = re.compile(r"(?<=[\w.!?…]) *\x00+ *(?=[A-ZÀ-Þ])")
# "... des centaines de milliers d'arbres.  La Chine a conseillé ...": two spaces or more after a full stop
# (typed, or left by a line break); spaCy's parser then runs the two sentences into one. The full stop
# follows two lower-case letters or digits, so "Dr.  Castro" or "M.  Dupont" stays one sentence.
_SPACED_SENTENCE = re.compile(r"  +(?=[\"«]?[A-ZÀ-Þ])")
_SENTENCE_BEFORE = re.compile(r"[a-zà-öø-ÿ0-9]{2}[.!?…]+[\"»)]?$")
# "un chargeur rapide de 150 kW. Des rafales ...": spaCy keeps the full stop on a unit's abbreviation after a
# figure ("kW.", "m.") and the parser then runs the two sentences into one; the next one starts at its capital.
_UNIT_STOP = re.compile(r"(?<=\d )(?:[kMGT]Wh?|[kcm]?m[²³23]?|kg|t|ha|km/h)\. +(?=[\"«]?[A-ZÀ-Þ][a-zà-öø-ÿ])")


def parser_text(text: str) -> tuple[str, list[int]]:
    """The text the parser reads, the same length as `text` (offsets do not move), and the positions
    where a sentence starts after a run of emoji or after a full stop and two spaces (_SPACED_SENTENCE).

    Shouted runs ("LE REMÈDE A ÉTÉ TROUVÉ") are in sentence case: spaCy tags an upper-case sentence as a
    string of proper nouns with no verb. Emoji are blanked: posts use them as bullets and full stops
    ("suisse ⏩C'est en Algérie"), and the parser takes them for words. The claim's text and quote are
    read from the original, in its case."""
    marked = _EMOJI.sub("\x00", _SHOUTED.sub(_lower_run, text))
    starts = [m.end() for m in _AFTER_PICTOGRAPHS.finditer(marked)]
    starts += [m.end() for m in _SPACED_SENTENCE.finditer(text)
               if _SENTENCE_BEFORE.search(text, max(0, m.start() - 8), m.start())]
    starts += [m.end() for m in _UNIT_STOP.finditer(text)]
    return marked.replace("\x00", " "), starts


# _CHAR_MAP, and other control characters (binary junk that slipped through) as spaces: one character
# for one, so offsets do not move.
_TRANSLATE = str.maketrans({**{chr(c): " " for c in range(32) if chr(c) != "\n"}, **_CHAR_MAP})


def normalise(text: str) -> Normalised:
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    copies = repeated_copies(text)
    dropped = [copies] if copies else []
    dropped += [m.span() for m in _FORMATTING_MARK.finditer(text)]
    mapped = text.translate(_TRANSLATE)  # every character maps to one, in one C call
    if not dropped and not any(ch in text for ch in _DROP):
        # Most texts drop nothing.
        out = list(mapped)
        starts = list(range(len(text)))
        ends = list(range(1, len(text) + 1))
    else:
        for i, ch in enumerate(text):
            if ch in _DROP or any(a <= i < b for a, b in dropped):
                continue
            out.append(mapped[i])
            starts.append(i)
            ends.append(i + 1)
    cleaned = "".join(out)
    caps_headings = list(_CAPS_HEADING.finditer(cleaned))
    for m in caps_headings:
        if m.group(1):  # the space after the heading becomes a line break (same length: offsets unchanged)
            out[m.start(1)] = "\n"
            if m.start() >= 2 and cleaned[m.start() - 1] == " " and cleaned[m.start() - 2] in ".!?…":
                out[m.start() - 1] = "\n"  # and the space before it, after a sentence end
    glued_headings = set()
    for start, end in _spaced_headings("".join(out)):
        if start >= 2 and out[start - 1] == " " and out[start - 2] in "•►▶■▪-":
            start -= 2  # the bullet opens the heading's line
        out[end] = "\n"  # the heading gets a line of its own: spaces become line breaks (offsets unchanged)
        if start and out[start - 1] == " ":
            out[start - 1] = "\n"
        elif start:
            glued_headings.add(start)  # "vide.Mise en place ...": a paragraph break is inserted below
    before, cleaned = cleaned, "".join(out)
    if cleaned != before:  # a heading got its line: the upper-case headings are read again on the new text
        caps_headings = list(_CAPS_HEADING.finditer(cleaned))
    inserts = [m.end(1) for m in _GLUED.finditer(cleaned) if not _in_address(cleaned, m.start(1))
               and (cleaned[m.end(1)] != '"' or _outside_quotes(cleaned, m.end(1)))]
    inserts += [m.end(1) for m in _GLUED_FIGURE.finditer(cleaned) if not _in_address(cleaned, m.start(1))]
    inserts += [m.end(1) for m in _GLUED_SPACED.finditer(cleaned) if _outside_quotes(cleaned, m.end(1))]
    inserts += [m.end(1) for m in _GLUED_YEAR.finditer(cleaned)]
    after_quote = [m.start() for m in _GLUED_AFTER_QUOTE.finditer(cleaned) if _outside_quotes(cleaned, m.start())]
    inserts += [pos for pos in after_quote if cleaned[pos - 2] in ".!?…"]
    glued_headings |= {pos for pos in after_quote if cleaned[pos - 2] not in ".!?…"}
    breaks = {m.start() for m in _GLUED_HEADING.finditer(cleaned) if not _camel_case_name(cleaned, m.start())} | {
        m.start() for m in caps_headings if not m.group(1)} | {
        pos for m in _DASH_HEADING.finditer(cleaned) for pos in (m.start(1), m.end(1))} | glued_headings | {
        pos for credit in _video_credits(cleaned) for pos in credit} | {
        m.start(1) for m in _AGENCY_SLUG.finditer(cleaned)} | set(_read_on_teasers(cleaned))
    inserts = sorted(set(inserts) | breaks)
    if inserts:
        chars: list[str] = []
        s2: list[int] = []
        e2: list[int] = []
        prev = 0
        for pos in inserts:
            chars.append(cleaned[prev:pos])
            s2.extend(starts[prev:pos])
            e2.extend(ends[prev:pos])
            # A heading gets a paragraph of its own (a blank line), a glued sentence a space.
            insert = "\n\n" if pos in breaks else " "
            chars.append(insert)
            s2.extend([starts[pos]] * len(insert))
            e2.extend([starts[pos]] * len(insert))
            prev = pos
        chars.append(cleaned[prev:])
        s2.extend(starts[prev:])
        e2.extend(ends[prev:])
        cleaned, starts, ends = "".join(chars), s2, e2
    return Normalised(text=cleaned, starts=tuple(starts), ends=tuple(ends), original_length=len(text))
