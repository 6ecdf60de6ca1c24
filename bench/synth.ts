// Synthetic content for benchmarks and load tests: one large exhibition with the shape of the
// demo (the same institutions, Japanese and Mongolian people, EDTF dates, reference codes in each
// archive's scheme, texts in en/ja/mn with drafts and gaps), of any size, the same for a seed.
// The texts are assembled from phrase lists, so they read like captions without being real
// records; every name, event and code is invented.
import { demo, type DemoContent, type DemoItem } from '../content/demo/chapter-v.ts';
import { formatPersonName } from '../src/domain/person-name.ts';
import type {
  Chapter,
  Institution,
  LocalizedText,
  MediaType,
  Person,
  PersonNameParts,
  Place,
  Section,
  SitePage,
  TextStatus,
} from '../src/domain/types.ts';
import type { ContentService } from '../src/services/content.ts';

export interface SynthOptions {
  items: number;
  chapters: number;
  seed?: number;
}

const CNE = 'http://rightsstatements.org/vocab/CNE/1.0/';
const FIRST_YEAR = 1921;
const LAST_YEAR = 1990;
const PEOPLE = 200;

// ---------------------------------------------------------------------------------------------
// Randomness: a small seeded generator, so the same seed gives the same content on any machine.
// ---------------------------------------------------------------------------------------------

/** mulberry32: 32-bit state, good enough spread for test data, and trivially reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    const x = xs[Math.floor(this.next() * xs.length)];
    if (x === undefined) throw new Error('pick from an empty list');
    return x;
  }
  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('no weights');
    return last[0];
  }
  /** `n` distinct elements of `xs` (all of them when `n` is larger). */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// Phrase lists. `mnGen` is the Mongolian genitive, which most templates need after a noun.
// ---------------------------------------------------------------------------------------------

interface Tri {
  en: string;
  ja: string;
  mn: string;
}

interface Noun extends Tri {
  mnGen: string;
}

const TOPICS: readonly Noun[] = [
  { en: 'cultural exchange', ja: '文化交流', mn: 'соёлын солилцоо', mnGen: 'соёлын солилцооны' },
  { en: 'trade', ja: '貿易', mn: 'худалдаа', mnGen: 'худалдааны' },
  { en: 'economic cooperation', ja: '経済協力', mn: 'эдийн засгийн хамтын ажиллагаа', mnGen: 'эдийн засгийн хамтын ажиллагааны' },
  { en: 'education', ja: '教育', mn: 'боловсрол', mnGen: 'боловсролын' },
  { en: 'scientific research', ja: '学術研究', mn: 'шинжлэх ухааны судалгаа', mnGen: 'шинжлэх ухааны судалгааны' },
  { en: 'livestock farming', ja: '牧畜', mn: 'мал аж ахуй', mnGen: 'мал аж ахуйн' },
  { en: 'wool processing', ja: '羊毛加工', mn: 'ноос боловсруулалт', mnGen: 'ноос боловсруулалтын' },
  { en: 'air transport', ja: '航空輸送', mn: 'агаарын тээвэр', mnGen: 'агаарын тээврийн' },
  { en: 'postal services', ja: '郵便業務', mn: 'шуудангийн үйлчилгээ', mnGen: 'шуудангийн үйлчилгээний' },
  { en: 'public health', ja: '公衆衛生', mn: 'нийгмийн эрүүл мэнд', mnGen: 'нийгмийн эрүүл мэндийн' },
  { en: 'sport', ja: 'スポーツ交流', mn: 'спорт', mnGen: 'спортын' },
  { en: 'broadcasting', ja: '放送', mn: 'радио, телевиз', mnGen: 'радио, телевизийн' },
  { en: 'archives', ja: '公文書管理', mn: 'архивын хэрэг', mnGen: 'архивын хэргийн' },
  { en: 'mining', ja: '鉱業', mn: 'уул уурхай', mnGen: 'уул уурхайн' },
  { en: 'agriculture', ja: '農業', mn: 'хөдөө аж ахуй', mnGen: 'хөдөө аж ахуйн' },
  { en: 'tourism', ja: '観光', mn: 'аялал жуулчлал', mnGen: 'аялал жуулчлалын' },
  { en: 'Japanese language teaching', ja: '日本語教育', mn: 'япон хэлний сургалт', mnGen: 'япон хэлний сургалтын' },
  { en: 'film', ja: '映画', mn: 'кино урлаг', mnGen: 'кино урлагийн' },
  { en: 'weather observation', ja: '気象観測', mn: 'цаг уурын ажиглалт', mnGen: 'цаг уурын ажиглалтын' },
  { en: 'railways', ja: '鉄道', mn: 'төмөр зам', mnGen: 'төмөр замын' },
];

const ORGS: readonly Noun[] = [
  { en: 'Japan-Mongolia Friendship Association', ja: '日本モンゴル友好協会', mn: 'Япон-Монголын найрамдлын нийгэмлэг', mnGen: 'Япон-Монголын найрамдлын нийгэмлэгийн' },
  { en: 'Academy of Sciences of Mongolia', ja: 'モンゴル科学アカデミー', mn: 'Шинжлэх ухааны академи', mnGen: 'Шинжлэх ухааны академийн' },
  { en: 'Ministry of Foreign Affairs of Japan', ja: '日本外務省', mn: 'Японы Гадаад хэргийн яам', mnGen: 'Японы Гадаад хэргийн яамны' },
  { en: 'Ministry of Foreign Affairs of Mongolia', ja: 'モンゴル外務省', mn: 'Гадаад явдлын яам', mnGen: 'Гадаад явдлын яамны' },
  { en: 'Japanese Red Cross Society', ja: '日本赤十字社', mn: 'Японы Улаан загалмайн нийгэмлэг', mnGen: 'Японы Улаан загалмайн нийгэмлэгийн' },
  { en: 'Mongolian Red Cross Society', ja: 'モンゴル赤十字社', mn: 'Монголын Улаан загалмайн нийгэмлэг', mnGen: 'Монголын Улаан загалмайн нийгэмлэгийн' },
  { en: 'Central Council of Mongolian Trade Unions', ja: 'モンゴル労働組合中央評議会', mn: 'Монголын үйлдвэрчний эвлэлийн төв зөвлөл', mnGen: 'Монголын үйлдвэрчний эвлэлийн төв зөвлөлийн' },
  { en: 'Mongolian Revolutionary Youth League', ja: 'モンゴル革命青年同盟', mn: 'Монголын хувьсгалт залуучуудын эвлэл', mnGen: 'Монголын хувьсгалт залуучуудын эвлэлийн' },
  { en: 'Japanese Association for Mongolian Studies', ja: '日本モンゴル学会', mn: 'Японы Монгол судлалын нийгэмлэг', mnGen: 'Японы Монгол судлалын нийгэмлэгийн' },
  { en: 'Mongolian State University', ja: 'モンゴル国立大学', mn: 'Монгол Улсын Их Сургууль', mnGen: 'Монгол Улсын Их Сургуулийн' },
  { en: 'Mongolian State Radio', ja: 'モンゴル国営ラジオ', mn: 'Монголын улсын радио', mnGen: 'Монголын улсын радиогийн' },
  { en: 'Japan External Trade Organization', ja: '日本貿易振興会', mn: 'Японы гадаад худалдааг дэмжих байгууллага', mnGen: 'Японы гадаад худалдааг дэмжих байгууллагын' },
  { en: 'State Committee for Foreign Economic Relations', ja: '対外経済関係国家委員会', mn: 'Гадаад эдийн засгийн харилцааны улсын хороо', mnGen: 'Гадаад эдийн засгийн харилцааны улсын хорооны' },
  { en: 'Union of Mongolian Writers', ja: 'モンゴル作家同盟', mn: 'Монголын зохиолчдын эвлэл', mnGen: 'Монголын зохиолчдын эвлэлийн' },
];

