import { encodePng } from './png.js';

/** Teams wants a 192×192 full-colour icon and a 32×32 white-on-transparent outline icon. */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

// Sub-samples per pixel side, for anti-aliased edges.
const SUPERSAMPLE = 4;

/**
 * The compass glyph in units of its radius, centred at the origin: a ring, a four-pointed star
 * (the compass rose) and a small hole at its centre.
 */
function insideCompass(x: number, y: number): boolean {
  const r = Math.hypot(x, y);
  if (r >= 0.8 && r <= 1) return true;
  if (r < 0.1) return false;
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  return ax / 0.24 + ay / 0.68 <= 1 || ax / 0.68 + ay / 0.24 <= 1;
}

/** Fraction (0…1) of each pixel that the glyph covers, for a square image with the glyph of `radius` px centred. */
function coverage(size: number, radius: number): Float64Array {
  const out = new Float64Array(size * size);
  const c = size / 2;
  const n = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE - c) / radius;
          const y = (py + (sy + 0.5) / SUPERSAMPLE - c) / radius;
          if (insideCompass(x, y)) hits++;
        }
      }
      out[py * size + px] = hits / n;
    }
  }
  return out;
}

function parseHex(color: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) throw new RangeError(`not a colour like #0a5c8a: ${color}`);
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}

/** color.png: the white compass on a solid background of the accent colour (RGB, 192×192). */
export function colorIconPng(accentColor: string): Buffer {
  const [r, g, b] = parseHex(accentColor);
  const size = COLOR_ICON_SIZE;
  // Teams' guideline: a 96×96 symbol with 48 px padding.
  const cov = coverage(size, 48);
  const pixels = new Uint8Array(size * size * 3);
  for (let i = 0; i < cov.length; i++) {
    const a = cov[i];
    pixels[i * 3] = Math.round(r + (255 - r) * a);
    pixels[i * 3 + 1] = Math.round(g + (255 - g) * a);
    pixels[i * 3 + 2] = Math.round(b + (255 - b) * a);
  }
  return encodePng({ width: size, height: size, channels: 3, pixels });
}

/** outline.png: the compass in white on transparent (RGBA, 32×32), as Teams requires. */
export function outlineIconPng(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const cov = coverage(size, 14);
  const pixels = new Uint8Array(size * size * 4);
  for (let i = 0; i < cov.length; i++) {
    pixels.fill(255, i * 4, i * 4 + 3);
    pixels[i * 4 + 3] = Math.round(cov[i] * 255);
  }
  return encodePng({ width: size, height: size, channels: 4, pixels });
}
