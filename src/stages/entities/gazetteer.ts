// Find: countries (names, demonyms, compound adjectives), organisations and places from the lexicons.
import type { Token } from '../../text/tokens.ts';
import type { GazetteerEntry, Lexicon } from '../../lang/index.ts';

export interface GazetteerHit {
  start: number; // token index
  end: number; // exclusive
  entry: GazetteerEntry;
  /** Inside a longer name ("OSCE" in "Groupe de Minsk de l'OSCE"): a mention of its own entity too. */
  nested?: boolean;
}

function sameCase(tokens: Token[], start: number, end: number, form: string): boolean {
  const written = tokens.slice(start, end).map((t) => t.text).join('').replace(/[’`]/g, "'");
  return written === form.replace(/\s/g, '').replace(/[’`]/g, "'");
}

/** Prefer organisations over places over countries when one form is all three ("Conseil turc"). */
const KIND_RANK = { organization: 3, country: 2, place: 1 } as const;

export function findGazetteer(tokens: Token[], lex: Lexicon): GazetteerHit[] {
  const hits: GazetteerHit[] = [];
  const accept = (e: GazetteerEntry, s: number, end: number) => {
    if (e.exactCase) return sameCase(tokens, s, end, e.form);
    if (e.needsCap && !tokens[s]!.cap) return false;
    // English lower-case common words that are also names ("turkey", "china") need the capital too.
    return true;
  };
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i]!;
    // Compound adjectives: "arméno-azerbaïdjanais", "azerbaïdjano-américaines": every prefix is a country.
    const pre = lex.prefixes.get(t.fold);
    if (pre && tokens[i + 1]?.text === '-' && !tokens[i + 1]!.spaceBefore && tokens[i + 2] && !tokens[i + 2]!.spaceBefore) {
      hits.push({ start: i, end: i + 1, entry: { kind: 'country', code: pre, canonical: pre, form: t.text, exactCase: false, needsCap: false, adjective: true } });
      i += 2;
      continue;
    }
    const m = lex.gazetteer.matchAt(tokens, i, accept);
    if (m) {
      // A form that runs into a longer capitalised name is not that entity ("Niger" in "Nigeria" is already
      // handled by longest match; "Jordan" followed by a surname is a person: let the name finder decide).
      const entry = [...m.values].sort((a, b) => KIND_RANK[b.kind] - KIND_RANK[a.kind])[0]!;
      hits.push({ start: m.start, end: m.end, entry });
      if (entry.kind === 'organization' && m.end - m.start > 2) {
        for (let k = m.start + 1; k < m.end; k++) {
          const inner = lex.gazetteer.matchAt(tokens, k, accept);
          if (inner && inner.end <= m.end) {
            const e = inner.values.find((v) => v.kind === 'organization');
            if (e) hits.push({ start: inner.start, end: inner.end, entry: e, nested: true });
            if (inner.end > k) k = inner.end - 1;
          }
        }
      }
      i = m.end;
      continue;
    }
    i++;
  }
  return hits;
}
