// The relevance set: what a reader typing each query must find in the demo exhibition. Written
// from the demo's texts and links (not from search output): every record listed contains the
// query in some language, or is linked to a person, place or archive the query names.
//
// `expect` must all be found (documents as "item:id", "chapter:id", "person:id"; a person the
// query only names, through "did you mean", counts as found); `top`, when given, must include
// the first result.

export interface RelevanceCase {
  q: string;
  /** Language the query is written in (the site language it is asked from varies). */
  lang: 'ja' | 'mn' | 'en';
  why: string;
  expect: string[];
  top?: string[];
}

const item = (id: string) => `item:${id}`;
const person = (id: string) => `person:${id}`;
const CHAPTER = 'chapter:ch05';

const NIIZEKI = [item('cabinet-approval-niizeki-1972'), item('credentials-translation-niizeki-1972'), person('niizeki-kinya')];
const LUVSANCHULTEM = [item('credentials-luvsanchultem-1972'), person('n-luvsanchultem')];
const TSEDENBAL = [person('yumjaagiin-tsedenbal'), CHAPTER];
const ULAANBAATAR = [
  item('japanese-embassy-letter-1973'),
  item('cultural-agreement-1974'),
  item('cashmere-agreement-1977'),
  item('cabinet-approval-niizeki-1972'),
  person('tsuge-itaru'),
  CHAPTER,
];

