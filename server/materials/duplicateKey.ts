import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';

/**
 * The two keys that put materials into one duplicate group (R8). Pure functions.
 *
 * - `urlKey`: the source URL normalised as SPEC §4 asks: the scheme, host case, a leading
 *   `www.`, a trailing slash, the fragment and tracking parameters (`utm_*` and the common
 *   click ids) are ignored, the query is sorted, default ports (80, 443) and credentials are dropped.
 *   The path keeps its case: servers treat `/A` and `/a` as different pages.
 * - `fingerprint`: the content fingerprint, a hash of the normalised title together with the
 *   URL's path and query (host left out). It catches the same article under another host
 *   (mobile or AMP mirror, syndication, a site's second domain) with the same title. It is
 *   deliberately narrower than "same title": short generic titles ("Patch notes", "Review")
 *   recur across unrelated articles, and a false group would make an editor's publish mark
 *   someone else's work DUPLICATE. A URL without a path (a home page) or a title with no letter
 *   or digit has no fingerprint, because such pairs say nothing about the content.
 */
export interface DuplicateKeys {
  urlKey: string;
  fingerprint: string | null;
}

const trackingParameters = [/^utm_\w+/i, 'fbclid', 'gclid', 'msclkid'];

/** Expects an absolute http(s) URL (validated by the caller). */
export function normaliseUrl(url: string): string {
  const normalised = new URL(
    normalizeUrl(url, {
      forceHttps: true,
      stripWWW: true,
      stripHash: true,
      removeTrailingSlash: true,
      removeSingleSlash: true,
      sortQueryParameters: true,
      removeQueryParameters: trackingParameters,
    }),
  );
  return `${normalised.host}${pathAndQuery(normalised)}`;
}

const pathAndQuery = (url: URL): string =>
  `${url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '')}${url.search}`;

/** Case, accents, punctuation and spacing do not make two titles different. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function duplicateKeys(url: string, title: string): DuplicateKeys {
  const urlKey = normaliseUrl(url);
  const rest = urlKey.slice(urlKey.search(/[/?]|$/));
  const normalisedTitle = normaliseTitle(title);
  const fingerprint = rest && normalisedTitle ? sha256(`${normalisedTitle}\n${rest}`) : null;
  return { urlKey, fingerprint };
}

/** Ids of the `duplicateKeys` documents (hashed, so a 2 kB URL stays a short key). */
export const urlKeyId = (urlKey: string): string => `url:${sha256(urlKey)}`;
export const fingerprintKeyId = (fingerprint: string): string => `fp:${fingerprint}`;
