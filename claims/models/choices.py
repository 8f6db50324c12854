from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractionStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ClaimStatus(models.TextChoices):
    NEW = "new", _("New")
    DISMISSED = "dismissed", _("Dismissed")
    SELECTED = "selected", _("Selected")
    IN_PROGRESS = "in_progress", _("In progress")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    DUPLICATE = "duplicate", _("Duplicate")


class ClaimKind(models.TextChoices):
    STATISTIC = "statistic", _("Statistic")
    QUOTE = "quote", _("Quote")
    EVENT = "event", _("Event")
    COMPARISON = "comparison", _("Comparison")
    CAUSAL = "causal", _("Causal")
    OTHER = "other", _("Other")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("Supports")
    REFUTES = "refutes", _("Refutes")
    MIXED = "mixed", _("Mixed")
    UNRELATED = "unrelated", _("Unrelated")
    UNASSESSED = "unassessed", _("Not assessed")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class VerdictStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")
    RETRACTED = "retracted", _("Retracted")


class Channel(models.TextChoices):
    UI = "ui", _("Web interface")
    API = "api", _("API")
    ADMIN = "admin", _("Admin")
    TASK = "task", _("Background task")
    COMMAND = "command", _("Command")
