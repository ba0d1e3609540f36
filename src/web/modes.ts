// One colour per interaction mode, used by the timeline, the legend and the event cards alike. Chosen to stay
// apart for common colour-vision deficiencies (after the Okabe–Ito palette) and readable on white.
export const MODE_COLOURS: Record<string, string> = {
  meeting: '#0072b2',
  reception: '#8a4fa3',
  talks: '#009e73',
  phone_call: '#d55e00',
  video_call: '#cc79a7',
  visit: '#b8860b',
  multilateral: '#56b4e9',
  interview: '#6b4e16',
  statement: '#7a7a7a',
  credentials: '#2f4f4f',
};

export const MODE_ORDER = Object.keys(MODE_COLOURS);

export function modeColour(mode: string): string {
  return MODE_COLOURS[mode] ?? '#555';
}