const OFFICES: readonly Tri[] = [
  { en: 'Chairman', ja: '会長', mn: 'дарга' },
  { en: 'Member', ja: '委員', mn: 'гишүүн' },
  { en: 'Secretary', ja: '書記', mn: 'нарийн бичгийн дарга' },
  { en: 'Interpreter', ja: '通訳', mn: 'орчуулагч' },
  { en: 'Researcher', ja: '研究員', mn: 'эрдэм шинжилгээний ажилтан' },
  { en: 'Photographer', ja: '写真担当', mn: 'гэрэл зурагчин' },
  { en: 'Adviser', ja: '顧問', mn: 'зөвлөх' },
];

/** Kinds of record, by the media type that carries them. */
const RECORD_KINDS: Readonly<Record<MediaType, readonly Tri[]>> = {
  document: [
    { en: 'letter', ja: '書簡', mn: 'захидал' },
    { en: 'minutes', ja: '議事録', mn: 'хурлын тэмдэглэл' },
    { en: 'telegram', ja: '電報', mn: 'цахилгаан мэдээ' },
    { en: 'report', ja: '報告書', mn: 'тайлан' },
    { en: 'memorandum', ja: '覚書', mn: 'санамж бичиг' },
    { en: 'resolution', ja: '決議', mn: 'тогтоол' },
    { en: 'note verbale', ja: '口上書', mn: 'аман тэмдэглэл' },
    { en: 'invitation', ja: '招待状', mn: 'урилга' },
    { en: 'list of participants', ja: '参加者名簿', mn: 'оролцогчдын нэрсийн жагсаалт' },
  ],
  photograph: [
    { en: 'photograph', ja: '写真', mn: 'гэрэл зураг' },
    { en: 'photo album', ja: '写真帳', mn: 'гэрэл зургийн цомог' },
  ],
  film: [
    { en: 'newsreel', ja: 'ニュース映画', mn: 'мэдээллийн кино' },
    { en: 'documentary film', ja: '記録映画', mn: 'баримтат кино' },
  ],
  sound: [
    { en: 'radio recording', ja: 'ラジオ録音', mn: 'радиогийн бичлэг' },
    { en: 'recording of a speech', ja: '演説録音', mn: 'илтгэлийн бичлэг' },
  ],
};

/** [id, en, ja, mn]: cities of Mongolia, Japan and the neighbours through which contact ran. */
const PLACES: readonly (readonly [string, string, string, string])[] = [
  ['ulaanbaatar', 'Ulaanbaatar', 'ウランバートル', 'Улаанбаатар'],
  ['darkhan', 'Darkhan', 'ダルハン', 'Дархан'],
  ['erdenet', 'Erdenet', 'エルデネト', 'Эрдэнэт'],
  ['choibalsan', 'Choibalsan', 'チョイバルサン', 'Чойбалсан'],
  ['khovd', 'Khovd', 'ホブド', 'Ховд'],
  ['murun', 'Mörön', 'ムルン', 'Мөрөн'],
  ['ulgii', 'Ölgii', 'ウルギー', 'Өлгий'],
  ['sukhbaatar', 'Sükhbaatar', 'スフバートル', 'Сүхбаатар'],
  ['zuunmod', 'Zuunmod', 'ゾーンモド', 'Зуунмод'],
  ['kharkhorin', 'Kharkhorin', 'ハラホリン', 'Хархорин'],
  ['dalanzadgad', 'Dalanzadgad', 'ダランザドガド', 'Даланзадгад'],
  ['sainshand', 'Sainshand', 'サインシャンド', 'Сайншанд'],
  ['arvaikheer', 'Arvaikheer', 'アルバイヘール', 'Арвайхээр'],
  ['bayankhongor', 'Bayankhongor', 'バヤンホンゴル', 'Баянхонгор'],
  ['tsetserleg', 'Tsetserleg', 'ツェツェルレグ', 'Цэцэрлэг'],
  ['uliastai', 'Uliastai', 'ウリヤスタイ', 'Улиастай'],
  ['altai', 'Altai', 'アルタイ', 'Алтай'],
  ['khujirt', 'Khujirt', 'ホジルト', 'Хужирт'],
  ['baruun-urt', 'Baruun-Urt', 'バローンウルト', 'Баруун-Урт'],
  ['undurkhaan', 'Öndörkhaan', 'ウンドゥルハーン', 'Өндөрхаан'],
  ['mandalgovi', 'Mandalgovi', 'マンダルゴビ', 'Мандалговь'],
  ['bulgan', 'Bulgan', 'ブルガン', 'Булган'],
  ['nalaikh', 'Nalaikh', 'ナライハ', 'Налайх'],
  ['tokyo', 'Tokyo', '東京', 'Токио'],
  ['osaka', 'Osaka', '大阪', 'Осака'],
  ['kyoto', 'Kyoto', '京都', 'Киото'],
  ['sapporo', 'Sapporo', '札幌', 'Саппоро'],
  ['sendai', 'Sendai', '仙台', 'Сэндай'],
  ['nagoya', 'Nagoya', '名古屋', 'Нагоя'],
  ['kobe', 'Kobe', '神戸', 'Кобе'],
  ['yokohama', 'Yokohama', '横浜', 'Йокохама'],
  ['hiroshima', 'Hiroshima', '広島', 'Хирошима'],
  ['fukuoka', 'Fukuoka', '福岡', 'Фукуока'],
  ['niigata', 'Niigata', '新潟', 'Ниигата'],
  ['kanazawa', 'Kanazawa', '金沢', 'Каназава'],
  ['nagasaki', 'Nagasaki', '長崎', 'Нагасаки'],
  ['kagoshima', 'Kagoshima', '鹿児島', 'Кагошима'],
  ['maizuru', 'Maizuru', '舞鶴', 'Майзуру'],
  ['kushiro', 'Kushiro', '釧路', 'Куширо'],
  ['hakodate', 'Hakodate', '函館', 'Хакодате'],
  ['nara', 'Nara', '奈良', 'Нара'],
  ['okayama', 'Okayama', '岡山', 'Окаяма'],
  ['matsuyama', 'Matsuyama', '松山', 'Мацуяма'],
  ['moscow', 'Moscow', 'モスクワ', 'Москва'],
  ['beijing', 'Beijing', '北京', 'Бээжин'],
  ['irkutsk', 'Irkutsk', 'イルクーツク', 'Эрхүү'],
  ['ulan-ude', 'Ulan-Ude', 'ウランウデ', 'Улаан-Үд'],
  ['vladivostok', 'Vladivostok', 'ウラジオストク', 'Владивосток'],
  ['khabarovsk', 'Khabarovsk', 'ハバロフスク', 'Хабаровск'],
  ['hohhot', 'Hohhot', 'フフホト', 'Хөх хот'],
  ['nakhodka', 'Nakhodka', 'ナホトカ', 'Находка'],
];

