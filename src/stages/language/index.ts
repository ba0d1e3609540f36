// Language identification by function words: dispatches are long enough that a few dozen words decide it.
const FUNCTION_WORDS: Record<string, string[]> = {
  fr: ['le', 'la', 'les', 'des', 'du', 'de', 'et', 'avec', 'pour', 'dans', 'sur', 'une', 'est', 'ont', 'été', 'au', 'aux', 'que', 'qui', 'son', 'ses', 'entre', 'lors', 'a'],
  en: ['the', 'of', 'and', 'to', 'in', 'with', 'for', 'on', 'was', 'has', 'have', 'that', 'is', 'at', 'by', 'his', 'her', 'their', 'were', 'from', 'said'],
  de: ['der', 'die', 'und', 'das', 'mit', 'den', 'von', 'ist', 'zu', 'im', 'des', 'sich', 'auf', 'dem', 'nicht'],
  es: ['el', 'los', 'las', 'y', 'con', 'para', 'del', 'por', 'una', 'se', 'su', 'en', 'que', 'al', 'como'],
  it: ['il', 'gli', 'della', 'con', 'per', 'che', 'di', 'nel', 'alla', 'sono', 'del', 'una', 'e'],
  pt: ['o', 'os', 'as', 'com', 'para', 'do', 'da', 'dos', 'uma', 'não', 'em', 'que', 'ao'],
  tr: ['ve', 'bir', 'ile', 'bu', 'için', 'olarak', 'da', 'de', 'ile', 'ilgili'],
};

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20000);
  const cyr = (sample.match(/[\u0400-\u04ff]/g) ?? []).length;
  const arab = (sample.match(/[\u0600-\u06ff]/g) ?? []).length;
  const latin = (sample.match(/[a-zA-Z\u00c0-\u024f]/g) ?? []).length;
  if (cyr > latin) return 'ru';
  if (arab > latin) return 'ar';
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 'fr';
  let bestScore = -1;
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    let score = 0;
    for (const w of new Set(list)) score += counts.get(w) ?? 0;
    score /= Math.sqrt(list.length);
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
