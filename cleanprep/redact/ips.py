"""IPv4 and IPv6 addresses, validated.

IPv4: four dot-separated numbers 0..255 without leading zeros, not part of a longer dotted
number. A dotted quad is also the shape of a four-part version, so it stays when a version label
(`v`, `version`, `Version`, `версія`, `build`, ...) comes before it; and one shaped like a
version (single digits as in `2.0.1.4` or section `3.1.2.4`; a small first number and a zero part
as in `Firefox 2.0.0.16`) counts as an IP only after a word such as `IP`, `address`, `server`
or `host`. IPv6: a regex finds candidates with colons, `ipaddress` decides.

>>> text = "Login from 185.12.34.201 and fe80::1ff:fe23:4567:890a; version 2.0.1.4; at 12:30:45"
>>> [text[s:e] for s, e in find_ips(text)]
['fe80::1ff:fe23:4567:890a', '185.12.34.201']
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import regex

from .context import labelled_as_version, mentions_before

_IPV4 = regex.compile(r"(?<![\w.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![\w]|\.[0-9])")
_IPV6 = regex.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?(?:%\w+)?(?![\w])"
)
_IP_CONTEXT = regex.compile(
    r"\b(?:IP|IPv4|address|addr|Adresse|адрес[аиуі]?|hosts?|localhost|server|сервер|DNS|gateway|proxy|router)\b",
    regex.IGNORECASE,
)


def find_ips(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each IPv6 address, then of each IPv4 address, in `text`."""
    if ":" in text:
        for match in _IPV6.finditer(text):
            end = _ipv6_end(match.group())
            if end:
                yield match.start(), match.start() + end
    if "." in text:
        for match in _IPV4.finditer(text):
            if _plausible_ipv4(text, match.start(), match.group()):
                yield match.span()


def _plausible_ipv4(text: str, start: int, written: str) -> bool:
    octets = written.split(".")
    if any(int(octet) > 255 or (len(octet) > 1 and octet[0] == "0") for octet in octets):
        return False
    if labelled_as_version(text, start):
        return False
    if _looks_like_a_version(octets):
        return mentions_before(_IP_CONTEXT, text, start)
    return True


def _looks_like_a_version(octets: list[str]) -> bool:
    """Single digits (`2.0.1.4`), or a small major number with a zero part (`2.0.0.16`, `12.2.0.79`).

    Addresses of that shape exist (8.8.8.8, 10.0.0.1) but are public resolvers and private
    networks, rarely personal; they count when the text calls them an IP, address, host or server.
    """
    if all(len(octet) == 1 for octet in octets):
        return True
    return int(octets[0]) < 100 and "0" in octets[1:]


def _ipv6_end(candidate: str) -> int | None:
    """Length of the IPv6 address `candidate` holds, or None.

    A sentence colon after the address ("fe80::1:") is left out; `::`, `::1` and other forms
    with fewer than two groups are not personal data and are not taken.

    >>> _ipv6_end("2001:db8::8a2e:370:7334"), _ipv6_end("12:30:45"), _ipv6_end("::1")
    (23, None, None)
    """
    written = candidate
    if written.endswith(":") and not written.endswith("::"):
        written = written[:-1]
    address = written.split("%", 1)[0]
    groups = [group for group in address.split(":") if group]
    if len(groups) < 2 or not any(char.isdigit() for char in address):
        return None
    try:
        ipaddress.IPv6Address(address)
    except ValueError:
        return None
    return len(written)
