"""Word lists per language. Kept apart from the logic so a newsroom can extend them."""

from __future__ import annotations

NUMBER_WORDS = {
    "fr": {
        "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
        "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "dizaine": 10, "douzaine": 12,
        "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "centaine": 100,
        "huitaine": 8, "quinzaine": 15, "soixantaine": 60,
        "centaines": 100, "milliers": 1000, "millier": 1000,
    },
    "en": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
        "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "thousand": 1000, "dozen": 12, "hundreds": 100, "thousands": 1000, "dozens": 12,
    },
}
# A scale and a currency written as one word after the number: "15 M€", "2 Md€", "500 k€".
SCALED_MONEY = {
    "k€": (1e3, "EUR"), "m€": (1e6, "EUR"), "md€": (1e9, "EUR"), "mds€": (1e9, "EUR"), "mrd€": (1e9, "EUR"),
    "k$": (1e3, "USD"), "m$": (1e6, "USD"), "md$": (1e9, "USD"), "mds$": (1e9, "USD"),
}
SCALES = {
    "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
    "trillion": 1e12, "mille": 1e3, "thousand": 1e3, "k": 1e3, "m": 1e6, "md": 1e9, "mds": 1e9, "bn": 1e9,
}
# Words before a number that make it approximate (value, kind).
APPROX = {
    "fr": {
        "près de": "approx", "environ": "approx", "quelque": "approx", "quelques": "approx",
        "presque": "approx", "autour de": "approx", "approximativement": "approx", "plus de": "more_than",
        "moins de": "less_than", "au moins": "at_least", "au plus": "at_most", "jusqu'à": "at_most",
        "plus d'": "more_than", "moins d'": "less_than", "près d'": "approx", "pas moins de": "at_least",
        "quasiment": "approx", "grosso modo": "approx", "une centaine": "approx", "pas moins d'": "at_least",
        "pas plus de": "at_most", "pas plus d'": "at_most", "inférieur à": "less_than", "inférieure à": "less_than",
        "inférieurs à": "less_than", "inférieures à": "less_than", "supérieur à": "more_than",
        "supérieure à": "more_than", "supérieurs à": "more_than", "supérieures à": "more_than",
        "au-delà de": "more_than", "en deçà de": "less_than", "au-dessus de": "more_than", "au-dessous de": "less_than",
    },
    "en": {
        "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx", "roughly": "approx",
        "approximately": "approx", "some": "approx", "more than": "more_than", "over": "more_than",
        "less than": "less_than", "fewer than": "less_than", "under": "less_than", "at least": "at_least",
        "up to": "at_most", "at most": "at_most", "close to": "approx", "an estimated": "approx",
        "no more than": "at_most", "not more than": "at_most", "no less than": "at_least",
        "not less than": "at_least", "no fewer than": "at_least", "below": "less_than", "above": "more_than",
        "greater than": "more_than", "higher than": "more_than", "lower than": "less_than", "in excess of": "more_than",
    },
}
PERCENT_WORDS = {"%", "pour cent", "pourcent", "percent", "per cent"}
# "-1,1 point", "3 points de pourcentage": a difference of percentages is counted in points, not in %.
POINT_WORDS = {"point", "points", "pts", "pt", "percentage point", "percentage points"}
# "livres" alone is any pound (sterling, Egyptian, Lebanese...): only "livres sterling" is GBP.
CURRENCY = {"€": "EUR", "$": "USD", "£": "GBP", "euros": "EUR", "euro": "EUR", "dollars": "USD",
            "dollar": "USD", "livres": "livres", "livres sterling": "GBP", "pounds": "GBP", "francs": "CHF",
            "yuans": "CNY", "roubles": "RUB",
            # A currency named by its country after the word (read before the word alone).
            "dollars canadiens": "CAD", "dollars australiens": "AUD", "dollars américains": "USD",
            "dollars us": "USD", "livres égyptiennes": "EGP", "livres libanaises": "LBP", "livres turques": "TRY",
            "francs suisses": "CHF", "francs cfa": "XOF"}

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "aug.": 8,
    "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}
# The parts of a year named by their rank ("au troisième trimestre 2019", "premier semestre", "the first quarter of
# 2020"): the rank's words, and the months each part lasts. "dernier" is the year's last part.
YEAR_PART_RANKS = {
    "premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2ème": 2, "troisième": 3, "3e": 3, "3ème": 3,
    "quatrième": 4, "4e": 4, "4ème": 4, "dernier": -1,
    "first": 1, "1st": 1, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
}
YEAR_PART_MONTHS = {"trimestre": 3, "semestre": 6, "quarter": 3, "half": 6}
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
# Words that date an event ("Samedi soir", "la veille"), and the nouns of time around them ("cette année",
# "le jour même"): read by rewrite (leading phrases, demonstratives) and attribution (a tail's "when").
WHEN_WORDS = frozenset({*WEEKDAYS, *(m for m in MONTHS if not m.endswith(".")), "hier", "demain", "aujourd'hui",
                        "veille", "lendemain", "matin", "soir", "nuit", "yesterday", "tomorrow", "today", "tonight"})
TIME_NOUNS = frozenset({*WHEN_WORDS, "année", "an", "semaine", "mois", "week-end", "jour", "fois", "saison", "été",
                        "hiver", "printemps", "automne", "après-midi", "matinée", "soirée", "moment", "époque",
                        "year", "week", "month", "weekend", "time", "season", "morning", "evening", "afternoon"})
RELATIVE_DAYS = {
    "hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2, "après-demain": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
}

# The marks that open or close a quotation, as tokens (straight and typographic).
QUOTE_MARKS = frozenset({'"', "«", "»", "\u201c", "\u201d"})

# Verb forms that introduce reported speech (matched on the lower-cased token prefix).
SPEECH_PREFIXES = {
    "fr": ("déclar", "affirm", "assur", "estim", "expliqu", "indiqu", "annonc", "soulign", "ajout", "précis",
           "confi", "rappel", "admet", "admis", "reconn", "avanc", "souten", "soutien", "prévien", "prévenu",
           "martel", "insist", "dénonc", "accus", "promet", "promis", "lanc", "répond", "répét", "jug",
           "confirm", "dit", "dira", "écrit", "racont", "explique", "observ", "commenté", "tranch",
           "regrett", "déplor", "salu", "alert", "averti", "assén", "détaill", "résum", "nuanc", "ironis", "fustig",
           "relat", "rapport", "révél", "relev", "relay", "relai", "témoign", "réag", "signal", "souffl", "gliss", "lâch",
           "poursuiv", "redit", "conclu", "concè", "concéd", "reprend", "s'indign", "s'agac", "s'inquièt", "s'interrog",
           "s'étonn", "s'est dit", "s'est félicit", "se félicit", "s'est réjou", "se réjou", "mis en garde", "note",
           "qualifi", "décri"),
    "en": ("said", "say", "says", "told", "tell", "claim", "stat", "announc", "insist", "argu", "add",
           "explain", "warn", "wrote", "writ", "declar", "assert", "tweet", "confirm", "report", "note",
           "acknowledg", "admit", "deni", "deny", "stress", "emphasi", "recall", "reveal", "conced", "estimat",
           "highlight", "repli", "respond", "comment", "remark", "testifi", "urg"),
}
# The forms of "être" that make a past participle after them a passive or an attribute ("est connu", "soit tranché",
# "a été annoncé") or build a compound tense ("est arrivé").
ETRE_FORMS = frozenset({"est", "sont", "était", "étaient", "sera", "seront", "serait", "seraient", "fut", "furent",
                        "soit", "soient", "été", "être"})
# The one-word prepositions that give a statement's source ("selon la CGT", "d'après l'Insee", "according to").
SOURCE_PREPOSITIONS = frozenset({"selon", "d'après", "according"})
# The stressed pronouns a source is named by ("selon lui", "d'après elles", "according to him") and the subject
# pronoun each stands for.
SOURCE_PRONOUNS_FR = {"lui": "il", "elle": "elle", "eux": "ils", "elles": "elles"}
SOURCE_PRONOUNS = {**SOURCE_PRONOUNS_FR, "him": "he", "her": "she", "them": "they"}
ATTRIBUTION_MARKERS = {
    "fr": ("selon", "d'après", "d'apres", "aux yeux de", "pour reprendre les mots de"),
    "en": ("according to", "as reported by", "in the words of"),
}
# Verbs of belief, by the start of their forms (the parse has no lemmas): what someone "estime", "juge" or
# "pense" is their view, not a fact.
OPINION_VERB_STEMS = ("estim", "jug", "pens", "considér", "considèr", "croi", "croy", "cru", "think", "thought",
                      "believ", "reckon", "consider")
