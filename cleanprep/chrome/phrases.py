"""Interface phrases of web pages in many languages, grouped by what they mark.

Each group is one precompiled pattern, matched against a whole short line (`LINE_PATTERNS`: the line
is nothing but the phrase, perhaps with a count or an arrow) or against its start (`PREFIX_PATTERNS`:
"Foto: ...", "Posted by ...", "Tags: ..."). The phrases are the words of common page templates
(WordPress, news CMSs, cookie banners) in English, German, French, Spanish, Italian, Portuguese,
Dutch, Polish, Czech, Russian, Ukrainian and a few more, written from general knowledge.

>>> match_line("Weiterlesen »"), match_line("Share this:"), match_line("Nach oben")
('nav', 'share', 'nav')
>>> match_prefix("Фото: Reuters"), match_prefix("Posted by admin on May 3"), match_prefix("The war")
('caption', 'byline', None)
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from .. import _core

# Interface phrases that mark chrome on a short line whatever the model says (the judge's hard kinds).
HARD_KINDS = frozenset({"share", "comment-form", "cookie", "appeal", "copyright", "caption", "tags"})

# Decorations around an interface word: arrows, bullets, counts in brackets, colons.
_DECOR = r"[\s\-‐‑‒–—―|:·•»«›‹>→←↑<()\[\]#*+.,!?\d]*"


def _line(words: str) -> str:
    return words


# A line that is only one of these phrases (alternatives of words, compiled together below).
LINE_PATTERNS: dict[str, str] = {
    "nav": _line(
        r"home|homepage|start|startseite|accueil|inicio|início|pagina iniziale|strona główna|главная|головна"
        r"|menu|menü|menú|main menu|hauptmenü|navigation|navigation menu|hauptnavigation|search|suche|suchen"
        r"|rechercher|recherche|buscar|búsqueda|cerca|szukaj|поиск|пошук|zoeken"
        r"|skip to (?:main )?content|skip to navigation|zum inhalt(?: springen| wechseln)?|direkt zum inhalt"
        r"|springe direkt zu|aller au contenu|ir al contenido|pasar al contenido principal|vai al contenuto"
        r"|more|mehr|plus|más|mais|altro|więcej|ещё|ще|meer|show more|mehr anzeigen|load more|mehr laden"
        r"|read more|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|continua a leggere|czytaj dalej"
        r"|читать далее|читати далі|lees meer|continue reading|read the full article|zum artikel"
        r"|back to top|nach oben|zurück nach oben|top|retour en haut|volver arriba|torna su|do góry|наверх"
        r"|back|zurück|retour|volver|indietro|wstecz|назад|next|weiter|nächste|suivant|siguiente|successivo"
        r"|dalej|далее|далі|previous|vorherige|zurück|précédent|anterior|precedente|poprzedni"
        r"|(?:next|previous|older|newer) (?:post|article|entry|posts)"
        r"|(?:nächster|vorheriger) (?:beitrag|artikel)"
        r"|beitragsnavigation|post navigation|page \d+ of|seite \d+ von"
        r"|login|log in|sign in|sign up|register|anmelden|abmelden|registrieren|einloggen|connexion"
        r"|s'inscrire|iniciar sesión|registrarse|accedi|registrati|zaloguj(?: się)?|войти|увійти|вхід"
        r"|contact|contact us|kontakt|impressum|imprint|datenschutz|datenschutzerklärung|privacy"
        r"|privacy policy"
        r"|terms|terms of use|terms of service|agb|nutzungsbedingungen|mentions légales|aviso legal"
        r"|política de privacidad|cookie policy|cookies|sitemap|about|about us|über uns|qui sommes-nous"
        r"|quiénes somos|chi siamo|o nas|о нас|про нас|faq|hilfe|help|archive|archiv|archives|rss|feed"
        r"|kategorien|categories|catégories|categorías|kategorie|category|meta|links|blogroll|newsletter"
        r"|news feed|latest news|neueste beiträge|recent posts|letzte beiträge|neueste kommentare"
        r"|recent comments|most viewed|most read|meistgelesen|popular|beliebt|trending|editor's choice"
        r"|advertisement|anzeige|werbung|publicité|publicidad|pubblicità|reklama|реклама|sponsored"
        r"|close|schließen|fermer|cerrar|chiudi|zamknij|закрыть|закрити|ok|okay|accept|akzeptieren|"
        r"alle akzeptieren|accept all|ablehnen|decline|einstellungen|settings|gallery|galerie|video|videos"
        r"|photo|photos|foto|fotos|bilder|audio|podcast|print|drucken|imprimer|imprimir|stampa|drukuj"
        r"|печать|друк|e-?mail|mail|whatsapp|twitter|facebook|instagram|linkedin|pinterest|youtube|telegram"
        r"|xing|reddit|tumblr|tiktok|vk|google\+?|copy link|link kopieren|avatar|reporter|redakteur|editor"
        r"|author|autor|auteur|autorin|autoren|authors|translator"
        r"|print recipe|rezept drucken|imprimer la recette|imprimir receta|stampa ricetta|drukuj przepis"
        r"|bildergalerie|fotogalerie|photo gallery|image gallery|galería de fotos|galerie photos|fotogallery"
        r"|galeria zdjęć|explore further|explore more|mehr entdecken"
        r"|warenkorb|shopping cart|cart|panier|carrito|carrello|koszyk|mein konto|my account|mon compte"
        r"|mi cuenta|wishlist|merkzettel|wunschliste|customer care|customer service|kundenservice"
        r"|kundendienst|service client|atención al cliente"
        # A shop's buttons: "Add to basket", "Dodaj do koszyka", "Купить билет".
        r"|add to (?:basket|cart|bag|wishlist)|in den warenkorb|ajouter au panier|añadir al carrito"
        r"|aggiungi al carrello|dodaj do koszyka|adicionar ao carrinho|in (?:de )?winkelwagen"
        r"|toevoegen aan winkelwagen|в корзину|до кошика|do košíku|buy now|jetzt kaufen|kup teraz"
        r"|comprar agora|comprar ahora|acheter maintenant|купить|купити|koupit|buy tickets?|tickets kaufen"
        r"|karten kaufen|купить билет|купити квиток|acheter des billets|comprar entradas|kup bilet"
        r"|версия для слабовидящих|версія для людей з порушенням зору|leichte sprache"
    ),
    # The placeholder of an embed that waits for the reader's consent, like a cookie banner.
    "cookie": _line(
        r"externer inhalt|externe inhalte|empfohlener (?:redaktioneller |externer )?inhalt|external content"
        r"|embedded content|contenu externe|contenido externo|contenuto esterno|treść zewnętrzna"
    ),
    "share": _line(
        r"share|share this|share this article|share on \w+|teilen|artikel teilen|diesen artikel teilen"
        r"|jetzt teilen|mit anderen teilen|partager|partagez|compartir|comparte|condividi|compartilhar"
        r"|udostępnij|поделиться|поширити|поділитися|delen|dela|del|sdílet|tweet|pin it|like|gefällt mir"
        r"|j'aime|me gusta|mi piace|lubię to|нравится|подобається|follow us|folge uns|folgen|suivez-nous"
        r"|síguenos|seguici|obserwuj nas|следите за нами|стежте за нами|subscribe|abonnieren|s'abonner"
        r"|suscríbete|suscribirse|iscriviti|subskrybuj|подписаться|підписатися|share this:|teilen mit:"
    ),
    "comment-form": _line(
        r"comments?|kommentare?|commentaires?|comentarios?|commenti|komentarze?|комментари[йи]|коментар[іи]?"
        r"|reacties|leave a (?:reply|comment)|post a comment|add a comment|write a comment"
        r"|kommentar verfassen"
        r"|kommentar schreiben|schreibe einen kommentar|laisser un commentaire|deja un comentario"
        r"|deja una respuesta|lascia un commento|dodaj komentarz|оставить комментарий|залишити коментар"
        r"|reply|antworten|antwort|répondre|responder|rispondi|odpowiedz|ответить|відповісти"
        r"|cancel reply|antwort abbrechen|annuler la réponse|cancelar respuesta|name|e-?mail address|website"
        r"|webseite|url|comment|nachricht|message|send|senden|absenden|envoyer|enviar|invia|wyślij"
        r"|отправить|надіслати|submit|post comment|kommentar abschicken|kommentar absenden"
        r"|publicar comentario|no comments|keine kommentare|no responses?(?: yet| so far)?"
        r"|noch keine kommentare|aucun commentaire|sin comentarios|nessun commento|brak komentarzy"
        r"|нет комментариев|немає коментарів|\d+ comments?|\d+ kommentare?|pingback|trackback"
        r"|pingbacks|trackbacks|pingback von|trackback von"
    ),
}

# A short line that starts with one of these is chrome of the named kind.
PREFIX_PATTERNS: dict[str, str] = {
    "caption": (
        r"^[\s•*\-]*(?:(?:photo|foto|fotos|bild|bilder|image|picture|pic|фото|світлина|zdjęcie|fot\.|photos"
        r"|photograph|photography|kuva|abbildung|abb\.|figure|fig\.|imagen|immagine|ilustracja|bildnachweis"
        r"|fotonachweis|afbeelding|obrázek|рисунок|малюнок|зображення|изображение|иллюстрация|ілюстрація"
        r"|fotografía|illustration|grafik|graphic|video|credit|credits|bildquelle|quelle|source|fuente"
        r"|fonte|źródło|источник|джерело|titelbild|beitragsbild|symbolbild|foto ?credit"
        # "Copyright: dpa" credits a photo; "Copyright © 2020 ..." with a year opens the site's footer.
        r"|copyright(?!\s*(?:©|\(c\))?\s*(?:19|20)\d\d))\b"
        r"(?:\s*\d+)?\s*(?::|by|von|de|di|for|:|\(|©|/|via\b)"
        # Chinese and Japanese credits: "【写真】...", "（图片来源：...）", "摄影：...".
        r"|[（(【]?(?:写真|撮影|画像|图片来源|图片|圖片|照片|摄影|攝影|图源|圖源)\s*(?:[】）)]|[：:・/])"
        # An "enlarge" button flattened into the caption it opened.
        r"|(?:vergrößern|enlarge|agrandir|ampliar|ingrandisci|powiększ|увеличить|збільшити)\s+\S"
        r"|zum vergrößern|click (?:on the (?:image|picture|photo) )?to enlarge|cliquez pour agrandir"
        r"|haga clic para ampliar|clicca per ingrandire|kliknij,? aby powiększyć)"
    ),
    "byline": (
        r"^[\s•*\-]*(?:posted|published|written|updated|veröffentlicht|geschrieben|aktualisiert"
        r"|erstellt|verfasst|publié|mise? à jour|publicado|actualizado|atualizado|pubblicato|aggiornato"
        r"|opublikowano|обновлено|оновлено|сторінка оновлена|publikováno|aktualizováno|bijgewerkt"
        r"|opublikowany|aktualizacja|опубликовано|опубліковано|gepubliceerd|filed under|posted in"
        r"|abgelegt unter|veröffentlicht in|eingestellt von|by|von|par|por(?! qu)|di|przez|автор|от|від|door"
        r"|text|texte|texto|testo|tekst|текст|redaktion|author|autor|auteur|ultima modifica"
        r"|última (?:actualización|modificación)|dernière mise à jour|zuletzt (?:aktualisiert|geändert)"
        r"|last (?:updated|modified))\b\s*(?:on|am|le|el|il|by|von|in|:)?"
        r"|^[\s•*\-]*(?:文|記者|作者|来源|來源|编辑|編輯|责任编辑|責任編輯|撰文|审核专家|審核專家|本报记者|通讯员)\s*[：:]"
    ),
    "tags": (
        r"^[\s•*\-]*(?:tags?|schlagw(?:ö|o)rt(?:e|er)?|stichw(?:ö|o)rt(?:e|er)?|themen|thema|topics?|keywords?"
        r"|mots[- ]clés|étiquettes|etiquetas|palabras clave|tag|parole chiave|tagi|słowa kluczowe"
        r"|теги|метки|мітки|ключевые слова|categor(?:y|ies)|kategorien?|catégories?|categorías?"
        r"|rubrik|rubriken|filed in|labels?)\s*:"
    ),
    "related": (
        r"^[\s•*\-]*(?:related|related (?:posts|articles|stories|content|news)|read also|see also"
        r"|you (?:may|might) also like|more (?:from|on|about|stories|news)|lesen sie auch|lies auch"
        r"|auch interessant|das könnte sie auch interessieren|ähnliche (?:beiträge|artikel)|mehr zum thema"
        r"|weitere (?:artikel|beiträge|nachrichten|meldungen)|verwandte (?:artikel|beiträge)|à lire aussi"
        r"|lire aussi|voir aussi|sur le même sujet|articles similaires|lee también|te puede interesar"
        r"|noticias relacionadas|artículos relacionados|leggi anche|articoli correlati|potrebbe interessarti"
        r"|czytaj (?:też|także)|zobacz (?:też|także)|читайте также|читайте також|смотрите также"
        r"|дивіться також|lees ook|gerelateerde artikelen|leia também|veja também"
        # Inline lead-ins to another article ("Read more: <headline>", "LE PUEDE INTERESAR: ...").
        r"|also read|must read|lea también|vea también|ver también|mira también|le puede interesar"
        r"|le podría interesar|te podría interesar|puede interesarte|à lire (?:aussi|également)|à voir aussi"
        r"|lire également|voir également|vedi anche|guarda anche|saiba mais|czytaj (?:również|więcej)"
        r"|zobacz (?:również|więcej)|lesen sie (?:dazu )?(?:auch|mehr)|lees meer|читайте (?:ещё|еще|більше)"
        # Headers of lists of other stories: what is read most, what may interest the reader too.
        r"|most (?:popular|read|viewed|shared)|(?:die )?meistgelesenen?|am meisten gelesen|más leíd[oa]s"
        r"|les plus lus|i più letti|najczęściej czytane|самое читаемое|найпопулярніше"
        r"|das könnte (?:dich|euch|du) auch interessieren|(?:dich|euch) könnte auch interessieren"
        r"|alle (?:artikel|beiträge|berichte) (?:zu|zum|zur|über)|all (?:articles|stories|posts) (?:about|on)"
        r"|tous les articles (?:sur|de)|todos los artículos (?:sobre|de)|tutti gli articoli (?:su|di)"
        r"|weitere \w*(?:tipps|artikel|beiträge|berichte|themen|videos)|más sobre"
        r"|(?:vorschau auf|zum) (?:den )?nächsten (?:artikel|beitrag)"
        r")\b"
        # A bare "read"/"see" lead-in needs its colon ("Lea: <headline>", "MIRA: ...", "PUEDES VER: ...").
        r"|^[\s•*\-]*(?:lea|lee|mira|puedes ver|vea|leia|veja|leggi|read|watch|lesenswert|empfehlenswert"
        r"|worth reading|recommended reading|lectura recomendada|da leggere)\s*:"
        # A read-more link with where it leads or how long that takes ("Weiterlesen: ...", "Read more 5 min").
        r"|^[\s•*\-]*(?:read more|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|leggi tutto"
        r"|czytaj dalej|читать далее|читати далі|continue reading)\s*(?::|…|\.\.\.|»|›|\d+\s*min)"
    ),
    "share": (
        r"^[\s•*\-]*(?:share (?:this|on|via)|teilen (?:auf|per|via|mit)|auf \w+ teilen|partager sur"
        r"|compartir en|condividi su|udostępnij na|поделиться в|поділитися в|follow us on|folgen sie uns"
        r"|subscribe to|abonnieren sie|newsletter abonnieren|sign up for our newsletter|melden sie sich"
        r"|zapraszamy (?:też |także )?do (?:subskrypcji|obserwowania|śledzenia))\b"
    ),
    "comment-form": (
        r"^[\s•*\-]*(?:your email address will not be published|required fields are marked"
        r"|ihre e-mail-adresse wird nicht veröffentlicht|erforderliche felder sind|pflichtfelder"
        r"|votre adresse (?:e-mail|de messagerie) ne sera pas publiée|les champs obligatoires"
        r"|tu dirección de correo electrónico no será publicada|los campos obligatorios"
        r"|il tuo indirizzo email non sarà pubblicato|i campi obbligatori|twój adres e-mail nie zostanie"
        r"|ваш адрес email не будет опубликован|ваша адреса електронної пошти не буде"
        r"|notify me of|benachrichtige mich|benachrichtigung bei|informiere mich|m'avertir|avísame"
        r"|avvisami|powiadom mnie|save my name|meinen namen|name \(|e-?mail \(|website \(|du kommentierst"
        r"|you are commenting|log in to (?:reply|comment)|you must be logged in|sie müssen angemeldet"
        r"|zum kommentieren|um zu kommentieren|pingback|trackback"
        r"|\d+ (?:responses?|replies|antworten|réponses?|respuestas?|risposte|odpowiedzi|ответов"
        r"|відповідей)\b"
        r"|\d+ (?:comments?|kommentare?|commentaires?|comentarios?)\b)"
    ),
    "cookie": (
        r"(?:\b(?:use|uses|verwenden|verwendet|nutzen|nutzt|utilisons|utilise|utilizamos|utiliza|usiamo"
        r"|utilizza|używamy|используем|використовуємо|gebruiken)\b.{0,60}\bcookies?\b"
        r"|\bcookies?\b.{0,80}\b(?:use|uses|using|accept|verwendet|verwenden|nutzt|nutzen|einsatz"
        r"|akzeptier|zustimm|utilise|utilisons|accepte|utiliza|utilizamos|acept|utilizza|usiamo|accett"
        r"|używa|akcept|использует|використову|gebruikt)|(?:diese|unsere) (?:website|webseite|seite) "
        r"(?:verwendet|nutzt|benutzt)|this (?:website|site) uses|we use cookies|wir verwenden cookies"
        r"|ce site utilise|este sitio (?:web )?utiliza|questo sito utilizza|ten serwis używa)"
    ),
    "appeal": (
        r"(?:\b(?:donate|donation|spenden?|spendenkonto|unterstützen sie|support us|support our"
        r"|become a (?:patron|member|supporter)|patreon|paypal|iban|bic|faire un don|soutenez"
        r"|donar|donación|apóyanos|dona ora|sostienici|wesprzyj|wpłać|пожертв|поддержите|підтримайте"
        r"|підтримати|донат|задонатити|ставай патроном|monobank|приватбанк)\b"
        r"|\b\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}\b)"
    ),
    "copyright": (
        r"^[\s•*\-]*(?:©|\(c\)|copyright|all rights reserved|alle rechte vorbehalten"
        r"|tous droits réservés|todos los derechos reservados|tutti i diritti riservati"
        r"|wszelkie prawa zastrzeżone|все права защищены|всі права захищені|powered by|proudly powered"
        r"|bloggen auf|theme by|designed by|erstelle eine website|create a (?:free )?website)"
    ),
}

# A line that is only a date, a time, or a reading time ("3. August 2015", "12.05.2021 14:30", "5 min read").
_MONTHS = (
    r"jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|févr(?:ier)?|mar(?:ch)?|märz|mars|apr(?:il)?|avr(?:il)?"
    r"|may|mai|jun(?:e|i)?|juin|jul(?:y|i)?|juil(?:let)?|aug(?:ust)?|août|sep(?:t|tember|tembre)?"
    r"|oct(?:ober|obre)?|okt(?:ober)?|nov(?:ember|embre)?|dec(?:ember)?|dez(?:ember)?|déc(?:embre)?"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março"
    r"|maio|junho|julho|setembro|outubro|novembro|dezembro|stycznia|lutego|marca|kwietnia|maja|czerwca"
    r"|lipca|sierpnia|września|października|listopada|grudnia|января|февраля|марта|апреля|мая|июня|июля"
    r"|августа|сентября|октября|ноября|декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня"
    r"|вересня|жовтня|листопада|грудня"
)
_DAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag"
    r"|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves"
    r"|viernes|sábado|domingo|mon|tue|wed|thu|fri|sat|sun|mo|di|mi|do|fr|sa|so"
)
# Possessive repetition (the regex module) keeps a failing match linear on long lines.
DATE_LINE = regex.compile(
    rf"(?i)^(?:(?:{_DAYS}|{_MONTHS}|am|on|le|el|il|de|del|um|at|à|a las|uhr|h|gmt|utc|cet|cest|mez"
    rf"|[ap]\.?m\.?)\b\.?|\d{{1,4}}(?:st|nd|rd|th|er)?\.?|[\s\-‐‑‒–—―|,:·•/()])++$"
)
_DIGIT = re.compile(r"\d")
READ_TIME = re.compile(
    r"(?i)^\s*\d+\s*(?:min(?:ute)?s?|minuten?|mins?|minutos|minuti|minut[y]?|минут[ыа]?|мин|хвилин[и]?|хв)\.?"
    r"\s*(?:read|lesezeit|lesen|de lecture|de lectura|de leitura|di lettura|czytania|leestijd|leestijd"
    r"|чтения|читання|čtení)?\s*$|^\s*(?:lesezeit|lesedauer|reading time|temps de lecture|lecture"
    r"|tiempo de lectura|tempo de leitura|tempo di lettura|czas czytania|leestijd|leesduur|время чтения"
    r"|час читання|doba čtení)\s*:?\s*\d+"
    r"|^\s*(?:ten tekst |ten artykuł )?przeczytasz w (?:około |ok\. )?\d+ minut"
    # A reading time with the word count: "12 minutes - 2400 words", "8 Minuten · 1.500 Wörter".
    r"|^\s*\d+\s*(?:min(?:ute)?s?|minuten?)\s*[-–|·,]\s*[\d.,]+\s*(?:words|wörter|mots|palabras|parole)\s*$"
)


def _group(kind: str) -> str:
    return kind.replace("-", "_")


# One pattern per question, so a line costs one regex call, not one per kind (speed matters here).
# Patterns see lower-cased text: case-insensitive matching of long alternations is many times slower.
def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex ("a|(?:b|c)d" -> ["a", "(?:b|c)d"])."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(pattern):
        if c == "(" and (i == 0 or pattern[i - 1] != "\\"):
            depth += 1
        elif c == ")" and (i == 0 or pattern[i - 1] != "\\"):
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
    out.append(pattern[start:])
    return out


def _is_plain(phrase: str) -> bool:
    return not re.search(r"[\\()?\[\]+*]", phrase)


# Most interface lines are a plain phrase: a dict answers them; the regex holds only the patterned ones.
_PLAIN = {
    phrase: kind
    for kind, words in reversed(LINE_PATTERNS.items())
    for phrase in _alternatives(words)
    if _is_plain(phrase)
}
_LINE_ANY = re.compile(
    "^(?:"
    + "|".join(
        f"(?P<{_group(k)}>{'|'.join(a for a in _alternatives(w) if not _is_plain(a))})"
        for k, w in LINE_PATTERNS.items()
    )
    + ")$"
)
_ANCHORED = [k for k in PREFIX_PATTERNS if k not in ("cookie", "appeal")]
_PREFIX_ANY = re.compile("|".join(f"(?P<{_group(k)}>{PREFIX_PATTERNS[k]})" for k in _ANCHORED))
_ANYWHERE = re.compile("|".join(f"(?P<{k}>{PREFIX_PATTERNS[k]})" for k in ("cookie", "appeal")))
_KIND = {_group(k): k for k in [*LINE_PATTERNS, *PREFIX_PATTERNS]}
_DECOR_CHARS = " \t-‐‑‒–—―|:·•»«›‹>→←↑<()[]#*+.,!?0123456789\u00a0"
# Strings one of which must occur in a line before the costlier cookie/appeal search runs on it.
_APPEAL_HINTS = (
    "donat", "un don", "donar", "dona ", "spende", "support us", "support our", "unterstützen sie", "patreon",
    "paypal", "iban", "souten", "apóy", "sosten", "wesprz", "wpłać", "пожерт", "поддерж", "підтрим", "донат",
    "monobank", "приват", "become a",
)
_CARD = re.compile(r"\d{4}[ -]\d{4}")
# The same hints for the kernel, which finds them all in a document's lines in one pass.
_HINT_NEEDLES = _core.Needles(["cookie", *_APPEAL_HINTS], [1] * (1 + len(_APPEAL_HINTS)), [], [])


def _has_hint(low: str) -> bool:
    """True when a lower-cased line holds a word that cookie notices or appeals need (or a card number)."""
    return hinted_lines([low], [0])[0]


def _first_letters(pattern: str) -> frozenset[str]:
    """Up to 3 leading characters of every alternative in a pattern (a cheap filter before matching).

    An alternative closing its group ("...|文)") keeps the bracket in its letters, so a one-letter
    alternative goes first in its group.
    """
    out = set()
    for piece in re.split(r"\||\(\?:", pattern):
        piece = piece.replace("^[\\s•*\\-]*", "").replace("\\", "")
        if piece:
            out.add(piece[:3])
    return frozenset(out)


_PREFIX_STARTS = frozenset().union(*(_first_letters(PREFIX_PATTERNS[k]) for k in _ANCHORED))
_LINE_MAX_WORDS = 6


def match_line(text: str) -> str | None:
    """The kind of interface phrase `text` consists of, or None (only worth asking of short lines)."""
    return _line_kind(text.lower())


def _line_kind(low: str) -> str | None:
    core = " ".join(low.strip(_DECOR_CHARS).split())
    kind = _PLAIN.get(core)
    if kind is not None or not core or core.count(" ") >= _LINE_MAX_WORDS:
        return kind
    m = _LINE_ANY.match(core)
    return _KIND[m.lastgroup] if m else None


def match_prefix(text: str) -> str | None:
    """The kind of chrome a line starting (or, for cookies and appeals, containing) this text is."""
    low = text.lower()
    return _prefix_kind(low) or _anywhere_kind(low)


def _prefix_kind(low: str) -> str | None:
    head = low.lstrip(" \t•*-（(【")  # brackets: a Chinese or Japanese credit may open with one
    if head[:1] in _PREFIX_STARTS or head[:2] in _PREFIX_STARTS or head[:3] in _PREFIX_STARTS or (
        head[:1].isdigit()
    ):
        m = _PREFIX_ANY.match(low)
        if m:
            return _KIND[m.lastgroup]
    return None


_CAPTION = re.compile(PREFIX_PATTERNS["caption"])
# An image credit closing a line: "(AFP via Getty Images)", "Foto: dpa", "Photo: Reuters/John Doe".
_CREDIT_END = re.compile(
    r"(?:\([^()]{0,40}\b(?:getty images|shutterstock|imago|istock|reuters|afp|dpa|ap photo|epa|picture"
    r" alliance|unsplash|pixabay|wikimedia|keystone|anp|ansa|efe)\b[^()]{0,40}\)|\b(?:photo|foto|bild|fotos"
    r"|credit|фото|kuva|zdjęcie|bildquelle|fotoquelle|picture|image|imagen|immagine|crédito|credito)\s*:\s*"
    r"[^!?:]{2,60}"
    # A copyright sign before the name: "... | © Augusta National/Getty Images", "... / (C) Kab Niang".
    r"|(?:©|[|/] ?\(c\))[^!?:©]{2,60})\s*$"
)
# Where the people in a photo stand, or that it only illustrates: "Anna Berg (l.) und ...", "(von links)",
# "(right)", "(Symbolbild)". Article prose names no one's place in a picture.
_PICTURED = re.compile(
    r"\((?:l\.|r\.|m\.|li\.|re\.|v\. ?l\.(?: ?n\. ?r\.)?|von (?:links|rechts)|links|rechts|mitte|left|right"
    r"|centre|center|from left|izq\.|izquierda|derecha|de izquierda a derecha|à gauche|à droite"
    r"|de gauche à droite|sinistra|destra|da sinistra|od lewej|z lewej|z prawej|слева|справа|зліва"
    r"|symbolbild|archivbild|archivfoto|file photo)\)"
)


def match_caption(text: str) -> str | None:
    """"caption" for a line of any length that opens like a caption or ends with an image credit.

    >>> match_caption("Photo for illustrative purposes. Soldiers walk past a vehicle. (AFP via Getty Images)")
    'caption'
    >>> match_caption("Die Feuerwehr war mit drei Fahrzeugen im Einsatz. Foto: dpa")
    'caption'
    >>> match_caption("The photo was taken in 1990 by a tourist.") is None
    True
    """
    return _caption_kind(text.lower())


def _caption_kind(low: str) -> str | None:
    if _CAPTION.match(low):
        return "caption"
    return _caption_tail(low)


def match_anywhere(text: str) -> str | None:
    """"cookie" or "appeal" when `text` holds a cookie notice or a donation appeal anywhere."""
    return _anywhere_kind(text.lower())


def _anywhere_kind(low: str) -> str | None:
    if not _has_hint(low):
        return None
    m = _ANYWHERE.search(low)
    return m.lastgroup if m else None


# Lines up to these word counts are asked whether they are an interface phrase, or open like chrome.
LINE_WORDS = 7
PREFIX_WORDS = 12
# Longer lines are searched for cookie notices and appeals only up to this length (in characters).
ANYWHERE_CHARS = 600
# A credit closes a caption of at most this many words; a longer paragraph that ends in "(dpa)" or
# "(AFP)" is a news agency's article, credited as agencies' texts are.
CREDIT_MAX_WORDS = 60


def classify(text: str, words: int) -> str | None:
    """The chrome kind of a line from its phrases (None: nothing matched); `words`: its word count.

    Each question is asked only of lines that can answer it, and the line is lower-cased once.

    >>> classify("Read more »", 3), classify("Foto: dpa", 2), classify("Spenden Sie jetzt per PayPal", 5)
    ('nav', 'caption', 'appeal')
    """
    low = text.lower()
    if words <= PREFIX_WORDS:
        kind = _line_kind(low) if words <= LINE_WORDS else None
        kind = kind or _prefix_kind(low) or _caption_tail(low)
        # Appeals and cookie notices are sentences or labelled numbers, never one or two words.
        return kind or (_anywhere_kind(low) if words >= 3 else None)
    kind = "caption" if _CAPTION.match(low) else _caption_tail(low) if words <= CREDIT_MAX_WORDS else None
    if kind is None and len(low) <= ANYWHERE_CHARS:
        kind = _anywhere_kind(low)
    return kind


def _caption_tail(low: str) -> str | None:
    """"caption" for a line closed by an image credit, or naming where someone in the photo stands."""
    tail = low[-120:]
    # A credit ends in a bracket, follows a colon or a copyright sign: most lines have none of these and
    # skip the search.
    if (tail.endswith(")") or ":" in tail or "©" in tail or "(c)" in tail) and _CREDIT_END.search(tail):
        return "caption"
    if "(" in low and _PICTURED.search(low):
        return "caption"
    return None


# Kinds of the short lines classified so far: four in ten short lines recur across a site's pages (menus,
# share bars, footers). The kind is a pure function of its arguments, so a bounded cache of it changes
# nothing but the time.
@lru_cache(maxsize=1 << 16)
def _short_kind(low: str, count: int, hint: bool, mark: bool) -> str | None:
    """`classify_lines`' answer for one line of at most `PREFIX_WORDS` words.

    >>> _short_kind("read more »", 3, False, False), _short_kind("foto: dpa", 2, False, True)
    ('nav', 'caption')
    """
    kind = _line_kind(low) if count <= LINE_WORDS else None
    kind = kind or _prefix_kind(low) or (_caption_tail(low) if mark else None)
    if kind is None and hint and reads_hint(count, len(low)):
        kind = _anywhere_match(low)
    return kind


def reads_hint(words, low_chars):  # ints, or numpy arrays of them (one answer per line)
    """Whether `classify_lines` looks at the hint of a line of `words` words and `low_chars` lower-cased
    characters: only such a line is searched for a notice or an appeal. Given arrays, it answers for
    each line at once (`features` asks so).

    >>> reads_hint(2, 10), reads_hint(5, 30), reads_hint(40, 601), reads_hint(40, 600)
    (False, True, False, True)
    """
    return ((words >= 3) & (words <= PREFIX_WORDS)) | ((words > PREFIX_WORDS) & (low_chars <= ANYWHERE_CHARS))


def classify_lines(lows: list[str], words: list[int], hinted: list[bool],
                   marked: list[bool] | None = None) -> list[str | None]:
    """`classify` for all lines of a document: their lower-cased texts, word counts, and whether each
    holds a hint of a cookie notice or an appeal (`hinted_lines`).

    `marked` says of each line whether it holds a ":", a "©" or a "(", or ends with ")": only such a
    line can close with an image credit (`_caption_tail`), so the others skip that test. When it is
    not given, every line is tested.

    >>> classify_lines(["read more »", "spenden sie jetzt per paypal"], [3, 5], [False, True])
    ['nav', 'appeal']
    >>> classify_lines(["a fire. foto: dpa", "a fire. foto: dpa"], [4, 4], [False, False], [True, False])
    ['caption', None]
    """
    if marked is None:
        marked = [True] * len(lows)
    out: list[str | None] = []
    for low, count, hint, mark in zip(lows, words, hinted, marked, strict=True):
        if count <= PREFIX_WORDS:
            kind = _short_kind(low, count, hint, mark)
        else:
            # `_caption_kind`, with the tail's test left out where it cannot find anything.
            kind = "caption" if _CAPTION.match(low) else (
                _caption_tail(low) if mark and count <= CREDIT_MAX_WORDS else None)
            if kind is None and hint and reads_hint(count, len(low)):
                kind = _anywhere_match(low)
        out.append(kind)
    return out


def _anywhere_match(low: str) -> str | None:
    m = _ANYWHERE.search(low)
    return m.lastgroup if m else None


def hinted_lines(lows: list[str], many_digits: list[int]) -> list[bool]:
    """For each line, whether it holds a word that cookie notices or appeals need (`_has_hint`).

    The compiled core looks for all the hints in one pass over the lines (`_core.Needles`). Only the
    lines in `many_digits` (those with eight digits or more) can hold a card number.

    >>> hinted_lines(["home", "we use cookies", "card 1234 5678"], [2])
    [False, True, True]
    """
    out = [mark != 0 for mark in _HINT_NEEDLES.marks(lows)]
    for i in many_digits:
        out[i] = out[i] or _CARD.search(lows[i]) is not None
    return out


def is_date_line(text: str) -> bool:
    """True for a line that is only a date, a time or a reading time.

    >>> is_date_line("3. August 2015"), is_date_line("Thursday 14 December 2017"), is_date_line("1 min read")
    (True, True, True)
    >>> is_date_line("2015 war ein gutes Jahr")
    False
    """
    if not _DIGIT.search(text):
        return False
    return bool(READ_TIME.match(text) or DATE_LINE.match(text))


# A line about the page's author or its post: a name (one to four capitalised words) then what the
# person does ("is a reporter at", "ist Redakteurin bei", "est journaliste à", "— журналист",
# "lehrt Geschichte an", "lives in"); a greeting then "I am" (an "about me" box); a bio's telegraphic
# style ("Schreibt seit 2008 für ..."); a post's provenance ("This entry was posted in", "Dieser
# Beitrag erschien zuerst in"). Present tense only: "was a reporter" begins an obituary as often as a
# bio. Matched case-sensitively at the start of each line, so the name's capitals count.
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ʯА-ЯЁЄІЇҐΑ-Ω][\w'’.-]*[ \u00a0]"
_NAME = rf"(?:{_CAP}){{1,4}}"
_ROLE_EN = (r"reporter|journalist|correspondent|editor|writer|author|columnist|contributor|photographer"
            r"|photojournalist|blogger|producer|anchor|freelancer|critic|commentator|professor|lecturer"
            r"|researcher|historian|economist|founder|co-founder|fellow|redacteur|verslaggever|fotograaf")
# Roles may close a compound ("Wirtschaftsredakteurin", "ERP-Experte").
_ROLE_DE = (r"redakteur|korrespondent|journalist|reporter|autor|kolumnist|fotograf|volontär|moderator|experte"
            r"|professor|historiker|wissenschaftler|gründer|dozent")
_BIO_AFTER_NAME = (
    rf"(?:is|has been|works as) (?:an? |the )?(?:[\w-]+ ){{0,3}}?(?:{_ROLE_EN})s?\b"
    rf"|(?:ist|arbeitet als) (?:[\w-]+ ){{0,3}}?[\w-]*(?:{_ROLE_DE})(?:in)?\b"
    r"|est (?:une? )?(?:\w+ ){0,3}?(?:journaliste|rédact(?:eur|rice)|correspondante?|reporter"
    r"|chroniqueu(?:r|se)|éditeur|éditrice|photographe|auteur|autrice|professeure?|chercheu(?:r|se)"
    r"|historien(?:ne)?|fondat(?:eur|rice))\b"
    r"|(?:es|trabaja como) (?:una? )?(?:\w+ ){0,3}?(?:periodista|redactor|corresponsal|editor|reporter[oa]"
    r"|columnista|fotógraf[oa]|escritor|autor|profesor|investigador|historiador|fundador)a?\b"
    r"|è (?:una? )?(?:\w+ ){0,3}?(?:giornalista|redatt(?:ore|rice)|corrispondente|inviat[oa]"
    r"|editorialista|fotograf[oa]|scritt(?:ore|rice)|professore|professoressa|ricercat(?:ore|rice))\b"
    r"|é (?:uma? )?(?:\w+ ){0,3}?(?:jornalista|repórter|redator|correspondente|editor|colunista|fotógraf[oa]"
    r"|professor|pesquisador)a?\b"
    r"|jest (?:\w+ ){0,3}?(?:dziennikar(?:zem|ką)|reporter(?:em|ką)|redaktor(?:em|ką)|korespondent(?:em|ką)"
    r"|publicyst(?:ą|ką)|felietonist(?:ą|ką)|profesor(?:em|ką)|historyk(?:iem)?)"
    r"|(?:[—–-]|является|работает|є|працює) (?:\w+ ){0,3}?(?:журналист|корреспондент|редактор|обозревател"
    r"|колумнист|репорт[её]р|фотограф|журналіст|кореспондент|оглядач|колумніст|профессор|професор"
    r"|историк|історик|автор|авторка|блогер|блогерка|адміністратор|администратор"
    r"|przewodnik|autor(?:ka)?|bloger(?:ka)?|dziennikar(?:z|ka)|redaktor(?:ka)?)"
    r"|(?:teaches|lectures|lives|lehrt|unterrichtet|forscht|lebt|enseigne|vit|enseña|vive|insegna"
    r"|mieszka|uczy|живет|преподает|живе|викладає) (?:\w+ ){0,2}?"
    r"(?:at|in|an|am|in der|à|en|w|в|у)\b"
)
# A name does not open with an article ("Die Stadt schreibt seit Jahren rote Zahlen" names no one).
_ARTICLE_WORD = (r"(?:The|A|An|Der|Die|Das|Ein|Eine|Le|La|Les|Un|Une|El|Los|Las|Il|Lo|Gli|De|Het|Een|O|Os"
                 r"|As)\b")
# A person's trade named without a name: two words of the name at least ("Insurance covers" is none).
_TRADE_VERB = (r"covers(?! up)|writes (?:about|for|on)|has written (?:for|about)|has contributed to"
               r"|has reported (?:for|on)|blogs about|schreibt (?:seit|über|für)|écrit (?:sur|pour|depuis)"
               r"|suit (?:la|le|les|l')|escribe (?:sobre|para|desde)|scrive (?:di|per|su)"
               r"|escreve (?:sobre|para|desde)|schrijft (?:al|over|voor|sinds)|pisze (?:o|dla|od)"
               r"|пишет (?:о|об|для|про)|пише (?:про|для|з)")
_GREETING = (r"(?:hallo|hi|hello|hey|servus|moin|bonjour|salut|hola|ciao|olá|cześć|привет|привіт)[,!]* "
             r"(?:ich bin|i am|i'm|i’m|je suis|soy|sono|sou|jestem|я)\b")
_TELEGRAPHIC = r"(?:Schreibt (?:seit|für|über)|Lebt (?:in|und|mit)|Arbeitet (?:als|seit|bei)|Studierte) "
_PROVENANCE = (
    r"this entry was posted|this (?:article|story|post) (?:was (?:originally |first )?published"
    r"|(?:originally |first )appeared)|dieser eintrag wurde|der beitrag wurde am"
    r"|dieser (?:beitrag|artikel|text) (?:wurde (?:am|unter|in)|erschien"
    r"|ist (?:zuerst|ursprünglich) erschienen|stammt aus)|ce message a été publié"
    r"|cette entrée a été publiée|cet article a (?:été )?(?:initialement "
    r"|d'abord )?(?:publié|paru)|esta entrada (?:fue publicada|se publicó)|este artículo (?:fue publicado"
    r"|apareció) originalmente|questa voce è stata pubblicata|questo articolo è stato (?:pubblicato"
    r"|originariamente)|ten wpis został opublikowany|эта запись опубликована|цей запис опубліковано"
    r"|dit bericht is geplaatst"
)
BIO_LINE = re.compile(
    rf"^(?!{_ARTICLE_WORD})(?:{_CAP}){{2,4}}(?:{_TRADE_VERB})\b|^{_NAME}(?i:{_BIO_AFTER_NAME})|^{_TELEGRAPHIC}"
    rf"|^(?i:{_GREETING}|{_PROVENANCE})",
    re.M,
)

def is_bio(text: str) -> bool:
    """True for a line that opens by saying who wrote the page or where it appeared first.

    >>> is_bio("Jane Doe is a senior reporter at the Daily Planet, covering energy.")
    True
    >>> is_bio("Anna Muster ist Redakteurin bei der Lokalzeitung."), is_bio("Марія Петренко — журналістка.")
    (True, True)
    >>> is_bio("Hallo, ich bin Anna und blogge hier."), is_bio("This entry was posted in News.")
    (True, True)
    >>> is_bio("The council is a body of twelve members."), is_bio("Insurance covers the repair.")
    (False, False)
    """
    return BIO_LINE.match(text) is not None


# The header of a post's comments: "12 responses to “TITLE”", "3 Gedanken zu „TITLE“", "5 thoughts on
# TITLE". The title makes it as long as it likes, so it is looked for in the whole (lower-cased) document
# at once, not only among short lines.
_HEADER_NUMBERS = "one|two|three|ein|eine|zwei|drei|un|une|deux|trois|uno|una|dos|tres"
COMMENT_HEADER = re.compile(
    rf"^[\s•*\-]*(?:\d+|{_HEADER_NUMBERS})"
    r" (?:responses?|replies|comments?|thoughts?|antworten|kommentare?|gedanken|réponses?|commentaires?"
    r"|réflexions?|respuestas?"
    r"|comentarios?|risposte|commenti|odpowiedzi|komentarz[ey]?|ответов|ответа|комментари[йея]|відповід[ейі]"
    r"|коментар[іяів]*) (?:to|on|zu|für|à|sur|a|en|para|su|per|do|на|к|до)\b",
    re.M,
)
# What the first character of a (lower-cased) line must be for a comments header to start there: a
# blank, a bullet, a digit or the first letter of a number word.
_HEADER_INITIALS = "".join(sorted({word[0] for word in _HEADER_NUMBERS.split("|")}))
HEADER_OPENER = re.compile(rf"[\s•*\-\d{_HEADER_INITIALS}]")


def comment_header_lines(low_joined: str, starts: list[int] | None = None,
                         candidates: list[int] | None = None) -> list[int]:
    """The lines (by index) of a document's lower-cased joined lines that head a post's comments.

    Given where each line starts (`starts`) and the lines whose first character is a `HEADER_OPENER`
    (`candidates`, in order), the pattern is tried only at those lines' starts, going on from each
    match's end as a search of the whole text does (a header may begin on blank lines above it).

    >>> comment_header_lines("the end.\\n12 responses to “a long title of a post”\\nthanks!")
    [1]
    >>> comment_header_lines("3 gedanken zu „ein titel“\\n2 kommentare\\n5 tipps für den garten")
    [0]
    >>> comment_header_lines("the end.\\n12 responses to “a long title of a post”", [0, 9], [0, 1])
    [1]
    """
    if starts is None or candidates is None:
        return [low_joined.count("\n", 0, m.start()) for m in COMMENT_HEADER.finditer(low_joined)]
    return lines_matching_at(COMMENT_HEADER, low_joined, starts, candidates)


def lines_matching_at(pattern: re.Pattern, joined: str, starts: list[int], candidates: list[int]
                      ) -> list[int]:
    """The lines among `candidates` (indexes, in order) at whose start (`starts`: offsets in the joined
    lines) `pattern` matches, each tried once as a search of the whole joined text would find them.

    A search tries the pattern at every character; a pattern anchored at line starts fails everywhere
    else, so only the candidates' starts are tried. As the search does, it goes on from each match's
    end: a match that runs on into the lines below hides their starts.

    >>> amount = re.compile(r"\\d+ \\w+(?:\\n\\w+)?")
    >>> lines_matching_at(amount, "3 eggs\\nmilk\\n2 cups", [0, 7, 12], [0, 1, 2])
    [0, 2]
    """
    out = []
    match = pattern.match
    end = 0
    for i in candidates:
        if starts[i] < end:
            continue
        m = match(joined, starts[i])
        if m:
            out.append(i)
            end = m.end()
    return out


# A comment's own header: who wrote it and when. Either a lead-in ("Comment by NAME", "Antwort von NAME",
# "Réponse de NAME") or a name then a verb of saying and a colon ("NAME says:", "NAME schrieb:", "NAME a
# écrit :", "NAME escribió:", "NAME napisał:"), and in both a time stamp: a clock time, or a date with
# its year. Article prose that quotes someone ("Merkel sagt: ...") has no time stamp next to the name,
# and a sentence that gives one ("The minister said on 3 May 2019 at 10:00 that ...") has no colon
# after its verb. Matched against a lower-cased line.
_COMMENT_LEAD = (
    r"(?:comment|reply|response|kommentar|antwort|commentaire|réponse|comentario|respuesta|commento"
    r"|risposta|comentário|resposta|komentarz|odpowiedź|reactie|reactie|комментарий|ответ|коментар"
    r"|відповідь)\s+(?:by|from|von|de|par|di|da|od|van|от|від)\s"
)
_SAYS = (
    r"says|said|wrote|writes|replied|sagt|sagte|schreibt|schrieb|meint|antwortet|dit|a dit|écrit|a écrit"
    r"|répond|dice|dijo|escribe|escribió|responde|diz|disse|escreveu|ha detto|ha scritto|scrive|risponde"
    r"|mówi|pisze|napisał|napisała|odpowiada|zegt|schreef|schrijft|skriver|sier|говорит|пишет|написал"
    r"|написала|ответил|каже|пише|написав|написала|відповів"
)
_CLOCK = r"\b\d{1,2}[:.]\d{2}\b(?!\.\d)|\b\d{1,2}\s?(?:am|pm|uhr|h)\b"
_NUMERIC_DATED = (
    r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}\b|\b(?:19|20)\d{2}([-./])\d{1,2}\1\d{1,2}\b"
    r"|(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
_DATED = (
    rf"{_NUMERIC_DATED}"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
    rf"|\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?(?:19|20)\d{{2}}\b"
)
COMMENT_META = re.compile(
    rf"\s*[•*\-–—]?\s*(?:{_COMMENT_LEAD}|(?:[^\s:]+\s+){{0,4}}?(?:{_SAYS})\s*:)"
)
_STAMP = re.compile(rf"{_CLOCK}|{_DATED}")
# The stamps written without a month's name, and what every stamp with one holds.
_NUMERIC_STAMP = re.compile(rf"{_CLOCK}|{_NUMERIC_DATED}")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A comment's header is a name and a stamp, not a sentence.
COMMENT_META_WORDS = 16
COMMENT_META_DIGITS = 3


def comment_meta_lines(lows: list[str], candidates: list[int]) -> list[int]:
    """Which of the `candidates` (indices into a document's lower-cased lines `lows`) head one comment:
    a name with a verb of saying and a colon, or a "comment by" lead-in, and a time stamp.

    Only short lines with a few digits can be one, so the caller picks those (a clock time has three).

    >>> comment_meta_lines(["comment by jane doe — 17.07.2011 @ 13:04", "anna says: 12 march 2019 at 10:42",
    ...                     "antwort von max am 3. mai 2020 um 9:15 uhr", "merkel sagt: wir schaffen das."],
    ...                    [0, 1, 2, 3])
    [0, 1, 2]
    """
    out = []
    for i in candidates:
        low = lows[i]
        m = COMMENT_META.match(low)
        if m and _STAMP.search(low, m.start()):
            out.append(i)
    return out


# A byline's stamp: a byline is a name and when it was written, not a sentence.
STAMPED_MAX_WORDS = 20


_BYLINE_START = re.compile(PREFIX_PATTERNS["byline"])


def is_byline_start(low: str) -> bool:
    """Whether a lower-cased line opens as a byline does ("by ...", "publié le ...").

    >>> is_byline_start("par anne — publié le 14 mai 2024"), is_byline_start("the vote is on 14 may 2024")
    (True, False)
    """
    return _BYLINE_START.match(low) is not None


def stamped_lines(lows: list[str], candidates: list[int]) -> list[int]:
    """Which of the `candidates` (indices into a document's lower-cased lines `lows`) hold a date with
    its year or a clock time ("12 marca 2024", "16.02.2024, 21:48", "march 3, 2024 at 9:14 pm").

    >>> stamped_lines(["par anne — publié le 14 mai 2024", "olena · 16.02.2024, 21:48", "page 12 of 40"],
    ...               [0, 1, 2])
    [0, 1]
    """
    out = []
    for i in candidates:
        low = lows[i]
        # A date written with a month's name has its year: most lines are settled without the
        # costly search through the months' names.
        if _NUMERIC_STAMP.search(low) or _YEAR.search(low) and _STAMP.search(low):
            out.append(i)
    return out


# One-off interface sentences: a newsletter sign-up ("Enter your email", "straight to your inbox"), a
# paywall's meter ("You have 2 free articles left", "3 von 5 kostenlosen Artikeln"), a notice about the
# reader's browser or a blocked embed ("Your browser is out of date", "Aktivieren Sie JavaScript", "Klicken
# Sie, um den Inhalt zu laden"), a disclosure of affiliate links. Each is searched for once in a document's
# lower-cased joined lines; the named group gives the kind (sign-ups are subscribe prompts, meters are
# appeals, browser notices are banners like cookie notices, disclosures are legal small print).
_NOTICE = {
    # Widgets that count: "12 Besucher sind online", "Showing 1–10 of 48 results".
    "nav": (
        r"\b(?:\d+ (?:besucher|gäste|benutzer|mitglieder|users?|visitors?|guests?|members?|utilisateurs"
        r"|visiteurs|usuarios|visitantes|utenti|użytkowników) (?:sind |are |is |est |sont |están |sono )?"
        r"(?:gerade |currently |actuellement |jetzt )?online"
        r"|(?:showing|zeige|es werden|affichage de|mostrando|visualizzazione di) (?:\S+ ){0,3}?\d+ ?"
        r"(?:[-–]|bis|to|à|a|al) ?\d+ (?:\S+ ){0,2}?(?:of|von|sur|de|di) (?:insgesamt )?\d+)"
    ),
    "share": (
        r"\b(?:enter your e-?mail|geben sie ihre e-?mail|gib deine e-?mail|ihre e-?mail-adresse eingeben"
        r"|entrez votre (?:adresse )?e-?mail|saisissez votre (?:adresse )?e-?mail"
        r"|introduce tu (?:correo|e-?mail|dirección)|ingresa tu (?:correo|e-?mail)"
        r"|inserisci (?:la tua )?(?:e-?mail|indirizzo)|wpisz (?:swój )?(?:adres )?e-?mail"
        r"|введите (?:ваш )?(?:e-?mail|email|адрес)|введіть (?:ваш )?(?:e-?mail|адрес)"
        r"|(?:straight|directly|delivered) (?:to|in)(?:to)? your inbox"
        r"|(?:direkt )?in (?:ihr|dein) (?:e-mail-)?postfach"
        r"|dans votre boîte (?:mail|e-?mail|de réception)|en tu (?:bandeja de entrada|correo)"
        r"|nella tua (?:casella|inbox)|na (?:twoją|swoją) skrzynkę"
        r"|(?:sign up|subscribe) (?:for|to) (?:our|the) (?:\w+ )?(?:newsletter|daily|weekly)"
        r"|(?:für|zu) (?:unseren|unserem|den) newsletter an|newsletter (?:abonnieren|bestellen)"
        r"|abonnez-vous à (?:notre|la) (?:newsletter|lettre)|inscrivez-vous à (?:notre|la) newsletter"
        r"|suscríbete a (?:nuestro|nuestra|el|la) (?:newsletter|boletín)"
        r"|iscriviti alla (?:nostra )?newsletter"
        r"|zapisz się (?:do|na) newsletter|suoraan sähköpostiisi"
        # Getting something by e-mail, and the consent box of a sign-up form.
        r"|(?:get|receive|erhalten|erhalte|recevez|recibe|ricevi|otrzymuj) .{0,60}"
        r"(?:by|per|par|por|via) e-?mail"
        r"|(?:get|receive|erhalten|erhalte|recevez|recibe|ricevi) .{0,60}\b(?:weekly|daily|monthly|free"
        r"|wöchentlichen|täglichen|kostenlosen|hebdomadaire|semanal|settimanale) newsletter"
        r"|(?:ich bin damit einverstanden|ich willige ein|willige ich|i agree|i consent|j'accepte|acepto"
        r"|acconsento)\b.{0,100}\b(?:e-?mails?|newsletter|werbung|marketing)"
        r"|(?:e-?mails?|newsletter)\b.{0,120}\b(?:jederzeit (?:widerrufen|abbestellen|abmelden)|widerruf"
        r"|unsubscribe at any time|opt out at any time|désinscrire à tout moment|darte de baja)"
        r"|\b(?:sign up|subscribe|register) (?:now |today )?(?:to|and) (?:get|receive)\b"
        r"|\b(?:melde dich|melden sie sich|registriere dich|registrieren sie sich) (?:jetzt )?an,?"
        r" (?:um|und)\b"
        # "If you enjoyed this post, ...": the prompt to share or support that closes a post.
        r"|\bif you (?:enjoyed|liked|like|enjoy) (?:reading )?(?:this|our|the)"
        r" (?:post|article|blog|story|piece)"
        r"|\bwenn (?:dir|ihnen|euch) (?:dieser|der|unser) (?:beitrag|artikel|blog) gefallen hat"
        r"|\b(?:gefällt|gefiel) (?:dir|ihnen|euch) (?:dieser|der|unser) (?:beitrag|artikel|blog)"
        r"|\bsi (?:vous avez aimé|tu as aimé) (?:cet|cette|ce) (?:article|billet|post)"
        r"|\bsi te (?:ha )?gust(?:ó|ado) (?:este|esta) (?:artículo|nota|post))"
    ),
    "appeal": (
        r"\b(?:you (?:have|'ve) (?:read )?(?:\d+|one|no) (?:free )?articles? (?:left|remaining)"
        r"|\d+ (?:of|von|des|de|di|z) \d+ (?:free |kostenlosen |gratis |gratuits? |gratuitos? |gratuiti )?"
        r"(?:articles?|artikeln?|articoli|artículos|artykułów)"
        r"|(?:free|kostenlose|gratuits?|gratuitos|gratuiti) (?:articles?|artikel|artículos|articoli) "
        r"(?:left|remaining|übrig|restants?|restantes|rimanenti))"
        # A paywall's end of the free text: "Subscribe ... for the full story", "To view the full story, ...".
        r"|\b(?:subscri|abonn|suscr|assin|abbona|prenumer)\w*\b.{0,60}\b(?:full (?:story|article)"
        r"|whole (?:story|article)|rest of (?:the|this) (?:story|article)|continue reading"
        r"|(?:ganzen|vollständigen|kompletten) artikel|weiterlesen|l'article complet|lire la suite"
        r"|(?:nota|artículo|matéria) completa?|seguir leyendo|articolo completo|cały artykuł)"
        r"|\bto (?:view|read|see) the (?:full|whole|rest of the) (?:story|article)"
        r"|\bum (?:den|diesen) (?:ganzen |vollständigen |kompletten )?artikel"
        r" (?:weiter |vollständig )?zu lesen"
        r"|\bpour lire (?:la suite|l'article complet)|\bpara (?:leer|ver) (?:la nota|el artículo) complet[ao]"
        # "Your support helps ...": what a reader's money does for the site.
        r"|\b(?:your|ihre?|deine?) (?:support|contribution|beitrag|unterstützung|spende) (?:helps|hilft)\b"
        r"|\b(?:tu|su) (?:apoyo|aporte|contribución) (?:nos )?ayuda\b"
        r"|\bvotre (?:soutien|don) (?:nous )?aide\b"
    ),
    "cookie": (
        r"\b(?:(?:your|ihr|dein|votre|tu|su|il tuo|twoja) (?:web ?)?"
        r"(?:browser|navigateur|navegador|navigatore|przeglądarka)(?: \w+){0,3}"
        r" (?:is|ist|est|es|está|è|jest) "
        r"(?:out of date|outdated|not supported"
        r"|veraltet|nicht (?:mehr )?(?:aktuell|unterstützt)|obsolète|pas à jour|obsoleto|desactualizado"
        r"|antiquato|non supportato|nieaktualna|przestarzała|nie jest obsługiwana)"
        r"|\b(?:we|wir) (?:respect|value|respektieren|schätzen) (?:your|ihre|deine) (?:privacy|privatsphäre)"
        r"|respetamos tu privacidad|nous respectons votre vie privée|rispettiamo la tua privacy"
        r"|browser version with limited support|(?:using|use) an? (?:outdated|old|unsupported|older) browser"
        r"|(?:veralteten|alten|nicht unterstützten) browser|(?:update|upgrade) your browser"
        r"|(?:aktualisiere|aktualisieren sie) (?:deinen|ihren) browser|mettez à jour votre navigateur"
        r"|actualiza tu navegador|aggiorna il (?:tuo )?browser|zaktualizuj (?:swoją )?przeglądarkę"
        r"|(?:enable|activate) javascript|javascript (?:is )?(?:disabled|deaktiviert|désactivé|desactivado"
        r"|disattivato|wyłączon)|(?:aktivieren sie|aktiviere) javascript|activez (?:le )?javascript"
        r"|activa javascript|attiva javascript|włącz javascript"
        r"|(?:um|to) (?:den|die|das|the) (?:inhalt|inhalte|content|karte|video|map) (?:von \S+ )?"
        r"(?:zu laden|anzuzeigen)|to load (?:the )?(?:content|video|map) from)"
    ),
    "copyright": (
        r"\b(?:affiliate[- ]links?|partner-?links?|liens? affiliés?|enlaces? de afiliados?"
        r"|link (?:di )?affiliazione|linki? afiliacyjn|(?:erhält|erhalten|bekommen|earns?|receive|receives"
        r"|recibimos|riceviamo|otrzymujemy) (?:\S+ ){0,5}?(?:eine |a |an |una )?(?:kleine |small )?"
        r"(?:provision|commission|comisión|commissione|prowizję))\b"
        # Legal small print: no liability for linked sites, opinions that are the author's alone, paid links.
        r"|\b(?:keine (?:haftung|verantwortung) für (?:die )?inhalte|no (?:responsibility|liability) for the"
        r" content|not responsible for the content|aucune responsabilité (?:quant au|concernant le|sur le)"
        r" contenu|no (?:nos )?(?:hacemos|se hace) responsables? del contenido|nessuna responsabilità per i"
        r" contenuti|nie ponosimy odpowiedzialności za treść"
        r"|(?:the )?(?:opinions|views) expressed (?:here |in this \w+ |on this \w+ )?(?:are|do not)"
        r"|(?:die )?(?:hier )?geäußerten meinungen|les opinions exprimées|las opiniones expresadas"
        r"|le opinioni espresse|opinie wyrażone"
        r"|(?:may|might) (?:receive|earn|be) (?:compensat|paid)|advertis(?:er|ing) (?:disclosure|disclaimer)"
        r"|(?:products|links) from (?:one or more of )?our (?:advertisers|partners)"
        r"|enthält (?:werbung|werbelinks|anzeigen)|contains (?:affiliate|sponsored) links)"
        # A reprint notice: copying needs the owner's permission, the text is someone's property.
        r"|\b(?:copyrighted (?:property|material) of"
        r"|(?:reproduc|reprint|republish|vervielfältig|reproduzier|riprodu)\w*\b.{0,80}"
        r"\b(?:permission|genehmigung|zustimmung|erlaubnis|autorisation|autorización|autorizzazione|consent)"
        r"|(?:permission|genehmigung|zustimmung|autorisation|autorización|autorizzazione)\b.{0,80}"
        r"\b(?:reproduc|reprint|republish|vervielfältig|reproduzier|riprodu))"
    ),
    # The rules of a comment section: comments are moderated or closed, one must register to comment.
    "comment-form": (
        r"\b(?:comments?|kommentare?|kommentarfunktion|comentarios?|commentaires?|commenti|komentarze?)\b"
        r"(?: \S+){0,6}? (?:are|is|will be|may be|werden|wird|ist|son|serán|pueden ser|sont|seront"
        r"|peuvent être|sono|saranno|possono essere|są|będą|mogą być) (?:\S+ ){0,6}?(?:moderated|reviewed"
        r"|approved|republished|closed|disabled|moderiert|geprüft|freigeschaltet|geschlossen|deaktiviert"
        r"|moderados|revisados|aprobados|cerrados|modérés|validés|fermés|moderati|approvati|chiusi"
        r"|moderowane|zatwierdzane|zamknięte)\b"
        r"|\b(?:comments?|kommentare?) (?:under|unter) (?:a |einem )?pseudonym"
        r"|\b(?:to (?:post a |leave a )?comment|um zu kommentieren|zum kommentieren|para comentar"
        r"|pour commenter|per commentare),? (?:you |sie |du |vous )?(?:must|need|have to|müssen|musst"
        r"|debes|debe|tienes que|devez|devi|bisogna)\b"
        # The call to comment: "Let us know in the comments", "Verraten Sie es uns in den Kommentaren".
        r"|\b(?:let (?:us|me) know|tell (?:us|me)|share your (?:thoughts|opinion)|verraten sie|verrate"
        r"|schreibt|schreib|schreiben sie|erzählt|sagt|dites-nous|cuéntanos|dinos|fatecelo sapere)\b.{0,60}"
        r"\b(?:in the comments|in the comment section|in den kommentaren|dans les commentaires"
        r"|en (?:los )?comentarios|nei commenti)"
        r"|\b(?:we want to hear|we'd love to hear|we would love to hear) what you think"
        r"|\b(?:halten sie sich an|halte dich an|beachten sie|beachte|read|follow|respect|respectez|respeta"
        r"|rispetta)\b.{0,40}\b(?:netiquette|community guidelines|community-richtlinien|house rules"
        r"|hausordnung|kommentarregeln|règles de (?:la )?communauté|normas de (?:la )?comunidad"
        r"|regole della community)"
    ),
    # A lead-in to another story before its headline, on a line too long to be asked as a prefix.
    "related": (
        r"^[\s•*\-]*(?:read more|read also|also read|see also|related|lea(?: también| más)?|lee también"
        r"|vea también|ver también|mira(?: también)?|puedes ver|te puede interesar|le puede interesar"
        r"|lesen sie (?:auch|mehr|dazu)|lies auch|auch interessant|mehr zum thema|à lire aussi|lire aussi"
        r"|voir aussi|à voir aussi|leggi anche|leia também|veja também|saiba mais"
        r"|czytaj (?:też|także|również|więcej)|zobacz (?:też|także|również)|читайте (?:также|також)"
        r"|lees ook)\s*(?::|»|›)"
    ),
}
NOTICE = re.compile("|".join(f"(?P<{_group(k)}>{p})" for k, p in _NOTICE.items()))
# A notice is one sentence or two: longer lines are article text that talks about such things.
NOTICE_MAX_WORDS = 40
NOTICE_MAX_CHARS = 400


# Strings one of which every notice holds: only lines holding one are searched for a notice.
_NOTICE_HINTS = (
    "mail", "inbox", "postfach", "boîte", "bandeja", "correo", "casella", "skrzynk", "newsletter", "subscri",
    "online", "showing", "zeige", "es werden", "affichage", "mostrando", "visualizzazione",
    "suscr", "abonnez", "sign up", "адрес", "sähköpost", "article", "artikel", "articoli", "artículos",
    "artykułów", "browser", "navigateur",
    "navegador", "navigatore", "przegląd", "javascript", " zu laden", "anzuzeigen", "to load", "affili",
    "partner-link", "partnerlink", "provision", "commission", "comisión", "prowizj",
    "haftung", "verantwortung", "responsab", "responsib", "liability", "odpowiedzialno", "opinion",
    "meinungen", "opinie", "views expressed", "compensat", "be paid", "disclosure", "enthält werb",
    "enthält anz", "sponsored link",
    # reprint notices, paywalls' ends, comment rules, lead-ins to other stories
    "reproduc", "reprint", "republish", "vervielf", "reproduz", "riprodu", "copyrighted", "abonn", "assin",
    "abbona", "prenumer", "full story", "whole story", "of the story", "zu lesen", "pour lire", "para leer",
    "para ver", "comment", "kommentar", "comentar", "koment",
    # sign-up and closing prompts, support appeals, privacy banners, disclaimers
    "download", "install", "laden sie", "lade dir", "holen sie", "hol dir", "téléchargez", "descarga",
    "scarica", "pobierz", "baixe", "скачайте", "завантажте",
    "register", "melde dich", "melden sie", "registriere dich", "registrieren sie", "enjoy", "liked",
    "gefallen", "gefällt", "gefiel", "aimé", "te gust", "te ha gust",
    "helps", "hilft", "ayuda", "aide", "privacy", "privatsph", "privacidad", "vie privée", "disclaimer",
    "advertisers", "our partners", "what you think", "netiquette", "guidelines", "richtlinien", "house rules",
    "hausordnung", "kommentarregeln", "règles de", "normas de", "regole della",
)


# How a lead-in to another story opens (the notices' "related" group, anchored at a line's start): these
# are looked for only where a line begins, so that common words ("read", "lea", "voir") flag no line
# that merely holds them.
_LEAD_IN_HINTS = (
    "read", "also read", "see also", "related", "lea", "lee ", "vea ", "ver ", "mira", "puedes ver",
    "te puede", "le puede", "lesen sie", "lies auch", "auch interessant", "mehr zum", "à lire", "lire",
    "voir", "à voir", "leggi", "leia", "veja", "saiba", "czytaj", "zobacz", "читайте", "lees ook",
)
_NOTICE_HINT_LIST = list(_NOTICE_HINTS)
_LEAD_IN_HINT_LIST = list(_LEAD_IN_HINTS)


# Prompts to install the site's app ("Download the NAME app", "Laden Sie sich unsere App", "Téléchargez
# notre application") and a newsletter's own short header ("GET THE DAILY NEWSLETTER", "Unser
# Newsletter"): sign-ups like the notices' "share", searched for apart, only in lines holding a verb of
# fetching or the word newsletter (in the one pattern of the notices they cost every hinted line).
_APP_PROMPT = re.compile(
    r"\b(?:download|install) (?:the|our) (?:[\w&'-]+ ){0,3}apps?\b"
    r"|\b(?:laden sie|lade dir|holen sie sich|hol dir) (?:sich )?(?:die|unsere) (?:[\w&'-]+ ){0,3}app\b"
    r"|\btéléchargez (?:notre |l')application|\bdescarga (?:nuestra|la) app\b"
    r"|\bscarica (?:la nostra |l')app\b|\bpobierz (?:naszą )?aplikację|\bbaixe (?:o nosso |o )?app\b"
    r"|\bdownload (?:onze|de) app\b"
    r"|\bскачайте (?:наше )?приложение|\bзавантажте (?:наш )?застосунок"
    r"|^(?:[^\s.!?]+ ){0,5}newsletter(?: [^\s.!?]+){0,3}$"
)
_APP_HINTS = ("download", "install", "laden sie", "lade dir", "holen sie", "hol dir", "téléchargez",
              "descarga", "scarica", "pobierz", "baixe", "скачайте", "завантажте", "newsletter")


def _app_prompt(low: str) -> bool:
    return any(hint in low for hint in _APP_HINTS) and _APP_PROMPT.search(low) is not None


def notice_lines(lows: list[str]) -> list[tuple[int, str]]:
    """(line index, kind) of the lines holding a notice; `lows` are a document's lower-cased lines.

    Only lines holding a hint (or beginning with a lead-in's) are searched: the compiled core finds
    them in one pass over the lines (`_core.Needles`, which says too which kinds their hints open),
    as one search per hint cost more than the notices' pattern itself.

    >>> lows = ["the end.", "enter your email address to subscribe", "sie haben 3 von 5 artikeln gelesen"]
    >>> notice_lines(lows)
    [(1, 'share'), (2, 'appeal')]
    >>> notice_lines(["votre navigateur est obsolète.", "the browser war of the 1990s"])
    [(0, 'cookie')]
    """
    marks = _NOTICE_NEEDLES.marks(lows)
    out = []
    for i, (low, mark) in enumerate(zip(lows, marks, strict=True)):
        if not mark or len(low) > NOTICE_MAX_CHARS:
            continue
        kind = _notice_kind(low, mark)
        if kind is None and mark & _APP_MARK and _app_prompt(low):
            kind = "share"
        if kind is not None:
            out.append((i, kind))
    return out


# Each kind's pattern on its own, and which kinds each hint can open: a hint written in a kind's
# pattern belongs to it, one written in none (" zu laden", "full story") to every kind, but for the
# app prompts' verbs, which open none (`_app_prompt` is asked apart). A line is
# searched only with the patterns of the kinds its hints belong to, which costs less than the
# notices' one pattern; the lead-ins ("related") open where the line does, so they are always tried.
_NOTICE_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in _NOTICE.items()]
_HINT_KINDS = {
    hint: (frozenset(k for k, p in _NOTICE.items() if hint in p)
           or frozenset(() if hint in _APP_HINTS else _NOTICE))
    for hint in _NOTICE_HINTS
}


# The marks `_core.Needles.marks` gives a line for its hints: bit 0, that it holds one; bit 1 + j, that one
# of them opens the j-th kind of `_NOTICE_PATTERNS`. A lead-in only flags its line: "related" is tried
# on every flagged line anyway.
# One more bit, past the kinds', says that the line holds an app prompt's verb (`_app_prompt` is asked
# only then; every one of `_APP_HINTS` is a notice hint).
_APP_MARK = 2 << len(_NOTICE_PATTERNS)
_HINT_MARKS = [1 | sum(2 << j for j, (kind, _) in enumerate(_NOTICE_PATTERNS) if kind in _HINT_KINDS[hint])
               | (_APP_MARK if hint in _APP_HINTS else 0)
               for hint in _NOTICE_HINT_LIST]
if not set(_APP_HINTS) <= set(_NOTICE_HINT_LIST):
    raise ValueError("every app prompt hint must be a notice hint")
_LEAD_IN_MARKS = [1] * len(_LEAD_IN_HINT_LIST)
# Built once: the kernel's tables of the hints cost more than a document's lines.
_NOTICE_NEEDLES = _core.Needles(_NOTICE_HINT_LIST, _HINT_MARKS, _LEAD_IN_HINT_LIST, _LEAD_IN_MARKS)


def _notice_kind(low: str, marks: int | None = None) -> str | None:
    """The kind of the notice in a hinted lower-cased line, as `NOTICE.search` names it: the match that
    starts first, of the kind listed first where two start together. `marks`: the line's hint marks,
    when known (see `_HINT_MARKS`); only the kinds they name, and "related", are searched for.

    >>> _notice_kind("please enter your email address"), _notice_kind("read more: the next story")
    ('share', 'related')
    """
    if marks is None:
        marks = _NOTICE_NEEDLES.marks([low])[0]
    best: tuple[int, str] | None = None
    for j, (kind, pattern) in enumerate(_NOTICE_PATTERNS):
        if kind == "related" or marks >> (j + 1) & 1:
            m = pattern.search(low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), kind)
    return best[1] if best else None
