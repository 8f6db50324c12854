"""Every refusal code the application raises has a message in the catalogue (claims.error_messages),
translated: a French reader never gets an English sentence from a code the catalogue forgot."""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings
from django.utils import translation

from claims.error_messages import MESSAGES, error_text

# The base classes' codes: never raised bare in this code base, answered by the HTTP-family fallback.
GENERIC = {"domain_error", "invalid_input", "invalid_transition", "not_allowed", "conflict"}


def raised_codes() -> dict[str, str]:
    """code -> where it is first set, for every `code="..."` argument and class `code = "..."` in claims/."""
    found: dict[str, str] = {}
    root = Path(settings.BASE_DIR) / "claims"
    for path in root.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values = []
            if isinstance(node, ast.Call):
                values = [k.value for k in node.keywords if k.arg == "code"]
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("code", "default_code")
                                                      for t in node.targets):
                values = [node.value]
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.setdefault(value.value, f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def test_every_code_raised_has_a_message() -> None:
    codes = raised_codes()
    assert len(codes) > 60
    missing = {code: where for code, where in codes.items() if code not in MESSAGES and code not in GENERIC}
    assert missing == {}


def test_every_message_has_a_french_translation() -> None:
    english, french = {}, {}
    for language, out in (("en", english), ("fr", french)):
        with translation.override(language):
            for code in MESSAGES:
                out[code] = error_text(code, details={"from": "new", "to": "published", "status": 503, "id": 7})
    same = [code for code in MESSAGES if english[code] == french[code]]
    assert same == []
    assert french["transition_not_allowed"] == "Une affirmation ne peut pas passer de « nouvelle » à « publiée »."
    assert french["unknown_claim"] == "Il n'y a pas d'affirmation numéro 7."


def test_a_message_without_its_details_falls_back_to_its_plain_form() -> None:
    with translation.override("fr"):
        assert error_text("transition_not_allowed") == "Ce changement n'est pas possible dans l'état actuel de l'affirmation."
        assert error_text("never_heard_of", "Something English.", status=409) == \
            "Ce changement n’est pas possible dans l’état actuel."
    with translation.override("en"):
        assert error_text("never_heard_of", "Something English.", status=409) == "Something English."
