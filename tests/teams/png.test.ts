import { describe, expect, it } from 'vitest';
import { colorIconPng, outlineIconPng } from '../../src/teams/icons.js';
import { encodePng } from '../../src/teams/png.js';
import { readPng } from './support/pngReader.js';

describe('encodePng', () => {
  it('round-trips RGBA pixels through an independent decoder', () => {
    const pixels = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) & 0xff);
    const png = readPng(encodePng({ width: 3, height: 2, channels: 4, pixels }));
    expect([png.width, png.height, png.colorType, png.bitDepth]).toEqual([3, 2, 6, 8]);
    expect([...png.pixels]).toEqual([...pixels]);
  });

  it('round-trips RGB pixels as colour type 2', () => {
    const pixels = Uint8Array.from({ length: 5 * 1 * 3 }, (_, i) => 255 - i);
    const png = readPng(encodePng({ width: 5, height: 1, channels: 3, pixels }));
    expect([png.width, png.height, png.colorType]).toEqual([5, 1, 2]);
    expect([...png.pixels]).toEqual([...pixels]);
  });

  it('refuses a pixel buffer of the wrong length or an empty image', () => {
    expect(() => encodePng({ width: 2, height: 2, channels: 4, pixels: new Uint8Array(15) })).toThrow(RangeError);
    expect(() => encodePng({ width: 0, height: 2, channels: 3, pixels: new Uint8Array(0) })).toThrow(RangeError);
  });
});

describe('Teams icons', () => {
  it('draws the same icons every time, so packages are reproducible', () => {
    expect(colorIconPng('#0a5c8a').equals(colorIconPng('#0a5c8a'))).toBe(true);
    expect(outlineIconPng().equals(outlineIconPng())).toBe(true);
  });

  it('draws a symmetric compass (the glyph is centred)', () => {
    const png = readPng(outlineIconPng());
    const alpha = (x: number, y: number) => png.pixels[(y * 32 + x) * 4 + 3];
    for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) expect(alpha(x, y)).toBe(alpha(31 - x, y));
    // The centre of the rose is a hole, its arms are solid.
    expect(alpha(15, 15)).toBeLessThan(255);
    expect(alpha(15, 11)).toBe(255);
    expect(alpha(11, 15)).toBe(255);
  });

  it('rejects an accent colour that is not #rrggbb', () => {
    expect(() => colorIconPng('navy')).toThrow(RangeError);
  });
});
