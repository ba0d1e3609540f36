// Title phrases: a head from the lexicon ("ministre", "Foreign Minister", "secrétaire général adjoint") and its
// complement ("des Affaires étrangères de l'Azerbaïdjan", "of NATO"), read from the tokens.
import type { Token } from '../../text/tokens.ts';
import type { Lexicon } from '../../lang/index.ts';

export interface TitlePhrase {
  start: number; // token index of the first token (left modifiers included, determiner excluded)
  headStart: number;
  headEnd: number;
  end: number; // exclusive
  role: string;
  /** The roles of every head in the phrase ("Deputy Prime Minister and Foreign Minister"). */
  roles: string[];
}

const CONNECTORS = new Set(['de', 'du', 'des', 'd', "'", 'la', 'le', 'les', 'l', 'pour', 'aupres', 'charge', 'chargee', 'en', 'au', 'aux', 'a', 'of', 'for', 'the', 'to', 'on', 'in', '-', 'et', 'and', 's', 'sur']);
// Lower-case words that end a title: verbs, auxiliaries, relatives, adverbs of time.
const STOP = new Set([
  'a', 'ont', 'est', 'sont', 'etait', 'ete', 'avait', 'sera', 'va', 'qui', 'que', 'dont', 'lors', 'avec', 'ainsi', 'egalement', 'aussi', 'hier', 'aujourd',
  'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'who', 'which', 'that', 'with', 'met', 'said', 'held', 'also', 'yesterday', 'today',
  'recu', 'rencontre', 'rencontre', 'declare', 'souligne', 'note', 'indique', 'precise', 'accompagne', 'accompagnee', 'se', 's', 'y', 'il', 'elle', 'son', 'sa', 'ses',
  'leur', 'ce', 'cette', 'ces', 'un', 'une', 'par', 'by', 'during', 'pendant', 'apres', 'after', 'avant', 'before', 'dans', 'entre', 'between', 'visite', 'visit',
  'et', 'and', 'ou', 'or', 'mais', 'but', 'at', 'from', 'since', 'depuis', 'when', 'while', 'where', 'ou', 'en', 'presence', 'marge',
]);
const MAX_TITLE_TOKENS = 30;

export interface TokenInfo {
  gaz: boolean[]; // token covered by a gazetteer entity
  nameStart: boolean[]; // token starts a name run
  /** Words in the name run starting at each token (0 elsewhere). */
  runWords?: number[];
}

