"""Check digits that separate real card numbers and IBANs from look-alike digit runs.

>>> luhn_valid("4149629318082567"), luhn_valid("4149629318082568")
(True, False)
>>> iban_checksum_valid("DE89370400440532013000"), iban_checksum_valid("DE89370400440532013001")
(True, False)
"""

from __future__ import annotations


def luhn_valid(digits: str) -> bool:
    """True when a string of ASCII digits passes the Luhn check used by payment cards.

    >>> luhn_valid("4441114441796255")
    True
    >>> luhn_valid("1234567812345678")
    False
    """
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = ord(char) - 48
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_checksum_valid(iban: str) -> bool:
    """True when a compact, upper-case IBAN passes the ISO 13616 mod-97 check.

    >>> iban_checksum_valid("GB82WEST12345698765432")
    True
    >>> iban_checksum_valid("GB82WEST12345698765433")
    False
    """
    rearranged = iban[4:] + iban[:4]
    try:
        # Letters count as 10..35, which is exactly what base-36 digit values give.
        number = "".join(str(int(char, 36)) for char in rearranged)
    except ValueError:
        return False
    return int(number) % 97 == 1
