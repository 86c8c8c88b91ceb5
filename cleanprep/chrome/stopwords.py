"""Compact stopword lists: the function words that make running prose look like prose, per language.

Article sentences are full of articles, prepositions, pronouns and auxiliaries; menus, tag lists and
bylines are mostly names and nouns. The share of stopwords in a line is therefore one of the best
plain-text signals of "this is the article" (jusText's insight), as long as it is measured in the
line's own language. The lists are short on purpose (the most frequent function words of each
language); they were written for this project from general knowledge of the languages.

>>> stopword_set("de") >= {"und", "der", "die"}
True
>>> stopword_share("Der Hund und die Katze sind im Garten", "de")
0.625
>>> stopword_share("Startseite Impressum Kontakt", "de")
0.0
"""

from __future__ import annotations

import re

import regex

_LISTS = {
    "en": """a an the and or but if of to in on at by for with from as about into over after before than
        then that this these those it its is are was were be been being has have had do does did not no
        so can could will would should may might must he she they we you i me him her them us our their
        his my your who which what when where there here all any some more most such only also just very
        up out one other how why while because through between""",
    "de": """der die das den dem des ein eine einen einem einer eines und oder aber auch als an auf aus bei
        bis durch für gegen in im ins mit nach noch nicht nur ob ohne seit so über um unter von vom vor
        wie zu zum zur ist sind war waren wird werden wurde wurden hat haben hatte hatten sein kann können
        muss sich er sie es wir ihr ich du man dass daß wenn weil doch schon sehr mehr dann denn da hier
        dieser diese dieses diesen sowie zwischen bereits wieder immer einem kein keine ihre seine""",
    "fr": """le la les un une des du de d l et ou mais donc car ni que qui quoi dont où à au aux en dans par
        pour sur sous avec sans entre vers chez ce cet cette ces il elle ils elles on nous vous je tu se
        sa son ses leur leurs est sont était été être a ont avait avoir fait ne pas plus très aussi comme
        si tout tous toute mais lors après avant depuis""",
    "es": """el la los las un una unos unas y o pero que de del a al en con por para sin sobre entre desde
        hasta como más muy ya también es son era fue ser estar está están ha han había se su sus le les lo
        me te nos este esta estos estas ese esa eso cuando donde porque si no ni cual quien todo""",
    "pt": """o a os as um uma uns umas e ou mas que de do da dos das em no na nos nas por para com sem sobre
        entre até como mais muito já também é são era foi ser estar está estão há se seu sua seus suas lhe
        ele ela eles elas este esta isso esse essa quando onde porque não""",
    "it": """il lo la i gli le un uno una e o ma che di del della dei delle degli a al alla ai alle da dal
        dalla in nel nella nei con per su sul sulla tra fra come più molto anche è sono era fu essere ha
        hanno aveva si suo sua suoi sue non questo questa quello quella quando dove perché se""",
    "nl": """de het een en of maar dat die dit deze van in op aan met voor door naar bij uit over tot om
        als dan ook nog niet geen wel zeer meer is zijn was waren wordt worden werd heeft hebben had kan
        zal er hij zij ze wij we jij je ik u hun haar zijn wat wie waar wanneer omdat""",
    "pl": """i w z na do od o po za przez dla przy pod nad bez a ale lub oraz że czy nie tak jak się jest
        są był była było byli będzie to ten ta te tego tej tym jego jej ich który która które którzy co
        jak już także też tylko bardzo jeszcze może gdy gdzie ponieważ""",
    "cs": """a i v ve z ze na do od o po za pro při pod nad bez ale nebo že zda ne tak jak se je jsou byl
        byla bylo byli bude to ten ta ty toho té tom jeho její jejich který která které co už také jen
        velmi ještě může když kde protože""",
    "sk": """a i v vo z zo na do od o po za pre pri pod nad bez ale alebo že či nie tak ako sa je sú bol
        bola bolo boli bude to ten tá tie toho tej tom jeho jej ich ktorý ktorá ktoré čo už tiež len
        veľmi ešte môže keď kde pretože""",
    "sl": """in v na z za do od o po pri pod nad brez ali pa da ne tako kot se je so bil bila bilo bo to
        ta ti tega tej tem njegov njen ki kar že tudi samo zelo še lahko ko kjer ker""",
    "hr": """i u na s sa za do od o po pri pod nad bez ali ili pa da ne tako kao se je su bio bila bilo
        će to taj ta ti tog toj tom njegov njezin njihov koji koja koje što već također samo vrlo još
        može kad gdje jer""",
    "ru": """и в во на с со к ко по за из от до о об при под над без для а но или что чтобы не ни так как
        это этот эта эти того том он она оно они мы вы я его её их который которая которые уже также
        только очень ещё может когда где потому был была было были будет есть же бы ли""",
    "uk": """і й та в у на з із зі до від по за при під над без для а але або що щоб не ні так як це цей
        ця ці того той він вона воно вони ми ви я його її їх який яка які вже також тільки лише дуже ще
        може коли де тому був була було були буде є же б чи""",
    "bg": """и в във на с със към по за из от до о при под над без а но или че да не ни така как това
        този тази тези той тя то те ние вие аз го я му й им който която които вече също само много още
        може когато където защото беше са е""",
    "sv": """och i på av till från med för om att som det den de en ett är var har hade kan ska skulle
        inte också men eller så när där hur vad vem vi ni han hon jag du dem sin sitt sina efter under
        över mellan""",
    "no": """og i på av til fra med for om at som det den de en et er var har hadde kan skal skulle ikke
        også men eller så når der hvor hva hvem vi dere han hun jeg du dem sin sitt sine etter under
        over mellom""",
    "da": """og i på af til fra med for om at som det den de en et er var har havde kan skal skulle ikke
        også men eller så når der hvor hvad hvem vi han hun jeg du dem sin sit sine efter under over
        mellem""",
    "fi": """ja tai mutta että kun jos niin kuin on ovat oli olivat ei se ne hän he me te minä sinä tämä
        tuo nämä jo myös vain hyvin sekä eli joka jotka mikä mitä kanssa ennen jälkeen mukaan""",
    "et": """ja või aga et kui nii kuid on oli olid ei see need tema nad meie teie mina sina juba ka ainult
        väga ning mis kes kus kuid koos pärast enne""",
    "hu": """a az egy és vagy de hogy is nem ez az ezt azt van volt lesz már csak még mint ha mert kell
        lehet meg el fel ki be azon ebben abban után előtt között szerint""",
    "ro": """și în pe la de din cu pentru prin despre sau dar că ce care nu este sunt era fost fi a au
        avea se lui ei lor acest această aceste mai foarte și când unde pentru""",
    "tr": """ve veya ama fakat ile için gibi kadar daha çok en bir bu şu o bunlar da de ki mi ne değil
        olan olarak oldu olduğu var yok her şey sonra önce göre""",
    "el": """και ή αλλά ότι να θα δεν μη το τα τον την της του των οι η ο ένα μια σε στο στη στην στον
        στα από με για ως είναι ήταν έχει έχουν πιο πολύ αυτό αυτή αυτά που όταν""",
    "ca": """el la els les un una i o però que de del a al en amb per sense sobre entre com més molt també
        és són era va ser ha han se seu seva no aquest aquesta quan on perquè""",
    "eu": """eta edo baina ere ez da dira zen ziren du dute izan zuen bat hau hori hura honek horrek baino
        oso gehiago bezala non noiz zergatik""",
    "gl": """o a os as un unha e ou pero que de do da dos das en no na con por para sen sobre entre como
        máis moi tamén é son era foi ser se non este esta cando onde porque""",
    "id": """dan atau tetapi yang di ke dari untuk dengan pada dalam oleh tidak ini itu adalah akan telah
        sudah juga ada bisa dapat karena jika saat seperti lebih sangat mereka kami kita ia dia""",
    "vi": """và hoặc nhưng của là có không được cho với trong khi này đó những các một người đã sẽ đang
        rất cũng như từ về để theo tại""",
    "lt": """ir ar bet kad kai jei tai yra buvo bus su be iš į per prie po už apie nuo iki kaip taip ne
        jau tik labai dar jis ji jie mes jūs aš kuris kuri""",
    "lv": """un vai bet ka kad ja tas tā ir bija būs ar bez no uz par pie pēc līdz kā tā ne jau tikai
        ļoti vēl viņš viņa viņi mēs jūs es kas kurš""",
    "ar": """في من على إلى عن مع هذا هذه ذلك التي الذي الذين هو هي هم كان كانت أن إن لا ما لم لن قد
        و أو ثم كل بين بعد قبل حتى عند""",
    "fa": """و در به از که این آن با برای را است بود هم یا تا بر هر می شد نیز اما خود""",
    "he": """של את על עם אל מן זה זו הוא היא הם הן אני אנחנו לא כי אם גם או אבל כל יש היה""",
    "hi": """का की के में है हैं था थे और या पर से को ने यह वह इस उस एक भी नहीं तो ही कि जो""",
    "eo": """la kaj aŭ sed de en al el kun por pri per sur sub inter estas estis ne ankaŭ tiu tio kiu kio
        mi vi li ŝi ili ni ĝi""",
}
# Languages whose lists are the same as a close neighbour's (fastText tells them apart, we need not).
_ALIASES = {"nb": "no", "nn": "no", "sr": "hr", "bs": "hr", "sh": "hr", "ms": "id", "be": "uk", "mk": "bg",
            "als": "de", "bar": "de", "lb": "de", "nds": "de", "af": "nl", "fy": "nl", "oc": "fr",
            "ast": "es", "an": "es"}
