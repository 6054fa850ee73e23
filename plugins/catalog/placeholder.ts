import { PNG } from 'pngjs';

/**
 * The picture a product shows until the owner sends a real photo: a card in its category's colour
 * with a simple flower, the product's name and code. Drawn with an embedded 5×7 pixel font, so
 * nothing is downloaded and no native library is needed.
 */
export const CARD_SIZE = 480;

/** Uppercase letters, digits and the punctuation product names use; 7 rows of 5 pixels each. */
const FONT: Record<string, readonly string[]> = {
  A: ['01110', '10001', '10001', '11111', '10001', '10001', '10001'],
  B: ['11110', '10001', '10001', '11110', '10001', '10001', '11110'],
  C: ['01110', '10001', '10000', '10000', '10000', '10001', '01110'],
  D: ['11100', '10010', '10001', '10001', '10001', '10010', '11100'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  F: ['11111', '10000', '10000', '11110', '10000', '10000', '10000'],
  G: ['01110', '10001', '10000', '10111', '10001', '10001', '01111'],
  H: ['10001', '10001', '10001', '11111', '10001', '10001', '10001'],
  I: ['01110', '00100', '00100', '00100', '00100', '00100', '01110'],
  J: ['00111', '00010', '00010', '00010', '00010', '10010', '01100'],
  K: ['10001', '10010', '10100', '11000', '10100', '10010', '10001'],
  L: ['10000', '10000', '10000', '10000', '10000', '10000', '11111'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  N: ['10001', '10001', '11001', '10101', '10011', '10001', '10001'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
  P: ['11110', '10001', '10001', '11110', '10000', '10000', '10000'],
  Q: ['01110', '10001', '10001', '10001', '10101', '10010', '01101'],
  R: ['11110', '10001', '10001', '11110', '10100', '10010', '10001'],
  S: ['01111', '10000', '10000', '01110', '00001', '00001', '11110'],
  T: ['11111', '00100', '00100', '00100', '00100', '00100', '00100'],
  U: ['10001', '10001', '10001', '10001', '10001', '10001', '01110'],
  V: ['10001', '10001', '10001', '10001', '10001', '01010', '00100'],
  W: ['10001', '10001', '10001', '10101', '10101', '10101', '01010'],
  X: ['10001', '10001', '01010', '00100', '01010', '10001', '10001'],
  Y: ['10001', '10001', '10001', '01010', '00100', '00100', '00100'],
  Z: ['11111', '00001', '00010', '00100', '01000', '10000', '11111'],
  '0': ['01110', '10001', '10011', '10101', '11001', '10001', '01110'],
  '1': ['00100', '01100', '00100', '00100', '00100', '00100', '01110'],
  '2': ['01110', '10001', '00001', '00010', '00100', '01000', '11111'],
  '3': ['11111', '00010', '00100', '00010', '00001', '10001', '01110'],
  '4': ['00010', '00110', '01010', '10010', '11111', '00010', '00010'],
  '5': ['11111', '10000', '11110', '00001', '00001', '10001', '01110'],
  '6': ['00110', '01000', '10000', '11110', '10001', '10001', '01110'],
  '7': ['11111', '00001', '00010', '00100', '01000', '01000', '01000'],
  '8': ['01110', '10001', '10001', '01110', '10001', '10001', '01110'],
  '9': ['01110', '10001', '10001', '01111', '00001', '00010', '01100'],
  ' ': ['00000', '00000', '00000', '00000', '00000', '00000', '00000'],
  '-': ['00000', '00000', '00000', '11111', '00000', '00000', '00000'],
  '.': ['00000', '00000', '00000', '00000', '00000', '01100', '01100'],
  ',': ['00000', '00000', '00000', '00000', '01100', '00100', '01000'],
  "'": ['01100', '00100', '01000', '00000', '00000', '00000', '00000'],
  '&': ['01100', '10010', '10100', '01000', '10101', '10010', '01101'],
  '/': ['00000', '00001', '00010', '00100', '01000', '10000', '00000'],
  '(': ['00010', '00100', '01000', '01000', '01000', '00100', '00010'],
  ')': ['01000', '00100', '00010', '00010', '00010', '00100', '01000'],
  '+': ['00000', '00100', '00100', '11111', '00100', '00100', '00000'],
  ':': ['00000', '01100', '01100', '00000', '01100', '01100', '00000'],
  '?': ['01110', '10001', '00001', '00010', '00100', '00000', '00100'],
};

type Rgb = readonly [number, number, number];

/** Soft colours that read well behind white text; a category keeps its colour. */
const PALETTE: readonly Rgb[] = [
  [196, 69, 105], // rose
  [142, 68, 173], // orchid
  [39, 137, 110], // leaf
  [214, 116, 48], // marigold
  [52, 107, 168], // hydrangea
  [176, 58, 46], // carnation
  [110, 125, 54], // olive
  [160, 82, 120], // plum
];

const WHITE: Rgb = [255, 255, 255];

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text.toLowerCase()) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

export function colourFor(category: string): Rgb {
  return PALETTE[hash(category) % PALETTE.length] as Rgb;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

class Canvas {
  readonly png: PNG;
  constructor(readonly size: number) {
    this.png = new PNG({ width: size, height: size, colorType: 2, inputHasAlpha: true });
  }

  rect(x0: number, y0: number, w: number, h: number, c: Rgb): void {
    const { data } = this.png;
    const x1 = Math.min(this.size, x0 + w);
    const y1 = Math.min(this.size, y0 + h);
    for (let y = Math.max(0, y0); y < y1; y++) {
      for (let x = Math.max(0, x0); x < x1; x++) {
        const i = (y * this.size + x) * 4;
        data[i] = c[0];
        data[i + 1] = c[1];
        data[i + 2] = c[2];
        data[i + 3] = 255;
      }
    }
  }

  circle(cx: number, cy: number, r: number, c: Rgb): void {
    const r2 = r * r;
    for (let y = Math.floor(cy - r); y <= cy + r; y++) {
      const dy = y - cy;
      const half = Math.sqrt(Math.max(0, r2 - dy * dy));
      this.rect(Math.round(cx - half), y, Math.round(half * 2), 1, c);
    }
  }

  text(line: string, x: number, y: number, scale: number, c: Rgb): void {
    let cx = x;
    for (const ch of line) {
      const glyph = FONT[ch] ?? FONT['?'];
      glyph?.forEach((row, gy) => {
        for (let gx = 0; gx < 5; gx++) if (row[gx] === '1') this.rect(cx + gx * scale, y + gy * scale, scale, scale, c);
      });
      cx += 6 * scale;
    }
  }
}

/** The name as the font can draw it: uppercase, accents dropped, unknown signs turned to spaces. */
export function drawable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split('')
    .map((ch) => (FONT[ch] ? ch : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Breaks text into lines of at most `width` characters, on spaces where it can. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (current) lines.push(current);
      current = '';
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if ((current ? current.length + 1 : 0) + word.length <= width) current = current ? `${current} ${word}` : word;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = last.length >= width ? `${last.slice(0, width - 2)}..` : `${last}..`;
    return kept;
  }
  return lines;
}

/** The card as PNG bytes. */
export function placeholderCard(p: { name: string; code: string; category: string }, size = CARD_SIZE): Uint8Array {
  const canvas = new Canvas(size);
  const base = colourFor(p.category);
  canvas.rect(0, 0, size, size, base);
  const margin = Math.round(size / 16);
  canvas.rect(margin, margin, size - 2 * margin, size - 2 * margin, mix(base, WHITE, 0.12));

  // a flower: five petals round a centre, on a stem with a leaf
  const cx = size / 2;
  const cy = size * 0.25;
  const petal = size * 0.065;
  const stem: Rgb = mix(base, WHITE, 0.4);
  canvas.rect(Math.round(cx - size * 0.008), Math.round(cy), Math.round(size * 0.016), Math.round(size * 0.17), stem);
  canvas.circle(cx + size * 0.04, cy + size * 0.13, size * 0.028, stem);
  for (let k = 0; k < 5; k++) {
    const a = (k / 5) * Math.PI * 2 - Math.PI / 2;
    canvas.circle(cx + Math.cos(a) * petal * 1.1, cy + Math.sin(a) * petal * 1.1, petal, mix(base, WHITE, 0.6));
  }
  canvas.circle(cx, cy, petal * 0.7, [250, 210, 90]);

  // the code and "foto menyusul" at the foot
  const small = Math.max(2, Math.round(size / 240));
  const footer = drawable(`${p.code} - foto menyusul`);
  const footerY = size - 2 * margin - 7 * small;
  canvas.text(footer, Math.round((size - (footer.length * 6 - 1) * small) / 2), footerY, small, mix(base, WHITE, 0.7));

  // the name, as large as fits between the flower and the foot, each line centred
  const name = drawable(p.name) || p.code;
  const inner = size - 4 * margin;
  const top = Math.round(size * 0.48);
  const room = footerY - Math.round(size * 0.04) - top;
  let scale = Math.max(2, Math.floor(size / 80));
  let lines = wrap(name, Math.floor(inner / (6 * scale)), 4);
  const height = (n: number, s: number): number => (n * 10 - 3) * s;
  while (scale > 2 && (lines.length > 3 || height(lines.length, scale) > room || lines.some((l) => l.endsWith('..')))) {
    scale--;
    lines = wrap(name, Math.floor(inner / (6 * scale)), 4);
  }
  let y = top + Math.max(0, Math.round((room - height(lines.length, scale)) / 2));
  for (const line of lines) {
    canvas.text(line, Math.round((size - (line.length * 6 - 1) * scale) / 2), y, scale, WHITE);
    y += 10 * scale;
  }
  // one filter and a light deflate: flat colours compress well anyway, and this is ten times faster
  return PNG.sync.write(canvas.png, { colorType: 2, filterType: 2, deflateLevel: 3 });
}
