// Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, legacy Windows-1252 / ISO-8859-1 French pages.
// Binary input is refused with a clear error rather than turned into noise.

import iconv from 'iconv-lite';

export class InputError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Decoded {
  text: string;
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

function declaredCharset(head: string): string | null {
  const m = /<meta[^>]{0,200}?charset\s*=\s*["']?([\w-]{1,40})/i.exec(head) ?? /^<\?xml[^>]{0,200}?encoding=["']([\w-]{1,40})/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/** Text that was UTF-8, read as Latin-1 and saved again ("Ã©" for "é") is repaired when that is unambiguous. */
export function repairMojibake(s: string): string {
  const marks = s.match(/[ÃÂ][\u0080-\u00bf]/g)?.length ?? 0;
  if (marks < 3) return s;
  const bytes = Buffer.from(s, 'latin1');
  try {
    const fixed = utf8.decode(bytes);
    const after = fixed.match(/[ÃÂ][\u0080-\u00bf]/g)?.length ?? 0;
    return after < marks ? fixed : s;
  } catch {
    return s;
  }
}

export function decodeBytes(buf: Uint8Array, opts: { html?: boolean } = {}): Decoded {
  if (buf.length === 0) throw new InputError('empty', 'the input is empty');
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: utf8Lenient.decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  const sample = buf.subarray(0, Math.min(buf.length, 65536));
  let control = 0;
  for (const b of sample) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control++;
  if (control / sample.length > 0.05) throw new InputError('binary', `the input looks binary (${control} control bytes in the first ${sample.length}), not text`);
  const head = Buffer.from(sample.subarray(0, 2048)).toString('latin1');
  const declared = opts.html || /^\s*</.test(head) ? declaredCharset(head) : null;
  try {
    const text = utf8.decode(buf);
    return { text: repairMojibake(text), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: the legacy single-byte encoding French pages used, whatever the page declares.
    // iconv-lite, not TextDecoder: Node 20's TextDecoder reads windows-1252 as Latin-1 (0x92 stays a C1 control
    // instead of ’, 0x9c instead of œ).
    const legacy = declared && /^(iso-8859-15|latin-?9)$/.test(declared) ? 'iso-8859-15' : 'windows-1252';
    return { text: iconv.decode(Buffer.from(buf), legacy), encoding: legacy };
  }
}