OPINION_MARKERS = {
    "fr": ("je pense", "je crois", "à mon avis", "a mon avis", "selon moi", "il faut", "il faudrait",
           "devrait", "devraient", "j'estime", "nous pensons", "je trouve", "il me semble", "scandaleux",
           "formidable", "magnifique", "honteux", "inadmissible", "malheureusement", "heureusement",
           "sans doute", "peut-être", "semble", "semblent", "a priori", "probablement",
           # Wishes: what the speaker wants, not what is.
           "je souhaite", "nous souhaitons", "j'espère", "nous espérons", "je veux que", "nous voulons que",
           "j'aimerais", "nous aimerions"),
    "en": ("i think", "i believe", "i feel", "in my opinion", "we should", "should", "ought", "i hope",
           "we need", "must", "great", "wonderful", "terrible", "disgrace", "horrible", "fantastic",
           "i want", "we want", "let me", "i'm going to", "i will", "i'd like", "i would", "thank",
           "god bless", "good evening", "tonight", "congratulat", "folks", "my friend", "believe me",
           "frankly", "probably", "maybe", "perhaps", "seems", "i don't know", "i'm not"),
}
HYPOTHETICAL_MARKERS = {
    "fr": ("si ", "pourrait", "pourraient", "pourra", "pourront", "serait", "seraient", "sera ", "seront",
           "va ", "vont ", "aurait", "auraient", "envisage", "risque de", "éventuel", "prévoit", "compte "),
    "en": ("will ", "would", "could", "might", "may ", "if ", "going to", "gonna", "plan to", "plans to",
           "can ", "'ll "),
}
COMPARISON_MARKERS = {
    "fr": ("plus que", "moins que", "plus de", "moins de", "davantage", "supérieur", "inférieur", "record",
           "le plus", "la plus", "les plus", "deux fois", "trois fois", "double", "triple", "hausse",
           "baisse", "augment", "diminu", "recul", "progress", "première", "dernier", "pire",
           "meilleur", "par rapport", "comparé"),
    "en": ("more than", "less than", "fewer", "higher", "lower", "larger", "smaller", "bigger", "most ",
           "least", "record", "twice", "double", "triple", "increase", "decrease", "rise", "rose", "fell",
           "drop", "grew", "growth", "up from", "down from", "compared", "worst", "best", "largest",
           "highest", "lowest", "first", "last ", "better", "worse"),
}
CAUSAL_MARKERS = {
    "fr": ("parce que", "car ", "à cause", "en raison", "grâce à", "provoqu", "entraîn", "cause ", "causé",
           "due à", "dû à", "dus à", "conséquence", "résultat de", "afin d'éviter", "responsable"),
    "en": ("because", "due to", "caused", "causes", "cause ", "led to", "leads to", "result of", "resulted",
           "thanks to", "responsible for", "blame", "as a result"),
}
FIRST_PERSON = {
    "fr": {"je", "j'", "nous", "me", "m'", "moi", "notre", "nos", "mon", "ma", "mes", "on"},
    "en": {"i", "we", "me", "us", "my", "our", "ours", "mine", "i'm", "we're", "i've", "we've"},
}
# The speaker alone (not "we"): what they did, think or mean to do, their own story. English only
# (checkworthiness.lexical_signals): the check-worthiness signal it gives was fitted on English debates.
FIRST_SINGULAR = {
    "en": {"i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"},
}
PRONOUN_SPEAKERS = {"il", "elle", "ils", "elles", "he", "she", "they"}

# Leading sentence connectives that carry no fact ("De son côté, ...", "Par ailleurs, ..."): dropped from
# a claim's text when followed by a comma or when they are the sentence's first words.
CONNECTIVES = {
    "fr": ("de son côté", "de leur côté", "de notre côté", "de mon côté", "par ailleurs", "en outre", "en revanche",
           "de plus", "en effet", "d'ailleurs", "pour sa part", "pour leur part", "dans la foulée", "en attendant",
           "au final", "finalement", "toutefois", "cependant", "pourtant", "néanmoins", "ainsi", "enfin", "alors",
           "mais", "et", "or", "donc", "bref", "concrètement", "par exemple", "du coup", "autre chose",
           "en clair", "en bref", "surtout", "d'autre part", "d'une part", "là encore", "à noter", "aussi",
           "sinon", "quoi qu'il en soit", "qui plus est", "en somme",
           "du côté de", "puis", "également",
           # Seen opening sentences of the shared OrangeSum articles (outside the dev set):
           "à l'inverse", "pour autant", "dès lors", "en conséquence", "par conséquent", "et pourtant",
           "sauf que", "en fait", "en tout cas", "qu'à cela ne tienne", "et pour cause", "problème",
           "dans le détail", "au contraire", "de même",
           # Pointing back to the sentences before, with no fact of their own:
           "dans ce contexte", "pour cela", "entre-temps", "entretemps", "c'est pourquoi", "car",
           "à cette occasion", "a cette occasion", "dans cette perspective", "dans ces conditions", "à ce propos",
           "a ce propos", "à ce sujet", "a ce sujet", "sur ce point", "malgré ce constat", "en parallèle",
           "parallèlement", "à titre de comparaison", "a titre de comparaison", "à titre d'exemple",
           "a titre d'exemple", "à la surprise générale", "a la surprise générale",
           # The writer's own emphasis, no fact of the claim's ("Évidemment, le maire a démissionné").
           "évidemment", "bien évidemment", "bien sûr", "naturellement",
           # Asking the reader to remember or to note, or the newsroom's own reporting: no source, no fact.
           "pour mémoire", "à noter que", "à noter qu'",
           "a noter que", "a noter qu'", "notons que", "notons qu'", "précisons que", "précisons qu'",
           "rappelons que", "rappelons qu'", "il faut dire que", "il faut dire qu'", "il est à noter que",
           "il est à noter qu'", "selon nos informations", "d'après nos informations"),
    "en": ("however", "meanwhile", "moreover", "indeed", "also", "but", "and", "so", "yet", "in fact",
           "for example", "for instance", "furthermore", "in addition", "still", "then", "now", "well"),
}
# Connectives that are also the first words of a preposition: before "de" or "à" they stay ("Dans la foulée de son
# élection,", "En attendant d'avoir", "Parallèlement aux appels").
PREPOSITION_CONNECTIVES = frozenset({"dans la foulée", "en parallèle", "parallèlement", "en attendant", "à l'inverse",
                                     "au contraire", "à titre de comparaison", "a titre de comparaison"})
# The writer's frames before a statement that remind or explain ("Il faut enfin rappeler que Conforama attend ...",
# "Il convient de préciser que ...") with or without an adverb, and "d'autant (plus) que" tying the statement to the
# sentence before: no fact of the claim, dropped with CONNECTIVES (padding._connectives). Written out here once.
_REMINDER_VERBS = ("faut {}rappeler", "faut {}savoir", "faut {}préciser", "faut {}noter", "faut {}souligner",
                   "faut {}dire", "convient {}de rappeler", "convient {}de préciser", "convient {}de noter",
                   "est {}bon de rappeler", "est {}utile de rappeler")
_REMINDER_ADVERBS = ("", "enfin ", "aussi ", "toutefois ", "cependant ", "néanmoins ", "également ", "d'ailleurs ",
                     "donc ", "par ailleurs ", "tout de même ", "bien ")
REMINDER_FRAMES = {
    "fr": tuple(f"il {verb.format(adverb)} {que}" for verb in _REMINDER_VERBS for adverb in _REMINDER_ADVERBS
                for que in ("que", "qu'")) + ("d'autant plus que", "d'autant plus qu'", "d'autant que", "d'autant qu'"),
}
# Of those, the ones a sentence also sets inside its main clause, after the subject or the auxiliary ("Le
# tribunal a ainsi donné raison", "La ville de Saint-Ouen de son côté a rassuré", "Il a également été député"):
# they tie the claim to the sentences before and say nothing of its fact (padding._inner_connectives).
INNER_CONNECTIVES = {
    "fr": ("de son côté", "de leur côté", "pour sa part", "pour leur part", "par ailleurs", "en outre", "en effet",
           "d'ailleurs", "toutefois", "cependant", "pourtant", "néanmoins", "ainsi", "donc", "également", "aussi"),
}
# Participles opening the phrase that says who interviewed the speaker ("Interrogé par France Bleu,", "Joint
# par téléphone,"): it sets the scene or names the outlet, never a fact of the claim.
INTERVIEWED = ("interrogé", "questionné", "sollicité", "contacté", "joint", "invité", "interviewé", "asked",
               "interviewed", "contacted", "reached")
