// Query values that schemas cannot say clearly: comma lists checked item by item, actor pairs, codes.
import { ApiError } from '../errors.ts';

/** "meeting,phone_call" → ["meeting", "phone_call"], each one of `allowed`, or a 400 naming the bad one. */
export function parseList<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (!items.length) throw new ApiError('bad_request', `query parameter "${name}" is empty; give one or more of ${allowed.join(', ')} separated by commas`);
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) throw new ApiError('bad_request', `query parameter "${name}": unknown value "${item.slice(0, 40)}"; expected ${allowed.join(', ')}`);
  }
  return [...new Set(items)] as T[];
}

/** "AZE,NATO" → ["AZE", "NATO"]: exactly two actors. */
export function parsePair(value: string | undefined, name: string): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new ApiError('bad_request', `query parameter "${name}" must be two actors separated by a comma, e.g. AZE,NATO (got "${value.slice(0, 80)}")`);
  return [parts[0], parts[1]];
}

/** Country and organisation codes are upper case in the archive; accept "aze" for "AZE". */
export function code(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.trim().toUpperCase();
}

/** Codes stay codes ("aze" → "AZE"); names and "#12" are left as typed. */
export function actorRef(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const s = value.trim();
  return /^[a-z][a-z0-9]{1,9}(-[a-z0-9]{1,10})?$/i.test(s) && s.length <= 4 ? s.toUpperCase() : s;
}
