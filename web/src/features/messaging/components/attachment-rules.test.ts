import { describe, expect, it } from 'vitest';
import { checkFiles, formatSize } from './attachment-rules';

const file = (name: string, type: string, size = 10) => new File([new Uint8Array(size)], name, { type });

describe('checkFiles', () => {
  it('accepts images and PDFs within the limits', () => {
    expect(
      checkFiles([file('a.png', 'image/png'), file('b.pdf', 'application/pdf'), file('c.webp', 'image/webp')]),
    ).toBeNull();
  });

  it('names the first broken rule', () => {
    expect(checkFiles([file('a.svg', 'image/svg+xml')])).toMatch('a.svg is not an image');
    expect(checkFiles([file('empty.png', 'image/png', 0)])).toMatch('empty.png is empty');
    expect(checkFiles(Array.from({ length: 6 }, (_, i) => file(`${i}.png`, 'image/png')))).toMatch('at most 5');
  });

  it('formats sizes for people', () => {
    expect(formatSize(2.5 * 1024 * 1024)).toBe('2.5 MB');
    expect(formatSize(300)).toBe('1 KB');
  });
});
