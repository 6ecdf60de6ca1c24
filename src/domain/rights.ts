// Rights statements a record may carry: the 12 RightsStatements.org statements and the Creative
// Commons 4.0 licences and public-domain tools. Only the canonical URIs (http://, trailing slash)
// are stored, because IIIF Presentation 3 validators and schema.org consumers match them exactly.

export type RightsFamily = 'rightsstatements' | 'cc-licence' | 'cc-public-domain';

export interface RightsEntry {
  uri: string;
  /** Short name: "InC", "CC BY 4.0", "CC0 1.0". */
  id: string;
  family: RightsFamily;
  label: Record<'en' | 'ja' | 'mn', string>;
}

export type RightsResult = { ok: true; value: string } | { ok: false; reason: string };

const rs = (id: string, en: string, ja: string, mn: string): RightsEntry => ({
  uri: `http://rightsstatements.org/vocab/${id}/1.0/`,
  id,
  family: 'rightsstatements',
  label: { en, ja, mn },
});

const cc = (code: string, en: string, ja: string, mn: string): RightsEntry => ({
  uri: `http://creativecommons.org/licenses/${code}/4.0/`,
  id: `CC ${code.toUpperCase()} 4.0`,
  family: 'cc-licence',
  label: { en, ja, mn },
});

const IN_COPYRIGHT = { ja: '著作権あり', mn: 'Зохиогчийн эрхээр хамгаалагдсан' };
const NO_COPYRIGHT = { ja: '著作権なし', mn: 'Зохиогчийн эрхгүй' };

export const RIGHTS: readonly RightsEntry[] = [
  rs('InC', 'In Copyright', IN_COPYRIGHT.ja, IN_COPYRIGHT.mn),
  rs(
    'InC-OW-EU',
    'In Copyright - EU Orphan Work',
    `${IN_COPYRIGHT.ja} - EU孤児著作物`,
    `${IN_COPYRIGHT.mn} - ЕХ-ны эзэн нь тодорхойгүй бүтээл`,
  ),
  rs(
    'InC-EDU',
    'In Copyright - Educational Use Permitted',
    `${IN_COPYRIGHT.ja} - 教育目的の利用可`,
    `${IN_COPYRIGHT.mn} - боловсролын зорилгоор ашиглахыг зөвшөөрнө`,
  ),
  rs(
    'InC-NC',
    'In Copyright - Non-Commercial Use Permitted',
    `${IN_COPYRIGHT.ja} - 非営利目的の利用可`,
    `${IN_COPYRIGHT.mn} - арилжааны бус зорилгоор ашиглахыг зөвшөөрнө`,
  ),
  rs(
    'InC-RUU',
    'In Copyright - Rights-holder(s) Unlocatable or Unidentifiable',
    `${IN_COPYRIGHT.ja} - 権利者不明または所在不明`,
    `${IN_COPYRIGHT.mn} - эрх эзэмшигчийг тогтоох, олох боломжгүй`,
  ),
  rs(
    'NoC-CR',
    'No Copyright - Contractual Restrictions',
    `${NO_COPYRIGHT.ja} - 契約による制限あり`,
    `${NO_COPYRIGHT.mn} - гэрээгээр хязгаарласан`,
  ),
  rs(
    'NoC-NC',
    'No Copyright - Non-Commercial Use Only',
    `${NO_COPYRIGHT.ja} - 非営利目的の利用に限る`,
    `${NO_COPYRIGHT.mn} - зөвхөн арилжааны бус зорилгоор`,
  ),
  rs(
    'NoC-OKLR',
    'No Copyright - Other Known Legal Restrictions',
    `${NO_COPYRIGHT.ja} - その他の法的制限あり`,
    `${NO_COPYRIGHT.mn} - хуулийн бусад хязгаарлалттай`,
  ),
  rs('NoC-US', 'No Copyright - United States', `${NO_COPYRIGHT.ja} - 米国`, `${NO_COPYRIGHT.mn} - Америкийн Нэгдсэн Улс`),
  rs('CNE', 'Copyright Not Evaluated', '著作権未評価', 'Зохиогчийн эрхийг үнэлээгүй'),
  rs('UND', 'Copyright Undetermined', '著作権の状態不明', 'Зохиогчийн эрх тогтоогдоогүй'),
  rs('NKC', 'No Known Copyright', '既知の著作権なし', 'Мэдэгдэж буй зохиогчийн эрхгүй'),

  // Japanese labels are Creative Commons' own Japanese licence names.
  cc('by', 'Attribution 4.0 International', '表示 4.0 国際', 'Нэр дурдах 4.0 Олон улсын'),
  cc(
    'by-sa',
    'Attribution-ShareAlike 4.0 International',
    '表示 - 継承 4.0 国際',
    'Нэр дурдах - Ижил нөхцөлөөр түгээх 4.0 Олон улсын',
  ),
  cc('by-nd', 'Attribution-NoDerivatives 4.0 International', '表示 - 改変禁止 4.0 国際', 'Нэр дурдах - Өөрчлөхгүй 4.0 Олон улсын'),
  cc('by-nc', 'Attribution-NonCommercial 4.0 International', '表示 - 非営利 4.0 国際', 'Нэр дурдах - Арилжааны бус 4.0 Олон улсын'),
  cc(
    'by-nc-sa',
    'Attribution-NonCommercial-ShareAlike 4.0 International',
    '表示 - 非営利 - 継承 4.0 国際',
    'Нэр дурдах - Арилжааны бус - Ижил нөхцөлөөр түгээх 4.0 Олон улсын',
  ),
  cc(
    'by-nc-nd',
    'Attribution-NonCommercial-NoDerivatives 4.0 International',
    '表示 - 非営利 - 改変禁止 4.0 国際',
    'Нэр дурдах - Арилжааны бус - Өөрчлөхгүй 4.0 Олон улсын',
  ),
  {
    uri: 'http://creativecommons.org/publicdomain/zero/1.0/',
    id: 'CC0 1.0',
    family: 'cc-public-domain',
    label: {
      en: 'CC0 1.0 Universal Public Domain Dedication',
      ja: 'CC0 1.0 全世界 パブリック・ドメイン提供',
      mn: 'CC0 1.0 Нийтийн өмчид шилжүүлэх бүх нийтийн мэдэгдэл',
    },
  },
  {
    uri: 'http://creativecommons.org/publicdomain/mark/1.0/',
    id: 'PDM 1.0',
    family: 'cc-public-domain',
    label: { en: 'Public Domain Mark 1.0', ja: 'パブリック・ドメイン・マーク 1.0', mn: 'Нийтийн өмчийн тэмдэг 1.0' },
  },
];

