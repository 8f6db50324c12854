"""Which network addresses outbound requests may reach: one policy for URL fetching and webhooks.

Python's `is_global` alone lets through IPv6 forms that carry an IPv4 address a router or a
translator turns back into IPv4 (NAT64, 6to4, SIIT, IPv4-compatible), so `64:ff9b::a00:1` would
reach 10.0.0.1. Those forms are judged by the IPv4 address they carry, or refused when they have
no legitimate public use (IPv4-compatible `::/96`, local NAT64, Teredo, site-local `fec0::/10`).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# IPv6 prefixes whose low 32 bits are an IPv4 address that a translator or the stack itself uses.
_LOW_32_TRANSLATED = (
    ipaddress.IPv6Network("::ffff:0:0/96"),  # IPv4-mapped (RFC 4291)
    ipaddress.IPv6Network("::ffff:0:0:0/96"),  # IPv4-translated, SIIT (RFC 2765)
    ipaddress.IPv6Network("64:ff9b::/96"),  # well-known NAT64 prefix (RFC 6052)
)
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")  # 6to4 (RFC 3056): bits 16-48 are IPv4
# No public destination lives in these: refuse them whatever they carry.
_ALWAYS_REFUSED = (
    ipaddress.IPv6Network("::/96"),  # IPv4-compatible (deprecated by RFC 4291), also :: and ::1
    ipaddress.IPv6Network("64:ff9b:1::/48"),  # local-use NAT64 (RFC 8215)
    ipaddress.IPv6Network("2001::/32"),  # Teredo: the client address is obfuscated inside
    ipaddress.IPv6Network("fec0::/10"),  # site-local (deprecated by RFC 3879), still routed in old intranets
)


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 translation form stands for, or None."""
    if any(address in network for network in _LOW_32_TRANSLATED):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _SIX_TO_FOUR:
        return address.sixtofour
    return None


def is_public_address(address: Address) -> bool:
    """True when the address is a public unicast destination, judged through translation forms."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id or any(address in network for network in _ALWAYS_REFUSED):
            return False
        carried = embedded_ipv4(address)
        if carried is not None:
            return is_public_address(carried)
    return address.is_global and not address.is_multicast


@dataclass(frozen=True)
class AllowList:
    """Host names and CIDR ranges that may be reached although private (intranet, tests)."""

    hosts: frozenset[str] = frozenset()
    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, items: Iterable[str]) -> AllowList:
        hosts: set[str] = set()
        networks: list[Network] = []
        for item in items:
            try:
                networks.append(ipaddress.ip_network(item.strip(), strict=False))
            except ValueError:
                hosts.add(item.strip().lower().rstrip("."))
        return cls(frozenset(hosts), tuple(networks))

    def permits(self, *, host: str, address: Address) -> bool:
        if host.lower().rstrip(".") in self.hosts:
            return True
        forms = [address]
        if isinstance(address, ipaddress.IPv6Address) and (carried := embedded_ipv4(address)) is not None:
            forms.append(carried)
        return any(form in network for form in forms for network in self.networks)


def address_allowed(address: Address, *, host: str, allowlist: AllowList) -> bool:
    """The one decision: may an outbound request for `host` connect to `address`?"""
    return is_public_address(address) or allowlist.permits(host=host, address=address)
