"""Two people saving the same claim at the same moment, on PostgreSQL with real row locks."""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from claims.models import AuditEvent, Claim
from claims.services.errors import StaleVersion
from claims.services.workflow import claim_update
from tests.factories import ClaimFactory


@pytest.mark.django_db(transaction=True)
def test_it_lets_exactly_one_of_two_simultaneous_saves_win(postgres, alice, bob):
    claim = ClaimFactory()
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(user, text):
        try:
            barrier.wait()
            claim_update(claim=claim.pk, actor=user, changes={"text": text}, expected_version=1)
            outcomes[user.username] = "won"
        except StaleVersion:
            outcomes[user.username] = "stale"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(u, f"Texte de {u.username}")) for u in (alice, bob)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["stale", "won"]
    winner = next(name for name, result in outcomes.items() if result == "won")
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.text == f"Texte de {winner}"
    assert claim.version == 2
    actions = sorted(AuditEvent.objects.filter(claim=claim).values_list("action", flat=True))
    assert actions == ["claim.update", "claim.update.refused"]
