"""The fix stage: what ftfy repairs, what it leaves alone, and the e-mail obfuscation debris."""

from cleanprep.fix import fix_text


def test_mojibake_is_repaired():
    assert fix_text("The cafÃ© on the corner")[0] == "The café on the corner"
    # UTF-8 bytes read as Windows-1252, the commonest mojibake.
    assert fix_text("Київ і Львів".encode().decode("cp1252"))[0] == "Київ і Львів"


def test_html_entities_are_unescaped():
    assert fix_text("Fish &amp; chips &#8212; cheap")[0] == "Fish & chips \u2014 cheap"


def test_control_and_zero_width_characters_go():
    text, fixes = fix_text("a\x00b\x07c\u200bd\ufeffe")
    assert text == "abcde"
    assert fixes == ["ftfy", "zero-width"]


def test_quotes_widths_and_normalization_are_left_alone():
    text = "“Quoted” ‘text’ with ＦＵＬＬ width and e\u0301 decomposed"
    assert fix_text(text) == (text, [])


def test_line_breaks_are_left_alone():
    text = "one\r\ntwo\n\nthree"
    assert fix_text(text)[0] == text


def test_cloudflare_email_debris_becomes_a_placeholder():
    assert fix_text("PayPal - [email\xa0protected] or")[0] == "PayPal - <EMAIL> or"
    assert fix_text("write to [email protected]")[0] == "write to <EMAIL>"


def test_lone_surrogates_become_replacement_characters():
    text, _ = fix_text("bad \ud800 char")
    assert text == "bad \ufffd char"
    text.encode("utf-8")


def test_clean_text_is_returned_as_is():
    text = "Plain English text, nothing to fix. Ünïcödé too."
    assert fix_text(text) == (text, [])
