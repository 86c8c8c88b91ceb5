"""Language codes cleanprep knows: every label of fastText's lid.176 model plus ISO 639-1 codes.

>>> is_known_language("uk"), is_known_language("EN"), is_known_language("xx")
(True, True, False)
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