export const RELEVANCE: RelevanceCase[] = [
  // ---- Japanese: two-character words (what Omeka S cannot find) -----------------------------
  {
    q: '大使',
    lang: 'ja',
    why: 'two-character word in nine Japanese captions and headings',
    expect: [
      'credentials-luvsanchultem-1972',
      'cabinet-approval-niizeki-1972',
      'credentials-translation-niizeki-1972',
      'japanese-embassy-letter-1973',
      'akiyama-photo-1977',
      'politburo-resolution-272-1972',
      'economic-meeting-1975',
      'exchange-of-notes-1972',
      'cashmere-agreement-1977',
    ].map(item),
  },
  { q: '国交', lang: 'ja', why: 'two-character word', expect: ['joint-communique-1972', 'exchange-of-notes-1972', 'credentials-luvsanchultem-1972'].map(item) },
  {
    q: '樹立',
    lang: 'ja',
    why: 'two-character word inside longer compounds (外交関係樹立, 国交樹立)',
    expect: [...['goodwill-mission-1971', 'joint-communique-1972', 'exchange-of-notes-1972', 'credentials-luvsanchultem-1972', 'cultural-agreement-1974'].map(item), CHAPTER],
  },
  {
    q: '協定',
    lang: 'ja',
    why: 'two-character word',
    expect: [...['cultural-agreement-1974', 'economic-meeting-1975', 'cashmere-agreement-1977'].map(item), person('tsuge-itaru'), person('d-saldan'), CHAPTER],
  },
  { q: '親善', lang: 'ja', why: 'two-character word', expect: [item('goodwill-mission-1971')] },
  { q: '信任状', lang: 'ja', why: 'three characters', expect: [...['credentials-luvsanchultem-1972', 'credentials-translation-niizeki-1972', 'akiyama-photo-1977'].map(item), person('s-luvsan')] },
  { q: '昭和天皇', lang: 'ja', why: 'four characters', expect: [item('credentials-luvsanchultem-1972')] },
  { q: '文化交流', lang: 'ja', why: 'compound across a heading and a section', expect: [item('cultural-agreement-1974'), CHAPTER] },
  { q: '経済協力', lang: 'ja', why: 'compound', expect: [item('economic-meeting-1975'), item('cashmere-agreement-1977'), CHAPTER] },
  { q: '写', lang: 'ja', why: 'single kanji (写真, 写し, 写されている)', expect: ['goodwill-mission-1971', 'joint-communique-1972', 'akiyama-photo-1977'].map(item) },
  { q: '館', lang: 'ja', why: 'single kanji at the end of words (大使館, 公文書館)', expect: ['japanese-embassy-letter-1973', 'politburo-resolution-272-1972', 'joint-communique-1972'].map(item) },
  { q: 'カシミヤ', lang: 'ja', why: 'katakana word', expect: [item('cashmere-agreement-1977'), CHAPTER] },
  { q: 'ｶｼﾐﾔ', lang: 'ja', why: 'half-width katakana', expect: [item('cashmere-agreement-1977'), CHAPTER] },
  { q: 'ｳﾗﾝﾊﾞｰﾄﾙ', lang: 'ja', why: 'half-width katakana with voicing marks', expect: ULAANBAATAR },
  { q: '新関', lang: 'ja', why: 'kanji family name', expect: NIIZEKI, top: NIIZEKI },
  { q: '新関欽哉', lang: 'ja', why: 'kanji full name', expect: NIIZEKI, top: NIIZEKI },
  { q: '中島茂喜', lang: 'ja', why: 'kanji full name', expect: [item('goodwill-mission-1971'), person('nakajima-shigeki')] },
  { q: '柘植', lang: 'ja', why: 'kanji family name', expect: [item('cashmere-agreement-1977'), person('tsuge-itaru')] },
  { q: '小沢', lang: 'ja', why: 'kanji family name', expect: [item('academic-exchange-1972'), person('ozawa-shigeo'), person('arai-shinichi')] },
  { q: 'ツェデンバル', lang: 'ja', why: 'katakana name', expect: TSEDENBAL },
  { q: 'ルブサンチュルテム', lang: 'ja', why: 'katakana name', expect: LUVSANCHULTEM },
  { q: 'ルブサン', lang: 'ja', why: 'katakana name that starts another', expect: [item('credentials-translation-niizeki-1972'), person('s-luvsan'), ...LUVSANCHULTEM] },
  { q: 'にいぜき', lang: 'ja', why: 'hiragana reading of 新関 (a recorded reading)', expect: NIIZEKI },
  { q: 'ニイゼキ', lang: 'ja', why: 'katakana reading, resolved by its Hepburn key', expect: [person('niizeki-kinya')] },

  // ---- Mongolian ------------------------------------------------------------------------------
  { q: 'Цэдэнбал', lang: 'mn', why: 'Cyrillic name', expect: TSEDENBAL },
  { q: 'ЦЭДЭНБАЛ', lang: 'mn', why: 'upper-case Cyrillic', expect: TSEDENBAL },
  { q: 'Ниизэки', lang: 'mn', why: 'Cyrillic form of a Japanese name', expect: NIIZEKI },
  { q: 'НИИЗЭКИ', lang: 'mn', why: 'upper-case Cyrillic', expect: NIIZEKI },
  { q: 'Лувсанчүлтэм', lang: 'mn', why: 'Cyrillic name with ү', expect: LUVSANCHULTEM },
  { q: 'ЛУВСАНЧҮЛТЭМ', lang: 'mn', why: 'upper-case Ү', expect: LUVSANCHULTEM },
  { q: 'Лувсанчүлтэмийг', lang: 'mn', why: 'accusative case of a name', expect: LUVSANCHULTEM },
  { q: 'Улаанбаатар', lang: 'mn', why: 'place name, nominative', expect: ULAANBAATAR },
  { q: 'Улаанбаатарт', lang: 'mn', why: 'place name, dative-locative', expect: ULAANBAATAR },
  { q: 'Улаанбаатарын', lang: 'mn', why: 'place name, genitive', expect: ULAANBAATAR },
  { q: 'Токиод', lang: 'mn', why: 'inflected place name', expect: [item('politburo-resolution-272-1972'), item('economic-meeting-1975'), CHAPTER] },
  { q: 'Хирохитод', lang: 'mn', why: 'inflected name in a caption', expect: [item('credentials-luvsanchultem-1972')] },
  { q: 'ноолуур', lang: 'mn', why: 'word found in its genitive form', expect: [item('cashmere-agreement-1977'), CHAPTER] },
  { q: 'Дархан', lang: 'mn', why: 'place in a title and a caption', expect: [item('goodwill-mission-1971')] },
  { q: 'ЗХУ', lang: 'mn', why: 'upper-case abbreviation', expect: [item('cabinet-approval-niizeki-1972'), person('niizeki-kinya')] },
  { q: '"элчин сайдын яам"', lang: 'mn', why: 'quoted phrase', expect: ['politburo-resolution-272-1972', 'japanese-embassy-letter-1973'].map(item) },
  { q: 'Цеденбал', lang: 'mn', why: 'another Cyrillic spelling, resolved by consonant skeleton', expect: [person('yumjaagiin-tsedenbal')] },

  // ---- English and romanised names ---------------------------------------------------------
  { q: 'Tsedenbal', lang: 'en', why: 'romanised Mongolian name', expect: TSEDENBAL, top: [person('yumjaagiin-tsedenbal')] },
  { q: 'Niizeki', lang: 'en', why: 'romanised Japanese name', expect: NIIZEKI },
  { q: 'niizeki kinya', lang: 'en', why: 'full name in lower case', expect: NIIZEKI },
  { q: 'Luvsanchultem', lang: 'en', why: 'romanised name', expect: LUVSANCHULTEM },
  { q: 'N. Luvsanchultem', lang: 'en', why: 'name with initial', expect: LUVSANCHULTEM },
  { q: 'Shirendev', lang: 'en', why: 'romanised name', expect: [item('academic-exchange-1972'), person('b-shirendev')] },
  { q: 'Tsedenbaal', lang: 'en', why: 'misspelt name, resolved by consonant skeleton', expect: [person('yumjaagiin-tsedenbal')] },
  { q: 'Hirohito', lang: 'en', why: 'name in a title and caption', expect: [item('credentials-luvsanchultem-1972')] },
  { q: 'credentials', lang: 'en', why: 'word', expect: ['credentials-luvsanchultem-1972', 'credentials-translation-niizeki-1972', 'akiyama-photo-1977'].map(item) },
  { q: 'cashmere', lang: 'en', why: 'word', expect: [item('cashmere-agreement-1977'), CHAPTER] },
  { q: 'Darkhan', lang: 'en', why: 'place name', expect: [item('goodwill-mission-1971')] },
  { q: 'Moscow', lang: 'en', why: 'place in a caption and linked places', expect: [item('exchange-of-notes-1972'), item('cabinet-approval-niizeki-1972')] },
  { q: 'Ulaanbaatar', lang: 'en', why: 'place name in Latin', expect: ULAANBAATAR },
  { q: '"cultural relations"', lang: 'en', why: 'quoted phrase', expect: [item('cultural-agreement-1974')] },
  { q: 'K-19180-1', lang: 'en', why: 'reference code', expect: [item('goodwill-mission-1971')], top: [item('goodwill-mission-1971')] },
  { q: 'ambassador Tokyo', lang: 'en', why: 'two words, both required (in any field)', expect: [item('economic-meeting-1975'), CHAPTER] },
];
