/**
 * Proves that every string of the client exists in English and French: both files have the same
 * keys (plural forms aside, since French has a `many` form English lacks), no value is blank, and
 * every literal key the client's source passes to t('...') exists. Reads the files; no browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import en from '../../client/src/i18n/en.json';
import fr from '../../client/src/i18n/fr.json';

type Tree = { [key: string]: string | Tree };
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [k, v] of flatten(value, path)) keys.set(k, v);
  }
  return keys;
}
const baseKeys = (keys: Map<string, string>) =>
  new Set([...keys.keys()].map((k) => k.replace(pluralSuffix, '')));

const english = flatten(en as Tree);
const french = flatten(fr as Tree);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

it('has the same keys in English and French', () => {
  expect([...baseKeys(french)].sort()).toEqual([...baseKeys(english)].sort());
});

it('has no blank text', () => {
  const blank = [...english, ...french].filter(([, value]) => value.trim() === '');
  expect(blank).toEqual([]);
});

it('knows every literal key the client asks for', () => {
  const used = new Set<string>();
  for (const file of sourceFiles(resolve(__dirname, '../../client/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) used.add(match[1]!);
    for (const match of text.matchAll(/\blabel: '([a-z]+\.[\w.]+)'/g)) used.add(match[1]!);
  }
  expect(used.size).toBeGreaterThan(100);
  const known = baseKeys(english);
  expect([...used].filter((key) => !known.has(key))).toEqual([]);
});
