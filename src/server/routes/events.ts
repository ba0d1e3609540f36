// GET /api/events: contacts, filtered by actors, modes, types, dates and text; cursor pagination.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ArchiveEvent, PageOf, PageQuery } from '../schemas/archive.ts';
import { DATE_BOUND, MODES, PLOVER_TYPES, errors } from '../schemas/common.ts';
import { actorRef, code, parseList, parsePair } from './params.ts';

const Actor = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 200, description }));

export const EventsQuery = Type.Object(
  {
    between: Type.Optional(Type.String({ minLength: 3, maxLength: 401, description: 'Two actors, comma-separated: both took part (AZE,NATO; codes, entity ids "#12", or names).' })),
    actor: Actor('An actor that took part: a country code, an organisation code, an entity id ("#12") or a name.'),
    person: Actor('A person by any name form or transliteration ("Hadjiyev", "Hajiyev").'),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO 3166-1 alpha-3 code of a state that took part.' })),
    org: Type.Optional(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{1,9}(-[A-Za-z0-9]{1,10})?$', description: 'Code of an organisation that took part (NATO, EU, OSCE…).' })),
    mode: Type.Optional(Type.String({ maxLength: 300, description: `Comma-separated modes: ${MODES.join(', ')}.` })),
    type: Type.Optional(Type.String({ maxLength: 300, description: `Comma-separated PLOVER types: ${PLOVER_TYPES.join(', ')}.` })),
    since: Type.Optional(Type.String({ pattern: DATE_BOUND, description: 'From this date (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.' })),
    until: Type.Optional(Type.String({ pattern: DATE_BOUND, description: 'Up to this date (YYYY covers the whole year), inclusive.' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Full text over the dispatches reporting the events.' })),
    planned: Type.Optional(Type.Boolean({ default: true, description: 'Include planned (AGREE) contacts.' })),
    background: Type.Optional(Type.Boolean({ default: true, description: 'Include contacts a dispatch only recalls.' })),
    distinct: Type.Optional(Type.Boolean({ default: false, description: 'Only one report per contact (the counted one).' })),
    dispatch: Type.Optional(Type.Integer({ minimum: 1, description: 'Only the events of this dispatch.' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export async function eventsRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Contacts between actors',
        description: 'Events in date order. Every event carries its dispatch and the evidence sentence(s). Pass `next` back as `cursor` for the next page.',
        querystring: EventsQuery,
        response: { 200: PageOf(ArchiveEvent), ...errors(400, 503) },
      },
    },
    async (req) => {
      const q = req.query;
      return app.archive().events({
        between: parsePair(q.between, 'between')?.map((a) => actorRef(a)!) as [string, string] | undefined,
        actor: actorRef(q.actor),
        person: q.person,
        country: code(q.country),
        org: code(q.org),
        modes: parseList(q.mode, MODES, 'mode'),
        types: parseList(q.type?.toUpperCase(), PLOVER_TYPES, 'type'),
        since: q.since,
        until: q.until,
        text: q.q,
        includePlanned: q.planned,
        includeBackground: q.background,
        distinct: q.distinct,
        dispatch: q.dispatch,
        limit: q.limit,
        cursor: q.cursor ?? null,
      });
    },
  );
}