# Markers and rubric labels glued before a sentence: "VIDÉO -", "►", "METEO -", "BEST-OF POLITIQUE.", and a
# wire story's dateline ("PARIS (AFP) -", "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -"): where the
# agency filed from, not a fact of the claim.
LEAD_MARKERS = r"(?:[►▶•♦■●▪→»\-–—*]+\s*|(?:VID[ÉE]OS?|PHOTOS?|INFOGRAPHIE|DIAPORAMA|EXCLUSIF|INFO|ALERTE|DIRECT|URGENT|FLASH|" \
    r"EN DIRECT|REPLAY|AUDIO|LIVE|VIDEO|EXCLUSIVE|BREAKING|UPDATE)\b\s*[-–—:.]\s*|" \
    r"\d{1,2}\s?h\s?\d{0,2}\s?[:\-–—]\s+(?=[A-ZÀ-Þ])|" \
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]{1,40}[A-ZÀ-Þ](?:,[^()\n]{1,30})?\s*\((?:AFP|AP|Reuters|Belga|ATS|dpa|ANSA|EFE|Xinhua)\)" \
    r"\s*[-–—:]\s+|" \
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]{2,40}[A-ZÀ-Þ]\s*(?:[-–—]|\.(?=\s+[A-ZÀ-Þ][a-zà-ÿ]))\s+)"
# Who reports rather than who speaks: a named medium is the outlet, the person it quotes the claimant.
OUTLETS = (
    "AFP", "Agence France-Presse", "Agence France Presse", "Reuters", "AP", "Associated Press", "Bloomberg", "Belga", "ANSA", "Ana", "dpa", "Le Parisien",
    "Le Figaro", "Le Monde", "Libération", "L'Express", "Le Point", "L'Obs", "Marianne", "Mediapart",
    "Les Echos", "Les Échos", "La Croix", "L'Humanité", "Le JDD", "JDD", "Le Journal du Dimanche",
    "Journal du Dimanche", "Paris Match", "Paris-Match", "Le Canard enchaîné", "Challenges", "Valeurs actuelles", "20 Minutes",
    "Ouest-France", "Ouest France", "Sud Ouest", "Sud-Ouest", "La Dépêche", "La Dépêche du Midi", "La Voix du Nord",
    "Le Dauphiné Libéré", "Le Dauphiné", "Le Progrès", "Var-Matin", "Nice-Matin", "Corse-Matin", "La Provence",
    "L'Indépendant", "Midi Libre", "Le Bien Public", "L'Est Républicain", "Le Républicain Lorrain",
    "Les Dernières Nouvelles d'Alsace", "DNA", "La Nouvelle République", "Le Télégramme", "L'Écho Républicain",
    "L'Union", "La Montagne", "Centre Presse", "Le Courrier picard", "Le Maine libre", "L'Alsace", "Actu.fr",
    "BFMTV", "BFM TV", "BFM-TV", "BFM Paris", "BFM Business", "BFM", "franceinfo", "Franceinfo", "France Info", "France Inter", "France Bleu",
    "France Culture", "France 2", "France 3", "France 5", "France 24", "France Télévisions", "TF1", "LCI", "M6",
    "C8", "CNews", "RTL", "RMC", "Europe 1", "Radio France", "RFI", "Arte", "LCP", "Public Sénat", "Canal+",
    "CNN", "BBC", "Fox News", "The Guardian", "The New York Times", "New York Times", "The Washington Post",
    "Washington Post", "The Times", "Daily Mail", "The Sun", "Der Spiegel", "Bild", "El País", "Politico",
    "Le Huffington Post", "HuffPost", "Konbini", "Brut", "Closer", "Gala", "Voici", "Télé-Loisirs", "Le Soir",
    "La Libre Belgique", "RTBF", "Le Temps", "La Tribune", "Capital", "Le Journal de Saône-et-Loire", "Médiapart",
    # national titles, channels and stations not listed above
    "L'Opinion", "Ici Paris", "Euronews", "Aujourd'hui en France", "Télérama", "Télé Star", "Télé 7 Jours",
    "France Dimanche", "Le Nouvel Observateur", "Le Nouvel Obs", "Les Inrocks", "Les Inrockuptibles",
    "i24news", "i24 News", "iTélé", "TMC", "L'Équipe", "Courrier international", "Le Monde diplomatique",
    "Radio-Canada", "Le Journal de Montréal", "Tribune de Genève", "Sciences et Avenir", "Femme Actuelle",
    # regional dailies and stations not listed above
    "Presse Océan", "Presse-Océan", "Le Courrier de l'Ouest", "L'Yonne républicaine", "Le Berry républicain",
    "La République du Centre", "Le Populaire du Centre", "Paris-Normandie", "La Charente libre",
    "Le Journal du Centre", "La Presse de la Manche", "La République des Pyrénées", "L'Éclair des Pyrénées",
    "Vosges Matin", "L'Est Éclair", "Nord Littoral", "Sud Radio",
    # English-language titles, channels and stations not listed above
    "Sky News", "Sky Sports", "ITV News", "Channel 4 News", "The Independent", "The Daily Telegraph", "The Telegraph",
    "Financial Times", "The Financial Times", "The Economist", "The Wall Street Journal", "Wall Street Journal",
    "NBC News", "CBS News", "ABC News", "NPR", "USA Today", "The Observer", "Daily Mirror", "Evening Standard",
)
# Nouns that name a medium: "le quotidien régional", "la radio", "l'hebdomadaire".
# Nouns that describe a company ("le constructeur", "l'entreprise"): who speaks for it (attribution) and what a
# definite description of one points back to (rewrite).
COMPANY_NOUNS = frozenset({"groupe", "constructeur", "entreprise", "société", "compagnie", "opérateur", "fabricant"})
# The nouns a company or a body is named back by ("Le groupe souffre ...", "a indiqué le constructeur").
DESCRIBED_BODIES = COMPANY_NOUNS | {"enseigne", "marque", "laboratoire", "association", "start-up", "firme",
                                    "club", "établissement", "organisation", "ong", "collectif", "chaîne"}
# Of them, those that say what kind of medium: print ("le quotidien") or broadcast ("la radio locale").
PRINT_OUTLET_NOUNS = frozenset({"quotidien", "journal", "hebdomadaire", "mensuel", "magazine", "newspaper", "daily",
                                "weekly"})
BROADCAST_OUTLET_NOUNS = frozenset({"radio", "chaîne", "broadcaster"})
OUTLET_NOUNS = {*PRINT_OUTLET_NOUNS, *BROADCAST_OUTLET_NOUNS, "site", "agence", "média", "médias", "outlet"}
# Nouns of someone's kin or circle, of whom a title may be about rather than the person it names after them ("La fille
# de Marine Le Pen agressée", "Le mari de Claire Dumas témoigne").
KIN_NOUNS = frozenset({"fils", "fille", "femme", "mari", "mère", "père", "frère", "sœur", "soeur", "épouse", "époux",
                       "compagne", "compagnon", "veuve", "veuf", "petit-fils", "petite-fille", "neveu", "nièce", "oncle",
                       "tante", "cousin", "cousine", "grand-mère", "grand-père", "proche", "proches", "famille",
                       "entourage"})
