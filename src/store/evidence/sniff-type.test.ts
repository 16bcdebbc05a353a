import { describe, expect, it } from 'vitest';
import { displayName } from './attach-evidence.js';
import { extensionOf, sniffType } from './sniff-type.js';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('evidence types are judged by content', () => {
  it('recognises PDF, PNG, JPEG and WebP by their magic bytes', () => {
    expect(sniffType(text('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffType(new Uint8Array([...text('RIFF'), 1, 2, 3, 4, ...text('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('accepts UTF-8 text with tabs and line breaks as plain text', () => {
    expect(sniffType(text('Certificate of completion\r\n\tNASM — 0.4 CEU\n'))).toBe('text/plain');
  });

  it('refuses binaries, invalid UTF-8, control bytes, an empty file and a RIFF that is not WebP', () => {
    expect(sniffType(bytes(0x4d, 0x5a, 0x90, 0x00))).toBeNull();
    expect(sniffType(bytes(0x41, 0xc3, 0x28))).toBeNull();
    expect(sniffType(text('ok\u0000'))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
    expect(sniffType(new Uint8Array([...text('RIFF'), 1, 2, 3, 4, ...text('WAVE')]))).toBeNull();
  });

  it('reads the extension from the end of the name only', () => {
    expect(extensionOf('cert.final.PDF')).toBe('pdf');
    expect(extensionOf('README')).toBe('');
  });
});

describe('uploaded file names are kept for display only', () => {
  it('drops any folder part, control characters and dot names', () => {
    expect(displayName('../../etc/passwd')).toBe('passwd');
    expect(displayName('C:\\Users\\sam\\cert.pdf')).toBe('cert.pdf');
    expect(displayName('a\u0000b\nc.txt')).toBe('abc.txt');
    expect(displayName('..')).toBe('evidence');
    expect(displayName('')).toBe('evidence');
  });
});
