"""Input validation for the reviewer's forms. Forms only validate; the services decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from claims.models import CLAIMREVIEW_SUMMARY_MAX, ClaimKind, Rating, Stance
from claims.review.labels import ENTITY_CHOICES, ENTITY_TYPES, QUALIFIERS
from claims.validators import validate_source_url


class ClaimEditForm(forms.Form):
    text = forms.CharField(label=_("Claim"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    claimant = forms.CharField(label=_("Claimant"), required=False, max_length=300)
    kind = forms.ChoiceField(label=_("Kind"), choices=ClaimKind.choices)
    language = forms.CharField(label=_("Language"), required=False, max_length=16)
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ItemForm(forms.Form):
    """One structured item (claims.review.structured): `index` empty adds one, `remove` deletes it."""

    index = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    expected_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class EntityItemForm(ItemForm):
    name = forms.CharField(label=_("Name"), max_length=300)
    label = forms.ChoiceField(label=_("Type"), choices=[])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        known = dict(ENTITY_CHOICES)
        current = (self.data.get("label") or "").upper() if self.is_bound else ""
        if current and current not in known and current in ENTITY_TYPES:
            known[current] = ENTITY_TYPES[current]  # keep an English model's label as it is
        self.fields["label"].choices = list(known.items())


class QuantityItemForm(ItemForm):
    value = forms.FloatField(label=_("Value"))
    unit = forms.CharField(label=_("Unit"), required=False, max_length=40)
    qualifier = forms.ChoiceField(label=_("Approximation"), required=False, choices=list(QUALIFIERS.items()))
    low = forms.FloatField(label=_("From"), required=False)
    high = forms.FloatField(label=_("To"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high, value = data.get("low"), data.get("high"), data.get("value")
        if (low is None) != (high is None):
            raise ValidationError(_("Give both ends of the range, or neither."))
        if low is not None and high is not None:
            if low > high:
                raise ValidationError(_("The range's lower end is above its upper end."))
            if value is not None and not low <= value <= high:
                raise ValidationError(_("The value must lie inside the range."))
        return data


class DateItemForm(ItemForm):
    value = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until (optional)"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, until = data.get("value"), data.get("until")
        if start and until and not start <= until <= start + dt.timedelta(days=31):
            raise ValidationError(_("The end date must be on or after the date, at most 31 days later."))
        return data


ITEM_FORMS: dict[str, type[ItemForm]] = {
    "entities": EntityItemForm, "quantities": QuantityItemForm, "dates": DateItemForm,
}


class VerdictForm(forms.Form):
    rating = forms.ModelChoiceField(label=_("Rating"), queryset=Rating.objects.filter(is_active=True), to_field_name="slug")
    summary = forms.CharField(
        label=_("Summary"), max_length=CLAIMREVIEW_SUMMARY_MAX - 1,
        help_text=_("The claim as reviewed, under 75 characters."),
    )
    explanation = forms.CharField(label=_("Explanation"), required=False, widget=forms.Textarea, max_length=20000)
    sources = forms.CharField(label=_("Sources"), required=False, widget=forms.Textarea, max_length=20000)
    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def clean_sources(self) -> list[str]:
        urls = [line.strip() for line in self.cleaned_data["sources"].splitlines() if line.strip()]
        for url in urls:
            validate_source_url(url)
        return urls


class TransitionForm(forms.Form):
    to = forms.CharField(max_length=16)
    comment = forms.CharField(required=False, max_length=5000)
    expected_version = forms.IntegerField(required=False, min_value=1)


class AssignForm(forms.Form):
    assignee = forms.CharField(required=False, max_length=20)  # a user id, "me", or empty to unassign
    expected_version = forms.IntegerField(required=False, min_value=1)


class DuplicateForm(forms.Form):
    original = forms.IntegerField(label=_("Original claim number"), min_value=1)
    expected_version = forms.IntegerField(required=False, min_value=1)


class StanceForm(forms.Form):
    stance = forms.ChoiceField(choices=Stance.choices)
    note = forms.CharField(required=False, max_length=2000)


class EvidenceUrlForm(forms.Form):
    url = forms.URLField(label=_("Web address"), max_length=2000, assume_scheme="https")


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea)


class SelectionForm(forms.Form):
    """A selection made with the mouse (start, end and the quote the browser saw), or, from the
    keyboard, just the quote pasted or typed: it must then occur exactly once in the article."""

    start = forms.IntegerField(min_value=0, required=False)
    end = forms.IntegerField(min_value=0, required=False)
    quote = forms.CharField(label=_("Exact sentence from the article"), strip=False, max_length=5000)
    text = forms.CharField(required=False, max_length=5000)

    def __init__(self, *args: Any, article_text: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.article_text = article_text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        if data.get("start") is None or data.get("end") is None:
            quote = data["quote"].strip()
            found = self.article_text.count(quote) if quote else 0
            if found != 1:
                raise ValidationError(
                    _("This text appears %(n)s times in the article: select it in the text instead.")
                    % {"n": found} if found else _("This text is not in the article.")
                )
            data["quote"] = quote
            data["start"] = self.article_text.index(quote)
            data["end"] = data["start"] + len(quote)
        return data


class SplitForm(forms.Form):
    at = forms.IntegerField(min_value=0)
    expected_version = forms.IntegerField(required=False, min_value=1)


class MergeForm(forms.Form):
    claims = forms.TypedMultipleChoiceField(coerce=int, choices=[])

    def __init__(self, *args: Any, choices: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["claims"].choices = [(c, c) for c in choices]


def first_error(form: forms.Form) -> str:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields and field != "__all__" else ""
        return f"{label}: {errors[0]}" if label else str(errors[0])
    return str(_("Invalid input."))
