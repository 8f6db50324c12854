"""django-import-export resources: claims and prior fact-checks as CSV / XLSX / JSON.

Imports are all-or-nothing (one transaction, rolled back on any row error, validation errors
included) and validated per row with the models' own rules. Claim rows go through the claim
services like any other edit (claims_manual.claim_create, workflow.claim_update): the rulebook
decides (a claim under review or published refuses, with the reason on its row), and the services
write the per-field audit and the webhook events. Workflow fields (status, assignee, duplicate) and
the extractor's checkworthiness are export only. Prior fact-checks are audited in one bulk insert.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from import_export import fields, resources
from import_export.formats.base_formats import CSV, JSON, XLSX
from import_export.results import Result, RowResult

from claims.claimreview import scale_problems
from claims.models import AuditEvent, Channel, Claim, PriorFactCheck
from claims.services import workflow
from claims.services.audit import audit_bulk
from claims.services.bulk import csv_safe
from claims.services.claims_manual import claim_create
from claims.services.errors import DomainError
from claims.services.priors import priors_reindex

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
        """What else the imported rows need, once audited (a resource overrides it)."""


# The columns a spreadsheet may change: the claim's own fields the workflow lets people edit.
CLAIM_IMPORT_FIELDS = tuple(f for f in ("text", "claimant", "language", "kind") if f in workflow.EDITABLE_CLAIM_FIELDS)


class ClaimResource(resources.ModelResource):
    status = fields.Field(attribute="status", column_name="status", readonly=True)
    assignee = fields.Field(attribute="assignee__username", column_name="assignee", readonly=True)
    article = fields.Field(attribute="article_id", column_name="article", readonly=True)
    version = fields.Field(attribute="version", column_name="version", readonly=True)
    checkworthiness = fields.Field(attribute="checkworthiness", column_name="checkworthiness", readonly=True)

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

    def export_resource(self, instance: Any, selected_fields: Any = None, **kwargs: Any) -> list[Any]:
        # Exported cells are opened in spreadsheets: neutralise formulas in every format.
        return [csv_safe(value) for value in super().export_resource(instance, selected_fields, **kwargs)]

    def save_instance(self, instance: Claim, is_create: bool, row: Any, **kwargs: Any) -> None:
        """Through the claim services, as an edit in the UI would be; a refusal is this row's error."""
        user = kwargs.get("user")
        values = {name: getattr(instance, name) for name in CLAIM_IMPORT_FIELDS}
        try:
            if is_create:
                text = values.pop("text")
                created = claim_create(text=text, actor=user, channel=Channel.ADMIN, **values)
                instance.pk, instance.version = created.pk, created.version
            else:
                updated = workflow.claim_update(claim=instance.pk, actor=user, changes=values, channel=Channel.ADMIN)
                instance.version = updated.version
        except DomainError as exc:
            raise ValidationError(exc.message, code=exc.code) from exc


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