# Nouns that can make a statement: a claimant phrase without a named entity needs one of them as its head.
AGENT_NOUNS = {
    "ministre", "ministère", "ministres", "gouvernement", "président", "présidente", "préfet", "préfète",
    "préfecture", "parquet", "procureur", "procureure", "magistrat", "magistrate", "juge", "tribunal", "cour",
    "police", "policier", "policiers", "gendarmerie", "gendarmes", "gendarme", "pompiers", "secours",
    "syndicat", "syndicats", "porte-parole", "maire", "mairie", "député", "députée", "sénateur", "sénatrice",
    "élu", "élue", "élus", "entourage", "direction", "entreprise", "groupe", "société", "association",
    "source", "sources", "enquêteurs", "enquêteur", "expert", "experts", "médecin", "médecins", "avocat",
    "avocate", "avocats", "témoin", "témoins", "habitant", "habitants", "responsable", "responsables",
    "dirigeant", "dirigeants", "spécialiste", "chercheur", "chercheuse", "chercheurs", "scientifiques",
    "directeur", "directrice", "secrétaire", "patron", "patronne", "chef", "cheffe", "candidat", "candidate",
    "parti", "opposition", "organisation", "organisme", "institut", "agence", "autorités", "administration",
    "office", "observatoire", "fédération", "collectif", "comité", "conseil", "commission", "ambassade",
    "consulat", "armée", "état-major", "compagnie", "opérateur", "hôpital", "ars", "victime", "victimes",
    "famille", "proche", "proches", "ami", "amie", "amis", "amies", "père", "mère", "fils", "fille", "homme", "femme", "manifestant",
    "manifestants", "militant", "militants", "salarié", "salariés", "employé", "employés", "riverain",
    "riverains", "officials", "spokesman", "spokeswoman", "leader", "fondateur", "fondatrice", "représentant",
    "représentante", "géant", "constructeur",
    "minister", "government", "president", "union", "company", "agency", "authorities", "official",
    "spokesperson", "mayor", "prosecutor", "court", "director", "researchers",
    # Institutions named by a common noun, seldom followed by their name: "La justice australienne a
    # confirmé que ...", "Les armées françaises affirment ...", "explique la production du concert".
    "justice", "armées", "municipalité", "cabinet", "exécutif", "production", "établissement", "musée",
    "clinique", "laboratoire", "banque", "fondation", "ong", "ville", "région", "département",
    "enquêtrice", "enquêtrices",
    # A shop chain, a network's operator, the defence at a trial, a person's team: "selon l'enseigne",
    # "selon le gestionnaire du réseau", "plaide la défense", "selon son équipe médicale".
    "enseigne", "gestionnaire", "défense", "équipe",
    # A site run by a body that speaks for it, and those who work for one: "selon le parc", "ajoute le zoo",
    # "selon les agents du parc" (an institution: "le président du parc Paul Roux" is Paul Roux, not the park).
    # (Not "agent" alone: "son agent" is a player's, "l'agent" as often a chemical's.)
    "parc", "zoo", "agents",
}
# English nouns that make statements ("the state auditor said", "according to the county medical examiner",
# "Prosecutors said they would ..."): read only in English phrases, whose head noun comes last
# (sources.source_of), so that no French phrase changes reading.
AGENT_NOUNS_EN = frozenset({
    "auditor", "auditors", "sheriff", "governor", "senator", "senators", "congressman", "congresswoman",
    "lawmaker", "lawmakers", "legislator", "legislators", "commissioner", "superintendent", "chief", "chairman",
    "chairwoman", "secretary", "treasurer", "attorney", "attorneys", "lawyer", "lawyers", "judge", "coroner",
    "examiner", "inspector", "inspectors", "investigator", "investigators", "detective", "detectives",
    "officer", "officers", "firefighters", "doctor", "doctors", "physician", "physicians", "scientist",
    "scientists", "economist", "economists", "analyst", "analysts", "expert", "experts", "forecaster",
    "forecasters", "meteorologist", "meteorologists", "regulator", "regulators", "prosecutors", "critics",
    "opponents", "supporters", "residents", "witnesses", "activists", "protesters", "ministry", "department",
    "office", "bureau", "council", "committee", "board", "commission", "firm", "utility", "carmaker",
    "automaker", "airline", "bank", "retailer", "insurer", "hospital", "university", "district", "city",
    "county", "executive", "executives", "ceo", "chancellor", "premier", "ambassador", "envoy", "diplomats",
    "military", "army", "administration", "agencies", "unions", "companies", "ministers", "researcher",
    "spokespeople", "sources", "police", "official", "officials", "spokesman", "spokeswoman", "spokesperson",
    "leader", "leaders", "minister", "government", "president", "union", "company", "agency", "authorities",
    "mayor", "prosecutor", "court", "director", "researchers", "organizers", "organisers", "manufacturer",
    "group", "campaign", "party", "manager", "managers", "chair", "advocates", "parents", "workers", "employees",
    "nurses", "teachers", "students", "families", "relatives", "neighbors", "neighbours", "owner", "owners",
    "general", "groups", "organization", "organizations", "organisation", "organisations", "charity", "charities",
    "campaigners", "institute", "foundation", "coalition", "federation", "association", "ngo", "ngos",
    "boss", "bosses", "founder", "founders", "co-founder", "chairperson",
    # Bodies a story names again by what they are ("the club said", "the force said", "the supplier said"):
    # the one the article named of that kind (claimants._organisation_described), else as written.
    "club", "force", "college", "society", "school", "trust", "supplier", "supermarket", "chain", "lender", "operator",
    *(KIN_NOUNS_EN := frozenset({
        # The people close to someone a story is about speak for them ("Mark Fenwick's wife said", "the
        # victim's family said"): whose they are is said by the possessive before them, not who speaks.
        "wife", "husband", "widow", "widower", "partner", "mother", "father", "son", "daughter", "brother",
        "sister", "family", "friend", "friends", "girlfriend", "boyfriend", "fiancee", "fiancée", "fiance",
        "stepfather", "stepmother", "grandmother", "grandfather", "aunt", "uncle", "cousin",
    })),
})
# Who speaks for or about a person without being them: their kin, friends, lawyers, aides and staff. A name after
# "un proche du ministre", "l'avocat de la chanteuse" is whose they are, not who speaks.
CIRCLE_NOUNS = frozenset(KIN_NOUNS | {
    "ami", "amie", "amis", "amies", "avocat", "avocate", "avocats", "conseiller", "conseillère", "conseillers",
    "collaborateur", "collaboratrice", "collaborateurs", "assistant", "assistante", "biographe", "agent", "agente",
    "porte-parole", "cabinet", "équipe", "équipes", "services",
    "lawyer", "lawyers", "aide", "aides", "spokesman", "spokeswoman", "spokesperson", "office", "team",
} | KIN_NOUNS_EN)
# The agent nouns that name an institution, not a person: a person's full name after one is not its name
# ("la porte-parole du gouvernement Sibeth Ndiaye" is Sibeth Ndiaye; "du navigateur Boris Herrmann" is not).
INSTITUTION_NOUNS = frozenset({
    "ministère", "gouvernement", "préfecture", "parquet", "tribunal", "cour", "police", "gendarmerie", "secours",
    "syndicat", "syndicats", "mairie", "entourage", "direction", "entreprise", "groupe", "société", "association",
    "parti", "opposition", "organisation", "organisme", "institut", "agence", "autorités", "administration",
    "office", "observatoire", "fédération", "collectif", "comité", "conseil", "commission", "ambassade", "consulat",
    "armée", "état-major", "compagnie", "opérateur", "hôpital", "ars", "justice", "armées", "municipalité",
    "cabinet", "exécutif", "production", "établissement", "musée", "clinique", "laboratoire", "banque",
    "fondation", "ong", "ville", "région", "département", "enseigne", "parc", "zoo", "government", "union", "company", "agency",
    "authorities", "court",
})
# People described by their occupation or standing rather than an office: "regrette la chanteuse", "la
# journaliste a confié que ...". A claimant as written when the phrase names no one else (an organisation
# named in it is the claimant: "le présentateur de Quotidien"), or the person just quoted
# (claimants._speaker_described).
PERSON_NOUNS = {
    "journaliste", "présentateur", "présentatrice", "animateur", "animatrice", "chroniqueur", "chroniqueuse",
    "acteur", "actrice", "comédien", "comédienne", "chanteur", "chanteuse", "musicien", "musicienne", "artiste",
    "humoriste", "réalisateur", "réalisatrice", "écrivain", "écrivaine", "auteur", "auteure", "autrice",
    "essayiste", "sportif", "sportive", "athlète", "joueur", "joueuse", "entraîneur", "entraîneuse", "champion",
    "championne", "instituteur", "institutrice", "enseignant", "enseignante", "professeur", "professeure",
    "infectiologue", "épidémiologiste", "virologue", "eurodéputé", "eurodéputée", "gouverneur", "gouverneure",
    "mannequin", "star", "propriétaire", "bénévole", "interprète", "couple", "infirmier", "infirmière",
    "aide-soignant", "aide-soignante", "pharmacien", "pharmacienne", "agriculteur", "agricultrice", "policière",
    "commerçant", "commerçante", "artisan", "artisane", "chauffeur", "pilote", "militaire", "soldat", "élève", "étudiant", "étudiante",
}
# More people a story names by what they do or who they are ("L'attaquant de 25 ans a rencontré les
# dirigeants", "La vendeuse a gardé son calme"): as a definite subject with no name, they point back to someone
# named before (descriptions._described_back). Kept apart from PERSON_NOUNS, whose words the attribution also
# reads as a speaker's occupation. Not words that also name a thing ("cadre", "facteur", "serveur",
# "batteur", "milieu", "centenaire", "gendarme": "le gendarme de la Bourse").
UNNAMED_PERSON_NOUNS = frozenset({
    "attaquant", "attaquante", "défenseur", "défenseuse", "gardien", "gardienne", "buteur", "buteuse",
    "sélectionneur", "sélectionneuse", "footballeur", "footballeuse", "rugbyman", "tennisman", "cycliste",
    "coureur", "coureuse", "nageur", "nageuse", "boxeur", "boxeuse", "skieur", "skieuse", "employé", "employée",
    "salarié", "salariée", "ouvrier", "ouvrière", "gérant", "gérante", "vendeur", "vendeuse", "cuisinier",
    "cuisinière", "boulanger", "boulangère", "éleveur", "éleveuse", "chasseur", "chasseuse", "pêcheur",
    "chirurgien", "chirurgienne", "psychiatre", "psychologue", "dentiste", "vétérinaire", "ambulancier",
    "ambulancière", "pompier", "policier", "douanier", "douanière", "surveillant", "surveillante",
    "notaire", "agresseur", "assaillant", "assaillante", "tireur", "tireuse", "meurtrier", "meurtrière",
    "ravisseur", "braqueur", "cambrioleur", "voleur", "voleuse", "fugitif", "fugitive", "prévenu", "prévenue",
    "accusé", "accusée", "rappeur", "rappeuse", "guitariste", "pianiste", "danseur", "danseuse", "peintre",
    "photographe", "cinéaste", "scénariste", "producteur", "productrice", "dessinateur", "dessinatrice",
    "romancier", "romancière", "historien", "historienne", "sociologue", "économiste", "politologue",
    "astronaute", "ingénieur", "ingénieure", "architecte", "entrepreneur", "entrepreneuse", "milliardaire",
    "héritier", "héritière", "influenceur", "influenceuse", "youtubeur", "youtubeuse", "militant", "militante",
    "manifestant", "manifestante", "syndicaliste", "opposant", "opposante", "réfugié", "réfugiée", "migrant",
    "migrante", "septuagénaire", "octogénaire", "nonagénaire", "sexagénaire", "quinquagénaire", "quadragénaire",
    "trentenaire", "nourrisson", "fillette", "bébé", "veuve", "veuf", "fiancé", "fiancée", "suspect", "suspecte",
    "magnat",
})
# Things a story names again by a definite description once it has told of them ("Le texte prévoit ...",
# "L'épreuve est programmée pour mercredi", "L'aigle avait disparu", "La hausse observée entre mercredi et
# jeudi"): as a subject with no name and no complement, they say which only with the sentences before
# (descriptions._described_back). Not what a story's reader knows without them: the epidemic, the government,
# the police, the law in general ("La loi interdit ...").
STORY_NOUNS = frozenset({
    "texte", "décision", "mesure", "projet", "proposition", "réforme", "dispositif", "décret", "amendement",
    "accord", "traité", "document", "rapport", "étude", "sondage", "enquête", "bilan", "accident", "incendie",
    "drame", "attaque", "agression", "attentat", "explosion", "collision", "crash", "naufrage", "fusillade",
    "incident", "affaire", "procès", "audience", "opération", "intervention", "cérémonie", "manifestation",
    "rassemblement", "réunion", "sommet", "match", "rencontre", "concert", "spectacle", "émission", "épisode",
    "édition", "épreuve", "compétition", "vente", "tournage", "événement", "grève", "lieu", "bâtiment",
    "immeuble", "maison", "appartement", "véhicule", "voiture", "camion", "avion", "appareil", "navire",
    "bateau", "engin", "animal", "bête", "chien", "chat", "oiseau", "aigle", "félin", "arbre", "arbrisseau",
    "objet", "tableau", "vidéo", "image", "photo", "cliché", "film", "livre", "ouvrage", "album", "chanson",
    "médicament", "vaccin", "corps", "hausse", "baisse", "augmentation", "diminution", "recul", "niveau",
    "seuil", "montant", "somme", "chiffre", "total", "pays", "plateforme", "structure", "jugement", "verdict",
    "plainte",
    # English ("The report found ...", "The decision follows ..."; "accident", "photo" are above); words that
    # are French too ("plan", "show", "deal") are left out: a French article uses them of things it has named as often.
    "decision", "measure", "bill", "report", "study", "poll", "survey", "fire", "attack", "trial", "hearing",
    "operation", "ceremony", "protest", "rally", "meeting", "summit", "episode", "event", "strike", "building",
    "house", "vehicle", "plane", "ship", "boat", "dog", "video", "picture", "book", "song", "drug", "vaccine", "rise", "increase", "fall", "drop", "level", "amount", "sum",
    "proposal", "agreement", "move",
})
# People a story names again by what they are, not who ("The man had stolen ...", "The victim was taken ..."):
# English, beside the French of descriptions._UNNAMED_PEOPLE and UNNAMED_PERSON_NOUNS.
UNNAMED_PEOPLE_EN = frozenset({
    "man", "woman", "girl", "boy", "child", "teenager", "victim", "driver", "suspect", "passer-by", "resident",
    "neighbour", "neighbor", "tourist", "prisoner", "inmate", "pupil", "student", "patient", "mother", "father",
    "couple", "family", "singer", "actor", "actress", "company", "firm", "group",
})
# Of those, the occupations of a public figure an article is about ("Michèle Torr ... la chanteuse"), not of
# someone a story brings in beside them ("l'infirmière", "le policier", "l'épidémiologiste").
FIGURE_NOUNS = frozenset({
    "journaliste", "présentateur", "présentatrice", "animateur", "animatrice", "chroniqueur", "chroniqueuse",
    "acteur", "actrice", "comédien", "comédienne", "chanteur", "chanteuse", "musicien", "musicienne", "artiste",
    "humoriste", "réalisateur", "réalisatrice", "écrivain", "écrivaine", "auteur", "auteure", "autrice",
    "essayiste", "sportif", "sportive", "athlète", "joueur", "joueuse", "champion", "championne", "mannequin",
    "star", "interprète",
})
# What a statement is made in, not who makes it ("a déclaré Bayer dans un communiqué"): never a claimant,
# the organisation or person named with it is.
DOCUMENT_NOUNS = {"communiqué", "rapport", "étude", "sondage", "bilan", "note", "lettre", "courrier", "message",
                  "tweet", "publication", "tribune", "interview", "entretien", "déclaration", "statement", "report",
                  "study", "survey", "poll", "letter"}
