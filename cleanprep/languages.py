"""Language codes cleanprep knows: every label of fastText's lid.176 model plus ISO 639-1 codes,
and the table between lid.176's labels and Argos Translate's package codes.

>>> is_known_language("uk"), is_known_language("EN"), is_known_language("zt"), is_known_language("xx")
(True, True, True, False)
"""

from __future__ import annotations

# The 176 labels of lid.176 (ISO 639-1 where one exists, else 639-2/3 or a Wikipedia code).
_LID176_WORDS = (
    """af als am an ar arz as ast av az azb ba bar bcl be bg bh bn bo bpy br bs bxr ca cbk ce ceb ckb
    co cs cv cy da de diq dsb dty dv el eml en eo es et eu fa fi fr frr fy ga gd gl gn gom gu gv he
    hi hif hr hsb ht hu hy ia id ie ilo io is it ja jbo jv ka kk km kn ko krc ku kv kw ky la lb lez
    li lmo lo lrc lt lv mai mg mhr min mk ml mn mr mrj ms mt mwl my myv mzn nah nap nds ne new nl nn
    no oc or os pa pam pfl pl pms pnb ps pt qu rm ro ru rue sa sah sc scn sco sd sh si sk sl so sq sr
    su sv sw ta te tg th tk tl tr tt tyv ug uk ur uz vec vep vi vls vo wa war wuu xal xmf yi yo yue
    zh"""
)
LID176_LANGUAGES = frozenset(_LID176_WORDS.split())

# ISO 639-1 codes that lid.176 has no label for (a user may still target or name them).
_OTHER_WORDS = (
    """aa ab ae ak ay bi bm ch cr cu dz ee ff fj fo gv ha ho hz ig ii ik iu kg ki kj kl kr ks lg ln lu
    mh mi na nb nd ng nr nv ny oj om pi rn rw se sg sm sn ss st tn to ts tw ty ve wo xh za zu"""
)
_OTHER_ISO_639_1 = frozenset(_OTHER_WORDS.split())

KNOWN_LANGUAGES = LID176_LANGUAGES | _OTHER_ISO_639_1


def is_known_language(code: str) -> bool:
    """True for a code cleanprep can detect or target (case-insensitive)."""
    return isinstance(code, str) and code.lower() in KNOWN_LANGUAGES


# --target auto: each document's own main language is its target.
AUTO = "auto"

# lid.176 labels that readers (and ISO 639-1) name otherwise: segments carry the name on the right.
LID176_ALIASES = {"no": "nb", "wuu": "zh", "yue": "zh", "sh": "hr"}

# Where segments' labels and Argos's package codes differ, this table is the one place that knows.
# Argos names Traditional Chinese `zt` and Brazilian Portuguese `pb` (lid.176 has one label for each
# language, `zh` and `pt`); Norwegian Bokmål is `nb` in Argos's index, `no` in lid.176 and in some
# packages.
_LABEL_OF = {**LID176_ALIASES, "zt": "zh", "pb": "pt"}
# A code -> the package codes that can serve it, the code's own first.
_PACKAGE_CODES = {
    "zh": ("zh", "zt"), "zt": ("zt", "zh"),
    "pt": ("pt", "pb"), "pb": ("pb", "pt"),
    "nb": ("nb", "no"), "no": ("no", "nb"),
}
# Argos's own codes are accepted wherever a language is named.
KNOWN_LANGUAGES = KNOWN_LANGUAGES | frozenset(_LABEL_OF)


def label_of(code: str) -> str:
    """The label segments in `code`'s language carry (lid.176's), for a user's or a package's code.

    >>> label_of("zt"), label_of("pb"), label_of("no"), label_of("nb"), label_of("DE")
    ('zh', 'pt', 'nb', 'nb', 'de')
    """
    code = code.lower()
    return _LABEL_OF.get(code, code)


def package_codes(code: str) -> tuple[str, ...]:
    """The Argos codes a package for `code` may be filed under, best first.

    >>> package_codes("zh"), package_codes("nb"), package_codes("uk")
    (('zh', 'zt'), ('nb', 'no'), ('uk',))
    """
    code = code.lower()
    return _PACKAGE_CODES.get(code, (code,))


# Common characters written one way in Traditional Chinese and another in Simplified (the pairs line
# up): which kind a text holds more of says which package serves it better.
_TRADITIONAL = frozenset("這個們來說國會時對為後學發經還東開關長過當與現實樣種動問題點進從應間電")
_SIMPLIFIED = frozenset("这个们来说国会时对为后学发经还东开关长过当与现实样种动问题点进从应间电")


def package_source(lang: str, text: str) -> str:
    """The package code to translate `text` (labelled `lang`) from: `zt` for Traditional Chinese.

    >>> package_source("zh", "這是我們的國家"), package_source("zh", "这是我们的国家")
    ('zt', 'zh')
    >>> package_source("de", "Haus")
    'de'
    """
    if lang != "zh":
        return lang
    traditional = sum(ch in _TRADITIONAL for ch in text)
    simplified = sum(ch in _SIMPLIFIED for ch in text)
    return "zt" if traditional > simplified else "zh"