/** [romanised, kanji, Mongolian Cyrillic] */
const JA_FAMILY: readonly (readonly [string, string, string])[] = [
  ['Tanaka', '田中', 'Танака'], ['Suzuki', '鈴木', 'Сузуки'], ['Takahashi', '高橋', 'Такахаши'],
  ['Watanabe', '渡辺', 'Ватанабэ'], ['Ito', '伊藤', 'Ито'], ['Yamamoto', '山本', 'Ямамото'],
  ['Nakamura', '中村', 'Накамура'], ['Kobayashi', '小林', 'Кобаяши'], ['Kato', '加藤', 'Като'],
  ['Yoshida', '吉田', 'Ёшида'], ['Yamada', '山田', 'Ямада'], ['Sasaki', '佐々木', 'Сасаки'],
  ['Yamaguchi', '山口', 'Ямагучи'], ['Matsumoto', '松本', 'Мацумото'], ['Inoue', '井上', 'Иноүэ'],
  ['Kimura', '木村', 'Кимура'], ['Hayashi', '林', 'Хаяши'], ['Shimizu', '清水', 'Шимизу'],
  ['Mori', '森', 'Мори'], ['Ikeda', '池田', 'Икэда'], ['Hashimoto', '橋本', 'Хашимото'],
  ['Ishikawa', '石川', 'Ишикава'], ['Ogawa', '小川', 'Огава'], ['Okada', '岡田', 'Окада'],
  ['Fujita', '藤田', 'Фүжита'], ['Maeda', '前田', 'Маэда'], ['Goto', '後藤', 'Гото'],
  ['Hasegawa', '長谷川', 'Хасэгава'], ['Murakami', '村上', 'Мураками'], ['Kondo', '近藤', 'Кондо'],
];

const JA_GIVEN: readonly (readonly [string, string, string])[] = [
  ['Hiroshi', '博', 'Хироши'], ['Takeshi', '武', 'Такэши'], ['Makoto', '誠', 'Макото'],
  ['Akira', '明', 'Акира'], ['Kenji', '健二', 'Кэнжи'], ['Shigeru', '茂', 'Шигэрү'],
  ['Yoshio', '義雄', 'Ёшио'], ['Masao', '正雄', 'Масао'], ['Kazuo', '和夫', 'Казуо'],
  ['Tadashi', '正', 'Тадаши'], ['Isamu', '勇', 'Исаму'], ['Haruko', '春子', 'Харуко'],
  ['Michiko', '美智子', 'Мичико'], ['Yoko', '洋子', 'Ёко'], ['Keiko', '恵子', 'Кэйко'],
  ['Sachiko', '幸子', 'Сачико'], ['Noboru', '昇', 'Ноборү'], ['Osamu', '修', 'Осаму'],
  ['Minoru', '実', 'Минору'], ['Saburo', '三郎', 'Сабуро'], ['Ichiro', '一郎', 'Ичиро'],
  ['Jiro', '次郎', 'Жиро'], ['Fumiko', '文子', 'Фүмико'], ['Toshiko', '敏子', 'Тошико'],
  ['Kiyoshi', '清', 'Киёши'],
];

/** [romanised, Cyrillic, katakana] */
const MN_GIVEN: readonly (readonly [string, string, string])[] = [
  ['Batbayar', 'Батбаяр', 'バトバヤル'], ['Ganbold', 'Ганболд', 'ガンボルド'], ['Sukhbaatar', 'Сүхбаатар', 'スフバートル'],
  ['Tsedendorj', 'Цэдэндорж', 'ツェデンドルジ'], ['Ulziibat', 'Өлзийбат', 'ウルジーバト'], ['Munkhbat', 'Мөнхбат', 'ムンフバト'],
  ['Tumurbaatar', 'Төмөрбаатар', 'トゥムルバータル'], ['Oyuun', 'Оюун', 'オユーン'], ['Tsetseg', 'Цэцэг', 'ツェツェグ'],
  ['Dulmaa', 'Дулмаа', 'ドルマー'], ['Erdenechimeg', 'Эрдэнэчимэг', 'エルデネチメグ'], ['Bolormaa', 'Болормаа', 'ボロルマー'],
  ['Naranbaatar', 'Наранбаатар', 'ナランバータル'], ['Gombojav', 'Гомбожав', 'ゴンボジャブ'], ['Luvsan', 'Лувсан', 'ルブサン'],
  ['Damdin', 'Дамдин', 'ダムディン'], ['Dashdorj', 'Дашдорж', 'ダシドルジ'], ['Khorloo', 'Хорлоо', 'ホルロー'],
  ['Sodnom', 'Содном', 'ソドノム'], ['Jamsran', 'Жамсран', 'ジャムスラン'], ['Tserendulam', 'Цэрэндулам', 'ツェレンドラム'],
  ['Dugersuren', 'Дүгэрсүрэн', 'ドゥゲルスレン'], ['Unenbat', 'Үнэнбат', 'ウネンバト'], ['Unurbayar', 'Өнөрбаяр', 'ウヌルバヤル'],
  ['Purevdorj', 'Пүрэвдорж', 'プレブドルジ'], ['Nyamdavaa', 'Нямдаваа', 'ニャムダバー'], ['Enkhtuya', 'Энхтуяа', 'エンフトヤー'],
  ['Ochirbat', 'Очирбат', 'オチルバト'], ['Gantumur', 'Гантөмөр', 'ガントゥムル'], ['Altangerel', 'Алтангэрэл', 'アルタンゲレル'],
];