# Of them, what one body or person issues in its own name, which the article may go on quoting without naming them
# again: "ajoute le communiqué", "selon ce message", "précise le courrier".
ISSUED_NOUNS = frozenset({"communiqué", "message", "lettre", "courrier", "tweet", "statement", "letter"})
# Verbs that report what someone said only when they have a speaker and a content ("se serait plaint le
# président", "Il a souhaité que ...", "se sont indignés les syndicats"; "s'indign" above never matches one
# token): attribution only, not a check-worthiness signal like SPEECH_PREFIXES.
# Also the narrative verbs of an inverted speaker after a quotation ('"...", poursuit l'association',
# "tempère le ministre", "analyse l'économiste"), whose nouns or other senses ("la poursuite", "une analyse",
# "le constat") are no signal.
REPORTING_VERBS = {"fr": ("plaint", "plaign", "plaindr", "souhait", "indign", "étonn", "inquièt", "inquiét",
                          "poursuit", "tempèr", "renchér", "rétorqu", "analys", "constat", "réaffirm", "dément", "exclam",
                          "démenti", "décri", "plaid", "écriv", "tweet"),
                   "en": ("complain", "urg")}
# Verbs that report a statement when reflexive (word starts; attribution only): "la maire s'alarme de la
# fermeture de trois classes", "le syndicat s'étonne que rien ne change", "les élus se demandent si la ligne
# rouvrira": with "de" and a noun, a clause or "si", what the subject says is the case or asks. Not without the
# reflexive pronoun ("a demandé un prêt", "l'incendie a alarmé les voisins": an act).
REFLEXIVE_REPORTING_VERBS = {"fr": ("alarm", "demand", "inquiét", "inquièt", "interrog", "indign", "étonn", "insurg",
                                    "offusqu", "émeu", "émouv"),
                             "en": ()}
# Speech verbs whose pronominal form tells of an event, not of speech (word starts): "un incendie s'est déclaré",
# "le trafic s'annonce perturbé", "l'amélioration se confirme", "ces cas s'ajoutent aux autres", "la grève se
# poursuit", "il s'est assuré que ...". "Déclarer" only without an attribute ("il s'est déclaré favorable", "se
# déclare candidate", "s'est déclaré contre la réforme" state a position); the others' pronominal forms that report ("se dit", "se confie", "s'estime
# lésé") are not here.
PRONOMINAL_EVENT_VERBS = {"fr": ("déclar", "annonc", "confirm", "ajout", "précis", "affirm", "assur",
                                 "rapport", "poursuiv", "lanc", "répét", "relev", "relay", "relai", "signal", "conclu",
                                 "observ", "note", "reprend", "résum", "gliss", "lâch", "reconn"),
                          "en": ()}
# A verb and the words after it that report a statement together ("Le ministère a fait état de 49 nouveaux cas",
# "l'Élysée a fait savoir que", "l'agence a mis en garde contre"): how the verb's forms begin ("fait", "font",
# "fera", "fit"; "mis", "met"), then the words.
# Not "faire part de", mostly of a feeling ("a fait part de son chagrin"), and inside a quotation as often.
SPEECH_LOCUTIONS = {"fr": ((("fai", "fon", "fer", "fi"), ("état",)), (("fai", "fon", "fer", "fi"), ("savoir",)),
                           (("mi", "met"), ("en", "garde")),
                           # "croit savoir le quotidien": what a medium or a source reports it has learnt
                           (("croi", "croy", "cru"), ("savoir",))),
                    "en": ()}
# The speech verbs that report a statement only with a clause, a quotation or a colon after them:
# with a noun object they are acts ("a lancé un appel", "a écrit un livre", "a rappelé l'ambassadeur").
CONTENT_ONLY_VERBS = {
    "fr": ("accus", "ajout", "alert", "assur", "avanc", "conclu", "confi", "explique", "gliss", "jug", "lanc", "lâch",
           "mis en garde", "observ", "poursuiv", "prévenu", "rappel", "rapport", "relay", "relev", "reprend",
           "s'est dit", "s'est félicit", "s'est réjou", "salu", "se félicit", "se réjou", "signal", "souffl",
           "souten", "soutien", "écrit", "qualifi", "décri"),
    "en": ("add", "note", "report", "tell", "writ", "wrote"),
}
# The others state something with a noun object or none ("a annoncé la fermeture", "a réagi").
STATEMENT_VERBS = {language: tuple(p for p in prefixes if p not in CONTENT_ONLY_VERBS.get(language, ()))
                   for language, prefixes in SPEECH_PREFIXES.items()}
# Of them, the verbs that tell that someone answered an event: with no clause, quotation or colon after them
# ("Le maire a réagi à l'incendie") the sentence says only that they spoke, not what; its subject is still who
# the quotations after it are from (speech_verbs.reaction_only).
REACTION_VERBS = {"fr": ("réag",), "en": ()}
# Agent nouns that name one person: "le ministre", "l'ancien président de la République".
PERSON_ROLES = {"ministre", "président", "présidente", "préfet", "préfète", "procureur", "procureure", "magistrat",
                "magistrate", "juge", "maire", "député", "députée", "sénateur", "sénatrice", "élu", "élue",
                "porte-parole", "directeur", "directrice", "secrétaire", "patron", "patronne", "chef", "cheffe",
                "candidat", "candidate", "avocat", "avocate", "médecin", "chercheur", "chercheuse", "dirigeant",
                "responsable", "spécialiste", "expert", "leader", "fondateur", "fondatrice", "minister", "president", "mayor", "prosecutor", "director",
                "spokesman", "spokeswoman", "spokesperson",
                # English offices of one person ("the governor" is who the article named "Governor Mike DeWine")
                "governor", "sheriff", "auditor", "senator", "commissioner", "superintendent", "chancellor",
                "ambassador", "treasurer", "coroner", "chairman", "chairwoman", "judge", "congressman",
                "congresswoman", "chief", "manager", "chair", "general", "councillor", "councilor", "councilman",
                "councilwoman", "assemblyman", "assemblywoman", "alderman"}
