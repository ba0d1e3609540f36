// GET /api/relations?actor=AZE: an actor's counterparts with their contacts per year and mode (the network and
// the timeline's counts); with `with=NATO`, one pair.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Relation } from '../schemas/archive.ts';
import { DATE_BOUND, MODES, Nullable, errors } from '../schemas/common.ts';
import { actorRef, parseList } from './params.ts';

export const RelationsQuery = Type.Object(
  {
    actor: Type.String({ minLength: 1, maxLength: 200, description: 'A country code, an organisation code, an entity id ("#12") or a name.' }),
    with: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'A second actor: only this pair.' })),
    since: Type.Optional(Type.String({ pattern: DATE_BOUND })),
    until: Type.Optional(Type.String({ pattern: DATE_BOUND })),
    mode: Type.Optional(Type.String({ maxLength: 300, description: `Comma-separated modes: ${MODES.join(', ')}.` })),
    top: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, description: 'Only the N counterparts with most contacts.' })),
  },
  { additionalProperties: false },
);

export const RelationsBody = Type.Object({
  actor: Type.Object({ ref: Type.String(), code: Nullable(Type.String()), name: Type.String(), entity: Nullable(Type.Integer()) }),
  relations: Type.Array(Relation),
});

export async function relationRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/relations',
    {
      schema: {
        tags: ['events'],
        summary: "An actor's counterparts, ranked by contacts, with counts per year and mode",
        description: 'Each contact is counted once however many dispatches report it; planned and recalled contacts are not counted.',
        querystring: RelationsQuery,
        response: { 200: RelationsBody, ...errors(400, 503) },
      },
    },
    async (req) => {
      const store = app.archive();
      const q = req.query;
      const actor = actorRef(q.actor)!;
      const opts = { since: q.since, until: q.until, modes: parseList(q.mode, MODES, 'mode'), top: q.top };
      const relations = q.with !== undefined ? [await store.relation(actor, actorRef(q.with)!, opts)] : await store.relations(actor, opts);
      const entity = await store.entity(actor);
      const first = relations[0];
      return {
        actor: {
          ref: actor,
          code: first?.a ?? entity?.code ?? null,
          name: first?.aName ?? entity?.name ?? actor,
          entity: entity?.id ?? null,
        },
        relations: relations.filter((r) => r.contacts > 0 || q.with !== undefined),
      };
    },
  );
}
