"""News outlets: a known medium's name found in text as articles decline or write it ("du Parisien",
"l'OBS", "France Bleu Normandie"), given back as its masthead (outlet_in, is_outlet)."""

from __future__ import annotations

import re

from claims.extraction import lexicon as lx

# A title's article is declined in the sentence: "rapporte le Parisien", "a confié au Parisien",
# "selon une source du Figaro", "aux Echos".
_DECLINED = {"Le ": r"(?:[Ll]e|[Dd]u|[Aa]u) ", "La ": r"(?:[Ll]a|[Dd]e la|[Àà] la) ", "Les ": r"(?:[Ll]es|[Dd]es|[Aa]ux) "}


def _shouted(title: str) -> str:
    """A title after its article may be written in capitals ("l'OBS", "du PARISIEN"); a bare name is
    not read that way (an acronym in capitals is its own word)."""
    return title.upper() if len(title) >= 3 and not title.isupper() else ""


def _lowered_last(name: str) -> str:
    """"Journal du dimanche", "La Voix du nord": a title of three words or more is still the paper's with
    its last word in lower case (the capitals before it make it a name); a shorter one is not ("le point",
    "France bleu"). "" when there is no such variant."""
    words = name.split(" ")
    last = words[-1]
    if len(words) < 3 or not last[:1].isupper() or not last[1:].islower() or "'" in last:
        return ""
    return " ".join([*words[:-1], last.lower()])


def _glued(name: str) -> str:
    """"20Minutes", "FranceInfo": a title of two words not led by an article, as often written without its space
    (a web address's spelling); "" for the others."""
    words = name.split(" ")
    return "".join(words) if len(words) == 2 and not name.startswith((*_DECLINED, "L'")) and all(
        w[:1].isupper() or w[:1].isdigit() for w in words) and words[1][:1].isupper() else ""


def _outlet_regex(names: tuple[str, ...]) -> str:
    """One alternation per article (the declined forms before the titles that take it), then the
    other names: grouped, the pattern stays fast on every sentence."""
    names = tuple(dict.fromkeys([*names, *filter(None, map(_lowered_last, names)), *filter(None, map(_glued, names))]))
    groups = []
    for article, declined in _DECLINED.items():
        titles = {n[len(article) :] for n in names if n.startswith(article)}
        titles = sorted(titles | {_shouted(t) for t in titles} - {""}, key=len, reverse=True)
        groups.append(declined + "(?:" + "|".join(re.escape(t) for t in titles) + ")")
    elided = {n[2:] for n in names if n.startswith("L'")}
    # After a lower-case "l'" a title of several words is still the paper's ("nous apprend l'Est Républicain");
    # one word may be something else's name ("l'Union européenne", "l'Alsace"). Not in a headline all in
    # capitals ("L'UNION EUROPÉENNE").
    groups.append("[Ll]'(?:" + "|".join(re.escape(t) for t in sorted(
        {_shouted(t) for t in elided} - {""} | {t for t in elided if " " in t}, key=len, reverse=True))
        + r")(?!\s+[A-ZÀ-Þ]{2})")
    rest = sorted((n for n in names if not n.startswith(tuple(_DECLINED))), key=len, reverse=True)
    return "|".join([*groups, *(re.escape(n) for n in rest)])


# The characters a name in _OUTLET_PATTERN starts with: "France", an article of _DECLINED or "l'", a title's
# first letter. Looked ahead for first, so most places of a sentence are passed over at once.
_OUTLET_FIRST = "".join(sorted({"F", "L", "l", "D", "d", "A", "a", "À", "à"} | {n[0] for n in lx.OUTLETS}))
_OUTLET_PATTERN = re.compile(
    # Regional editions first ("France Bleu Normandie", "France 3 Côte d'Azur"), then the known names.
    r"(?<!\w)(?=[" + re.escape(_OUTLET_FIRST) + r"])(France (?:Bleu|3)(?:\s+(?!d[eu]\b)[A-ZÀ-Þ][\w'-]+(?:\s+d['’][A-ZÀ-Þ][\w-]+)?){1,2}|" + _outlet_regex(lx.OUTLETS) + r")(?![\w'-])"
)
# "du Parisien" is "Le Parisien": the title as written in its masthead, longest first.
_TITLES = sorted(((o.split(" ", 1)[1], o) for o in lx.OUTLETS if o.startswith(tuple(_DECLINED))),
                 key=lambda pair: -len(pair[0]))
_BY_LOWER = {**{_glued(o).lower(): o for o in lx.OUTLETS if _glued(o)}, **{o.lower(): o for o in lx.OUTLETS}}
# "lefigaro", "20minutes", "ouest-france": a known medium's name as its web address writes it.
_BY_ADDRESS = {re.sub(r"[\s'’]", "", o.lower()): o for o in lx.OUTLETS}


# A news site written as its web address ("sudinfo.be", "actu.fr", "www.20minutes.fr"): a name in lower case and the
# country or generic ending news sites have. Not a government's site ("impots.gouv.fr"), which is no medium, nor an
# e-mail address or a path.
_DOMAIN = re.compile(r"(?<![\w@/.-])(?:www\.)?((?:[a-z0-9][a-z0-9-]*\.)*?([a-z0-9][a-z0-9-]*))"
                     r"\.(?:fr|be|ch|lu|ca|com|net|info|tv)(?![\w@/-]|\.\w)")


def _web_address(text: str) -> str:
    """The first news site a text names by its web address, as its masthead when it is a known medium's
    ("20minutes.fr" is 20 Minutes), else as written; "" when none."""
    for m in _DOMAIN.finditer(text):
        if "gouv" in m.group(1):
            continue
        return _BY_ADDRESS.get(m.group(2), m.group(0))
    return ""


def outlet_in(text: str) -> str:
    m = _OUTLET_PATTERN.search(text)
    if not m:
        return _web_address(text) if "." in text else ""
    found = m.group(0).strip()
    if found in lx.OUTLETS:
        return found
    if found.lower() in _BY_LOWER:
        return _BY_LOWER[found.lower()]  # "L'OBS" is L'Obs
    return next((title for rest, title in _TITLES if found.lower().endswith(" " + rest.lower())), found)


def is_outlet(name: str) -> bool:
    return bool(name) and outlet_in(name) == name.strip()
