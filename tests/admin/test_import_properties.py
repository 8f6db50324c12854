"""Property test (hypothesis) for CSV import of prior fact-checks: whatever the cells hold, the
import either writes every row or none, never raises, and never leaves an audit row for a row it
did not keep."""

from __future__ import annotations

import csv
import io

import pytest
import tablib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.admin.resources import PriorFactCheckResource
from claims.models import AuditEvent, PriorFactCheck

HEADER = ["claim_reviewed", "rating_text", "rating_value", "best_rating", "worst_rating", "url", "publisher",
          "language"]
cells = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40),
    st.sampled_from(["", "1", "5", "0", "-3", "4.5", "abc", "=HYPERLINK(\"x\")", "https://checker.example.org/a",
                     "fr", "en", "Vrai"]),
)
rows = st.lists(st.fixed_dictionaries({name: cells for name in HEADER}), min_size=1, max_size=4)


def to_csv(data: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER)
    writer.writeheader()
    writer.writerows(data)
    return out.getvalue()


@pytest.mark.django_db
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows)
def test_csv_import_is_all_or_nothing_whatever_the_cells(data):
    PriorFactCheck.objects.all().delete()
    AuditEvent.objects.filter(object_type="priorfactcheck").delete()
    dataset = tablib.Dataset().load(to_csv(data), format="csv")
    result = PriorFactCheckResource().import_data(dataset, dry_run=False, rollback_on_validation_errors=True,
                                                  raise_errors=False)
    failed = result.has_validation_errors() or result.has_errors()
    stored = PriorFactCheck.objects.count()
    if failed:
        assert stored == 0
        assert not AuditEvent.objects.filter(object_type="priorfactcheck").exists()
    else:
        # Every stored row is one of the input's (blank rows are skipped), each url once.
        urls = set(PriorFactCheck.objects.values_list("url", flat=True))
        assert urls <= {row["url"].strip() for row in data}
        assert stored == len(urls)
        assert stored == sum(1 for row in result.rows if row.import_type == "new")
