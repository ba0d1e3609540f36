// Topics: the list after "ont porté sur", "ont échangé des vues sur", "discussed", "exchanged views on", split into
// short phrases ("la sécurité énergétique de l'Europe", "les préparatifs de la COP29").
import type { Token } from '../../text/tokens.ts';
import type { Lexicon } from '../../lang/index.ts';
import type { Sentence } from '../sentences/index.ts';
import { firstToken } from '../entities/index.ts';

const LIST_SPLIT = /\s*(?:;|,\s*(?:ainsi que|de même que|as well as|et|and)\s+|\s+ainsi que\s+|\s+as well as\s+|,\s+(?=(?:les?|la|l['’`]|des|du|d['’`]|the|a|an|their|its|leurs?|ses|son|sa)\b))/i;
const LEADING = /^(?:de\s+la\s+|de\s+l['’`]|des\s+|du\s+|de\s+|d['’`]|les\s+|la\s+|le\s+|l['’`]|the\s+|a\s+|an\s+)/i;
// Closing formulas that name no topic ("other issues of mutual interest") are dropped.
const EMPTY = /^(?:d['’`]autres\s+questions|autres\s+questions|other\s+(?:issues|matters|topics)|questions\s+d['’`]intérêt\s+(?:commun|mutuel)|issues\s+of\s+mutual\s+interest|matters\s+of\s+mutual\s+interest)/i;
const MAX_TOPIC = 160;

export function findTopics(text: string, tokens: Token[], lex: Lexicon, sent: Sentence): string[] {
  const a = firstToken(tokens, sent.start);
  const b = firstToken(tokens, sent.end);
  for (let i = a; i < b; i++) {
    const m = lex.cues.matchAt(tokens, i);
    if (!m || m.end > b) continue;
    if (!m.values.some((v) => v.kind === 'topic')) {
      i = m.end - 1;
      continue;
    }
    const from = tokens[m.end - 1]!.end;
    const body = text.slice(from, sent.end);
    return topicList(body);
  }
  return [];
}

/** A list of topics as written ("A, B ainsi que C") split into short phrases without their articles. */
export function topicList(body: string): string[] {
  body = body.replace(/^[\s:]+/, '').replace(/[\s.,;:!?»"”]+$/, '');
  const stop = /,\s*(?:a|ont|a-t-il|a-t-elle|ont-ils|said|says|according|selon|précise|indique|a indiqué|a précisé)\b/i.exec(body);
  if (stop) body = body.slice(0, stop.index);
  return body
    .split(LIST_SPLIT)
    .map((s) => s.replace(LEADING, '').replace(/^(?:les\s+|la\s+|le\s+|l['’`])/i, '').trim().replace(/[,.;]+$/, ''))
    .filter((s) => s.length > 2 && s.length <= MAX_TOPIC && !EMPTY.test(s));
}