export function findTitles(tokens: Token[], lex: Lexicon, info: TokenInfo, from: number, to: number): TitlePhrase[] {
  const out: TitlePhrase[] = [];
  for (let i = from; i < to; ) {
    const m = lex.titles.matchAt(tokens, i);
    if (!m || m.end > to) {
      i++;
      continue;
    }
    // An English head must be written as a title ("Minister", "Foreign Minister"), not the common noun in prose,
    // unless it is lower case in a French text, where titles are lower case.
    let start = m.start;
    // Left modifiers: capitalised title words and country/organisation names ("Azerbaijani Foreign Minister",
    // "NATO Secretary General", "Azerbaijan's Foreign Minister").
    while (start > from) {
      const p = tokens[start - 1]!;
      if (info.gaz[start - 1] || (p.cap && lex.nameStop.has(p.fold) && !/^(?:the|le|la|les|l|a|an|un|une)$/.test(p.fold)) || (p.fold === 's' && tokens[start - 2]?.fold === "'") || p.fold === "'" || p.text === '-') {
        if (p.fold === "'" && tokens[start]?.fold !== 's' && start === m.start) break;
        start--;
      } else break;
    }
    while (start < m.start && (tokens[start]!.kind === 'punct')) start++;
    let end = m.end;
    const roles = [m.values[0]!.role];
    // Right complement.
    while (end < to && end - start < MAX_TITLE_TOKENS) {
      const t = tokens[end]!;
      // "(SEAE)": an acronym in parentheses inside the title's complement.
      if (t.text === '(' && tokens[end + 1]?.upper && tokens[end + 2]?.text === ')' && end + 3 <= to) {
        end += 3;
        continue;
      }
      // "ministre des Affaires étrangères, de la Coopération africaine et des Marocains résidant à l'étranger":
      // portfolios listed after a comma continue the title.
      if (t.text === ',' && ['de', 'du', 'des', 'd'].includes(tokens[end + 1]?.fold ?? '') && tokens[end + 1]!.kind === 'word' && !tokens[end + 1]!.cap) {
        end++;
        continue;
      }
      if (t.kind === 'punct' && t.text !== "'" && t.text !== '’' && t.text !== '`' && t.text !== '-') break;
      // A capitalised word after "de la", "des", "of" belongs to an institution in the complement ("de la
      // Communauté nationale", "des Relations internationales"); a name of two words or more starts a person.
      if (info.nameStart[end]) {
        if (!(isConnectorBefore(tokens, end) && (info.runWords?.[end] ?? 1) === 1)) break;
        end++;
        continue;
      }
      // An honorific ends the title and starts the name ("Minister of Foreign Affairs HE Sheikh …").
      if (t.cap && lex.honorifics.matchAt(tokens, end)) break;
      const next = lex.titles.matchAt(tokens, end);
      if (t.fold === 'et' || t.fold === 'and') {
        // "Premier ministre et ministre des Affaires étrangères": a second title joins; anything else ends it.
        if (next || (tokens[end + 1] && lex.titles.matchAt(tokens, end + 1))) {
          end++;
          continue;
        }
        // "chargé des affaires européennes et eurasiennes", "of African Integration and Foreign Affairs":
        // coordinated adjectives or institution words
        const n = tokens[end + 1];
        // (never "et le …", "and the …": a determiner opens another phrase, another person)
        const determiner = !!n && (lex.lang === 'en' ? ['the', 'a', 'an', 'his', 'her'] : ['son', 'sa', 'ses']).includes(n.fold);
        if (n && !determiner && n.kind === 'word' && ((!n.cap && !STOP.has(n.fold)) || (n.cap && lex.nameStop.has(n.fold) && !lex.honorifics.matchAt(tokens, end + 1))) && !lex.verbs.matchAt(tokens, end + 1)) {
          end += 2;
          continue;
        }
        break;
      }
      if (next) {
        roles.push(next.values[0]!.role);
        end = next.end;
        continue;
      }
      // French "a" (has) without its accent is the verb, not the preposition "à".
      if (t.text === 'a' || t.text === 'A') break;
      if (info.gaz[end] || CONNECTORS.has(t.fold)) {
        if (STOP.has(t.fold) && !CONNECTORS.has(t.fold)) break;
        end++;
        continue;
      }
      if (t.kind === 'word' && t.cap && lex.nameStop.has(t.fold)) {
        end++;
        continue;
      }
      // English titles take no lower-case word right after their head ("the Tajik minister invited …").
      if (lex.lang === 'en' && t.kind === 'word' && !t.cap && !CONNECTORS.has(tokens[end - 1]!.fold) && !CONNECTORS.has(t.fold)) break;
      if (t.kind === 'word' && !t.cap && !STOP.has(t.fold)) {
        // Lower-case words inside a complement: adjectives and nouns ("étrangères", "adjoint", "présidentielle").
        end++;
        continue;
      }
      if (t.kind === 'number') break;
      // A capitalised word after a connector belongs to the complement only if it is a named entity or an
      // institution word; otherwise it starts a name.
      break;
    }
    // Do not end on a connector or a determiner.
    while (end > m.end && (CONNECTORS.has(tokens[end - 1]!.fold) || (tokens[end - 1]!.kind === 'punct' && tokens[end - 1]!.text !== ')'))) end--;
    out.push({ start, headStart: m.start, headEnd: m.end, end, role: m.values[0]!.role, roles });
    i = Math.max(end, m.end);
  }
  return out;
}

function isConnectorBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  return !!p && ['de', 'du', 'des', "'", 'of', 'la', 'l', 'the', 'for', 'pour', 'et', 'and'].includes(p.fold);
}

/** Whether a reference with role `ref` ("le ministre") can point to a person whose title has role `person`. */
export function roleMatches(ref: string, person: string | undefined): boolean {
  if (!person) return false;
  if (ref === person) return true;
  // "le ministre" may be the foreign minister; "le secrétaire général" is not his deputy.
  if (person.endsWith('_' + ref) && !(person.startsWith('deputy_') && !ref.startsWith('deputy_'))) return true;
  if (ref === 'head' || ref === 'counterpart') return true;
  return false;
}

const FAMILIES: Record<string, string> = {
  foreign_minister: 'minister', minister: 'minister', deputy_minister: 'minister', deputy_foreign_minister: 'minister', secretary_of_state: 'minister',
  head_of_state: 'leader', monarch: 'leader', head_of_government: 'leader', vice_president: 'leader', crown_prince: 'leader', prince: 'leader',
  ambassador: 'envoy', charge: 'envoy', envoy: 'envoy', special_representative: 'envoy', permanent_representative: 'envoy', representative: 'envoy', high_representative: 'envoy',
  secretary_general: 'official', deputy_secretary_general: 'official', director: 'official', commissioner: 'official', head: 'official', delegation_head: 'official',
};

/** Roles close enough that a title naming the person's country can refer to them ("chef de la diplomatie" / "ministre"). */
export function sameFamily(ref: string, person: string | undefined): boolean {
  return !!person && !!FAMILIES[ref] && FAMILIES[ref] === FAMILIES[person];
}
