// Schemas shared by the routes: the error body, spans, pages, and the vocabularies (modes, PLOVER types, kinds).
// Every route declares its request and response with these; the OpenAPI document is generated from them.
import { Type, type TSchema } from 'typebox';
import type { EntityKind, Mode, PloverType } from '../../types.ts';
import { ERROR_STATUS } from '../errors.ts';

export const MODES = ['meeting', 'reception', 'talks', 'phone_call', 'video_call', 'visit', 'multilateral', 'interview', 'statement', 'credentials'] as const satisfies readonly Mode[];
export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const satisfies readonly PloverType[];
export const ENTITY_KINDS = ['person', 'organization', 'country', 'place', 'programme', 'other'] as const satisfies readonly EntityKind[];

/** Date bounds as the archive reads them: a year covers the year, a month the month. */
export const DATE_BOUND = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
/** Human forms of the patterns, for 400 messages that say what was expected. */
export const PATTERN_HELP: Record<string, string> = {
  [DATE_BOUND]: 'a date as YYYY, YYYY-MM or YYYY-MM-DD',
  '^\\d{1,12}$': 'a whole number',
};

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(Object.keys(ERROR_STATUS)),
      message: Type.String(),
      reason: Type.Optional(Type.String()),
    }),
  },
  { description: 'Every error: a stable code, a message for humans, sometimes a finer reason.' },
);

/** The error responses a route may give, by status, for its schema. */
export function errors(...statuses: number[]): Record<number, typeof ErrorSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorSchema]));
}

export const Span = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) });
export const Evidence = Type.Object({ start: Type.Integer(), end: Type.Integer(), text: Type.String() });

export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'Items per page (at most 500).' });
export const Cursor = Type.String({ minLength: 1, maxLength: 500, description: 'The `next` value of the previous page.' });
export const Next = Nullable(Type.String({ description: 'Pass back as `cursor` for the next page; null at the end.' }));

export const IdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,12}$', description: 'Archive id (a whole number).' }) });

export const ModeSchema = Type.Enum(MODES);
export const PloverTypeSchema = Type.Enum(PLOVER_TYPES);
export const EntityKindSchema = Type.Enum(ENTITY_KINDS);
