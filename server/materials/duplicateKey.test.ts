/**
 * Proves the R8 keys as pure functions: URLs that SPEC §4 calls the same (scheme, host case,
 * leading www., trailing slash, fragment, utm_* parameters, query order) normalise to one key,
 * URLs that name other pages do not; the fingerprint ignores title case, accents and punctuation
 * but never groups a different path or a bare home page.
 */
import { duplicateKeys, normaliseTitle, normaliseUrl } from './duplicateKey';

const same: [string, string][] = [
  ['http://example.com/guide', 'https://example.com/guide'],
  ['https://EXAMPLE.com/guide', 'https://example.com/guide'],
  ['https://www.example.com/guide', 'https://example.com/guide'],
  ['https://example.com/guide/', 'https://example.com/guide'],
  ['https://example.com/guide#part-2', 'https://example.com/guide'],
  ['https://example.com/guide?utm_source=x&utm_medium=y', 'https://example.com/guide'],
  ['https://example.com/guide?b=2&a=1', 'https://example.com/guide?a=1&b=2'],
  ['https://example.com/guide?a=1&utm_campaign=z&fbclid=abc', 'https://example.com/guide?a=1'],
  ['https://example.com:443/guide', 'https://example.com/guide'],
  ['http://example.com:80/', 'https://example.com'],
  ['HTTP://WWW.Example.COM/guide/?utm_term=q#top', 'https://example.com/guide'],
  ['https://user:secret@example.com/guide', 'https://example.com/guide'],
];
it.each(same)('%s and %s are the same source', (a, b) => {
  expect(normaliseUrl(a)).toBe(normaliseUrl(b));
});

const different: [string, string][] = [
  ['https://example.com/guide', 'https://example.com/guides'],
  ['https://example.com/Guide', 'https://example.com/guide'],
  ['https://example.com/guide?page=2', 'https://example.com/guide'],
  ['https://example.com/guide', 'https://example.org/guide'],
  ['https://news.example.com/guide', 'https://example.com/guide'],
  ['https://example.com:8080/guide', 'https://example.com/guide'],
];
it.each(different)('%s and %s are different sources', (a, b) => {
  expect(normaliseUrl(a)).not.toBe(normaliseUrl(b));
});

it('writes the key without scheme, www. or trailing slash', () => {
  expect(normaliseUrl('https://www.Example.com/a/b/?z=1&utm_source=x&a=2#f')).toBe(
    'example.com/a/b?a=2&z=1',
  );
});

describe('fingerprint', () => {
  it('matches the same titled article under another host', () => {
    const a = duplicateKeys('https://games.example/reviews/zelda', 'Zelda: the Review!');
    const b = duplicateKeys('https://m.games-mirror.example/reviews/zelda/', 'zelda — THE review');
    expect(a.urlKey).not.toBe(b.urlKey);
    expect(a.fingerprint).toBe(b.fingerprint);
  });

  it('ignores accents and spacing in titles', () => {
    expect(normaliseTitle('  Café   Crème ')).toBe(normaliseTitle('cafe creme'));
  });

  it('does not group the same title on another path', () => {
    const a = duplicateKeys('https://a.example/patch-notes/1-2', 'Patch notes');
    const b = duplicateKeys('https://b.example/patch-notes/1-3', 'Patch notes');
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });

  it('has none for a home page or a title without letters', () => {
    expect(duplicateKeys('https://a.example/', 'Home').fingerprint).toBeNull();
    expect(duplicateKeys('https://a.example/x', '!!!').fingerprint).toBeNull();
  });
});
