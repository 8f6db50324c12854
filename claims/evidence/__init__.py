"""Evidence providers (DESIGN.md §7): one module each, one registry.

Each provider has `name`, `timeout`, `needs_network` and `search(claim, options=None) -> list[Candidate]`.
Built in: prior_factchecks, library (offline), mediawiki, factcheck_tools, url_snapshot (network,
through claims.netfetch). Providers only read; claims.services.evidence stores what they find.
"""

from claims.evidence.base import Candidate, Provider, ProviderError, build_query
from claims.evidence.registry import PROVIDERS, all_providers, enabled_providers, get_provider

__all__ = [
    "PROVIDERS",
    "Candidate",
    "Provider",
    "ProviderError",
    "all_providers",
    "build_query",
    "enabled_providers",
    "get_provider",
]