/** Fathers' names in the genitive, as Mongolian patronymics are written: [romanised, Cyrillic]. */
const MN_PATRONYMIC: readonly (readonly [string, string])[] = [
  ['Batyn', 'Батын'], ['Dorjiin', 'Доржийн'], ['Damdinii', 'Дамдины'], ['Tsendiin', 'Цэндийн'],
  ['Luvsangiin', 'Лувсангийн'], ['Gombyn', 'Гомбын'], ['Sodnomyn', 'Содномын'], ['Jamsrangiin', 'Жамсрангийн'],
  ['Dashiin', 'Дашийн'], ['Purevin', 'Пүрэвийн'], ['Tumuriin', 'Төмөрийн'], ['Ulziin', 'Өлзийн'],
  ['Sukhiin', 'Сүхийн'], ['Namsrain', 'Намсрайн'], ['Ochiryn', 'Очирын'], ['Chimediin', 'Чимэдийн'],
  ['Tserengiin', 'Цэрэнгийн'], ['Danzangiin', 'Данзангийн'], ['Nyamyn', 'Нямын'], ['Khorloogiin', 'Хорлоогийн'],
];

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MN_MONTHS = [
  'нэгдүгээр', 'хоёрдугаар', 'гуравдугаар', 'дөрөвдүгээр', 'тавдугаар', 'зургадугаар',
  'долдугаар', 'наймдугаар', 'есдүгээр', 'аравдугаар', 'арван нэгдүгээр', 'арван хоёрдугаар',
];
/** The suffix a decade takes in Mongolian ("1970-аад он"), which follows the vowel of the number word. */
const MN_DECADE_SUFFIX: Readonly<Record<number, string>> = {
  1920: 'иод', 1930: 'аад', 1940: 'өөд', 1950: 'иад', 1960: 'аад', 1970: 'аад', 1980: 'аад', 1990: 'ээд',
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Texts: which languages a value has and how far it is reviewed.
// ---------------------------------------------------------------------------------------------

type Presence = Readonly<Record<'reviewed' | 'draft' | 'missing', number>>;

// English is the source language and nearly complete; Japanese is partly reviewed; most
// Mongolian is still draft, as in the demo. A few values lack a language altogether.
const PRESENCE: Readonly<Record<keyof Tri, Presence>> = {
  en: { reviewed: 85, draft: 10, missing: 5 },
  ja: { reviewed: 50, draft: 35, missing: 15 },
  mn: { reviewed: 25, draft: 60, missing: 15 },
};

function localized(rng: Rng, t: Tri, required = true): LocalizedText {
  const out: LocalizedText = {};
  for (const lang of ['en', 'ja', 'mn'] as const) {
    const p = rng.weighted(PRESENCE[lang]);
    if (p !== 'missing') out[lang] = { value: t[lang], status: p };
  }
  if (required && Object.keys(out).length === 0) out['en'] = { value: t.en, status: 'reviewed' };
  return out;
}

function joinTri(parts: readonly Tri[]): Tri {
  return {
    en: parts.map((p) => p.en).join(' '),
    ja: parts.map((p) => p.ja).join(''),
    mn: parts.map((p) => p.mn).join(' '),
  };
}

// ---------------------------------------------------------------------------------------------
// People and places
// ---------------------------------------------------------------------------------------------

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

// Romanised Mongolian initials keep the digraph of the Cyrillic letter ("Ts. Elbegdorj").
function latinInitial(romanised: string): string {
  return /^(Ts|Ch|Sh|Kh|Zh)/.exec(romanised)?.[1] ?? romanised.charAt(0);
}

function status(rng: Rng, reviewedShare: number): TextStatus {
  return rng.chance(reviewedShare) ? 'reviewed' : 'draft';
}

function makePeople(rng: Rng): Person[] {
  const taken = new Set<string>();
  const people: Person[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const org = rng.pick(ORGS);
    const office = rng.pick(OFFICES);
    const since = rng.int(FIRST_YEAR, LAST_YEAR - 5);
    const role = localized(rng, {
      en: `${office.en}, ${org.en} (from ${since}).`,
      ja: `${org.ja}${office.ja}(${since}年から)。`,
      mn: `${org.mnGen} ${office.mn} (${since} оноос).`,
    }, false);
    if (rng.chance(0.45)) {
      const [famEn, famJa, famMn] = rng.pick(JA_FAMILY);
      const [givEn, givJa, givMn] = rng.pick(JA_GIVEN);
      const names: Person['names'] = { en: { family: famEn, given: givEn, status: 'reviewed' } };
      if (rng.chance(0.85)) names['ja'] = { family: famJa, given: givJa, status: status(rng, 0.6) };
      if (rng.chance(0.8)) names['mn'] = { family: famMn, given: givMn, status: status(rng, 0.2) };
      people.push({ id: uniqueId(slugify(`${famEn}-${givEn}`), taken), culture: 'japanese', names, role });
    } else {
      const [givEn, givMn, givJa] = rng.pick(MN_GIVEN);
      const [patEn, patMn] = rng.pick(MN_PATRONYMIC);
      // Half are known by the initial of the father's name only, as most records print them.
      const full = rng.chance(0.5);
      const en: PersonNameParts = full
        ? { patronymic: patEn, given: givEn, status: 'reviewed' }
        : { patronymicInitial: latinInitial(patEn), given: givEn, status: 'reviewed' };
      const names: Person['names'] = { en };
      if (rng.chance(0.9)) {
        names['mn'] = full
          ? { patronymic: patMn, given: givMn, status: status(rng, 0.3) }
          : { patronymicInitial: patMn.charAt(0), given: givMn, status: status(rng, 0.3) };
      }
      if (rng.chance(0.7)) names['ja'] = { patronymicInitial: latinInitial(patEn), given: givJa, status: status(rng, 0.5) };
      const base = full ? `${patEn}-${givEn}` : `${latinInitial(patEn)}-${givEn}`;
      people.push({ id: uniqueId(slugify(base), taken), culture: 'mongolian', names, role });
    }
  }
  return people;
}

/** A person's name as each language writes it, for use inside running text. */
function nameTri(p: Person): Tri {
  const shown = (lang: keyof Tri): string => {
    const parts = p.names[lang] ?? p.names['en'];
    return parts ? formatPersonName(p.culture, parts, lang) : p.id;
  };
  return { en: shown('en'), ja: shown('ja'), mn: shown('mn') };
}

function makePlaces(rng: Rng): Place[] {
  return PLACES.map(([id, en, ja, mn]) => ({
    id,
    name: {
      en: { value: en, status: 'reviewed' as const },
      ...(rng.chance(0.95) ? { ja: { value: ja, status: status(rng, 0.7) } } : {}),
      ...(rng.chance(0.95) ? { mn: { value: mn, status: status(rng, 0.4) } } : {}),
    },
  }));
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An EDTF date inside [from, to] (years), of every kind curators write. */
function makeDate(rng: Rng, from: number, to: number): string | null {
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  // Days up to 28 are valid in every month, so no calendar check is needed.
  const day = rng.int(1, 28);
  const kind = rng.weighted({
    day: 30, month: 15, year: 13, dayRange: 8, monthRange: 5, yearRange: 5, approxYear: 7,
    uncertainYear: 5, approxMonth: 2, uncertainDay: 2, season: 2, decade: 1, approxUncertain: 1, none: 4,
  });
  switch (kind) {
    case 'day':
      return `${year}-${pad(month)}-${pad(day)}`;
    case 'month':
      return `${year}-${pad(month)}`;
    case 'year':
      return `${year}`;
    case 'dayRange': {
      const end = Math.min(28, day + rng.int(1, 10));
      return `${year}-${pad(month)}-${pad(day)}/${year}-${pad(month)}-${pad(end)}`;
    }
    case 'monthRange': {
      const endYear = Math.min(to, year + rng.int(0, 1));
      const endMonth = endYear === year ? rng.int(month, 12) : rng.int(1, 12);
      return `${year}-${pad(month)}/${endYear}-${pad(endMonth)}`;
    }
    case 'yearRange':
      return `${year}/${Math.min(LAST_YEAR, year + rng.int(1, 6))}`;
    case 'approxYear':
      return `${year}~`;
    case 'uncertainYear':
      return `${year}?`;
    case 'approxMonth':
      return `${year}-${pad(month)}~`;
    case 'uncertainDay':
      return `${year}-${pad(month)}-${pad(day)}?`;
    case 'season':
      return `${year}-${rng.int(21, 24)}`;
    case 'decade': {
      // A whole decade must lie inside the period covered: 1920s and 1990s do not.
      const decade = Math.floor(year / 10) * 10;
      return decade >= FIRST_YEAR && decade + 9 <= LAST_YEAR ? `${String(decade).slice(0, 3)}X` : `${year}~`;
    }
    case 'approxUncertain':
      return `${year}%`;
    case 'none':
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Reference codes, in each institution's scheme and unique within it
// ---------------------------------------------------------------------------------------------

const NAJ_BODIES = ['文科', '総', '外務', '内閣', '法務', '厚生', '通産', '農水', '運輸', '大蔵'];
const NAJ_SERIES = ['類', '公', '纂', '太'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function codeIn(rng: Rng, scheme: string): string {
  switch (scheme) {
    case 'fund-file-unit': {
      const unit = rng.int(1, 400);
      // Some archives print small unit numbers with a leading zero (Unit-02).
      const unitText = unit < 10 && rng.chance(0.3) ? pad(unit) : String(unit);
      return `Fund-${rng.int(1, 600)}, File-${rng.int(1, 15)}, Unit-${unitText}`;
    }
    case 'film-photo-k':
      return `K-${rng.int(10000, 29999)}-${rng.int(1, 6)}`;
    case 'series-number':
      return rng.chance(0.5) ? `${rng.int(2005, 2023)}-${pad(rng.int(1, 2999), 4)}` : `${pad(rng.int(1, 20))}-${rng.int(1, 9999)}`;
    case 'ja-request-number': {
      const era = rng.chance(0.6) ? `昭${rng.int(20, 63)}` : `平${rng.int(1, 30)}`;
      const eraForm = `${era}${rng.pick(NAJ_BODIES)}${pad(rng.int(1, 999999), 6)}${pad(rng.int(0, 99))}`;
      if (rng.chance(0.8)) return eraForm;
      const location = `本館-${rng.int(1, 4)}${rng.pick([...LETTERS.slice(0, 6)])}-${pad(rng.int(0, 999), 3)}-${pad(rng.int(0, 99))}・`;
      return location + (rng.chance(0.5) ? `${rng.pick(NAJ_SERIES)}${pad(rng.int(1, 99999), 5)}100` : eraForm);
    }
    case 'free-text': {
      const form = rng.int(0, 2);
      if (form === 0) return `Fund-${rng.int(1, 120)}, File-${rng.int(1, 9)}, Unit-${rng.int(1, 300)}`;
      if (form === 1) return `ГХЯ, хадгаламжийн нэгж ${rng.int(1, 3000)}, хуудас ${rng.int(1, 80)}`;
      return `Box ${rng.int(1, 400)}, folder ${rng.int(1, 40)}`;
    }
    default:
      throw new Error(`no synthetic codes for scheme "${scheme}"`);
  }
}

function uniqueCode(rng: Rng, inst: Institution, taken: Map<string, Set<string>>): string {
  let used = taken.get(inst.id);
  if (!used) taken.set(inst.id, (used = new Set()));
  for (;;) {
    const code = codeIn(rng, inst.scheme);
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

/** What one item's texts talk about; people and places are linked to the item as they are used. */
class Subject {
  readonly personIds: string[] = [];
  readonly placeIds: string[] = [];
  readonly topic: Noun;
  readonly topic2: Noun;
  readonly org: Noun;
  readonly kind: Tri;
  constructor(
    private readonly rng: Rng,
    private readonly people: readonly Person[],
    private readonly places: readonly Place[],
    readonly mediaType: MediaType,
    readonly year: number,
    readonly holder: Tri,
  ) {
    [this.topic, this.topic2] = rng.sample(TOPICS, 2) as [Noun, Noun];
    this.org = rng.pick(ORGS);
    this.kind = rng.pick(RECORD_KINDS[mediaType]);
  }
  person(culture?: Person['culture']): Tri {
    const pool = culture ? this.people.filter((p) => p.culture === culture) : this.people;
    const p = this.rng.pick(pool);
    if (!this.personIds.includes(p.id)) this.personIds.push(p.id);
    return nameTri(p);
  }
  place(): Tri {
    const p = this.rng.pick(this.places);
    if (!this.placeIds.includes(p.id)) this.placeIds.push(p.id);
    return { en: p.name['en']?.value ?? p.id, ja: PLACE_JA.get(p.id) ?? p.id, mn: PLACE_MN.get(p.id) ?? p.id };
  }
}

// Running text uses every place name whether or not the place's own record has it yet.
const PLACE_JA = new Map(PLACES.map(([id, , ja]) => [id, ja]));
const PLACE_MN = new Map(PLACES.map(([id, , , mn]) => [id, mn]));

type Template = (s: Subject) => Tri;

const HEADINGS: readonly Template[] = [
  (s) => {
    const p = s.place();
    return {
      en: `Visit of a delegation of the ${s.org.en} to ${p.en}`,
      ja: `${s.org.ja}代表団の${p.ja}訪問`,
      mn: `${s.org.mnGen} төлөөлөгчид ${p.mn} хотод айлчилсан нь`,
    };
  },
  (s) => ({
    en: `${cap(s.topic.en)}: ${s.kind.en} of ${s.year}`,
    ja: `${s.topic.ja}:${s.year}年の${s.kind.ja}`,
    mn: `${cap(s.topic.mn)}: ${s.year} оны ${s.kind.mn}`,
  }),
  (s) => {
    const p = s.place();
    return {
      en: `Talks on ${s.topic.en} in ${p.en}`,
      ja: `${p.ja}における${s.topic.ja}に関する会談`,
      mn: `${p.mn} хотод болсон ${s.topic.mnGen} асуудлаарх яриа хэлэлцээ`,
    };
  },
  (s) => {
    const who = s.person();
    return { en: `${who.en} and the ${s.org.en}`, ja: `${who.ja}と${s.org.ja}`, mn: `${who.mn} ба ${s.org.mn}` };
  },
  (s) => ({
    en: `Start of the ${s.topic.en} programme, ${s.year}`,
    ja: `${s.topic.ja}事業の開始(${s.year}年)`,
    mn: `${cap(s.topic.mnGen)} хөтөлбөр эхэлсэн нь, ${s.year} он`,
  }),
  (s) => {
    const p = s.place();
    return {
      en: `Exhibition on ${s.topic.en} held in ${p.en}`,
      ja: `${p.ja}で開かれた${s.topic.ja}展`,
      mn: `${p.mn} хотод зохион байгуулсан ${s.topic.mnGen} үзэсгэлэн`,
    };
  },
  (s) => {
    const [a, b] = [s.place(), s.place()];
    return {
      en: `Correspondence between ${a.en} and ${b.en} on ${s.topic.en}`,
      ja: `${s.topic.ja}をめぐる${a.ja}・${b.ja}間の往復書簡`,
      mn: `${s.topic.mnGen} талаар ${a.mn}, ${b.mn} хоорондын захидал харилцаа`,
    };
  },
  (s) => ({
    en: `Agreement on ${s.topic.en} and ${s.topic2.en}`,
    ja: `${s.topic.ja}及び${s.topic2.ja}に関する取極`,
    mn: `${cap(s.topic.mn)}, ${s.topic2.mnGen} тухай хэлэлцээр`,
  }),
];

const TITLES: readonly Template[] = [
  (s) => ({ en: `${cap(s.kind.en)} concerning ${s.topic.en}`, ja: `${s.topic.ja}に関する${s.kind.ja}`, mn: `${cap(s.topic.mnGen)} тухай ${s.kind.mn}` }),
  (s) => {
    const who = s.person();
    return {
      en: `${cap(s.kind.en)} from ${who.en} to the ${s.org.en}`,
      ja: `${who.ja}から${s.org.ja}あて${s.kind.ja}`,
      mn: `${cap(s.kind.mn)} (${who.mn}, ${s.org.mn})`,
    };
  },
  (s) => ({
    en: `Records of the ${s.org.en} on ${s.topic.en}, ${s.year}`,
    ja: `${s.org.ja}${s.topic.ja}関係資料(${s.year}年)`,
    mn: `${s.org.mnGen} ${s.topic.mnGen} тухай баримтууд, ${s.year} он`,
  }),
  (s) => {
    const p = s.place();
    return { en: `${cap(s.kind.en)}: ${p.en}, ${s.year}`, ja: `${s.kind.ja}(${p.ja}、${s.year}年)`, mn: `${cap(s.kind.mn)}: ${p.mn}, ${s.year} он` };
  },
];

function decadeTri(year: number): Tri {
  const d = Math.floor(year / 10) * 10;
  return { en: `${d}s`, ja: `${d}年代`, mn: `${d}-${MN_DECADE_SUFFIX[d] ?? 'аад'} он` };
}

const SENTENCES: readonly Template[] = [
  (s) => {
    const p = s.place();
    const m = (s.year * 7) % 12;
    return {
      en: `In ${EN_MONTHS[m]} ${s.year} the ${s.org.en} sent a delegation to ${p.en}.`,
      ja: `${s.year}年${m + 1}月、${s.org.ja}は${p.ja}に代表団を派遣した。`,
      mn: `${s.year} оны ${MN_MONTHS[m]} сард ${s.org.mn} ${p.mn} хотод төлөөлөгчдөө илгээв.`,
    };
  },
  (s) => ({
    en: `The ${s.kind.en} sets out proposals for ${s.topic.en}.`,
    ja: `この${s.kind.ja}は${s.topic.ja}に関する提案をまとめたものである。`,
    mn: `Уг баримтад ${s.topic.mnGen} талаарх саналуудыг тусгажээ.`,
  }),
  (s) => {
    const [mn, ja] = [s.person('mongolian'), s.person('japanese')];
    return {
      en: `Talks were led on the Mongolian side by ${mn.en} and on the Japanese side by ${ja.en}.`,
      ja: `会談はモンゴル側が${mn.ja}、日本側が${ja.ja}を代表として行われた。`,
      mn: `Яриа хэлэлцээг Монголын талаас ${mn.mn}, Японы талаас ${ja.mn} удирдан явуулсан.`,
    };
  },
  (s) => ({
    en: `The original is kept by the ${s.holder.en}.`,
    ja: `原本は${s.holder.ja}が所蔵している。`,
    mn: `Эх хувийг ${s.holder.mn} хадгалж байна.`,
  }),
  (s) => {
    const d = decadeTri(s.year);
    return {
      en: `It shows how ${s.topic.en} between the two countries developed in the ${d.en}.`,
      ja: `${d.ja}における両国間の${s.topic.ja}の進展を示している。`,
      mn: `Энэ нь ${d.mn}д хоёр орны ${s.topic.mnGen} хөгжлийг харуулдаг.`,
    };
  },
  () => ({
    en: 'Several pages carry handwritten notes in Mongolian and Russian.',
    ja: '数か所にモンゴル語とロシア語の書き込みがある。',
    mn: 'Хэд хэдэн хуудсан дээр монгол, орос хэлээр гараар бичсэн тэмдэглэл бий.',
  }),
  () => ({ en: 'A Japanese translation was prepared at the same time.', ja: '同時に日本語訳も作成された。', mn: 'Үүнтэй зэрэгцэн япон хэл дээрх орчуулгыг бэлтгэжээ.' }),
  (s) => {
    const y = Math.min(2020, s.year + 30);
    return {
      en: `The record was opened to researchers in ${y}.`,
      ja: `本資料は${y}年に公開され、研究者が閲覧できるようになった。`,
      mn: `Энэ баримтыг ${y} онд судлаачдад нээлттэй болгосон.`,
    };
  },
  (s) => {
    const who = s.person();
    return { en: `It is signed by ${who.en}.`, ja: `${who.ja}の署名がある。`, mn: `Баримтад ${who.mn} гарын үсэг зурсан байна.` };
  },
  () => ({ en: 'Preparations for the visit took almost a year.', ja: '訪問の準備にはほぼ1年を要した。', mn: 'Айлчлалын бэлтгэл ажил бараг нэг жил үргэлжилсэн.' }),
  (s) => ({
    en: `The talks also touched on ${s.topic2.en}.`,
    ja: `協議では${s.topic2.ja}についても話し合われた。`,
    mn: `Хэлэлцээний үеэр ${s.topic2.mnGen} асуудлыг мөн хөндсөн.`,
  }),
  (s) =>
    s.mediaType === 'photograph'
      ? (() => {
          const p = s.place();
          return {
            en: `The photographs were taken during a visit to ${p.en}.`,
            ja: `写真は${p.ja}訪問の際に撮影された。`,
            mn: `Гэрэл зургуудыг ${p.mn} хотод хийсэн айлчлалын үеэр авчээ.`,
          };
        })()
      : s.mediaType === 'sound'
        ? { en: `The recording lasts about ${(s.year % 40) + 5} minutes.`, ja: `録音は約${(s.year % 40) + 5}分である。`, mn: `Бичлэг ойролцоогоор ${(s.year % 40) + 5} минут үргэлжилнэ.` }
        : s.mediaType === 'film'
          ? { en: 'The film has no sound track; the titles are in Mongolian.', ja: '映像は無声で、字幕はモンゴル語である。', mn: 'Кино дуугүй бөгөөд хадмал нь монгол хэлээр бичигдсэн.' }
          : { en: 'The typescript carries the stamp of the receiving office.', ja: 'タイプ原稿には受付部署の印がある。', mn: 'Бичгийн машинаар бичсэн эх дээр хүлээн авсан албаны тамга дарагдсан.' },
];

function caption(rng: Rng, s: Subject): Tri {
  const n = rng.int(2, 4);
  return joinTri(rng.sample(SENTENCES, n).map((t) => t(s)));
}

const MEDIA_WEIGHTS: Readonly<Record<MediaType, number>> = { document: 60, photograph: 25, film: 10, sound: 5 };
// The parent archive holds little itself; its branch archives hold most Mongolian records.
const HOLDING_WEIGHTS: Readonly<Record<string, number>> = {
  'mn-nca': 5,
  'mn-nca-av': 15,
  'mn-nca-hist': 20,
  'mn-nca-party': 10,
  'mn-mfa-ca': 15,
  'jp-mofa-da': 20,
  'jp-naj': 15,
};

function institutionTri(inst: Institution): Tri {
  const v = (lang: keyof Tri) => inst.name[lang]?.value ?? inst.name['en']?.value ?? inst.id;
  return { en: v('en'), ja: v('ja'), mn: v('mn') };
}

// ---------------------------------------------------------------------------------------------
// Exhibition structure
// ---------------------------------------------------------------------------------------------

/** Splits `n` into `parts` positive sizes that differ at random (each at least 1). */
function split(rng: Rng, n: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rng.float());
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / total) * n)));
  let diff = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % parts) {
    const cur = sizes[i] ?? 1;
    if (diff > 0) {
      sizes[i] = cur + 1;
      diff--;
    } else if (cur > 1) {
      sizes[i] = cur - 1;
      diff++;
    }
  }
  return sizes;
}

function sectionHeading(rng: Rng, topic: Noun, place: readonly [string, string, string, string]): Tri {
  const [, en, ja, mn] = place;
  return rng.chance(0.5)
    ? { en: `${cap(topic.en)} in ${en}`, ja: `${ja}における${topic.ja}`, mn: `${mn} дахь ${topic.mn}` }
    : { en: cap(topic.en), ja: topic.ja, mn: cap(topic.mn) };
}

function synthPages(): SitePage[] {
  const reviewed = (value: string) => ({ value, status: 'reviewed' as const });
  return [
    {
      id: 'terms',
      title: { en: reviewed('Terms of Use'), ja: reviewed('利用規約'), mn: reviewed('Ашиглалтын нөхцөл') },
      body: {
        en: reviewed('This site holds synthetic data made for load tests. Its records, people, dates and reference codes are invented.'),
        ja: reviewed('このサイトには負荷試験のために生成した合成データが収められています。資料、人物、日付、資料番号はすべて架空のものです。'),
        mn: reviewed('Энэ сайтад ачааллын туршилтад зориулан үүсгэсэн зохиомол өгөгдөл байна. Баримт, хүн, огноо, архивын шифр бүгд зохиомол.'),
      },
    },
  ];
}

/**
 * A synthetic exhibition (id and slug "synthetic") of `items` records in `chapters` chapters of
 * 5–10 sections each, with the demo's institutions, ~200 people and ~50 places. The same options
 * give the same content.
 */
export function synthesize(opts: SynthOptions): DemoContent {
  const { items: itemCount, chapters: chapterCount, seed = 1 } = opts;
  if (!Number.isInteger(itemCount) || itemCount < chapterCount) throw new Error('items must be an integer, at least one per chapter');
  if (!Number.isInteger(chapterCount) || chapterCount < 1) throw new Error('chapters must be a positive integer');
  const rng = new Rng(seed);
  const institutions = demo.institutions;
  const people = makePeople(rng);
  const places = makePlaces(rng);
  const holders = new Map(institutions.map((i) => [i.id, i]));
  const holdingWeights = Object.fromEntries(institutions.map((i) => [i.id, HOLDING_WEIGHTS[i.id] ?? 5]));
  const codes = new Map<string, Set<string>>();
  const idWidth = Math.max(5, String(itemCount).length);

  const items: DemoItem[] = [];
  const chapters: Chapter[] = [];
  const span = (LAST_YEAR - FIRST_YEAR + 1) / chapterCount;
  const perChapter = split(rng, itemCount, chapterCount);
  for (let c = 0; c < chapterCount; c++) {
    // Chapters follow each other through the years, as an exhibition tells its story.
    const from = FIRST_YEAR + Math.floor(c * span);
    const to = Math.max(from, Math.min(LAST_YEAR, FIRST_YEAR + Math.floor((c + 1) * span) - 1));
    const chapterId = `synthetic-ch${pad(c + 1)}`;
    const [topicA, topicB] = rng.sample(TOPICS, 2) as [Noun, Noun];
    const sizes = split(rng, perChapter[c] ?? 1, Math.min(perChapter[c] ?? 1, rng.int(5, 10)));
    const sections: Section[] = [];
    for (const [si, size] of sizes.entries()) {
      const itemIds: string[] = [];
      for (let k = 0; k < size; k++) {
        const id = `item-${pad(items.length + 1, idWidth)}`;
        const mediaType = rng.weighted(MEDIA_WEIGHTS);
        const holder = holders.get(rng.weighted(holdingWeights));
        if (!holder) throw new Error('unknown holder');
        const date = makeDate(rng, from, to);
        const year = date ? Number(date.slice(0, 4).replace('X', '5')) : rng.int(from, to);
        const subject = new Subject(rng, people, places, mediaType, year, institutionTri(holder));
        const heading = localized(rng, rng.pick(HEADINGS)(subject));
        const title = rng.chance(0.9) ? localized(rng, rng.pick(TITLES)(subject), false) : {};
        const text = localized(rng, caption(rng, subject), false);
        items.push({
          id,
          heading,
          title,
          caption: text,
          date,
          institutionId: holder.id,
          referenceCode: rng.chance(0.1) ? null : uniqueCode(rng, holder, codes),
          mediaType,
          rights: CNE,
          personIds: subject.personIds,
          placeIds: subject.placeIds,
        });
        itemIds.push(id);
      }
      const topic = si === 0 ? topicA : rng.pick(TOPICS);
      const intro = rng.chance(0.4)
        ? localized(rng, joinTri(rng.sample(SENTENCES, 1).map((t) => t(new Subject(rng, people, places, 'document', from, institutionTri(rng.pick(institutions)))))), false)
        : {};
      sections.push({ id: `${chapterId}-s${pad(si + 1)}`, heading: localized(rng, sectionHeading(rng, topic, rng.pick(PLACES))), intro, itemIds });
    }
    const period = from === to ? `${from}` : `${from}/${to}`;
    const years = from === to ? `${from}` : `${from}–${to}`;
    chapters.push({
      id: chapterId,
      slug: `${pad(c + 1)}-${from}-${to}`,
      number: c + 1,
      title: localized(rng, {
        en: `${cap(topicA.en)} and ${topicB.en}, ${years}`,
        ja: `${topicA.ja}と${topicB.ja}(${years})`,
        mn: `${cap(topicA.mn)}, ${topicB.mn}, ${years}`,
      }),
      intro: localized(rng, {
        en: `This chapter follows ${topicA.en} and ${topicB.en} between Mongolia and Japan from ${from} to ${to}. The records come from archives in both countries.`,
        ja: `本章では、${from}年から${to}年までの日本とモンゴルの${topicA.ja}と${topicB.ja}の歩みをたどる。資料は両国の公文書館に所蔵されている。`,
        mn: `Энэ бүлэгт ${from}–${to} онд Монгол, Японы ${topicA.mnGen} болон ${topicB.mnGen} түүхийг өгүүлнэ. Баримтууд хоёр орны архивт хадгалагдаж байна.`,
      }, false),
      period,
      sections,
    });
  }

  return {
    institutions,
    people,
    places,
    items,
    exhibition: {
      id: 'synthetic',
      slug: 'synthetic',
      title: {
        en: { value: `Japan and Mongolia in the Archives, ${FIRST_YEAR}–${LAST_YEAR} (synthetic data)`, status: 'reviewed' },
        ja: { value: `公文書にみる日本とモンゴル ${FIRST_YEAR}–${LAST_YEAR}(合成データ)`, status: 'reviewed' },
        mn: { value: `Архивын баримт дахь Япон, Монгол, ${FIRST_YEAR}–${LAST_YEAR} (зохиомол өгөгдөл)`, status: 'draft' },
      },
      subtitle: {
        en: { value: `${itemCount} generated records in ${chapterCount} chapters`, status: 'reviewed' },
        ja: { value: `全${chapterCount}章、生成資料${itemCount}点`, status: 'draft' },
      },
      intro: localized(rng, {
        en: 'An exhibition generated for load tests. The institutions are real; every record, person, date and reference code in it is invented.',
        ja: '負荷試験のために生成した展示である。所蔵機関は実在するが、資料、人物、日付、資料番号はすべて架空である。',
        mn: 'Ачааллын туршилтад зориулан үүсгэсэн үзэсгэлэн. Байгууллагууд бодитой боловч баримт, хүн, огноо, архивын шифр бүгд зохиомол.',
      }),
      sourceLang: 'en',
      institutionIds: ['jp-naj', 'mn-nca'],
      chapters,
    },
    pages: synthPages(),
  };
}

/** Saves synthetic content in one transaction, published, without media. */
export async function loadSynthetic(content: ContentService, data: DemoContent): Promise<void> {
  await content.batch(async (svc) => {
    // Parents before children, so the foreign key on parent_id holds at every insert.
    const ordered = [...data.institutions].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const inst of ordered) await svc.saveInstitution(inst, data.institutions.indexOf(inst));
    for (const p of data.people) await svc.savePerson(p);
    for (const p of data.places) await svc.savePlace(p);
    for (const item of data.items) await svc.saveItem({ ...item, media: [], state: 'published' });
    await svc.saveExhibition({ ...data.exhibition, state: 'published' });
    for (const page of data.pages) await svc.saveSitePage(page);
  });
}