_SETS = {lang: frozenset(words.split()) for lang, words in _LISTS.items()}
for _alias, _lang in _ALIASES.items():
    _SETS[_alias] = _SETS[_lang]
# For text whose language is unknown: every list at once (a function word is rarely a menu word).
_ALL = frozenset().union(*_SETS.values())

# Scripts written without spaces: the share of frequent function characters plays the same role.
_CJK_FUNCTION_CHARS = frozenset("的了是在和有我这他们也就不人都一上中为对以到说要与及而其或之于所被等"
                                "のはがをにでとたしてもなるれいかすからまでよりへ")
NO_SPACE_LANGS = frozenset({"zh", "ja", "wuu", "yue", "th", "lo", "km", "my"})

WORD = regex.compile(r"[\p{L}\p{M}']+")


# Words a site uses to talk about itself (site, newsletter, privacy, comments, rights) in many languages:
# common in notices, bios and footers, rare in articles.
SITE_WORDS = frozenset(
    re.findall(
        r"\S+",
        "website site blog newsletter subscribe subscription privacy policy cookie cookies copyright rights "
        "reserved comment comments login register account email mail click link links share follow author "
        "editor webseite seite homepage abonnieren abonnement datenschutz datenschutzerklärung impressum "
        "rechte vorbehalten kommentar kommentare anmelden registrieren konto klicken teilen folgen autor "
        "autorin redaktion abonner confidentialité droits réservés commentaire commentaires connexion compte "
        "cliquez partager suivre auteur rédaction sitio web suscribirse suscripción privacidad derechos "
        "reservados comentario comentarios cuenta haga clic compartir seguir redacción sito iscriviti "
        "iscrizione diritti riservati commento commenti accedi condividi seguici autore redazione strona "
        "serwis subskrybuj prywatności prawa zastrzeżone komentarz komentarze zaloguj udostępnij сайт "
        "подписаться подписка конфиденциальности права защищены комментарий комментарии войти поделиться "
        "автор редакция підписатися підписка конфіденційності захищені коментар коментарі увійти поділитися "
        "редакція youtube facebook instagram twitter telegram whatsapp podcast app apps download "
        "herunterladen channel kanal canal canale kanał канал paywall inbox posteingang spam moderated "
        "moderiert newsletters",
    )
)

