// Stable public URLs of everything IIIF, in one place. `base` is the site's origin with any
// path prefix ("https://archives.example" or "https://example.org/exhibits"), no trailing slash.

export const IMAGE_PREFIX = '/iiif/3';
export const AV_PREFIX = '/iiif/av';

export function imageServiceUrl(base: string, identifier: string): string {
  return `${base}${IMAGE_PREFIX}/${encodeURIComponent(identifier)}`;
}

export function manifestUrl(base: string, itemId: string): string {
  return `${base}/iiif/items/${itemId}/manifest.json`;
}

export function exhibitionCollectionUrl(base: string, slug: string): string {
  return `${base}/iiif/exhibitions/${slug}/collection.json`;
}

export function chapterCollectionUrl(base: string, slug: string, chapter: string): string {
  return `${base}/iiif/exhibitions/${slug}/${chapter}/collection.json`;
}

/** Film, sound and caption files of published items, with range requests and CORS. */
export function avUrl(base: string, path: string): string {
  return `${base}${AV_PREFIX}/${path}`;
}

export function pageUrl(base: string, lang: string, path: string): string {
  return `${base}/${lang}${path}`;
}
