// The little XML writing OAI-PMH needs: text and attribute escaping that also drops characters
// XML 1.0 cannot carry at all (control characters, lone surrogates, U+FFFE/U+FFFF), so no
// stored text can make a response unreadable.

// Everything outside XML 1.0's Char production. With the u flag a lone surrogate is one code
// point outside every allowed range, so it is removed too.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, '');
}

export function escapeText(s: string): string {
  return xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  // Tabs and newlines in attributes would be normalised to spaces by a parser: keep them as references.
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs | undefined): string {
  if (!a) return '';
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${escapeAttr(String(v))}"`;
  return out;
}

/** `<name attrs>text</name>`, escaped. */
export function el(name: string, text: string, a?: Attrs): string {
  return `<${name}${attrs(a)}>${escapeText(text)}</${name}>`;
}

/** `<name attrs>` + already-built children + `</name>`. */
export function wrap(name: string, children: string, a?: Attrs): string {
  return `<${name}${attrs(a)}>${children}</${name}>`;
}

/** An element without content. */
export function empty(name: string, a?: Attrs): string {
  return `<${name}${attrs(a)}/>`;
}
