"""The benchmarks' seeding writes rows the current schema accepts (it broke silently once, when two
NOT NULL columns were added to claims): seeded through COPY on PostgreSQL, bulk_create elsewhere."""

import pytest

from bench.common import seed_claims
from claims.models import Claim

pytestmark = pytest.mark.django_db(transaction=True)


def test_seed_claims_tops_the_table_up_to_the_total() -> None:
    assert seed_claims(120, per_article=50) == 120
    assert Claim.objects.count() == 120
    assert seed_claims(120) == 0
    claim = Claim.objects.order_by("pk").first()
    assert claim.article.text[claim.start:claim.end] == claim.quote