# Words no sentence, heading or name ends with, and that name nothing alone: articles, prepositions,
# conjunctions, possessives, demonstratives ("a dirigé la\nFrance": a hard wrap; a claimant "de la": no one).
FUNCTION_WORDS = frozenset({
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "à", "en", "et", "ou", "sur", "sous",
    "dans", "par", "pour", "avec", "sans", "chez", "vers", "entre", "que", "qu'", "qui", "dont", "son", "sa", "ses",
    "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "notre", "nos", "votre", "vos", "ce", "cet", "cette",
    "ces", "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "that", "which",
    "his", "her", "its", "their", "our", "your",
})
NEGATIONS = {"ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "personne", "nul", "nulle", "ni", "non",
             "sans", "guère", "plus", "not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
             "without", "n't"}
# Units written after a number (lower-cased); glued forms ("120km/h", "80m2") are split by a regex.
UNITS = {
    "km/h": "km/h", "kmh": "km/h", "km": "km", "kms": "km", "kilomètres": "km", "kilomètre": "km", "m": "m",
    "mètres": "m", "mètre": "m", "m²": "m²", "m2": "m²", "km²": "km²", "km2": "km²", "m³": "m³", "m3": "m³", "cm": "cm", "mm": "mm",
    "centimètres": "cm", "millimètres": "mm", "kg": "kg", "kilos": "kg", "kilogrammes": "kg", "g": "g",
    "grammes": "g", "t": "t", "tonnes": "tonnes", "tonne": "tonnes", "l": "l", "litres": "l", "litre": "l",
    "ha": "ha", "hectares": "ha", "hectare": "ha", "°c": "°C", "°": "°", "degrés": "°", "degrees": "°", "mw": "MW",
    "gw": "GW", "kwh": "kWh", "twh": "TWh", "mph": "mph", "miles": "miles", "mile": "miles", "ft": "ft",
    "feet": "ft", "lbs": "lb", "pounds-weight": "lb", "mégawatts": "MW", "mégawatt": "MW", "gigawatts": "GW",
    "gigawatt": "GW", "kilowatts": "kW", "kilowatt": "kW", "kw": "kW",
    "ch": "ch", "hp": "hp", "horsepower": "hp",  # an engine's power ("435 ch"; not "chevaux": horses are counted)
}
# Two-word units, read before the one-word ones ("1.000 mètres carrés" is an area, not a length).
UNIT_PAIRS = {
    "mètres carrés": "m²", "mètre carré": "m²", "kilomètres carrés": "km²", "kilomètre carré": "km²",
    "mètres cubes": "m³", "mètre cube": "m³", "square metres": "m²", "square meters": "m²", "square feet": "sq ft",
    "square kilometres": "km²", "square kilometers": "km²", "square miles": "sq mi", "cubic metres": "m³",
    "cubic meters": "m³",
}
# Units whose case tells them apart from another one or from a name: "667 Nm" (newton-metres of torque), not nm.
CASED_UNITS = {"Nm": "Nm", "N.m": "Nm", "kN": "kN", "MWh": "MWh", "GWh": "GWh", "kWc": "kWc", "MWc": "MWc"}
# Number words that count nothing precise when plural or after "des"/"plusieurs": "des centaines de km".
# "une dizaine de jours", "un millier de manifestants": about that many.
APPROX_NUMBER_WORDS = {"dizaine", "douzaine", "huitaine", "quinzaine", "vingtaine", "trentaine", "quarantaine",
                       "cinquantaine", "soixantaine", "centaine", "millier", "dozen"}
VAGUE_NUMBER_WORDS = {"dizaines", "douzaines", "vingtaines", "centaines", "milliers", "millions", "milliards",
                      "dozens", "hundreds", "thousands", "billions"}
VAGUE_BEFORE = {"des", "plusieurs", "quelques", "de", "d'", "les", "many", "several", "some", "of"}
# Prepositions that make "N heures" a time of day ("à 19 heures", "vers 3h30", "le journal de 20 heures").
CLOCK_BEFORE = {"à", "vers", "dès", "avant", "après", "jusqu'à", "entre", "de", "at", "around", "by", "until",
                "before", "after", "from", "since", "depuis"}
# Participles that look ahead: "le match prévu samedi" is as future as the verb it depends on. Word
# forms, not lemmas: the pipeline loads no lemmatizer (claims/extraction/nlp.py).
SCHEDULED = ("prévu", "programmé", "attendu", "envisagé", "fixé", "planifié", "scheduled", "planned", "expected")
HOUR_UNITS = {"h", "heures", "heure", "hours", "hour", "hrs", "o'clock", "gmt", "utc"}
# Nouns that measure a length of time ("trois ans", "deux semaines", "des décennies"): a unit, not what is counted.
DURATION_NOUNS = frozenset({"ans", "an", "années", "année", "mois", "jours", "jour", "semaines", "semaine", "minutes",
                            "secondes", "décennies", "décennie", "siècles", "siècle", "years", "year", "months",
                            "month", "days", "day", "weeks", "week"})
