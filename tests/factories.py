"""factory_boy factories that encode the rules: a claim's quote is its article's text at its offsets."""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.models import User

from claims.models import Article, Claim, PriorFactCheck, Rating, Verdict, content_hash

ARTICLE_TEXT = (
    "Le Kazakhstan a envoyé près de 40 tonnes de nourriture et de médicaments à l'Ukraine. "
    "Selon le ministère, trois ambulances ont également été offertes mercredi."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"user{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    language = "fr"
    text = factory.Sequence(lambda n: f"{ARTICLE_TEXT} (Dépêche {n}.)")
    content_hash = factory.LazyAttribute(lambda a: content_hash(a.text))
    extraction_status = "done"


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim on the first sentence of its article unless told otherwise."""

    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    start = 0
    end = factory.LazyAttribute(lambda c: c.article.text.index(".") + 1 if c.article else None)
    quote = factory.LazyAttribute(lambda c: c.article.text[c.start : c.end] if c.article else "")
    text = factory.LazyAttribute(lambda c: c.quote or "Une affirmation à vérifier.")
    language = "fr"
    checkworthiness = 0.8
    checkworthiness_reasons = factory.LazyFunction(lambda: ["contains a quantity"])
    kind = "statistic"


def rating(slug: str) -> Rating:
    return Rating.objects.get(slug=slug)


class VerdictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verdict

    claim = factory.SubFactory(ClaimFactory)
    rating = factory.LazyFunction(lambda: Rating.objects.get(slug="mostly-true"))
    summary = "Le Kazakhstan a envoyé 40 tonnes d'aide à l'Ukraine"
    explanation = "Les chiffres du ministère le confirment."


class PriorFactCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorFactCheck

    claim_reviewed = "Le Kazakhstan a envoyé 40 tonnes d'aide humanitaire à l'Ukraine"
    rating_text = "Vrai"
    url = factory.Sequence(lambda n: f"https://checker.example.org/fc/{n}")
    publisher = "Checker"
    language = "fr"

    @classmethod
    def _create(cls, model_class: Any, *args: Any, **kwargs: Any) -> PriorFactCheck:
        # Through the import service like every real import: the row gets its analysed form and postings.
        from claims.services.priors import priors_upsert

        ids = priors_upsert(rows=[kwargs], source=kwargs.get("source") or "import")
        return model_class.objects.get(pk=ids[kwargs["url"]])


def claim_in(status: str, **kwargs: Any) -> Claim:
    return ClaimFactory(status=status, **kwargs)
