// The interface in French and English. Keys are English phrases' intent; both tables must have every key
// (checked by the type). The chosen language is kept in localStorage and follows the browser otherwise.
export type Lang = 'en' | 'fr';

const en = {
  appName: 'Communiqué',
  tagline: 'Diplomatic contacts read from the dispatches, with the sentence that proves each one.',
  skip: 'Skip to content',
  navHome: 'Home',
  navTimeline: 'Timeline',
  navNetwork: 'Network',
  navPaste: 'Paste a dispatch',
  navApi: 'API',
  language: 'Language',
  searchLabel: 'Search dispatches, people, states',
  searchPlaceholder: 'Search: Bayramov, NATO, sécurité énergétique…',
  searchAll: 'All results for “{q}”',
  searchNone: 'Nothing found for “{q}”',
  entitiesHeading: 'People, states and organisations',
  dispatchesHeading: 'Dispatches',
  loading: 'Loading…',
  error: 'Something went wrong: {message}',
  notFound: 'Not found',
  noArchive: 'This server has no archive: only “Paste a dispatch” works.',
  statsLine: '{dispatches} dispatches · {events} events · {entities} entities',
  exploreHeading: 'Explore an actor',
  exploreHint: 'Pick a state or organisation to see its network and its contacts over time.',
  actorLabel: 'Actor',
  withLabel: 'With (optional)',
  actorHint: 'A code (AZE, NATO), a name, or #id',
  show: 'Show',
  sinceLabel: 'From',
  untilLabel: 'To',
  modesLabel: 'Modes',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomReset: 'Whole period',
  timelineHelp: 'Scroll or use + and − to zoom, drag or use the arrow keys to move. Each dot is a contact; open it to read the dispatch.',
  timelineTitle: 'Contacts of {actor}',
  timelinePairTitle: 'Contacts between {a} and {b}',
  eventsCount: '{n} contacts',
  eventsTruncated: 'Only the first {n} contacts are shown.',
  inView: '{n} in view',
  noEvents: 'No contacts found.',
  networkTitle: 'Relations of {actor}',
  networkHelp: 'Circles are sized by the number of contacts. Open one to see its own relations.',
  counterpart: 'Counterpart',
  contacts: 'Contacts',
  firstLast: 'First – last',
  openNetwork: 'Network',
  openTimeline: 'Timeline',
  noRelations: 'No counted contacts for this actor.',
  entityNames: 'Names',
  entityTitles: 'Titles over time',
  entityCounterparts: 'Counterparts',
  entityLatest: 'Latest contacts',
  entityDispatches: 'Latest dispatches',
  entityMerges: 'Why these names are one entity',
  seenIn: 'seen in {n} dispatches',
  kind_person: 'person',
  kind_organization: 'organisation',
  kind_country: 'state',
  kind_place: 'place',
  kind_programme: 'programme',
  kind_other: 'other',
  dispatchTitleless: 'Dispatch {id}',
  published: 'Published',
  source: 'Source',
  agency: 'Agency',
  lang: 'Language',
  showNoise: 'Show the removed noise',
  noiseLabel: 'removed: {kind}',
  entitiesInText: 'Entities',
  eventsInText: 'Events',
  toSentence: 'Go to the sentence',
  toCard: 'Go to event {n}',
  participants: 'Participants',
  location: 'Place',
  topics: 'Topics',
  planned: 'planned',
  background: 'recalled',
  reports: 'reported by {n} dispatches',
  legend: 'Legend',
  legendEntity: 'entity mention',
  legendEvidence: 'evidence of an event',
  legendNoise: 'removed noise',
  approxMentions: 'Mentions located by name (the archive did not keep the exact spans).',
  revisions: 'Revisions',
  pasteTitle: 'Paste a dispatch',
  pasteHelp: 'The extraction runs as you type. Nothing is stored.',
  pasteText: 'Dispatch text',
  pasteLang: 'Language',
  pasteAuto: 'detect',
  pastePublished: 'Filing date',
  pasteRun: 'Extract',
  pasteEmpty: 'Paste or type a dispatch to see what is extracted from it.',
  pasteJson: 'The extraction as JSON',
  extracting: 'Extracting…',
  searchTitle: 'Search',
  searchResults: '{n} dispatches',
  more: 'More',
  apiTitle: 'API',
  apiHelp: 'The HTTP API this page uses is documented here:',
  date: 'Date',
  mode: 'Mode',
  mode_meeting: 'meeting',
  mode_reception: 'reception',
  mode_talks: 'talks',
  mode_phone_call: 'phone call',
  mode_video_call: 'video call',
  mode_visit: 'visit',
  mode_multilateral: 'multilateral',
  mode_interview: 'interview',
  mode_statement: 'statement',
  mode_credentials: 'credentials',
  undated: 'undated',
};

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  appName: 'Communiqué',
  tagline: 'Les contacts diplomatiques lus dans les dépêches, avec la phrase qui prouve chacun.',
  skip: 'Aller au contenu',
  navHome: 'Accueil',
  navTimeline: 'Chronologie',
  navNetwork: 'Réseau',
  navPaste: 'Coller une dépêche',
  navApi: 'API',
  language: 'Langue',
  searchLabel: 'Chercher dépêches, personnes, États',
  searchPlaceholder: 'Chercher : Baïramov, OTAN, sécurité énergétique…',
  searchAll: 'Tous les résultats pour « {q} »',
  searchNone: 'Rien trouvé pour « {q} »',
  entitiesHeading: 'Personnes, États et organisations',
  dispatchesHeading: 'Dépêches',
  loading: 'Chargement…',
  error: 'Une erreur est survenue : {message}',
  notFound: 'Introuvable',
  noArchive: 'Ce serveur n’a pas d’archive : seule « Coller une dépêche » fonctionne.',
  statsLine: '{dispatches} dépêches · {events} événements · {entities} entités',
  exploreHeading: 'Explorer un acteur',
  exploreHint: 'Choisissez un État ou une organisation pour voir son réseau et ses contacts dans le temps.',
  actorLabel: 'Acteur',
  withLabel: 'Avec (facultatif)',
  actorHint: 'Un code (AZE, NATO), un nom, ou #id',
  show: 'Afficher',
  sinceLabel: 'Du',
  untilLabel: 'Au',
  modesLabel: 'Modes',
  zoomIn: 'Zoomer',
  zoomOut: 'Dézoomer',
  zoomReset: 'Toute la période',
  timelineHelp: 'Molette ou + et − pour zoomer, glisser ou flèches pour se déplacer. Chaque point est un contact ; ouvrez-le pour lire la dépêche.',
  timelineTitle: 'Contacts de {actor}',
  timelinePairTitle: 'Contacts entre {a} et {b}',
  eventsCount: '{n} contacts',
  eventsTruncated: 'Seuls les {n} premiers contacts sont affichés.',
  inView: '{n} visibles',
  noEvents: 'Aucun contact trouvé.',
  networkTitle: 'Relations de {actor}',
  networkHelp: 'La taille des cercles suit le nombre de contacts. Ouvrez-en un pour voir ses propres relations.',
  counterpart: 'Interlocuteur',
  contacts: 'Contacts',
  firstLast: 'Premier – dernier',
  openNetwork: 'Réseau',
  openTimeline: 'Chronologie',
  noRelations: 'Aucun contact compté pour cet acteur.',
  entityNames: 'Noms',
  entityTitles: 'Fonctions dans le temps',
  entityCounterparts: 'Interlocuteurs',
  entityLatest: 'Derniers contacts',
  entityDispatches: 'Dernières dépêches',
  entityMerges: 'Pourquoi ces noms sont une seule entité',
  seenIn: 'vu dans {n} dépêches',
  kind_person: 'personne',
  kind_organization: 'organisation',
  kind_country: 'État',
  kind_place: 'lieu',
  kind_programme: 'programme',
  kind_other: 'autre',
  dispatchTitleless: 'Dépêche {id}',
  published: 'Publiée',
  source: 'Source',
  agency: 'Agence',
  lang: 'Langue',
  showNoise: 'Montrer le bruit retiré',
  noiseLabel: 'retiré : {kind}',
  entitiesInText: 'Entités',
  eventsInText: 'Événements',
  toSentence: 'Aller à la phrase',
  toCard: 'Aller à l’événement {n}',
  participants: 'Participants',
  location: 'Lieu',
  topics: 'Sujets',
  planned: 'prévu',
  background: 'rappel',
  reports: 'rapporté par {n} dépêches',
  legend: 'Légende',
  legendEntity: 'mention d’entité',
  legendEvidence: 'preuve d’un événement',
  legendNoise: 'bruit retiré',
  approxMentions: 'Mentions retrouvées par le nom (l’archive n’a pas gardé les positions exactes).',
  revisions: 'Révisions',
  pasteTitle: 'Coller une dépêche',
  pasteHelp: 'L’extraction se fait pendant la saisie. Rien n’est enregistré.',
  pasteText: 'Texte de la dépêche',
  pasteLang: 'Langue',
  pasteAuto: 'détecter',
  pastePublished: 'Date de dépôt',
  pasteRun: 'Extraire',
  pasteEmpty: 'Collez ou tapez une dépêche pour voir ce qui en est extrait.',
  pasteJson: 'L’extraction en JSON',
  extracting: 'Extraction…',
  searchTitle: 'Recherche',
  searchResults: '{n} dépêches',
  more: 'Plus',
  apiTitle: 'API',
  apiHelp: 'L’API HTTP qu’utilise cette page est documentée ici :',
  date: 'Date',
  mode: 'Mode',
  mode_meeting: 'rencontre',
  mode_reception: 'audience',
  mode_talks: 'entretiens',
  mode_phone_call: 'appel téléphonique',
  mode_video_call: 'visioconférence',
  mode_visit: 'visite',
  mode_multilateral: 'multilatéral',
  mode_interview: 'interview',
  mode_statement: 'déclaration',
  mode_credentials: 'lettres de créance',
  undated: 'sans date',
};