# Words that make a sentence about what will or may happen, what to do, or what to buy.
FORECAST_MARKERS = {
    "fr": ("prévision", "prévu", "prévue", "prévus", "prévues", "attendu", "attendue", "attendus", "attendues",
           "devrait", "devraient", "pourrait", "pourraient", "risque de", "risquent de", "s'annonce",
           "s'annoncent", "vigilance", "alerte orange", "alerte rouge", "alerte jaune", "bulletin",
           "perturbations attendues", "températures", "averses", "rafales", "éclaircies", "embouteillages",
           "bouchons", "bison futé", "trafic dense", "ressenti"),
    "en": ("forecast", "expected to", "is expected", "are expected", "likely to", "could ", "may ", "might ",
           "will ", "set to", "due to be"),
}
SCHEDULE_MARKERS = {
    "fr": ("aura lieu", "auront lieu", "se tiendra", "se tiendront", "se déroulera", "se dérouleront", "rendez-vous",
           "programme", "à partir de", "à compter du", "à compter de", "dès le", "ouvrira", "ouvriront",
           "débutera", "débuteront", "commencera", "commenceront", "lancera", "sera diffusé", "sera diffusée",
           "inscriptions", "calendrier", "à suivre", "date limite", "jusqu'au", "du lundi au", "chaque jour"),
    "en": ("will take place", "will be held", "scheduled", "starting from", "from monday", "until", "deadline"),
}
ADVICE_MARKERS = {
    "fr": ("il faut", "il faudra", "il est conseillé", "il est recommandé", "il est déconseillé", "il vaut mieux",
           "mieux vaut", "pensez à", "n'hésitez pas", "n'oubliez pas", "évitez", "privilégiez",
           # the verb, not "un conseiller", "la conseillère municipale" (a marker ending with a space ends a word)
           "conseille ", "conseillent ",
           "recommande", "recommandent", "invite à", "invitent à", "appelle à", "appellent à", "sont invités",
           "est invité", "sont appelés", "doivent", "veillez", "prenez", "munissez-vous", "à éviter", "astuce",
           "conseils", "il est interdit de", "nous devons", "vous devez"),
    "en": ("you should", "we should", "make sure", "don't forget", "avoid ", "advised to", "urged to",
           "recommended", "tips"),
}
# Appeals in the imperative, first or second person plural: what to do, not what happened. Only without a
# subject pronoun before them: "soutenons l'Ukraine" appeals, "nous soutenons l'Ukraine" states.
IMPERATIVE_APPEALS = {
    "fr": ("mettons", "restons", "soutenons", "agissons", "unissons", "mobilisons", "luttons", "prions", "partagez",
           "partageons", "diffusez", "faites tourner", "faites passer", "faites circuler", "signez", "votez",
           "rejoignez", "sachez"),
}
PROMOTIONAL_MARKERS = {
    "fr": ("découvrez", "profitez", "offrez", "craquez", "commandez", "réservez", "abonnez", "disponible dès",
           "disponible à partir", "disponibles dès", "prix de lancement", "en promotion", "promo ", "promos ", "soldes",
           "bon plan", "à partir de seulement", "livraison gratuite", "notre sélection", "nos conseils",
           "coup de cœur", "à ne pas manquer", "incontournable", "irrésistible", "idéal pour", "parfait pour",
           "valent le détour", "vaut le détour", "à découvrir", "en exclusivité"),
    "en": ("buy now", "order now", "discover", "don't miss", "available from", "on sale", "our pick",
           "must-have", "perfect for", "ideal for"),
}
# Condolences and tributes: grief is not checkable, the death or the event it mourns is. Not "a rendu
# hommage": a reported homage often carries the statement at issue ("a rendu hommage à X, qui a permis ...").
TRIBUTE_MARKERS = {
    "fr": ("condoléances", "nos pensées", "pensée pour", "pensées pour", "pensées vont", "repose en paix",
           "reposez en paix", "paix à son âme", "paix à leur âme", "que dieu", "nous a quittés", "nous a quittées",
           "in memoriam"),
    "en": (),
}
# Speech verbs that report a judgement, not a fact (word starts, on verbs only: the pipeline reads no
# lemmas): "X a salué un texte équilibré", "Y a dénoncé les mensonges sur le traité", "Z estime que la
# réforme est injuste". What was judged is checkable only when the sentence gives a figure with it
# ("a dénoncé la suppression de 300 postes"): rule_signals._appraisal asks for none. Not "accuser", "reprocher"
# (an accusation states an act), "condamner" (a court's sentence) nor "rendre hommage" (TRIBUTE_MARKERS).
APPRAISAL_VERBS = {
    "fr": ("salu", "dénon", "fustig", "critiqu", "regrett", "déplor", "félicit", "réjou", "indign", "insurg",
           "estim", "jug", "considèr", "considér", "qualifi", "applaudi", "étrill", "raill", "ironis", "désol", "offusqu", "moqu", "tacl"),
    "en": (),
}
# A feeling (word starts, on the main verb or what it says or shows: rule_signals._appraisal): "les habitants se sont
# inquiétés", "la ville a rassuré la population", "elle a dit sa joie", "il s'est dit choqué", "elle a été
# soulagée": how someone felt, not what happened. Not "peine" (a sentence), "colère" (a protest's name).
FEELING_WORDS = {
    "fr": ("inquiét", "inquièt", "rassur", "soulag", "boulevers", "choqu", "attrist", "ému", "émotion",
           "joie", "tristesse", "chagrin", "fierté", "déception", "déçu", "consternation", "consterné", "stupeur",
           "stupéfaction", "effroi", "émoi", "désarroi"),
    "en": (),
}
# Verbs of fearing and of liking (word starts, on the main verb: rule_signals._appraisal, with FEELING_WORDS): "les
# commerçants redoutent une nouvelle fermeture", "il craint que le projet ne soit abandonné", "le public n'a pas
# apprécié le changement d'horaire". What someone fears or likes, not what happened.
FEELING_VERBS = {
    "fr": ("redout", "craint", "craign", "crains", "appréci"),
    "en": (),
}
# Speech verbs that tell of a telling: with no clause or quotation after them, the sentence says that someone
# spoke, not what ("La mère a raconté la scène au Parisien", "Il s'est confié à Télé 7 Jours"). Not the verbs
# whose object is the news ("a annoncé sa démission", "a révélé l'identité du suspect").
TELLING_VERBS = {
    "fr": ("racont", "témoign", "réagi", "exprim", "comment", "parl", "narr", "confie", "confié", "confiai",
           "confient"),
    "en": (),
}
# Nouns for what someone said or knows, named and not given: "a livré son point de vue sur le Brexit", "une
# hypothèse a été avancée par le maire", "vient de révéler un secret", "a expliqué son silence" (the object of
# the main verb or its passive subject; rule_signals._contentless). "point" only in "point de vue".
SAID_NOUNS = {
    "fr": frozenset({"avis", "secret", "secrets", "mystère", "hypothèse", "hypothèses", "confidence", "confidences",
                     "anecdote", "anecdotes", "souvenir", "souvenirs", "version", "ressenti", "impressions",
                     "opinion", "silence", "vision", "analyse", "réaction", "explications"}),
}
# "est revenu sur l'affaire", "revient sur son départ": a telling only with "sur" after it.
TELLING_AGAIN = ("revenu", "revenue", "revient", "reviennent", "revenait", "revenaient")
# The subjects of a frame that announces the statement after a colon ("Le constat est sans appel : ...",
# "C'est officiel : ...", "La raison est simple : ..."): a pointer or a word for what is about to be said.
FRAME_SUBJECTS = frozenset({"ce", "c'", "c\u2019", "cela", "ça", "constat", "résultat", "bilan", "verdict",
                            "conclusion", "explication", "raison", "réponse", "question", "problème", "message",
                            "objectif", "idée", "règle", "principe", "chose", "mot", "leçon", "enjeu"})
# Nouns after a demonstrative that point back to something said before ("cette mesure", "ce niveau").
RECORD_MARKERS = {
    "fr": ("record", "jamais vu", "jamais enregistré", "historique", "inédit", "le plus", "la plus", "les plus",
           "depuis 19", "depuis 20", "première fois", "jamais atteint"),
    "en": ("record ", "records ", "highest", "lowest", "first time", "ever ", "since 19", "since 20", "largest", "biggest"),
}

# Check-worthiness signals read on the words (checkworthiness.lexical_signals). What a
# fact-checker can look up: a recorded act (a vote, a signature), a rise or a fall, a measurable
# public matter. Chosen as categories, then checked on grouped folds of the English CheckThat!
# train file (the rules' F1 rose from 0.587 to 0.615; README, "Check-worthiness").
ACTION_MARKERS = {
    "fr": ("a voté", "ont voté", "avait voté", "avaient voté", "voté pour", "voté contre", "vote pour", "vote contre",
           "a soutenu", "ont soutenu", "s'est opposé", "se sont opposés", "a signé", "ont signé", "a adopté",
           "ont adopté", "adopté", "a proposé", "ont proposé", "a abrogé", "abrogé", "a bloqué", "approuvé", "veto"),
    "en": ("voted", "vote for", "vote against", "votes for", "votes against", "supported", "opposed", "vetoed",
           "veto", "signed", "passed", "proposed", "sponsored", "co-sponsored", "repealed", "blocked",
           "fought against", "approved"),
}
CHANGE_MARKERS = {
    "fr": ("augment", "hausse", "baiss", "diminu", "recul", "chute", "chuté", "doublé", "triplé", "progress",
           "réduit", "réduction", "perdu", "créé", "supprim", "plus élevé", "moins élevé", "grimp", "bondi"),
    "en": ("increase", "increasing", "decrease", "rose ", "risen", "rise ", "rising", "fell ", "fallen", "falling",
           "drop", "cut ", "cuts ", "cutting", "doubled", "tripled", "grew", "grown", "growing", "going up", "gone up",
           "going down", "gone down", "declin", "reduced", "reduction", "lost ", "gained", "created", "added",
           "higher than", "lower than"),
}
TOPIC_MARKERS = {
    "fr": ("impôt", "taxe", "budget", "déficit", "dette", "dépense", "emploi", "chômage", "économi", "salaire",
           "revenu", "pauvreté", "criminalité", "délinquance", "armée", "militaire", "troupes", "nucléaire",
           "frontière", "immigr", "santé", "assurance", "retraite", "sécurité sociale", "énergie", "pétrole",
           "prêt", "commerce", "loi ", "lois", "fédéra", "programme", "dollars", "euros", "milliard", "million",
           "pour cent", "armes", "drogue"),
    "en": ("tax", "budget", "deficit", "debt", "spending", "spend", "jobs", "job ", "unemploy", "economy", "wage",
           "income", "poverty", "crime", "military", "troops", "nuclear", "border", "immigra", "health care",
           "health insurance", "insurance", "medicare", "medicaid", "social security", "pension", "energy", "oil ",
           "loans", "trade", "bill ", "law ", "laws", "federal", "program", "dollars", "billion", "trillion",
           "million", "percent", "weapons", "guns", "drug",
           # Public matters a debate's figures are about (added with the signals below, same folds).
           "educat", "school", "college", "student", "teacher", "environment", "pollution", "climate", "abortion",
           "court", "police", "prison", "sanction", "terroris", "war ", "wars ", "army", "navy", "missile",
           "treaty", "nato", "allies", "compan", "businesses", "industr", "market", "farm", "price", "gas ",
           "coal", "interest rate", "mortgage", "housing", "welfare", "veteran", "hospital", "doctor", "patient",
           "regulation", "subsid", "tariff", "export", "imports", "imported", "surplus", "inflation", "recession", "salar",
           "minimum wage", "employ", "workers", "manufactur", "soldier", "refugee", "violence", "grants", "costs"),
}

