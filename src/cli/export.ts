// `communique export`: the whole archive (or a filtered part) as CSV (one row per event), JSON Lines, PLOVER
// JSON Lines, or GraphML for Gephi (nodes = actors, edges = contacts weighted by count). Events stream page by
// page; only GraphML's aggregate (one edge per pair of actors) is held in memory.
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import type { ArchiveEvent, ArchiveRepository, EventQuery } from '../store/index.ts';
import { action, CSV_COLUMNS, csvLine, csvRow, dbOption, sourceTarget, withArchive, write } from './archive-common.ts';
import { addEventFilters, eventQuery, type EventFilterFlags } from './events.ts';

const QUAD: Record<string, number> = { AGREE: 1, CONSULT: 1, SUPPORT: 1, CONCEDE: 1, COOPERATE: 2, AID: 2, RETREAT: 2, REQUEST: 3, ACCUSE: 3, REJECT: 3, SANCTION: 3, THREATEN: 3, PROTEST: 4, MOBILIZE: 4, COERCE: 4, ASSAULT: 4 };

export function registerExport(program: Command): void {
  const cmd = addEventFilters(program.command('export').description('export the archive\'s events: csv, jsonl, plover (PLOVER JSON Lines) or graphml (relation network for Gephi)'))
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'jsonl', 'plover', 'graphml']).default('jsonl'))
    .option('--output <file>', 'write to this file instead of standard output');
  dbOption(cmd).addHelpText(
    'after',
    `
Examples:
  $ communique export --format csv > events.csv
  $ communique export --format graphml --since 2016 > network.graphml
  $ communique export --format plover --country AZE > aze.plover.jsonl

CSV columns (stable): ${CSV_COLUMNS.join(', ')}.
GraphML counts each contact once (one report per story), leaving out planned and recalled contacts.`,
  );
  cmd.action(
    action(async (flags: EventFilterFlags & { db?: string; format: string; output?: string }) => {
      const q = eventQuery(flags);
      const out: Writable = flags.output ? createWriteStream(flags.output) : process.stdout;
      await withArchive(flags.db, async (repo) => {
        if (flags.format === 'graphml') await graphml(repo, q, out);
        else {
          if (flags.format === 'csv') await write(out, csvLine([...CSV_COLUMNS]));
          for await (const e of repo.exportEvents(q)) {
            const line = flags.format === 'csv' ? csvLine(csvRow(e)) : JSON.stringify(flags.format === 'plover' ? plover(e) : e) + '\n';
            await write(out, line);
          }
        }
      });
      if (flags.output) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    }),
  );
}

/** One event as a PLOVER record (PLOVER manual, "JSON Data Fields"). */
export function plover(e: ArchiveEvent): Record<string, unknown> {
  const { source, target } = sourceTarget(e);
  const actor = (p: ArchiveEvent['participants'][number]) => ({
    code: p.side ?? undefined,
    actor_text: p.asWritten,
    identifier_id: `communique:entity:${p.entity}`,
    identifier_text: p.name,
  });
  const rec: Record<string, unknown> = {
    id: `communique-${e.id}`,
    date: e.date.start ?? e.dispatch.published ?? null,
    source: source.map(actor),
    recipient: target.map(actor),
    event: [e.type],
    quad_code: QUAD[e.type] ?? null,
    event_text: e.evidence.map((x) => x.text),
    link: e.signature,
    cite_info: { url: e.dispatch.url ?? undefined, citation: e.dispatch.source, title: e.dispatch.title ?? undefined, language: e.dispatch.lang, coder: 'Communiqué 0.1' },
    coder: 'Communiqué 0.1',
  };
  if (e.date.end && e.date.end !== e.date.start) rec.enddate = e.date.end;
  if (e.ploverMode) rec.mode = e.ploverMode;
  if (e.location) rec.event_loc = { name: e.location.name, cc3: e.location.code ?? undefined };
  if (e.planned) rec.comment = 'planned contact';
  if (e.background) rec.comment = 'contact recalled by a later dispatch';
  return rec;
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

async function graphml(repo: ArchiveRepository, q: EventQuery, out: Writable): Promise<void> {
  const nodes = new Map<string, { label: string; kind: string }>();
  const edges = new Map<string, { a: string; b: string; weight: number; first: string; last: string; modes: Map<string, number> }>();
  for await (const e of repo.exportEvents({ ...q, distinct: true, includePlanned: false, includeBackground: false })) {
    const ends = new Map<string, string>();
    for (const p of e.participants) {
      const id = p.side ?? `#${p.entity}`;
      if (!nodes.has(id)) nodes.set(id, { label: p.side ? p.side : p.name, kind: p.side ? 'actor' : p.kind });
      ends.set(id, p.name);
    }
    const ids = [...ends.keys()].sort();
    const date = e.date.start ?? e.dispatch.published ?? '';
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\t${ids[j]}`;
        const edge = edges.get(key) ?? { a: ids[i]!, b: ids[j]!, weight: 0, first: date, last: date, modes: new Map() };
        edge.weight++;
        if (date && (!edge.first || date < edge.first)) edge.first = date;
        if (date > edge.last) edge.last = date;
        edge.modes.set(e.mode, (edge.modes.get(e.mode) ?? 0) + 1);
        edges.set(key, edge);
      }
    }
  }
  // Actors are labelled with their name in the archive ("Azerbaijan", "NATO").
  for (const [id, n] of nodes) {
    if (id.startsWith('#')) continue;
    const e = await repo.entity(id);
    if (e) n.label = e.name;
  }
  await write(
    out,
    `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="kind" for="node" attr.name="kind" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>
  <key id="first" for="edge" attr.name="first" attr.type="string"/>
  <key id="last" for="edge" attr.name="last" attr.type="string"/>
  <key id="modes" for="edge" attr.name="modes" attr.type="string"/>
  <graph id="contacts" edgedefault="undirected">
`,
  );
  for (const [id, n] of [...nodes].sort((a, b) => a[0].localeCompare(b[0]))) {
    await write(out, `    <node id="${xml(id)}"><data key="label">${xml(n.label)}</data><data key="kind">${xml(n.kind)}</data></node>\n`);
  }
  let i = 0;
  for (const e of [...edges.values()].sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b))) {
    const modes = [...e.modes].map(([m, c]) => `${m}:${c}`).join(' ');
    await write(out, `    <edge id="c${++i}" source="${xml(e.a)}" target="${xml(e.b)}"><data key="weight">${e.weight}</data><data key="first">${e.first}</data><data key="last">${e.last}</data><data key="modes">${xml(modes)}</data></edge>\n`);
  }
  await write(out, '  </graph>\n</graphml>\n');
}
