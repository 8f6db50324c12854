"""Admin bulk actions on many claims: seconds and SQL queries per action (DESIGN.md §9).

    DATABASE_URL=postgres://... python bench/bulk.py --claims 10000
    DATABASE_URL=postgres://... python bench/bulk.py --claims 1000     # queries must be the same

Creates its own article, claims, evidence and verdicts (tagged with a bench article), runs each
bulk service of claims.services.bulk on all of them, prints one line per action, removes what it
created, and ends with one line of name=value pairs:
    seconds=<status change> queries=<status change> assign_seconds=... slowest_action=... slowest_seconds=...
    admin_status_seconds=... admin_assign_seconds=...  (the same changes through /admin/, "select all")

Webhooks: a subscribed endpoint (127.0.0.1:9, never contacted) makes every action write its
delivery rows, as in production. Task publishing after commit (webhook deliveries, evidence,
extraction) goes to the broker when --publish is given and CELERY_BROKER_URL is set; otherwise
it is counted, not sent (the `enqueued=` figure), so the figures are the database work.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, default=10_000, help="claims to act on (default 10000)")
    parser.add_argument("--no-webhooks", action="store_true", help="no subscribed webhook (no delivery rows)")
    parser.add_argument("--publish", action="store_true", help="really publish tasks to CELERY_BROKER_URL")
    parser.add_argument("--keep", action="store_true", help="keep the rows afterwards (default: delete them)")
    args = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        print(f"warning: running on {connection.vendor}; the figures that count are PostgreSQL's (set DATABASE_URL)")
    call_command("migrate", verbosity=0)

    enqueued = [0]
    if not (args.publish and os.environ.get("CELERY_BROKER_URL")):
        import claims.services.queue as queue

        def count_only(task_name: str, *a: Any, **k: Any) -> bool:
            enqueued[0] += 1
            return True

        queue.enqueue_now = count_only  # type: ignore[assignment]

    fixture = setup(args.claims, webhooks=not args.no_webhooks)
    try:
        results = run_actions(fixture)
    finally:
        if not args.keep:
            teardown(fixture)

    # cpu_s is this process's CPU (Python + driver); the rest of `seconds` is the database server
    # and, on a shared machine, waiting for a core.
    print(f"{'action':<28} {'rows':>7} {'changed':>8} {'seconds':>8} {'cpu_s':>7} {'queries':>8}")
    for name, rows, changed, seconds, queries, cpu in results:
        print(f"{name:<28} {rows:>7} {changed:>8} {seconds:>8.3f} {cpu:>7.3f} {queries:>8}")
    by_name = {r[0]: r for r in results}
    slowest = max(results, key=lambda r: r[3])
    status = by_name["status new->selected"]
    assign = by_name["assign"]
    admin_status, admin_assign = by_name["admin: duplicate->new apply"], by_name["admin: assign apply"]
    print(
        f"claims={args.claims} database={connection.vendor} webhooks={'off' if args.no_webhooks else 'on'} "
        f"enqueued_not_published={enqueued[0]} load_average={os.getloadavg()[0]:.1f}"
    )
    print(
        f"seconds={status[3]:.3f} queries={status[4]} cpu_seconds={status[5]:.3f} assign_seconds={assign[3]:.3f} assign_queries={assign[4]} "
        f"max_queries={max(r[4] for r in results)} slowest_action={slowest[0].replace(' ', '_')} "
        f"slowest_seconds={slowest[3]:.3f} admin_status_seconds={admin_status[3]:.3f} "
        f"admin_assign_seconds={admin_assign[3]:.3f}"
    )
    return 0


def setup(n: int, *, webhooks: bool) -> dict[str, Any]:
    from django.contrib.auth.models import Group, User
    from django.db import transaction

    from claims.models import Article, Claim, Evidence, Rating, Verdict, Webhook, content_hash

    stamp = f"bench-bulk-{os.getpid()}-{time.time_ns()}"
    with transaction.atomic():
        editor, _ = User.objects.get_or_create(username="bench-editor")
        editor.groups.add(Group.objects.get(name="editor"))
        reviewer, _ = User.objects.get_or_create(username="bench-reviewer")
        reviewer.groups.add(Group.objects.get(name="reviewer"))
        text = f"Le chômage a baissé de 2 % en un an. ({stamp})"
        article = Article.objects.create(title=stamp, text=text, content_hash=content_hash(text), language="fr",
                                         extraction_status="done")
        Claim.objects.bulk_create(
            [Claim(article=article, text=f"Affirmation {i}: le chômage a baissé de {i % 50} %", language="fr",
                   checkworthiness=(i % 100) / 100, kind="statistic") for i in range(n)],
            batch_size=2000,
        )
        ids = list(Claim.objects.filter(article=article).order_by("pk").values_list("pk", flat=True))
        # Two sources per claim, one of them shared by every claim: merging must not duplicate it.
        Evidence.objects.bulk_create(
            [Evidence(claim_id=pk, provider="library", url=url)
             for pk in ids for url in ("doc/shared", f"doc/{pk}")],
            batch_size=2000,
        )
        hook = (
            Webhook.objects.create(name=stamp, url="http://127.0.0.1:9/bench", events=["claim.updated"])
            if webhooks else None
        )
        rating = Rating.objects.filter(is_active=True, value__isnull=False).order_by("value").first()
        # A tenth of the claims carry a published verdict, for the ClaimReview export.
        published = ids[: max(1, n // 10)]
        Verdict.objects.bulk_create(
            [Verdict(claim_id=pk, rating=rating, summary="Le chômage a baissé de 2 %", author=reviewer,
                     approver=editor, status="published", public_url=f"https://factcheck.example.org/c/{pk}/")
             for pk in published],
            batch_size=2000,
        )
    vacuum()
    return {"ids": ids, "article": article, "editor": editor, "reviewer": reviewer, "hook": hook,
            "rating": rating}


BENCH_TABLES = ("claims_claim", "claims_evidence", "claims_verdict", "claims_auditevent", "claims_webhookdelivery",
                "claims_comment")


def vacuum() -> None:
    """Start from a table in the state autovacuum keeps a live one in: no dead rows, fresh statistics.

    Without it, the bench measures the bloat of its own previous runs (each run updates every row
    several times), which autovacuum on a busy machine may not have cleaned yet.
    """
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in BENCH_TABLES:
                cursor.execute(f"VACUUM ANALYZE {table}")


def run_actions(f: dict[str, Any]) -> list[tuple[str, int, int, float, int, float]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.models import Claim, Verdict
    from claims.services import bulk
    from claims.services.roles import is_editor, is_reviewer

    ids, editor, reviewer = f["ids"], f["editor"], f["reviewer"]
    is_editor(editor), is_reviewer(reviewer)  # roles are read once per user object and cached
    results: list[tuple[str, int, int, float, int, float]] = []

    def timed(name: str, call: Callable[[], Any]) -> None:
        with CaptureQueriesContext(connection) as ctx:
            start, cpu = time.perf_counter(), time.process_time()
            outcome = call()
            seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        changed = outcome.changed if hasattr(outcome, "changed") else outcome
        results.append((name, len(ids), changed, seconds, len(ctx.captured_queries), cpu))

    timed("assign", lambda: bulk.claims_bulk_assign(claim_ids=ids, assignee=reviewer, actor=editor))
    timed("status new->selected", lambda: bulk.claims_bulk_transition(claim_ids=ids, to="selected", actor=editor))
    timed("status selected->in_progress",
          lambda: bulk.claims_bulk_transition(claim_ids=ids, to="in_progress", actor=editor))
    # Draft verdicts for the rating action (the published tenth keeps its history verdict).
    Verdict.objects.bulk_create(
        [Verdict(claim_id=pk, summary="Le chômage a baissé", author=reviewer) for pk in ids], batch_size=2000
    )
    timed("set draft rating", lambda: bulk.claims_bulk_set_rating(claim_ids=ids, rating=f["rating"], actor=editor))
    timed("re-run evidence", lambda: bulk.claims_bulk_gather_evidence(claim_ids=ids, actor=editor))
    timed("export csv", lambda: sum(len(chunk) for chunk in bulk.claims_export_csv(claim_ids=ids)) and len(ids))
    timed("export claimreview", lambda: len(bulk.claims_export_claimreview(claim_ids=ids)))
    half = ids[: len(ids) // 2]
    timed("dismiss with reason", lambda: bulk.claims_bulk_dismiss(claim_ids=half, reason="Hors sujet", actor=editor))
    timed("status dismissed->new", lambda: bulk.claims_bulk_transition(claim_ids=half, to="new", actor=editor))
    original = Claim.objects.get(pk=ids[-1])
    timed("mark duplicate + merge",
          lambda: bulk.claims_bulk_mark_duplicate(claim_ids=ids[:-1], original=original, actor=editor))

    # The same services through the admin, as an editor uses it: the changelist filtered to the
    # bench's claims (assignee = the bench reviewer), "select all", the confirmation page, apply.
    client = admin_client(editor)
    url = f"/admin/claims/claim/?assignee={reviewer.pk}"

    def admin_post(action: str, *, apply: bool, **form: Any) -> int:
        """POST the action as the changelist's form does; the confirmation page is 200, applying 302."""
        data = {"action": action, "select_across": "1", "index": "0", "_selected_action": [str(ids[0])], **form}
        if apply:
            data["apply"] = "1"
        response = client.post(url, data)
        if response.status_code != (302 if apply else 200):
            raise SystemExit(f"admin {action}: HTTP {response.status_code}")
        return 0

    timed("admin: duplicate->new page", lambda: admin_post("move_to_new", apply=False))
    timed("admin: duplicate->new apply", lambda: admin_post("move_to_new", apply=True))
    duplicates_moved = Claim.objects.filter(pk__in=ids, status="new").count()
    timed("admin: assign page", lambda: admin_post("assign", apply=False))
    timed("admin: assign apply", lambda: admin_post("assign", apply=True, assignee=str(editor.pk)))
    reassigned = Claim.objects.filter(pk__in=ids, assignee=editor).count()
    # The original of the duplicates is in progress (cannot go back to new); every other claim moved.
    if duplicates_moved != len(ids) - 1 or reassigned != len(ids):
        raise SystemExit(f"admin: {duplicates_moved} moved to new, {reassigned} reassigned, of {len(ids)}")
    results[-3] = (*results[-3][:2], duplicates_moved, *results[-3][3:])
    results[-1] = (*results[-1][:2], reassigned, *results[-1][3:])
    return results


def admin_client(editor: Any) -> Any:
    """A signed-in test client (no server): the admin's own request handling, views and templates."""
    from django.contrib.auth.models import Permission
    from django.test import Client

    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="claims", codename__in=["view_claim", "change_claim"]))
    client = Client(SERVER_NAME="localhost")
    client.force_login(editor)
    return client


def teardown(f: dict[str, Any]) -> None:
    from claims.models import AuditEvent

    # Audit rows of claims cascade with them; the bench's own users keep nothing else.
    AuditEvent.objects.filter(claim_id__in=f["ids"]).delete()
    f["article"].delete()
    if f["hook"] is not None:
        f["hook"].delete()
    vacuum()


if __name__ == "__main__":
    raise SystemExit(main())
