"""django-import-export resources: claims and prior fact-checks as CSV / XLSX / JSON.

Imports are all-or-nothing (one transaction, rolled back on any row error, validation errors
included), validated per row with the models' own rules, audited in one bulk insert, and announce
new and changed claims through webhooks. Workflow fields (status, assignee, duplicate) are export
only: they change through the workflow service, never through a spreadsheet.
"""

from __future__ import annotations

from typing import Any

from import_export import fields, resources
from import_export.formats.base_formats import CSV, JSON, XLSX
from import_export.results import Result, RowResult

from claims.claimreview import scale_problems
from claims.models import AuditEvent, Channel, Claim, PriorFactCheck
from claims.services.audit import audit_bulk
from claims.services.bulk import csv_safe
from claims.services.priors import priors_reindex
from claims.services.webhooks import webhook_emit_many

IMPORT_FORMATS = [CSV, XLSX, JSON]


class AuditedResource(resources.ModelResource):
    audit_action = "import"

    def export_resource(self, instance: Any, selected_fields: Any = None, **kwargs: Any) -> list[Any]:
        # Exported cells are opened in spreadsheets: neutralise formulas in every format.
        return [csv_safe(value) for value in super().export_resource(instance, selected_fields, **kwargs)]

    def _audit(self, result: Result, user: Any) -> list[tuple[str, int]]:
        done = [
            (row.import_type, int(row.object_id))
            for row in result.rows
            if row.import_type in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE) and row.object_id
        ]
        model = self._meta.model._meta.model_name
        is_claim = self._meta.model is Claim
        audit_bulk(
            AuditEvent(
                actor_id=getattr(user, "pk", None), action=f"{model}.{self.audit_action}", object_type=model,
                object_id=pk, claim_id=pk if is_claim else None, after={"import": kind}, channel=Channel.ADMIN,
            )
            for kind, pk in done
        )
        return done

    def after_import(self, dataset: Any, result: Result, **kwargs: Any) -> None:
        super().after_import(dataset, result, **kwargs)
        if not self._is_dry_run(kwargs) and not result.has_errors() and not result.has_validation_errors():
            self.announce(self._audit(result, kwargs.get("user")))

    def announce(self, done: list[tuple[str, int]]) -> None:
        pass


class ClaimResource(AuditedResource):
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    assignee = fields.Field(attribute="assignee__username", column_name="assignee", readonly=True)
    article = fields.Field(attribute="article_id", column_name="article", readonly=True)
    version = fields.Field(attribute="version", column_name="version", readonly=True)

    class Meta:
        model = Claim
        fields = ("id", "text", "claimant", "language", "kind", "checkworthiness", "status", "assignee",
                  "article", "version")
        export_order = fields
        import_id_fields = ("id",)
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def get_export_queryset(self, request: Any) -> Any:  # pragma: no cover - used by the export view
        return Claim.objects.select_related("assignee").defer("quote", "entities", "quantities", "dates")

    def before_save_instance(self, instance: Claim, row: Any, **kwargs: Any) -> None:
        # A spreadsheet edit is a person's edit: bump the version so open editors see a conflict.
        user = kwargs.get("user")
        if instance.pk:
            instance.version += 1
        else:
            instance.created_by_id = getattr(user, "pk", None)
        instance.touched = True

    def announce(self, done: list[tuple[str, int]]) -> None:
        created = [pk for kind, pk in done if kind == RowResult.IMPORT_TYPE_NEW]
        updated = [pk for kind, pk in done if kind == RowResult.IMPORT_TYPE_UPDATE]
        if created:
            webhook_emit_many(event="claim.created", items=[(pk, {"claim_id": pk}) for pk in created])
        if updated:
            webhook_emit_many(
                event="claim.updated", items=[(pk, {"claim_id": pk, "change": "import"}) for pk in updated]
            )


class PriorFactCheckResource(AuditedResource):
    class Meta:
        model = PriorFactCheck
        fields = ("claim_reviewed", "rating_text", "rating_value", "best_rating", "worst_rating", "url",
                  "publisher", "claimant", "review_date", "language", "source")
        export_order = fields
        import_id_fields = ("url",)
        use_transactions = True
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True

    def validate_instance(
        self, instance: PriorFactCheck, import_validation_errors: dict[str, Any] | None = None,
        validate_unique: bool = True,
    ) -> None:
        errors = dict(import_validation_errors or {})
        numbers = (instance.rating_value, instance.best_rating, instance.worst_rating)
        if any(n is not None for n in numbers):
            if any(n is None for n in numbers):
                errors["rating_value"] = ["rating_value, best_rating and worst_rating go together"]
            else:
                problems = scale_problems((instance.worst_rating, instance.best_rating))  # type: ignore[arg-type]
                if not instance.worst_rating <= instance.rating_value <= instance.best_rating:  # type: ignore[operator]
                    problems.append("rating_value must lie between worst_rating and best_rating")
                if problems:
                    errors["rating_value"] = problems
        super().validate_instance(instance, errors or None, validate_unique)

    def announce(self, done: list[tuple[str, int]]) -> None:
        # Rows imported here skip priors_upsert: give them their analysed forms, or matching never sees them.
        priors_reindex(ids=[pk for _kind, pk in done])
