// Small helpers for writing parameterised SQL: every value goes through a numbered placeholder, never into the text.
import type pg from 'pg';

export type Row = Record<string, unknown>;

/** A pool or a client inside a transaction: both answer queries. */
export interface Queryable {
  query(text: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult>;
}

/** SQL text, or a named statement (prepared once per connection, then only executed): for the hot paths. */
export type Sql = string | { name: string; text: string; values: unknown[] };

function exec(c: Queryable, sql: Sql, params: unknown[]): Promise<pg.QueryResult> {
  return typeof sql === 'string' ? c.query(sql, params) : c.query(sql);
}

/** Collects the values of a query under construction and hands back their placeholders ($1, $2…). */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export async function all(c: Queryable, sql: Sql, params: unknown[] = []): Promise<Row[]> {
  return (await exec(c, sql, params)).rows as Row[];
}

export async function get(c: Queryable, sql: Sql, params: unknown[] = []): Promise<Row | undefined> {
  return (await exec(c, sql, params)).rows[0] as Row | undefined;
}

export async function run(c: Queryable, sql: Sql, params: unknown[] = []): Promise<number> {
  return (await exec(c, sql, params)).rowCount ?? 0;
}

/** The tsquery text for a user's search, in to_tsquery syntax: every word (or "quoted phrase", its words adjacent)
 *  must occur; a trailing * asks for a prefix. Only runs of letters and digits reach the query, so no operator a
 *  user types is read as one; accents and case are folded by the text search configuration. */
export function tsQueryText(terms: { phrase: string; prefix: boolean }[]): string {
  const parts: string[] = [];
  for (const t of terms) {
    const words = t.phrase.normalize('NFC').split(/[^\p{L}\p{N}\p{M}]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w));
    if (!words.length) continue;
    if (t.prefix) words[words.length - 1] += ':*';
    parts.push(words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!);
  }
  return parts.join(' & ');
}
