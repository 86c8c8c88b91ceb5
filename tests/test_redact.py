"""Redaction of personal data: what is replaced, with which placeholder, and what look-alikes stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanprep.config import REDACT_KINDS
from cleanprep.redact import PLACEHOLDERS, redact
from cleanprep.redact.checksums import luhn_valid

ALL = frozenset(REDACT_KINDS)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def redacted(text: str, kinds: frozenset[str] = ALL) -> str:
    return redact(text, kinds)[0]


# --- e-mail -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Contact jane.doe+news@example.co.uk for details.", "Contact <EMAIL> for details."),
        ("Schreiben Sie an info@müller-bau.de, danke.", "Schreiben Sie an <EMAIL>, danke."),
        ("Пишіть на олена@приклад.укр або на press@mil.in.ua.", "Пишіть на <EMAIL> або на <EMAIL>."),
        ("Email: name [at] example [dot] com", "Email: <EMAIL>"),
        ("Email: name[at]example[dot]com", "Email: <EMAIL>"),
        ("Kontakt: max.mustermann(at)firma(punkt)de", "Kontakt: <EMAIL>"),
        ("Kontakt: max.mustermann(at)firma.de", "Kontakt: <EMAIL>"),
        ("mail me: john {at} example {dot} org", "mail me: <EMAIL>"),
        ("Пошта: redakciya [собака] militarnyi [крапка] com", "Пошта: <EMAIL>"),
        ("write to john.smith at example dot com today", "write to <EMAIL> today"),
        ("reach us at sales @ example.com", "reach us at <EMAIL>"),
        ("PayPal - [email\u00a0protected]", "PayPal - <EMAIL>"),
    ],
)
def test_email_addresses_plain_and_obfuscated_become_placeholders(text: str, expected: str) -> None:
    assert redacted(text, frozenset({"email"})) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Look at this dot com bubble of 1999.",
        "We met at the station at 12:30:45.",
        "Follow @kyivindependent on Twitter.",
        "Die Preise: 3 Äpfel @ 0,50 € das Stück.",
        "Зустріч at home, о 12:30.",
        "Visit https://example.com/news for more.",
        "meet at home dot com",
    ],
)
def test_email_look_alikes_stay(text: str) -> None:
    assert redact(text, ALL) == (text, {})


# --- payment cards ------------------------------------------------------------------------------


def test_seed_page_cards_are_luhn_valid_and_redacted() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pages not found at {SEEDS} (the shared directory is not checked out)")
    page = (SEEDS / "002_2ba1557b96aa48b6.txt").read_text(encoding="utf-8")
    for card in ("4149 6293 1808 2567", "4441 1144 4179 6255"):
        assert card in page
        assert luhn_valid(card.replace(" ", ""))
    text, counts = redact(page, ALL)
    assert "  • Приватбанк\u00a0<CARD>\n" in text
    assert "  • monobank <CARD>\n" in text
    assert "PayPal\u00a0- <EMAIL>" in text
    assert counts == {"card": 2, "email": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Карта: 4149 6293 1808 2567", "Карта: <CARD>"),
        ("Kreditkarte 4441-1144-4179-6255 (gültig bis 12/26)", "Kreditkarte <CARD> (gültig bis 12/26)"),
        ("Amex 3782 822463 10005 on file", "Amex <CARD> on file"),
        ("card number 4111111111111111.", "card number <CARD>."),
        ("Mastercard 5555 5555 5555 4444 12/27", "Mastercard <CARD> 12/27"),
        ("Visa 4222 2222 2222 2 (13 digits)", "Visa <CARD> (13 digits)"),
    ],
)
def test_card_numbers_become_placeholders(text: str, expected: str) -> None:
    assert redacted(text, frozenset({"card"})) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Номер 4149 6293 1808 2568 не проходить перевірку Луна.",  # Luhn fails
        "Tracking: 9400 1000 0000 0000 0000 00",
        "Sendungsnummer 1Z 999 AA1 01 2345 6784",
        "ISBN 978-3-16-148410-0 und ISBN 0-306-40615-2",
        "Order #4111111111111111 was shipped.",
        "EAN 4006381333924, Barcode 4006381333924",  # a valid EAN-13 that also passes Luhn
        "IMEI 490154203237518 und 35-209900-176148-1",
        "Population 1 234 567 890 123 in 2024.",
        "Reference 1234567812345670123 (19 digits starting with 1).",
    ],
)
def test_card_look_alikes_stay(text: str) -> None:
    assert redact(text, ALL) == (text, {})


# --- IBAN ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IBAN: DE89 3704 0044 0532 0130 00", "IBAN: <IBAN>"),
        ("Überweisung an DE89370400440532013000.", "Überweisung an <IBAN>."),
        ("Рахунок UA21 3223 1300 0002 6007 2335 6600 1, ПриватБанк", "Рахунок <IBAN>, ПриватБанк"),
        ("Pay GB82 WEST 1234 5698 7654 32 by Friday", "Pay <IBAN> by Friday"),
        ("FR1420041010050500013M02606 est le compte", "<IBAN> est le compte"),
    ],
)
def test_ibans_become_placeholders(text: str, expected: str) -> None:
    assert redacted(text, frozenset({"iban"})) == expected


@pytest.mark.parametrize(
    "text",
    [
        "IBAN DE89 3704 0044 0532 0130 01 has a wrong check digit.",
        "Model XY12 3456 7890 1234 in stock.",
        "Рахунок UA21 3223 1300 0002 6007 2335 6600 2 — помилка в контрольній сумі.",
        "The A320 AB12 CD34 series.",
    ],
)
def test_iban_look_alikes_stay(text: str) -> None:
    assert redact(text, ALL) == (text, {})


# --- phone numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Телефон: +380 44 123 4567.", "Телефон: <PHONE>."),
        ("Tel. +49 (0)30 1234567 (Zentrale)", "Tel. <PHONE> (Zentrale)"),
        ("From abroad dial 00 44 20 7946 0958.", "From abroad dial <PHONE>."),
        ("Гаряча лінія: +38 (044) 123-45-67", "Гаряча лінія: <PHONE>"),
        ("Довідки за тел. (044) 123-45-67", "Довідки за тел. <PHONE>"),
        ("Mobil 067 123 45 67 oder 030 1234567", "Mobil <PHONE> oder <PHONE>"),
        ("Fax: 030/1234567", "Fax: <PHONE>"),
        ("Call (555) 123-4567 or 555-123-4567 now", "Call <PHONE> or <PHONE> now"),
        ("US office: +1-202-555-0143", "US office: <PHONE>"),
        ("WhatsApp +380501234567", "WhatsApp <PHONE>"),
        ("Дзвоніть: 8 (044) 123-45-67 або 8 800 555-35-35", "Дзвоніть: <PHONE> або <PHONE>"),
        ("Tel 0049 30 1234567, mobil 0171 1234567", "Tel <PHONE>, mobil <PHONE>"),
    ],
)
def test_phone_numbers_become_placeholders(text: str, expected: str) -> None:
    assert redacted(text, frozenset({"phone"})) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Published 2024-05-12, updated 12.05.2024 and 12/05/2024.",
        "Die Jahre 1990-2000 und 2010–2020.",
        "Ціна $1,299.99 або 1 299,00 € чи 45 000 грн.",
        "ISBN 978-3-16-148410-0; ISBN 0-306-40615-2",
        "Order #123456789 and order #555-123-4567 shipped.",
        "Версія v1.2.3 вийшла о 12:30:45.",
        "Coordinates +50.4501, +30.5234 (Kyiv).",
        "Score 3-2, page 123-145, ratio 16:9.",
        "Postcode 01001 Kyiv, 10115 Berlin.",
        "Open 09:00-18:00, Mo-Fr.",
        "Smith et al. (2019) 123-145.",
        "Geändert 2022-10-28 07:10:00 2022-10-28 00:32:56",
        "Tracking 1Z999AA10123456784, Sendung 00340434161094042557",
    ],
)
def test_phone_look_alikes_stay(text: str) -> None:
    assert redact(text, ALL) == (text, {})


# --- IP addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Login from 185.12.34.201 failed.", "Login from <IP> failed."),
        ("Zugriff von 192.168.0.1:8080 blockiert", "Zugriff von <IP>:8080 blockiert"),
        ("IP-адреса 10.0.0.254/24 у мережі", "IP-адреса <IP>/24 у мережі"),
        ("DNS server 8.8.8.8 answered", "DNS server <IP> answered"),
        ("host 2001:db8:85a3::8a2e:370:7334 is up", "host <IP> is up"),
        ("link-local fe80::1ff:fe23:4567:890a%eth0.", "link-local <IP>."),
        ("mapped ::ffff:192.0.2.128 here", "mapped <IP> here"),
        ("See http://203.0.113.7/admin", "See http://<IP>/admin"),
        ("hosts allow = 127.0.0.1", "hosts allow = <IP>"),
    ],
)
def test_ip_addresses_become_placeholders(text: str, expected: str) -> None:
    assert redacted(text, frozenset({"ip"})) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Firmware version 2.0.1.4 fixes it.",
        "Версія 10.2.3.4 вже доступна.",
        "Section 3.1.2.4 of the contract.",
        "Update auf v1.2.3 und 2.0.1.4-beta",
        "Termin am 12.05.2024 um 12:30:45.",
        "Out of range 256.1.1.1 and 1.2.3.4.5 and 01.02.03.04",
        "MAC 00:1A:2B:3C:4D:5E, ratio 16:9, John 3:16, std::vector",
        "Firefox 2.0.0.16 - SeaMonkey 1.1.11, McAfee Stinger 12.2.0.79",
        "Koordinaten 50.4501, 30.5234 / 50°27′00″N 30°31′24″E",
    ],
)
def test_ip_look_alikes_stay(text: str) -> None:
    assert redact(text, ALL) == (text, {})


# --- the whole function -------------------------------------------------------------------------


def test_counts_are_per_kind_and_only_for_kinds_found() -> None:
    text = "a@b.com, c@d.org, +380 44 123 4567, 4441 1144 4179 6255"
    assert redact(text, ALL) == ("<EMAIL>, <EMAIL>, <PHONE>, <CARD>", {"email": 2, "phone": 1, "card": 1})


def test_kinds_not_asked_for_stay_and_do_not_turn_into_another_kind() -> None:
    text = "Karte 4441 1144 4179 6255, Tel. 030 1234567"
    assert redact(text, frozenset({"phone"})) == ("Karte 4441 1144 4179 6255, Tel. <PHONE>", {"phone": 1})


def test_no_kinds_leaves_text_as_it_is() -> None:
    text = "a@b.com 4441 1144 4179 6255"
    assert redact(text, frozenset()) == (text, {})


def test_unknown_kind_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="choose from email, iban, card, ip, phone"):
        redact("text", frozenset({"passport"}))


def test_mixed_paragraph_in_three_languages() -> None:
    text = (
        "Spenden: IBAN DE89 3704 0044 0532 0130 00, Stand 12.05.2024.\n"
        "Підтримайте нас: картка 4149 6293 1808 2567, тел. +380 44 123 4567, пошта info [at] mil [dot] ua.\n"
        "Questions? (555) 123-4567, server 203.0.113.7, release v2.0.1.4, ISBN 0-306-40615-2."
    )
    assert redact(text, ALL) == (
        "Spenden: IBAN <IBAN>, Stand 12.05.2024.\n"
        "Підтримайте нас: картка <CARD>, тел. <PHONE>, пошта <EMAIL>.\n"
        "Questions? <PHONE>, server <IP>, release v2.0.1.4, ISBN 0-306-40615-2.",
        {"iban": 1, "card": 1, "phone": 2, "email": 1, "ip": 1},
    )


PIECES = [
    "4149 6293 1808 2567", "+380 44 123 4567", "a@b.com", "x [at] y [dot] com", "DE89 3704 0044 0532 0130 00",
    "192.168.1.20", "fe80::1ff:fe23:4567:890a", "555-123-4567", "(044) 123-45-67", "2024-05-12", "v1.2.3",
    "12:30:45", "$1,299.99", "ISBN 0-306-40615-2", "Spende", "пожертва", "donation", "(", ")", "-", "00", "@",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=10).map("; ".join))
def test_redacted_text_holds_nothing_more_to_redact(text: str) -> None:
    once, counts = redact(text, ALL)
    assert redact(once, ALL) == (once, {})
    assert sum(counts.values()) == sum(once.count(placeholder) for placeholder in PLACEHOLDERS.values())
