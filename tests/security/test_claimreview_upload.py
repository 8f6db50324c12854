"""The admin's ClaimReview upload refuses hostile files with a form error, never a 500 (issue 14, 13)."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.models import PriorFactCheck


@pytest.mark.django_db
@pytest.mark.parametrize("depth", [950, 3000])
def test_a_deeply_nested_upload_is_a_form_error(client, admin_user, depth):
    client.force_login(admin_user)
    url = reverse("admin:claims_priorfactcheck_import_claimreview")
    payload = ("[" * depth + "]" * depth).encode()
    response = client.post(url, {"file": SimpleUploadedFile("cr.json", payload)})
    assert response.status_code == 200
    assert "nested more than 64 levels deep" in str(response.context["form"].errors["file"])
    assert not PriorFactCheck.objects.exists()


@pytest.mark.django_db
def test_an_upload_with_an_object_as_claim_reviewed_reports_the_row(client, admin_user):
    client.force_login(admin_user)
    url = reverse("admin:claims_priorfactcheck_import_claimreview")
    rows = [{"@type": "ClaimReview", "url": "https://checker.example.org/fc/1", "claimReviewed": {"x": "y"}}]
    response = client.post(url, {"file": SimpleUploadedFile("cr.json", json.dumps(rows).encode())}, follow=True)
    assert "row 0: claimReviewed must be text, not an object" in response.content.decode()
    assert not PriorFactCheck.objects.exists()