const BY_URI = new Map(RIGHTS.map((r) => [r.uri, r]));
const BY_URI_FOLDED = new Map(RIGHTS.map((r) => [r.uri.toLowerCase(), r]));

export function getRights(uri: string): RightsEntry | undefined {
  return BY_URI.get(uri);
}

const HOSTS = new Set(['rightsstatements.org', 'creativecommons.org']);

/**
 * The canonical URI for a recognisable variant of a listed one: https, a www. host, the
 * RightsStatements.org page URL (/page/ for /vocab/), query or fragment, a missing trailing
 * slash, other letter case. Null when the input is no variant of a listed URI.
 */
export function normalizeRightsUri(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  if (!HOSTS.has(host)) return null;
  let path = url.pathname;
  if (host === 'rightsstatements.org') path = path.replace(/^\/page\//i, '/vocab/');
  if (!path.endsWith('/')) path += '/';
  return BY_URI_FOLDED.get(`http://${host}${path}`.toLowerCase())?.uri ?? null;
}

/** Accepts only the canonical URI of a listed statement or licence; the reason names the fix. */
export function validateRightsUri(uri: string): RightsResult {
  if (BY_URI.has(uri)) return { ok: true, value: uri };
  if (uri.trim() === '') return { ok: false, reason: 'the rights URI is empty' };

  const canonical = normalizeRightsUri(uri);
  if (canonical) {
    return { ok: false, reason: `${JSON.stringify(uri)} is not the canonical form of the URI; use ${canonical}` };
  }
  const byName = RIGHTS.find((r) => r.id.toLowerCase() === uri.trim().toLowerCase() || r.label.en.toLowerCase() === uri.trim().toLowerCase());
  if (byName) {
    return { ok: false, reason: `${JSON.stringify(uri)} is a name, not a URI; use ${byName.uri}` };
  }
  if (/^https?:\/\/(?:www\.)?creativecommons\.org\/licenses\/[a-z-]+\/\d+(?:\.\d+)?\//i.test(uri.trim())) {
    return {
      ok: false,
      reason: `${JSON.stringify(uri)} is a Creative Commons licence of another version or jurisdiction; the list holds the 4.0 International licences, CC0 1.0 and the Public Domain Mark 1.0`,
    };
  }
  return {
    ok: false,
    reason: `${JSON.stringify(uri)} is not a RightsStatements.org statement or a Creative Commons licence or public-domain tool; use one of the listed URIs, e.g. ${RIGHTS[0]?.uri ?? ''}`,
  };
}
