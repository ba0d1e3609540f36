// The output contract of `communique extract` (docs/output.md, docs/output.schema.json).
// Every offset is a JavaScript string index into `Dispatch.text`.

export type Lang = 'fr' | 'en' | string;

export interface Span {
  start: number;
  end: number;
}

export interface NoiseSpan extends Span {
  /** Offsets into the input as decoded (plain text) or the page text (HTML), since noise is not in `text`. */
  kind: string;
  text: string;
}

export interface Dateline {
  place: string | null;
  date: string | null; // YYYY-MM-DD, or null when the dateline gives no date or the year can't be known
  agency: string | null;
  partial?: { month: number; day: number };
}

export type EntityKind = 'person' | 'organization' | 'country' | 'place' | 'programme' | 'other';

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  code?: string;
  country?: string;
  org?: string;
  title?: string;
  expansion?: string;
  mentions: Span[];
}

export type Mode =
  | 'meeting'
  | 'reception'
  | 'talks'
  | 'phone_call'
  | 'video_call'
  | 'visit'
  | 'multilateral'
  | 'interview'
  | 'statement'
  | 'credentials';

export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT' | 'REQUEST'
  | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT';

export interface EventDate {
  start: string | null;
  end: string | null;
  partial?: { month: number; day?: number };
  basis: 'text' | 'dateline' | 'published' | 'none';
}

export interface Event {
  id: string;
  mode: Mode;
  type: PloverType;
  plover_mode?: string;
  cameo?: string;
  participants: string[];
  actors: string[];
  recipients: string[];
  date: EventDate;
  location: string | null;
  topics: string[];
  background: boolean;
  planned?: boolean;
  evidence: Span[];
  confidence: number;
}

export interface DocumentError {
  code: string;
  message: string;
}

export interface Dispatch {
  id: string;
  source: string | null;
  lang: Lang;
  title: string | null;
  published: string | null;
  dateline: Dateline | null;
  text: string;
  noise?: NoiseSpan[];
  entities: Entity[];
  events: Event[];
  error?: DocumentError;
}

/** What an input reader hands the pipeline: one document before extraction. */
export interface RawDocument {
  id?: string;
  source: string | null;
  url?: string;
  published?: string;
  title?: string;
  lang?: string;
  text?: string;
  html?: string;
}
