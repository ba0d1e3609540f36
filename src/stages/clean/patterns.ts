// Page noise seen in real dispatches (../shared/CORPUS-NOTES.md §1), as whole-line and inline patterns.
// Every pattern is anchored or bounded and has no nested quantifier: linear on any input.

const AGENCIES = 'VNA|MAP|APS|TAP|AIP|AZERTAC|AA|QNA|SANA|Xinhua|XINHUA|Kazinform|KAZINFORM|TASS|BELTA|MENA|WAM|SPA|KUNA|IRNA|AFP|EFE|Reuters|ANI|PTI|APP|Belga|BELGA|UzA|Trend|APA|RIA';

/** Whole lines that are page furniture. */
export const NOISE_LINE: [RegExp, string][] = [
  [/^(?:Lu|Vu|Vues|Lectures?|Views?|Read)\s*:?\s*\d[\d\s.,]{0,12}(?:fois|times)?$/i, 'read_counter'],
  [/^\d[\d\s.,]{0,12}\s*(?:vues|lectures|views|reads|partages|shares|commentaires|comments)$/i, 'read_counter'],
  [/^(?:This news has been read|Cette (?:information|actualité) a été lue)\b.{0,40}$/i, 'read_counter'],
  [/^Fil d['’`]info\b.{0,40}$/i, 'navigation'],
  [/^(?:Partager(?: cet [Aa]rticle)?|Share(?: this(?: article)?)?|Imprimer|Print|Tweet|Tweeter|Envoyer|E-?mail|Facebook|Twitter|X|WhatsApp|Telegram|LinkedIn|Copier le lien|Copy link)\s*!?:?$/i, 'share'],
  [/^(?:(?:Facebook|Twitter|WhatsApp|Telegram|LinkedIn|E-?mail|Imprimer|Print|Partager|Share)[\s|•·,]{1,5}){2,8}\S{0,20}$/i, 'share'],
  [/^[+]\s*↺\s*[−-]\s*\d{1,2}\s*px$/, 'font_widget'],
  [/^A\+\s*A-?$/, 'font_widget'],
  [/^\(UTC\s*[+−-]\s*\d{1,2}:\d{2}\)$/, 'timestamp'],
  [/^\d{1,2}:\d{2}(?:\s*\(UTC\s*[+−-]\s*\d{1,2}:\d{2}\))?$/, 'timestamp'],
  [/^(?:(?:Photo|Photos|Crédit photo|Crédits? ?photos?|Photo credit|Source photo)\s?:|©).{0,120}$/i, 'photo_credit'],
  [/^\*\s*Traduit (?:de l['’]\w{3,12}|par)\b.{0,80}$/i, 'translator_credit'],
  [/^(?:Par|By)\s+\p{Lu}[\p{L}.'’-]{1,20}(?:\s+\p{Lu}[\p{L}.'’-]{1,20}){0,3}$/u, 'byline'],
  [/^\p{Lu}\.\s?(?:\p{Lu}\.\s?){0,2}(?:\/\p{Lu}{1,4})?$/u, 'byline'],
  [/^(?:Suivez[- ]nous|Aimez[- ]nous|Follow us|Like us|Abonnez-vous|Subscribe|S'abonner|Newsletter|Inscrivez-vous)\b.{0,120}$/i, 'follow'],
  [/^(?:Publicité|Advertisement|Sponsored|Annonce)$/i, 'advert'],
  [/^(?:Nous utilisons des cookies|We use cookies|Ce site utilise des cookies|This (?:web)?site uses cookies|Accepter|Accept(?: all)?(?: cookies)?|J'accepte)\b.{0,300}$/i, 'cookie_banner'],
  [/^(?:Commentaires?|Comments?|Laisser un commentaire|Leave a (?:comment|reply)|Deja un comentario)\s*(?:\(\d{1,5}\))?:?$/i, 'comments'],
  [/^(?:Mots[- ]clés|Keywords|Catégories?|Rubriques?|Section)\s*:.{0,300}$/i, 'tags'],
  [/^(?:Source|Sources)\s*:\s*.{1,80}$/i, 'source_line'],
  [/^(?:Accueil|Home|Page d['’]accueil)\s*(?:[>»/|›]\s*[^>»/|›]{1,60}){1,6}$/i, 'breadcrumb'],
  [/^(?:>>|»)\s?.{1,200}$/, 'related_links'],
  [/^(?:Dernière mise à jour|Mis à jour|Last updated)\b.{0,60}$/i, 'timestamp'],
  [/^[—–-]$/, 'separator'],
  [/^\(link is external\)$/i, 'link_marker'],
  [/^(?:ID|Auth?or|Author|Auteur)\s*:\s*\S{0,40}$/i, 'page_meta'],
  [/^(?:Date|Published|Publié|Publication)\s*:?$/i, 'page_meta'],
  [/^\d{4,12}$/, 'page_meta'],
  [/^(?:Trend|Report|Azertac|AZERTAC)\s*:?$/, 'agency_line'],
  [new RegExp(`^\\(?(?:${AGENCIES}|Belga|Agence France-Presse|Associated Press|Anadolu)\\)?\\.?$`), 'agency_line'],
  [/^(?:Lire (?:aussi|également|la suite)|À lire aussi|A lire aussi|Voir aussi|Read more|See also)\s*:?.{0,200}$/i, 'related_links'],
];

/** Starts a block of related-link headlines that runs to the next blank line. */
export const RELATED_HEADER = /^(?:[AÀ] lire (?:également|aussi|egalement)|Lire aussi|Sur le même sujet|Dans la même rubrique|Articles? similaires?|Related(?: news| articles| stories)?|Read also|More news|Plus d'actualités|Autres actualités|Les plus lus|Most read|Derni[eè]res (?:nouvelles|infos))\s*:?$/i;

export const TAGS_HEADER = /^(?:Tags|Étiquettes|Etiquettes|Mots-clés)\s*:?\s*.{0,200}$/i;

/** Everything after one of these is site footer. */
export const FOOTER_START = /^(?:AllAfrica publie|AllAfrica publishes|Tous droits réservés|All rights reserved|Copyright\s|©\s?\d{4}|Contacts? (?:pour les médias|médias)\s*:?$|Media (?:contacts?|relations)\s*:?$|Renseignements\s*:?$|Pour plus d'informations\s*:?$|For more information\s*:?$)/i;

/** Inline noise inside kept lines. */
export const INLINE_NOISE: [RegExp, string][] = [
  [/\s?\(link is external\)/gi, 'link_marker'],
  [/\s?\(lien externe\)/gi, 'link_marker'],
  [/[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}]\uFE0F?/gu, 'emoji'],
];

/** An agency code glued to the end of the last sentence ("... deux pays.-VNA", "... (MAP)", "-0-"). */
export const TRAILING_NOISE = new RegExp(`(?:[.!?»”"]\\s?|\\s)(?:[-–—]\\s?(?:${AGENCIES})(?:\\/\\p{Lu}{1,4})?|\\((?:${AGENCIES})\\)|[-–—]0[-–—]|\\/(?:${AGENCIES})\\/)\\s*$`, 'u');

/** Wrappers before the dateline that relays add ("(MENAFN- Trend News Agency) BAKU, …"). */
export const LEADING_NOISE: [RegExp, string][] = [[/^\(MENAFN-?\s?[^)]{0,60}\)\s?/, 'source_tag']];
