// Longest-match look-up of multi-token lexicon entries over a token array (gazetteers, titles, contact verbs).
import type { Token } from './tokens.ts';
import { foldTokens } from './tokens.ts';

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

export interface TrieMatch<T> {
  start: number; // token index
  end: number; // token index, exclusive
  values: T[];
}

export class TokenTrie<T> {
  private root: Node<T> = { next: new Map(), values: [] };

  add(form: string, value: T): void {
    const parts = foldTokens(form);
    if (parts.length === 0) return;
    let node = this.root;
    for (const p of parts) {
      let n = node.next.get(p);
      if (!n) {
        n = { next: new Map(), values: [] };
        node.next.set(p, n);
      }
      node = n;
    }
    node.values.push(value);
  }

  /** Longest entry starting at token i whose values pass `accept`, or null. */
  matchAt(tokens: Token[], i: number, accept: (v: T, start: number, end: number) => boolean = () => true): TrieMatch<T> | null {
    let node: Node<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(tokens[j]!.fold);
      if (!node) break;
      if (node.values.length) {
        const ok = node.values.filter((v) => accept(v, i, j + 1));
        if (ok.length) best = { start: i, end: j + 1, values: ok };
      }
    }
    return best;
  }

  /** Non-overlapping longest matches, left to right. */
  scan(tokens: Token[], accept?: (v: T, start: number, end: number) => boolean): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = this.matchAt(tokens, i, accept);
      if (m) {
        out.push(m);
        i = m.end;
      } else i++;
    }
    return out;
  }
}
