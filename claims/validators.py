"""Field validators shared by the reviewer forms and the API serializers: one rule, every channel."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

_WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def validate_source_url(value: str) -> None:
    """A verdict source is a web address (http or https): never javascript:, data: or a bare word,
    because sources are rendered as links on the claim page and in the public ClaimReview."""
    try:
        _WEB_ADDRESS(value)
    except ValidationError as exc:
        raise ValidationError(_("Not a web address: %(url)s"), params={"url": str(value)[:100]},
                              code="invalid_source") from exc
