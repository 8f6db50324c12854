"""Word lists per language. Kept apart from the logic so a newsroom can extend them."""

from __future__ import annotations

NUMBER_WORDS = {
    "fr": {
        "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
        "soixante": 60, "cent": 100, "cents": 100, "mille": 1000, "dizaine": 10, "douzaine": 12,
        "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50, "centaine": 100,
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
        "quasiment": "approx", "grosso modo": "approx", "une centaine": "approx",
    },
    "en": {
        "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx", "roughly": "approx",
        "approximately": "approx", "some": "approx", "more than": "more_than", "over": "more_than",
        "less than": "less_than", "fewer than": "less_than", "under": "less_than", "at least": "at_least",
        "up to": "at_most", "at most": "at_most", "close to": "approx", "an estimated": "approx",
    },
}
PERCENT_WORDS = {"%", "pour cent", "pourcent", "percent", "per cent", "points", "point"}
CURRENCY = {"€": "EUR", "$": "USD", "£": "GBP", "euros": "EUR", "euro": "EUR", "dollars": "USD",
            "dollar": "USD", "livres": "GBP", "pounds": "GBP", "francs": "CHF", "yuans": "CNY", "roubles": "RUB"}

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan.": 1, "feb.": 2, "aug.": 8,
    "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}
WEEKDAYS = {
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
RELATIVE_DAYS = {
    "hier": -1, "aujourd'hui": 0, "demain": 1, "avant-hier": -2, "après-demain": 2,
    "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
}

# Verb forms that introduce reported speech (matched on the lower-cased token prefix).
SPEECH_PREFIXES = {
    "fr": ("déclar", "affirm", "assur", "estim", "expliqu", "indiqu", "annonc", "soulign", "ajout", "précis",
           "confi", "rappel", "admet", "admis", "reconn", "avanc", "souten", "soutien", "prévien", "prévenu",
           "martel", "insist", "dénonc", "accus", "promet", "promis", "lanc", "répond", "répét", "jug",
           "confirm", "dit", "dira", "écrit", "raconte", "explique", "observ", "commenté", "tranch",
           "regrett", "déplor", "salu", "alert", "averti", "assén", "détaill", "résum", "nuanc", "ironis", "fustig"),
    "en": ("said", "say", "says", "told", "tell", "claim", "stat", "announc", "insist", "argu", "add",
           "explain", "warn", "wrote", "writ", "declar", "assert", "tweet", "confirm", "report", "note",
           "acknowledg", "admit", "deni", "deny"),
}
ATTRIBUTION_MARKERS = {
    "fr": ("selon", "d'après", "d'apres", "aux yeux de", "pour reprendre les mots de"),
    "en": ("according to", "as reported by", "in the words of"),
}
OPINION_MARKERS = {
    "fr": ("je pense", "je crois", "à mon avis", "a mon avis", "selon moi", "il faut", "il faudrait",
           "devrait", "devraient", "j'estime", "nous pensons", "je trouve", "il me semble", "scandaleux",
           "formidable", "magnifique", "honteux", "inadmissible", "malheureusement", "heureusement",
           "sans doute", "peut-être", "semble", "semblent", "a priori", "probablement", "belle", "beau"),
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
PRONOUN_SPEAKERS = {"il", "elle", "ils", "elles", "he", "she", "they"}
