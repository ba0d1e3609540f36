// GET /api/entities and /api/entities/:id: archive entities with every name form and title seen, their
// counterparts, their latest contacts and the dispatches that report them.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { ArchiveEvent } from '../../store/repository.ts';
import { ApiError } from '../errors.ts';
import { ArchiveEntity, ArchiveEvent as ArchiveEventSchema, DispatchRef, MergeRecord, PageOf, PageQuery, Relation } from '../schemas/archive.ts';
import { EntityKindSchema, IdParams, errors } from '../schemas/common.ts';
import { code } from './params.ts';

/** How many of an entity's latest contacts its page lists, and how far back it looks for them. */
const LATEST_EVENTS = 50;
const LATEST_DISPATCHES = 20;
const SCAN_LIMIT = 20_000;

export const EntitiesQuery = Type.Object(
  {
    kind: Type.Optional(EntityKindSchema),
    country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{3}$', description: 'ISO3 code: persons speaking for this state, or the state itself.' })),
    org: Type.Optional(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9]{1,9}(-[A-Za-z0-9]{1,10})?$', description: 'Organisation code: persons speaking for it, or the organisation itself.' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Any name form or part of one; accents and case do not matter.' })),
    ...PageQuery,
  },
  { additionalProperties: false },
);

export const EntityDetail = Type.Object({
  entity: ArchiveEntity,
  merges: Type.Array(MergeRecord, { description: 'Why names were joined into this entity, and user corrections.' }),
  counterparts: Type.Array(Relation, { description: 'The sides it had contacts with, most contacts first.' }),
  contacts: Type.Integer({ description: 'Events this entity took part in.' }),
  latest: Type.Array(ArchiveEventSchema, { description: 'Its latest contacts, newest first.' }),
  dispatches: Type.Array(DispatchRef, { description: 'The latest dispatches reporting its contacts, newest first.' }),
});

export async function entityRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    '/api/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Persons, states, organisations and places',
        querystring: EntitiesQuery,
        response: { 200: PageOf(ArchiveEntity), ...errors(400, 503) },
      },
    },
    async (req) => {
      const q = req.query;
      return app.archive().entities({ kind: q.kind, country: code(q.country), org: code(q.org), name: q.name, limit: q.limit, cursor: q.cursor ?? null });
    },
  );

  r.get(
    '/api/entities/:id',
    {
      schema: {
        tags: ['entities'],
        summary: 'One entity: names in every language, titles over time, counterparts, latest contacts and dispatches',
        description: 'An id that was merged into another entity answers with the entity it is now part of.',
        params: IdParams,
        response: { 200: EntityDetail, ...errors(400, 404, 503) },
      },
    },
    async (req) => {
      const store = app.archive();
      const entity = await store.entity(Number(req.params.id));
      if (!entity) throw new ApiError('not_found', `no entity ${req.params.id} in the archive`);
      const ref = `#${entity.id}`;
      const [merges, counterparts] = await Promise.all([store.mergeHistory(entity.id), store.relations(ref, { top: 30 })]);
      // Events come oldest first: keep the tail.
      let latest: ArchiveEvent[] = [];
      let contacts = 0;
      for await (const ev of store.exportEvents({ actor: ref })) {
        contacts++;
        latest.push(ev);
        if (latest.length > LATEST_EVENTS * 2) latest = latest.slice(-LATEST_EVENTS);
        if (contacts >= SCAN_LIMIT) break;
      }
      latest = latest.slice(-LATEST_EVENTS).reverse();
      const dispatches = new Map<number, ArchiveEvent['dispatch']>();
      for (const ev of latest) if (dispatches.size < LATEST_DISPATCHES && !dispatches.has(ev.dispatch.id)) dispatches.set(ev.dispatch.id, ev.dispatch);
      return { entity, merges, counterparts, contacts, latest, dispatches: [...dispatches.values()] };
    },
  );
}