const tables: Record<Lang, Record<MessageKey, string>> = { en, fr };

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('communique.lang');
    if (saved === 'en' || saved === 'fr') return saved;
  } catch {
    // storage may be unavailable (private mode): fall through to the browser's language
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

let current: Lang = initialLang();

export function lang(): Lang {
  return current;
}

export function setLang(l: Lang): void {
  current = l;
  if (typeof document !== 'undefined') document.documentElement.lang = l;
  try {
    localStorage.setItem('communique.lang', l);
  } catch {
    // not kept: the choice lasts for this page
  }
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return tables[current][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** "Place: " / "Lieu : " */
export function label(key: MessageKey): string {
  return current === 'fr' ? `${t(key)} : ` : `${t(key)}: `;
}

export function modeLabel(mode: string): string {
  const key = `mode_${mode}` as MessageKey;
  return key in en ? t(key) : mode;
}

export function kindLabel(kind: string): string {
  const key = `kind_${kind}` as MessageKey;
  return key in en ? t(key) : kind;
}

/** "2023-10-17" → "17 oct. 2023" / "Oct 17, 2023"; months and years as given. */
export function formatDate(d: string | null | undefined): string {
  if (!d) return t('undated');
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (!m) return d;
  const date = new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
  const opts: Intl.DateTimeFormatOptions = m[3] ? { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } : m[2] ? { year: 'numeric', month: 'long', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(current, opts).format(date);
}

/** What to call a dispatch: its title, else its file or page name, else its number. */
export function dispatchLabel(d: { id: number; title: string | null; source?: string | null; url?: string | null }): string {
  if (d.title) return d.title;
  const name = (d.url ?? d.source ?? '').replace(/[?#].*$/, '').split(/[\\/]/).filter(Boolean).pop();
  return name && !/^(api|stdin)/.test(name) ? name : t('dispatchTitleless', { id: d.id });
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(current).format(n);
}
