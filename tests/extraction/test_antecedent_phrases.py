"""What a claim's text takes from the sentences before and from its own sentence's frame: an antecedent that is a
noun phrase (never a clause the parser hung on a noun), a source's apposition that leaves with the source, a
pronoun that only repeats the subject put first, and a part of a group that says of whom only with the sentences
before (claims.extraction.article_context, attribution, padding, needs_context)."""

from __future__ import annotations

from tests.extraction.test_rewrite import one


def test_an_antecedent_is_never_a_clause_the_parser_hung_on_a_noun() -> None:
    # "a avoir" (for "à avoir") made "club" the subject of "a": the words before it, "Il est le seul grand club",
    # are no noun phrase a later "il" may be replaced by.
    text = ("Le club de Nantes a présenté ses comptes lundi devant la presse. Il est le seul grand club français a "
            "avoir publié un bilan complet. Il a perdu 12 millions d'euros l'an dernier selon ce document.")
    claim = one(text, "12 millions")
    assert "Il est" not in claim.text
    assert " est " not in claim.text.split("a perdu")[0]
