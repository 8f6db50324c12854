"""Provider registry: names -> provider classes, and which ones are enabled by the settings."""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from claims.evidence.base import Provider
from claims.evidence.factcheck_tools import FactCheckToolsProvider
from claims.evidence.library import LibraryProvider
from claims.evidence.mediawiki import MediaWikiProvider
from claims.evidence.prior_factchecks import PriorFactChecksProvider
from claims.evidence.url_snapshot import UrlSnapshotProvider

PROVIDERS: dict[str, type[Provider]] = {
    cls.name: cls
    for cls in (PriorFactChecksProvider, LibraryProvider, MediaWikiProvider, FactCheckToolsProvider,
                UrlSnapshotProvider)
}
# Extra providers for tests and deployments: "name" -> "dotted.path.Class" (FACTCHECK_EXTRA_PROVIDERS).
ON_REQUEST_ONLY = frozenset({"url_snapshot"})  # runs only when a reviewer adds a URL


def _extra() -> dict[str, type[Provider]]:
    return {name: import_string(path) for name, path in getattr(settings, "FACTCHECK_EXTRA_PROVIDERS", {}).items()}


def all_providers() -> dict[str, type[Provider]]:
    return {**PROVIDERS, **_extra()}


def get_provider(name: str) -> Provider:
    try:
        return all_providers()[name]()
    except KeyError:
        raise KeyError(f"unknown evidence provider {name!r}") from None


def enabled_providers() -> list[str]:
    """Providers a claim is sent to by default: configured, known, and offline unless the network is on."""
    known = all_providers()
    names = []
    for name in settings.FACTCHECK_EVIDENCE_PROVIDERS:
        cls = known.get(name)
        if cls is None or name in ON_REQUEST_ONLY:
            continue
        if cls.needs_network and not settings.FACTCHECK_NETWORK_PROVIDERS:
            continue
        names.append(name)
    return names