# Every stopword list's words and the site words, each with a bit per list that holds it (bit 0: a
# site word), so one dictionary look-up per word answers for every language of a document at once.
SITE_BIT = 1
_LIST_BITS: dict[frozenset[str], int] = {}
for _set in _SETS.values():
    _LIST_BITS.setdefault(_set, 2 << len(_LIST_BITS))
_ALL_BITS = sum(_LIST_BITS.values())
WORD_BITS: dict[str, int] = dict.fromkeys(SITE_WORDS, SITE_BIT)
for _set, _bit in _LIST_BITS.items():
    for _word in _set:
        WORD_BITS[_word] = WORD_BITS.get(_word, 0) | _bit


def language_bits(lang: str) -> int:
    """The bits of `WORD_BITS` that mark a stopword of `lang` (every list's, like `stopword_set`).

    >>> bool(WORD_BITS["und"] & language_bits("de")), bool(WORD_BITS["und"] & language_bits("en"))
    (True, False)
    """
    return _LIST_BITS[_SETS[lang]] if lang in _SETS else _ALL_BITS


def stopword_set(lang: str) -> frozenset[str]:
    """The stopwords of `lang` (all languages' together when it has no list of its own)."""
    return _SETS.get(lang, _ALL)


def has_list(lang: str) -> bool:
    """True when `lang` has a stopword list of its own (or a close neighbour's)."""
    return lang in _SETS or lang in NO_SPACE_LANGS


def stopword_share_of_words(words: list[str], lang: str) -> float:
    """Share of `words` (as cut by `WORD`-like patterns) that are stopwords of `lang`.

    >>> stopword_share_of_words(["Die", "Katze", "und", "der", "Hund"], "de")
    0.6
    """
    if not words:
        return 0.0
    if lang in NO_SPACE_LANGS:
        return stopword_share(" ".join(words), lang)
    return sum(map(stopword_set(lang).__contains__, map(str.lower, words))) / len(words)


def stopword_share(text: str, lang: str) -> float:
    """Share of the words of `text` that are stopwords of `lang` (of characters, for CJK)."""
    if lang in NO_SPACE_LANGS:
        chars = [c for c in text if not c.isspace()]
        # Function characters are rarer per character than function words per word: scale to match.
        if not chars:
            return 0.0
        return min(1.0, 3.0 * sum(1 for c in chars if c in _CJK_FUNCTION_CHARS) / len(chars))
    words = WORD.findall(text.lower())
    if not words:
        return 0.0
    sw = stopword_set(lang)
    return sum(1 for w in words if w in sw) / len(words)