# English check-worthiness signals read on the words, categories of what CheckThat! annotators
# mark (or do not mark) in debates, checked on grouped folds of the English train file (README,
# "Check-worthiness"). No French lists: these signals stay off in French.
# A time span anchors a statement to a checkable record: "since 1980", "two years ago", "under
# President Carter", "over the last eight years".
PERIOD_MARKERS = {
    "en": ("since ", "ago ", "last year", "past year", "previous year", "this year", "a year ", "per year",
           "each year", "every year", "last month", "last decade", "past decade", "last two", "last three",
           "last four", "last five", "last six", "last seven", "last eight", "last ten", "last twenty",
           "last few", "past few", "past two", "past three", "past four", "past five", "past eight", "past ten",
           "under the ", "under his ", "under her ", "under this ", "under that ", "under president",
           "under governor", "under senator", "under mr"),
}
# Named statistics: what is measured, not only a figure ("the unemployment rate", "on average").
STATISTIC_MARKERS = {
    "en": ("rate ", "rates ", "average", "majority", "half ", "number of", "amount of", "share of", "times ",
           "per ", "thousands", "millions", "hundreds", "percentage", "median", "ratio", "inflation",
           "unemployment"),
}
# The speaker presents the statement as a matter of record.
FACT_MARKERS = {
    "en": ("in fact", "the fact", "matter of fact", "the facts", "fact is", "the record", "the truth is"),
}
# What someone else said: a statement that can be looked up in the record of what they said.
REPORTED_SPEECH_MARKERS = {
    "en": ("he said", "she said", "they said", "he says", "she says", "they say ", "he told", "she told",
           "has said", "have said", "had said", "said that", "says that", "he stated", "she stated",
           "he claimed", "she claimed", "he called", "she called", "he indicated", "she indicated"),
}
# Intentions, obligations, wishes and proposals: what someone means to do cannot be checked yet.
INTENTION_MARKERS = {
    # What someone wants, demands or promises (word forms: "compte", "demande" and "entend" are too often a
    # noun or another verb, "veut" says what a word means or what one claims to be: "veut dire", "se veut
    # rassurant"; "exige" what a law requires). A demand with a figure is still a demand: "réclame 300
    # millions d'euros".
    "fr": ("voudrait", "voudraient", "souhaite ", "souhaitent", "souhaiterait", "a souhaité", "promet ",
           "promettent", "a promis", "ont promis", "s'engage à", "s'engagent à", "s'est engagé", "plaide pour",
           "plaident pour", "a plaidé pour", "ont plaidé pour", "réclame ", "réclament", "a réclamé", "ont réclamé",
           "prône", "milite pour", "militent pour", "a l'intention de", "ont l'intention de", "sa volonté de",
           "leur volonté de", "appelle de ses vœux"),
    "en": ("have to", "has to", "got to", "need to", "needs to", "let's", "let us", "we can ", "i can ",
           "we're going", "we are going", "we will", "we'll", "i'll", "want to", "my plan", "i propose"),
}
# Values, hopes and what matters: a stance, not a fact.
VALUES_MARKERS = {
    "en": ("values", "freedom", "faith", "future", "important", "opportunit", "experience", "believe in",
           "hope", "dream", "love ", "dignity", "respect "),
}
# Talk about the debate itself: its questions, answers and exchanges.
DEBATE_MARKERS = {
    "en": ("question", "answer", "respond", "talk about", "talking about", "agree with", "disagree",
           "this debate", "my opponent", "rebuttal"),
}

# General English categories of what a statement is about (2026-12-03, ninth session): each worth nothing
# alone on the grouped folds, together +0.01 (README, "Check-worthiness"). Whole words (the trailing space).
# Belief and feeling: the speaker's view rather than a record.
COGNITION_MARKERS = {
    "en": ("think ", "thinks ", "thought ", "thinking ", "believe ", "believes ", "believed ", "feel ", "feels ",
           "felt ", "opinion ", "view ", "judgment ", "wish ", "mind ", "afraid ", "concerned ", "glad ",
           "convinced ", "suppose ", "guess ", "sure "),
}
# Where a figure comes from: a report, a study, a poll.
EVIDENCE_MARKERS = {
    "en": ("report ", "reports ", "study ", "studies ", "evidence ", "numbers ", "figures ", "statistics ",
           "data ", "survey ", "poll ", "polls ", "analysis ", "estimate ", "estimates ", "estimated "),
}
# Taking a side: who is for or against what.
STANCE_MARKERS = {
    "en": ("against ", "wants ", "supports ", "opposes ", "favors ", "proposes ", "promised ", "promises ",
           "claims "),
}
# Public institutions, whose acts are on record.
INSTITUTION_MARKERS = {
    "en": ("administration ", "congress ", "senate ", "government ", "department ", "agency ", "commission ",
           "court ", "federal ", "legislature ", "committee ", "treasury "),
}
# Quantifiers ("many people", "every child", "no one"): counted only as a determiner, a modifier, a subject
# or an object (syntax.attach_parse), not "any more" or "all right".
QUANTIFIERS = {"en": frozenset({"many", "any", "every", "no", "all", "most", "none", "each", "single"})}

# First names that give their bearer's gender, for "il"/"elle" when the article marks it nowhere else
# (no civility, no gendered role or participle): "Marine Le Pen ... a-t-il ajouté" is not her. Common first
# names of French and international news; names given to both (Camille, Dominique, Claude, Sacha, Alix,
# Charlie, Andrea, Jean in English, Eden...) are left out. A compound name goes by its first part
# ("Jean-Marie", "Marie-France").
MASCULINE_FIRST_NAMES = frozenset("""
aaron abdel abdelkader abdellah abdoulaye adam adrien ahmed alain alban albert alexandre alexandr alexis alfred ali
alphonse amaury anatole andré andrew anthony antoine antonio armand arnaud arthur aurélien axel aymeric barack
baptiste bastien benjamin benoît benoit bernard bertrand bill bob boris brice bruno carlos cédric charles
christian christophe christopher clément constantin cyril cyrille damien daniel david denis didier dimitri
djamel donald édouard edouard emmanuel éric eric ernest étienne etienne eugène fabien fabrice félix felix
fernand florent florian francis francisco franck françois francois frank frédéric frederic gabriel gaël gaëtan
gaspard gaston geoffrey georges george gérald gérard gerard ghislain gilbert gilles grégoire grégory gregory
guillaume gustave guy harry hassan henri henry hervé herve hugo hugues igor ismaël ivan jack jacques jacky
jamel james jared jean jeremy jérémy jérôme jerome jimmy joachim joe joël joel john johnny jonathan jordan
joseph josé jules julien justin karim kevin kévin kylian laurent léo leo léon leon léonard lilian lionel louis
loïc luc luca lucas ludovic luis manuel marc marcel marco mario marius martin mathias mathieu matthieu
maurice max maxime médéric mehdi michael michaël michel mickaël mike mohamed mohammed nabil nathan nicolas
noël noel octave olivier omar oscar pascal patrice patrick paul philippe pierre quentin rachid raphaël raphael
raymond régis remi rémi renaud rené richard robert robin rodolphe roger roland romain ronan samuel sébastien
sebastien serge simon stanislas stéphane stephane steve steven sylvain théo theo thibault thibaut thierry
thomas timothée tony tristan ulysse valentin valéry vincent vladimir walter william xavier yann yannick yves
yvon zinedine freddy abdallah tim jair eddy ian recep
""".split())
FEMININE_FIRST_NAMES = frozenset("""
adèle adele adélaïde agathe agnès agnes aïcha alexandra alice aline amandine amélie amelie anaïs anais angela
angèle angélique anna anne annie annick apolline ariane audrey aurélie aurore barbara béatrice beatrice bérénice
brigitte carla carole caroline catherine cécile cecile céline celine chantal charlotte chloé chloe christelle
christiane christine claire clara clarisse claudia claudine clémence clemence clémentine coralie corinne
cynthia danielle delphine diane édith edith élisabeth elisabeth élise elise élodie elodie éloïse
emma emmanuelle émilie emilie estelle esther eva ève eve fabienne fanny fatima fatou florence françoise
francoise frédérique gabrielle geneviève genevieve georgette géraldine ghislaine gisèle hélène helene
hillary ingrid irène irene isabelle jacqueline jeanne jennifer jessica joséphine josephine judith julia julie
juliette justine karine kate katia laetitia laeticia lætitia laura laure laurence léa lea léna leila leïla
liliane lina linda lisa louise lucie lucienne lydie madeleine maëlle magali manon marguerite maria marianne
marie marina marine marion marisol marlène marthe martine maryse mathilde maud mélanie melanie mélissa
michèle michelle mireille monique muriel myriam nadia nadine natacha nathalie nicole noémie nora océane
odile pascale patricia paula pauline pénélope perrine rachel rachida raphaëlle rebecca régine rose rosalie
roselyne sabine sabrina sandrine sarah sara ségolène segolene séverine severine simone sophie stéphanie
stephanie suzanne sylvie tatiana thérèse valérie valerie vanessa véronique veronique victoire victoria
virginie yasmina yolande yvette yvonne zoé zoe greta sonia theresa elizabeth nancy nolwenn gabriela eliane
éliane monica sibeth ursula kamala melania ivanka meghan jacinda
""".split())


# The present of "aller", the auxiliary of French's near future ("le maire va présenter son budget", "nous allons
# vendre"): tense.tense_at reads the infinitive it governs as to come, rule_signals._near_future the main verb.
GOING_TO = frozenset({"vais", "vas", "va", "allons", "allez", "vont"})


# Nouns that say who someone is (their sex, age, origin), which a story uses to go on about a person it named:
# "Jean Dupont a été retrouvé mort. L'homme ...". Not the part someone plays in an event ("Jean Dupont a été
# renversé. Le conducteur a pris la fuite": someone else), nor an office or occupation (attribution.FOLDED_JOBS,
# PERSON_ROLES). Those of one gender whatever their determiner ("l'homme", "l'adolescente") are in the two sets after.
IDENTITY_NOUNS = frozenset({
    "homme", "femme", "garçon", "fille", "adolescent", "adolescente", "enfant", "jeune", "retraité", "retraitée",
    "trentenaire", "quadragénaire", "quinquagénaire", "sexagénaire", "septuagénaire", "octogénaire",
    "nonagénaire", "quadra", "quinqua", "sexa",
})
MASCULINE_IDENTITIES = frozenset({"homme", "garçon", "adolescent", "retraité"})
FEMININE_IDENTITIES = frozenset({"femme", "fille", "adolescente", "retraitée"})
