// Demo content: chapter V ("Establishment of the diplomatic relations in 1972") of the exhibition
// "Japan and Mongolia: Our History through Archival Records" (National Archives of Japan and
// General Authority for Archives of Mongolia, 2022).
//
// Headings, record titles, dates, holding institutions and reference codes follow the original
// exhibition. Captions and introductions are written for this demo. English is reviewed; Japanese
// text written for the demo and all Mongolian text are drafts awaiting review.
import type { Exhibition, Institution, Item, Person, Place, SitePage } from '../../src/domain/types.ts';
import { draft, name, tx } from './format.ts';

export type DemoItem = Omit<Item, 'media' | 'state'>;

export interface DemoContent {
  institutions: Institution[];
  people: Person[];
  places: Place[];
  items: DemoItem[];
  exhibition: Omit<Exhibition, 'state'>;
  pages: SitePage[];
}

/** The sources state no rights, so every record is "Copyright Not Evaluated". */
const CNE = 'http://rightsstatements.org/vocab/CNE/1.0/';

// ---------------------------------------------------------------------------------------------
// Institutions
// ---------------------------------------------------------------------------------------------

const institutions: Institution[] = [
  {
    id: 'mn-nca',
    parentId: null,
    name: tx({
      en: 'National Central Archives of Mongolia',
      ja: '国立中央公文書館',
      mn: draft('Үндэсний төв архив'),
    }),
    scheme: 'fund-file-unit',
    homepage: null,
    country: 'MN',
  },
  {
    id: 'mn-nca-av',
    parentId: 'mn-nca',
    name: tx({
      en: 'Archive of Movie, Audio Visual and Photo Records',
      ja: '映像・画像・音声資料館',
      mn: draft('Кино, фото, фоно баримтын архив'),
    }),
    scheme: 'film-photo-k',
    homepage: null,
    country: 'MN',
  },
  {
    id: 'mn-nca-hist',
    parentId: 'mn-nca',
    name: tx({
      en: 'Archives of Historical documents',
      ja: '歴史資料館',
      mn: draft('Түүхийн баримтын архив'),
    }),
    scheme: 'fund-file-unit',
    homepage: null,
    country: 'MN',
  },
  {
    id: 'mn-nca-party',
    parentId: 'mn-nca',
    name: tx({
      en: 'Archives of political parties and public organizations',
      ja: draft('政党・社会団体資料館'),
      mn: draft('Нам, олон нийтийн байгууллагын баримтын архив'),
    }),
    scheme: 'fund-file-unit',
    homepage: null,
    country: 'MN',
  },
  {
    id: 'mn-mfa-ca',
    parentId: null,
    name: tx({
      en: 'Central Archive of Ministry of Foreign Affairs, Mongolia',
      ja: '外交中央公文書館',
      mn: draft('Гадаад харилцааны төв архив'),
    }),
    scheme: 'free-text',
    homepage: null,
    country: 'MN',
  },
  {
    id: 'jp-mofa-da',
    parentId: null,
    name: tx({
      en: 'Diplomatic Archives, Ministry of Foreign Affairs of Japan',
      ja: '外務省外交史料館',
      mn: draft('Японы Гадаад хэргийн яамны Дипломатын архив'),
    }),
    scheme: 'series-number',
    homepage: null,
    country: 'JP',
  },
  {
    id: 'jp-naj',
    parentId: null,
    name: tx({
      en: 'National Archives of Japan',
      ja: '国立公文書館',
      mn: draft('Японы Үндэсний архив'),
    }),
    scheme: 'ja-request-number',
    homepage: 'https://www.archives.go.jp/',
    country: 'JP',
  },
];

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

const people: Person[] = [
  {
    id: 'yumjaagiin-tsedenbal',
    culture: 'mongolian',
    names: {
      en: name({ patronymic: 'Yumjaagiin', given: 'Tsedenbal' }),
      ja: name({ patronymicInitial: 'Y', given: 'ツェデンバル' }),
      mn: name({ patronymic: 'Юмжаагийн', given: 'Цэдэнбал' }, 'draft'),
    },
    role: tx({
      en: 'Prime Minister of the People\'s Republic of Mongolia; in 1971 he declared his country ready to normalise relations with Japan.',
      ja: draft('モンゴル人民共和国首相。1971年、日本との関係正常化に前向きな姿勢を示した。'),
      mn: draft('БНМАУ-ын Сайд нарын Зөвлөлийн дарга; 1971 онд Японтой харилцаагаа хэвийн болгох хүсэлтэй байгааг илэрхийлсэн.'),
    }),
  },
  {
    id: 'nakajima-shigeki',
    culture: 'japanese',
    names: {
      en: name({ family: 'Nakajima', given: 'Shigeki' }),
      ja: name({ family: '中島', given: '茂喜' }),
      mn: name({ family: 'Накажима', given: 'Шигэки' }, 'draft'),
    },
    role: tx({
      en: 'Member of Japan\'s House of Representatives who led the 1971 government goodwill mission to Mongolia.',
      ja: draft('衆議院議員。1971年にモンゴルを訪れた日本政府派遣親善使節団の団長。'),
      mn: draft('Японы Төлөөлөгчдийн танхимын гишүүн; 1971 онд Монголд айлчилсан Засгийн газрын сайн санааны төлөөлөгчдийг тэргүүлсэн.'),
    }),
  },
  {
    id: 'l-rinchin',
    culture: 'mongolian',
    names: {
      en: name({ patronymicInitial: 'L', given: 'Rinchin' }),
      ja: name({ patronymicInitial: 'L', given: 'リンチン' }),
      mn: name({ patronymicInitial: 'Л', given: 'Ринчин' }, 'draft'),
    },
    role: tx({
      en: 'Foreign Minister of Mongolia; held talks with the Japanese Foreign Ministry officials who came with the 1971 mission.',
      ja: draft('モンゴル外相。1971年の使節団に同行した日本外務省の担当官と会談した。'),
      mn: draft('БНМАУ-ын Гадаад явдлын сайд; 1971 онд төлөөлөгчдийг дагалдан ирсэн Японы Гадаад хэргийн яамны албан тушаалтнуудтай уулзсан.'),
    }),
  },
  {
    id: 'n-luvsanchultem',
    culture: 'mongolian',
    names: {
      en: name({ patronymicInitial: 'N', given: 'Luvsanchultem' }),
      ja: name({ patronymicInitial: 'N', given: 'ルブサンチュルテム' }, 'draft'),
      mn: name({ patronymicInitial: 'Н', given: 'Лувсанчүлтэм' }, 'draft'),
    },
    role: tx({
      en: 'Ambassador of the People\'s Republic of Mongolia to Japan, appointed in June 1972.',
      ja: draft('駐日モンゴル人民共和国特命全権大使(1972年6月任命)。'),
      mn: draft('БНМАУ-аас Японд суух Онц бөгөөд бүрэн эрхт элчин сайд (1972 оны зургадугаар сард томилогдсон).'),
    }),
  },
  {
    id: 'niizeki-kinya',
    culture: 'japanese',
    names: {
      en: name({ family: 'Niizeki', given: 'Kinya' }),
      ja: name({ family: '新関', given: '欽哉' }, 'draft'),
      mn: name({ family: 'Ниизэки', given: 'Киня' }, 'draft'),
    },
    role: tx({
      en: 'Japan\'s ambassador to the Soviet Union, also accredited to Mongolia from 1972.',
      ja: draft('駐ソ連大使。1972年からモンゴル大使を兼任した。'),
      mn: draft('ЗХУ-д суугаа Японы элчин сайд; 1972 оноос Монголд хавсран суух элчин сайдаар ажилласан.'),
    }),
  },
  {
    id: 's-luvsan',
    culture: 'mongolian',
    names: {
      en: name({ patronymicInitial: 'S', given: 'Luvsan' }),
      ja: name({ patronymicInitial: 'S', given: 'ルブサン' }, 'draft'),
      mn: name({ patronymicInitial: 'С', given: 'Лувсан' }, 'draft'),
    },
    role: tx({
      en: 'First Deputy Chairman of the Presidium of the People\'s Great Hural; Japan\'s 1972 credentials were addressed to him.',
      ja: draft('モンゴル人民共和国人民大会議幹部会第一副議長。1972年の日本大使の信任状のあて先となった。'),
      mn: draft('БНМАУ-ын Ардын Их Хурлын Тэргүүлэгчдийн Даргын нэгдүгээр орлогч; 1972 онд Японы элчин сайдын итгэмжлэх жуух бичгийг түүнд хандуулсан.'),
    }),
  },
  {
    id: 'ozawa-shigeo',
    culture: 'japanese',
    names: {
      en: name({ family: 'Ozawa', given: 'Shigeo' }),
      ja: name({ family: '小沢', given: '重男' }, 'draft'),
      mn: name({ family: 'Озава', given: 'Шигэо' }, 'draft'),
    },
    role: tx({
      en: 'Chairman of the Japanese Association for Mongolian Studies; visited Mongolia in 1972 to arrange joint research.',
      ja: draft('日本モンゴル学会会長。1972年にモンゴルを訪れ、共同研究について協議した。'),
      mn: draft('Японы Монгол судлалын нийгэмлэгийн дарга; 1972 онд Монголд айлчилж, хамтарсан судалгааны талаар тохиролцсон.'),
    }),
  },
  {
    id: 'arai-shinichi',
    culture: 'japanese',
    names: {
      en: name({ family: 'Arai', given: 'Shinichi' }),
      mn: name({ family: 'Арай', given: 'Шиничи' }, 'draft'),
    },
    role: tx({
      en: 'Member of the Japanese Association for Mongolian Studies who travelled to Mongolia with Ozawa in 1972.',
      ja: draft('日本モンゴル学会の一員として、1972年に小沢重男とともにモンゴルを訪問した。'),
      mn: draft('Японы Монгол судлалын нийгэмлэгийн гишүүн; 1972 онд Озаватай хамт Монголд айлчилсан.'),
    }),
  },
  {
    id: 'b-shirendev',
    culture: 'mongolian',
    names: {
      en: name({ patronymicInitial: 'B', given: 'Shirendev' }),
      ja: name({ patronymicInitial: 'B', given: 'シレンデブ' }, 'draft'),
      mn: name({ patronymicInitial: 'Б', given: 'Ширэндэв' }, 'draft'),
    },
    role: tx({
      en: 'President of the Academy of Sciences of the People\'s Republic of Mongolia.',
      ja: draft('モンゴル人民共和国科学アカデミー総裁。'),
      mn: draft('БНМАУ-ын Шинжлэх ухааны академийн ерөнхийлөгч.'),
    }),
  },
  {
    id: 'sakiyama-kisaburo',
    culture: 'japanese',
    names: {
      en: name({ family: 'Sakiyama', given: 'Kisaburo' }),
      mn: name({ family: 'Сакияма', given: 'Кисабуро' }, 'draft'),
    },
    role: tx({
      en: 'Counsellor of the Embassy of Japan in Mongolia; chargé d\'affaires ad interim from June 1973.',
      ja: draft('在モンゴル日本国大使館参事官。1973年6月から臨時代理大使を務めた。'),
      mn: draft('Монголд суугаа Японы Элчин сайдын яамны зөвлөх; 1973 оны зургадугаар сараас түр хэрэг хариуцагчаар ажилласан.'),
    }),
  },
  {
    id: 'akiyama-teruji',
    culture: 'japanese',
    names: {
      en: name({ family: 'Akiyama', given: 'Teruji' }),
      mn: name({ family: 'Акияма', given: 'Тэружи' }, 'draft'),
    },
    role: tx({
      en: 'Ambassador Extraordinary and Plenipotentiary of Japan to Mongolia, appointed in 1977.',
      ja: draft('駐モンゴル日本国特命全権大使(1977年任命)。'),
      mn: draft('Японоос Монголд суух Онц бөгөөд бүрэн эрхт элчин сайд (1977 онд томилогдсон).'),
    }),
  },
  {
    id: 's-dambadarjaa',
    culture: 'mongolian',
    names: {
      en: name({ patronymicInitial: 'S', given: 'Dambadarjaa' }),
      ja: name({ patronymicInitial: 'S', given: 'ダムバダルジャー' }),
      mn: name({ patronymicInitial: 'С', given: 'Дамбадаржаа' }, 'draft'),
    },
    role: tx({
      en: 'Ambassador of the People\'s Republic of Mongolia to Japan at the time of the 1975 economic talks.',
      ja: draft('駐日モンゴル人民共和国特命全権大使。1975年の経済協議に臨んだ。'),
      mn: draft('БНМАУ-аас Японд суугаа Онц бөгөөд бүрэн эрхт элчин сайд; 1975 оны эдийн засгийн яриа хэлэлцээнд оролцсон.'),
    }),
  },
  {
    id: 'takashima-masuo',
    culture: 'japanese',
    names: {
      en: name({ family: 'Takashima', given: 'Masuo' }),
      ja: name({ family: '高島', given: '益郎' }),
      mn: name({ family: 'Такашима', given: 'Масуо' }, 'draft'),
    },
    role: tx({
      en: 'Director General of the Asian Affairs Bureau, Ministry of Foreign Affairs of Japan.',
      ja: draft('外務省アジア局長。'),
      mn: draft('Японы Гадаад хэргийн яамны Азийн товчооны дарга.'),
    }),
  },
  {
    id: 'tsuge-itaru',
    culture: 'japanese',
    names: {
      en: name({ family: 'Tsuge', given: 'Itaru' }),
      ja: name({ family: '柘植', given: '格' }),
      mn: name({ family: 'Цугэ', given: 'Итару' }, 'draft'),
    },
    role: tx({
      en: 'Japanese ambassador who signed the 1977 economic cooperation agreement in Ulaanbaatar.',
      ja: draft('1977年の経済協力協定にウランバートルで署名した日本国大使。'),
      mn: draft('1977 онд Улаанбаатарт эдийн засгийн хамтын ажиллагааны хэлэлцээрт гарын үсэг зурсан Японы элчин сайд.'),
    }),
  },
  {
    id: 'd-saldan',
    culture: 'mongolian',
    names: {
      en: name({ patronymicInitial: 'D', given: 'Saldan' }),
      ja: name({ patronymicInitial: 'D', given: 'サルダン' }),
      mn: name({ patronymicInitial: 'Д', given: 'Салдан' }, 'draft'),
    },
    role: tx({
      en: 'Minister and chairman of Mongolia\'s State Committee for Foreign Economic Relations; signed the 1977 agreement.',
      ja: draft('対外経済関係国家委員会議長・国務相。1977年の経済協力協定に署名した。'),
      mn: draft('БНМАУ-ын Гадаад эдийн засгийн харилцааны улсын хорооны дарга, сайд; 1977 оны хэлэлцээрт гарын үсэг зурсан.'),
    }),
  },
];

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

const places: Place[] = [
  { id: 'mongolia', name: tx({ en: 'Mongolia', ja: 'モンゴル', mn: draft('Монгол Улс') }) },
  { id: 'japan', name: tx({ en: 'Japan', ja: '日本', mn: draft('Япон Улс') }) },
  { id: 'ulaanbaatar', name: tx({ en: 'Ulaanbaatar', ja: 'ウランバートル', mn: draft('Улаанбаатар') }) },
  { id: 'tokyo', name: tx({ en: 'Tokyo', ja: '東京', mn: draft('Токио') }) },
  { id: 'moscow', name: tx({ en: 'Moscow', ja: draft('モスクワ'), mn: draft('Москва') }) },
  {
    id: 'darkhan-food-factory',
    name: tx({ en: 'Darkhan Food Factory', ja: 'ダルハン食品工場', mn: draft('Дарханы хүнсний комбинат') }),
  },
];

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

const items: DemoItem[] = [
  {
    id: 'goodwill-mission-1971',
    heading: tx({
      en: 'Goodwill mission dispatched by the Japanese government to Mongolia',
      ja: '日本政府派遣親善使節団のモンゴル訪問',
      mn: draft('Японы Засгийн газраас илгээсэн сайн санааны төлөөлөгчид Монголд айлчилсан нь'),
    }),
    title: tx({
      en: 'The Japanese government delegations led by NAKAJIMA Shigeki visited the Darkhan Food Factory',
      ja: '中島茂喜議員を団長とする、日本政府代表団及びその他の代表団によるダルハン食品工場の視察',
      mn: draft('Накажима Шигэки тэргүүтэй Японы Засгийн газрын болон бусад төлөөлөгчид Дарханы хүнсний комбинатад зочилсон нь'),
    }),
    caption: tx({
      en: 'Film of the Japanese government\'s goodwill visit to Mongolia in September 1971, here showing the delegation touring a food-processing plant in the industrial town of Darkhan. The group, headed by NAKAJIMA Shigeki of the House of Representatives, came at the Mongolian government\'s invitation. The trip let officials of both countries meet in person a few months before formal relations were agreed.',
      ja: draft('1971年9月、モンゴル政府の招きで同国を訪れた日本政府親善使節団の映像記録。衆議院議員中島茂喜を団長とする一行が、工業都市ダルハンの食品工場を視察する様子が写されている。外交関係の樹立が合意される数か月前に、両国の関係者が直接顔を合わせる機会となった。'),
      mn: draft('1971 оны есдүгээр сард Монголын Засгийн газрын урилгаар айлчилсан Японы Засгийн газрын сайн санааны төлөөлөгчдийн тухай кино баримт. Японы Төлөөлөгчдийн танхимын гишүүн Накажима Шигэки тэргүүтэй төлөөлөгчид Дархан хотын хүнсний комбинатыг үзэж танилцаж буй нь харагдана. Энэ айлчлал нь хоёр орон дипломат харилцаа тогтоохоос хэдхэн сарын өмнө албаны хүмүүсийг биечлэн уулзах боломжийг олгосон юм.'),
    }),
    date: '1971-09-10/1971-09-15',
    institutionId: 'mn-nca-av',
    referenceCode: 'K-19180-1',
    mediaType: 'film',
    rights: CNE,
    personIds: ['nakajima-shigeki'],
    placeIds: ['darkhan-food-factory', 'mongolia'],
  },
  {
    id: 'joint-communique-1972',
    heading: tx({
      en: 'Establishment of diplomatic relations between Mongolia and Japan 1: Joint official statement regarding the establishment of diplomatic relations between the People\'s Republic of Mongolia and Japan',
      ja: '日本モンゴル外交関係の樹立1:日モ外交関係樹立に関する共同コミュニケ',
      mn: draft('Монгол, Японы хооронд дипломат харилцаа тогтоосон нь 1: Бүгд Найрамдах Монгол Ард Улс, Япон Улсын хооронд дипломат харилцаа тогтоох тухай хамтарсан албан мэдэгдэл'),
    }),
    title: tx({
      en: 'Joint official statement regarding the establishment of diplomatic relations between the People’s Republic of Mongolia and Japan',
      ja: '日モ外交関係樹立に関する共同コミュニケ',
      mn: draft('Бүгд Найрамдах Монгол Ард Улс, Япон Улсын хооронд дипломат харилцаа тогтоох тухай хамтарсан албан мэдэгдэл'),
    }),
    caption: tx({
      en: 'In this communiqué of 19 February 1972 the two governments put on record their shared wish to open diplomatic relations. Both sides expected the step to give real momentum to economic and cultural cooperation between them. The copy shown here is kept in the central archive of Mongolia\'s Ministry of Foreign Affairs.',
      ja: draft('1972年2月19日付のこの共同コミュニケで、両国政府は外交関係を開くことへの共通の願いを公式に表明した。あわせて、国交の樹立が経済・文化面の協力を大きく後押しするとの期待も示されている。展示しているのはモンゴル外務省の外交中央公文書館に保管されている写しである。'),
      mn: draft('1972 оны хоёрдугаар сарын 19-ний энэхүү хамтарсан мэдэгдлээр хоёр орны засгийн газар дипломат харилцаа тогтоох хүсэлтэй байгаагаа албан ёсоор илэрхийлжээ. Энэ алхам нь эдийн засаг, соёлын хамтын ажиллагааг эрчимжүүлнэ гэдэгт хоёр тал итгэж байв. Энд үзүүлж буй хувь нь Гадаад харилцааны төв архивт хадгалагдаж байна.'),
    }),
    date: '1972-02-19',
    institutionId: 'mn-mfa-ca',
    referenceCode: 'Fund-59, File-1, Unit-66',
    mediaType: 'document',
    rights: CNE,
    personIds: [],
    placeIds: ['mongolia', 'japan'],
  },
  {
    id: 'exchange-of-notes-1972',
    heading: tx({
      en: 'Establishment of diplomatic relations between Mongolia and Japan 2: Exchange of notes related to the establishment of diplomatic relations between Japan and the People\'s Republic of Mongolia',
      ja: '日本モンゴル外交関係の樹立2:日本とモンゴルとの外交関係の設定に関する交換公文',
      mn: draft('Монгол, Японы хооронд дипломат харилцаа тогтоосон нь 2: Япон Улс, Бүгд Найрамдах Монгол Ард Улсын хооронд дипломат харилцаа тогтоохтой холбогдсон албан бичиг солилцоо'),
    }),
    title: tx({
      en: 'Japanese-Mongolian relations',
      mn: draft('Япон, Монголын харилцаа'),
    }),
    caption: tx({
      en: 'Five days after the joint communiqué, on 24 February 1972, the two governments confirmed their decision by exchanging letters in Moscow and agreed to post ambassadors in each other\'s countries. The notes restate the shared belief that diplomatic ties would help economic and cultural cooperation to grow. Alongside the Japanese and Mongolian texts, a Russian translation was also prepared.',
      ja: draft('共同コミュニケの5日後、1972年2月24日に両国政府はモスクワで書簡を交わし、大使級の外交使節を相互に派遣することを正式に取り決めた。交換公文には、国交が両国の経済・文化協力の発展を促すという確信が改めて記されている。日本語版とモンゴル語版のほか、ロシア語訳も作成された。'),
      mn: draft('Хамтарсан мэдэгдлээс тав хоногийн дараа буюу 1972 оны хоёрдугаар сарын 24-нд хоёр орны засгийн газар Москвад албан бичиг солилцож, элчин сайдын түвшинд төлөөлөгч харилцан суулгахаар албан ёсоор тохиролцов. Дипломат харилцаа нь эдийн засаг, соёлын хамтын ажиллагааг хөгжүүлэхэд тус болно гэсэн итгэлийг уг бичигт дахин тусгажээ. Япон, монгол эхээс гадна орос хэл дээрх орчуулгыг бэлтгэсэн байна.'),
    }),
    date: '1972-02-24',
    institutionId: 'jp-mofa-da',
    referenceCode: null,
    mediaType: 'document',
    rights: CNE,
    personIds: [],
    placeIds: ['moscow', 'japan', 'mongolia'],
  },
  {
    id: 'credentials-luvsanchultem-1972',
    heading: tx({
      en: 'Appointment of ambassadors 1: N. Luvsanchultem, the Ambassador Extraordinary and Plenipotentiary of the People\'s Republic of Mongolia to Japan',
      ja: draft('大使の任命1:N. ルブサンチュルテム駐日モンゴル人民共和国特命全権大使'),
      mn: draft('Элчин сайд нарыг томилсон нь 1: БНМАУ-аас Японд суух Онц бөгөөд бүрэн эрхт элчин сайд Н. Лувсанчүлтэм'),
    }),
    title: tx({
      en: 'Credentials of N. Luvsanchultem, the Ambassador Extraordinary and Plenipotentiary of Mongolia in Japan to His Majesty the Emperor Hirohito of Japan',
      mn: draft('Японд суух Монголын Онц бөгөөд бүрэн эрхт элчин сайд Н. Лувсанчүлтэмийн Японы Эзэн хаан Хирохитод өргөн барих итгэмжлэх жуух бичиг'),
    }),
    caption: tx({
      en: 'Soon after relations were established, Mongolia named N. Luvsanchultem its ambassador to Japan on 7 June 1972. The record is his letter of credence to Emperor Hirohito, which formally presented him as the envoy of the People\'s Republic of Mongolia.',
      ja: draft('国交樹立から間もない1972年6月7日、モンゴルはN. ルブサンチュルテムを駐日大使に任命した。本資料は昭和天皇にあてた同大使の信任状で、モンゴル人民共和国の代表として同氏を正式に紹介するものである。'),
      mn: draft('Дипломат харилцаа тогтоосны дараахан буюу 1972 оны зургадугаар сарын 7-нд БНМАУ-ын Засгийн газар Н. Лувсанчүлтэмийг Японд суух элчин сайдаар томилов. Энэ баримт нь Японы Эзэн хаан Хирохитод хандсан түүний итгэмжлэх жуух бичиг бөгөөд түүнийг БНМАУ-ын төлөөлөгч хэмээн албан ёсоор танилцуулсан байна.'),
    }),
    date: '1972-06-07',
    institutionId: 'mn-mfa-ca',
    referenceCode: 'Fund-151, File-21, Unit-02',
    mediaType: 'document',
    rights: CNE,
    personIds: ['n-luvsanchultem'],
    placeIds: ['mongolia', 'japan'],
  },
  {
    id: 'cabinet-approval-niizeki-1972',
    heading: tx({
      en: 'Appointment of ambassadors 2: NIIZEKI Kinya, appointed as Ambassador Extraordinary and Plenipotentiary of Japan to the People\'s Republic of Mongolia',
      ja: draft('大使の任命2:駐モンゴル人民共和国特命全権大使に任命された新関欽哉'),
      mn: draft('Элчин сайд нарыг томилсон нь 2: Японоос БНМАУ-д суух Онц бөгөөд бүрэн эрхт элчин сайдаар томилогдсон Ниизэки Киня'),
    }),
    title: tx({
      en: 'Regarding the nomination of NIIZEKI Kinya to the plenipotentiary ambassador to Mongolia (concurrently as Ambassador to the Soviet Union) and other 4 persons',
      mn: draft('Ниизэки Киняг Монголд суух бүрэн эрхт элчин сайдаар (ЗХУ-д суух элчин сайдыг хавсран) болон бусад дөрвөн хүнийг томилох тухай'),
    }),
    caption: tx({
      en: 'Japan decided that NIIZEKI Kinya, its ambassador to the Soviet Union, would represent it in Mongolia as well, and the Cabinet approved the appointment on 1 August 1972; the same document covers four other appointments. For a time, contacts between the two countries still passed through the Soviet Union, until a Japanese embassy opened in Ulaanbaatar in June 1973.',
      ja: draft('日本政府は駐ソ連大使の新関欽哉にモンゴル大使を兼任させることとし、1972年8月1日の閣議でその任命が了承された。同じ文書にはほか4名の人事も含まれている。1973年6月にウランバートルに日本大使館が開設されるまで、両国間の連絡はなおソ連を経由して行われた。'),
      mn: draft('Японы Засгийн газар ЗХУ-д суугаа элчин сайд Ниизэки Киняг Монголд хавсран суух элчин сайдаар томилохоор шийдэж, 1972 оны наймдугаар сарын 1-нд Засгийн газрын хуралдаанаар баталжээ. Энэ баримтад өөр дөрвөн хүний томилгоо мөн багтсан. 1973 оны зургадугаар сард Улаанбаатарт Японы Элчин сайдын яам нээгдэх хүртэл хоёр орны харилцаа ЗХУ-аар дамжин явагдаж байв.'),
    }),
    date: '1972-08-01',
    institutionId: 'jp-naj',
    referenceCode: null,
    mediaType: 'document',
    rights: CNE,
    personIds: ['niizeki-kinya'],
    placeIds: ['japan', 'mongolia', 'moscow'],
  },
  {
    id: 'credentials-translation-niizeki-1972',
    heading: tx({
      en: 'Appointment of ambassadors 3: NIIZEKI Kinya, appointed as Ambassador Extraordinary and Plenipotentiary of Japan to the People\'s Republic of Mongolia',
      ja: draft('大使の任命3:駐モンゴル人民共和国特命全権大使に任命された新関欽哉'),
      mn: draft('Элчин сайд нарыг томилсон нь 3: Японоос БНМАУ-д суух Онц бөгөөд бүрэн эрхт элчин сайдаар томилогдсон Ниизэки Киня'),
    }),
    title: tx({
      en: 'Translation of the Credentials of the Ambassador Extraordinary and Plenipotentiary of Japan to Mongolia NIIZEKI K. to S. Luvsan, the First Deputy Chairman of the Presidium of the People\'s Great Hural of the People\'s Republic of Mongolia',
      mn: draft('Японоос Монголд суух Онц бөгөөд бүрэн эрхт элчин сайд Ниизэки К.-гийн БНМАУ-ын Ардын Их Хурлын Тэргүүлэгчдийн Даргын нэгдүгээр орлогч С. Лувсанд өргөн барих итгэмжлэх жуух бичгийн орчуулга'),
    }),
    caption: tx({
      en: 'A translation, dated 24 August 1972, of the letter of credence that accredited NIIZEKI Kinya as Japan\'s ambassador to Mongolia. It is addressed to S. Luvsan, First Deputy Chairman of the Presidium of the People\'s Great Hural, the body that then acted collectively as Mongolia\'s head of state. The translation is kept in the central archive of Mongolia\'s Ministry of Foreign Affairs.',
      ja: draft('新関欽哉を日本の駐モンゴル大使として信任する信任状の翻訳で、1972年8月24日の日付をもつ。あて先は、当時モンゴルの国家元首の役割を合議制で担っていた人民大会議幹部会の第一副議長S. ルブサンである。翻訳はモンゴル外務省の外交中央公文書館に保管されている。'),
      mn: draft('1972 оны наймдугаар сарын 24-ний огноотой, Ниизэки Киняг Японоос Монголд суух элчин сайдаар итгэмжилсэн жуух бичгийн орчуулга. Уг бичгийг тухайн үед төрийн тэргүүний чиг үүргийг хамтын журмаар хэрэгжүүлж байсан Ардын Их Хурлын Тэргүүлэгчдийн Даргын нэгдүгээр орлогч С. Лувсанд хандуулсан байна. Орчуулга нь Гадаад харилцааны төв архивт хадгалагдаж байна.'),
    }),
    date: '1972-08-24',
    institutionId: 'mn-mfa-ca',
    referenceCode: 'Fund-59, File-1, Unit-72',
    mediaType: 'document',
    rights: CNE,
    personIds: ['niizeki-kinya', 's-luvsan'],
    placeIds: ['japan', 'mongolia'],
  },
  {
    id: 'academic-exchange-1972',
    heading: tx({
      en: 'Academic Exchanges',
      ja: draft('学術交流'),
      mn: draft('Эрдэм шинжилгээний солилцоо'),
    }),
    title: tx({
      en: 'Visit to Mongolia of Chairman OZAWA Shigeo and ARAI Shinishi of the Mongolian study group in Japan (Japanese Association for Mongolian Studies)',
      mn: draft('Японы монгол судлалын бүлгэм (Японы Монгол судлалын нийгэмлэг)-ийн дарга Озава Шигэо, Арай Шиниши нарын Монголд хийсэн айлчлал'),
    }),
    caption: tx({
      en: 'In October 1972 OZAWA Shigeo, chairman of the Japanese Association for Mongolian Studies, and his colleague ARAI Shinichi visited Mongolia and met B. Shirendev, President of the Academy of Sciences. They agreed that the association, with backing from the Japanese government, would undertake joint research with the Mongolian Academy of Sciences in 1974–1975 and that the two countries would exchange researchers. The two sides also talked about selling the Academy\'s publications at the same price as Japanese books on Mongolian studies.',
      ja: draft('1972年10月、日本モンゴル学会の小沢重男会長らがモンゴルを訪れ、科学アカデミー総裁B. シレンデブと会談した。日本政府の支援を得て、学会が1974～75年にモンゴル科学アカデミーと共同研究を行うこと、両国の研究者を交流させることで合意した。アカデミーの刊行物の価格を日本のモンゴル研究書と同じ水準にすることについても意見が交わされた。'),
      mn: draft('1972 оны аравдугаар сард Японы Монгол судлалын нийгэмлэгийн дарга Озава Шигэо, Арай Шиничи нар Монголд ирж, Шинжлэх ухааны академийн ерөнхийлөгч Б. Ширэндэвтэй уулзав. Японы Засгийн газрын дэмжлэгтэйгээр тус нийгэмлэг 1974–1975 онд БНМАУ-ын Шинжлэх ухааны академитай хамтарсан судалгаа хийх, хоёр орны судлаачдыг солилцох талаар тохиролцжээ. Мөн Академиас хэвлүүлсэн номын үнийг Японд хэвлэгдсэн монгол судлалын номтой ижил түвшинд тогтоох асуудлаар санал солилцсон байна.'),
    }),
    date: '1972-10',
    institutionId: 'mn-nca-hist',
    referenceCode: 'Fund-23, File-2, Unit-724',
    mediaType: 'document',
    rights: CNE,
    personIds: ['ozawa-shigeo', 'arai-shinichi', 'b-shirendev'],
    placeIds: ['mongolia'],
  },
  {
    id: 'politburo-resolution-272-1972',
    heading: tx({
      en: 'Establishment of Mongolian Embassy in Japan',
      ja: draft('駐日モンゴル人民共和国大使館の設置'),
      mn: draft('Японд Монголын Элчин сайдын яам байгуулсан нь'),
    }),
    title: tx({
      en: 'Resolution No. 272 of the Political Bureau of the Central Committee of the MPRP on the establishment of an Embassy in Japan',
      mn: draft('МАХН-ын Төв Хорооны Улс төрийн товчооны «Японд Элчин сайдын яам байгуулах тухай» 272 дугаар тогтоол'),
    }),
    caption: tx({
      en: 'Adopted by the ruling party\'s Political Bureau on 9 November 1972, this resolution set up the embassy of the People\'s Republic of Mongolia in Tokyo. It also fixed the number of staff the mission would have and how it was to be organised. At the time, state decisions of this weight were taken by the leadership of the Mongolian People\'s Revolutionary Party.',
      ja: draft('1972年11月9日にモンゴル人民革命党中央委員会政治局が採択した決議で、東京にモンゴル人民共和国大使館を設置することを定めたもの。大使館の定員と組織もこの決議で決められた。当時のモンゴルでは、このような国家の重要事項は政権党の指導部が決定していた。'),
      mn: draft('1972 оны арваннэгдүгээр сарын 9-нд МАХН-ын Төв Хорооны Улс төрийн товчооноос гаргасан энэхүү тогтоолоор Токио хотод БНМАУ-ын Элчин сайдын яамыг байгуулжээ. Элчин сайдын яамны орон тоо, бүтцийг мөн энэ тогтоолоор тогтоосон. Тухайн үед төрийн ийм чухал асуудлыг эрх баригч намын удирдлага шийддэг байв.'),
    }),
    date: '1972-11-09',
    institutionId: 'mn-nca-party',
    referenceCode: 'Fund-4, File-32, Unit-178',
    mediaType: 'document',
    rights: CNE,
    personIds: [],
    placeIds: ['tokyo', 'mongolia', 'japan'],
  },
  {
    id: 'japanese-embassy-letter-1973',
    heading: tx({
      en: 'Establishment of Japanese Embassy in Mongolia',
      ja: draft('在モンゴル日本国大使館の開設'),
      mn: draft('Монголд Японы Элчин сайдын яам байгуулсан нь'),
    }),
    title: tx({
      en: 'Letter from the Japanese Embassy in Ulaanbaatar announcing the opening of the Embassy of Japan in Mongolia and the appointment of SAKIYAMA Kisaburo as acting Ambassador',
      mn: draft('Монголд Японы Элчин сайдын яам нээгдсэн болон Сакияма Кисабурог элчин сайдын үүргийг түр орлон гүйцэтгэгчээр томилсныг мэдэгдсэн Улаанбаатар дахь Японы Элчин сайдын яамны захидал'),
    }),
    caption: tx({
      en: 'With this letter the newly opened Japanese embassy in Ulaanbaatar informed the Mongolian side that it had begun its work. Until an ambassador could arrive, the embassy counsellor SAKIYAMA Kisaburo headed the mission as chargé d\'affaires ad interim from 15 June 1973.',
      ja: draft('開設されたばかりのウランバートルの日本大使館が、業務を開始したことをモンゴル側に伝えた書簡。大使が着任するまでの間、1973年6月15日から大使館参事官SAKIYAMA Kisaburoが臨時代理大使として館務を担った。'),
      mn: draft('Улаанбаатарт шинээр нээгдсэн Японы Элчин сайдын яам үйл ажиллагаагаа эхэлснээ Монголын талд мэдэгдсэн захидал. Элчин сайд ирэх хүртэл 1973 оны зургадугаар сарын 15-наас эхлэн Элчин сайдын яамны зөвлөх Сакияма Кисабуро түр хэрэг хариуцагчаар ажилласан байна.'),
    }),
    date: '1973-06-15',
    institutionId: 'mn-mfa-ca',
    referenceCode: 'Fund-59, File-1, Unit-73',
    mediaType: 'document',
    rights: CNE,
    personIds: ['sakiyama-kisaburo'],
    placeIds: ['ulaanbaatar'],
  },
  {
    id: 'akiyama-photo-1977',
    heading: tx({
      en: 'Appointment of AKIYAMA Teruji as Ambassador Extraordinary and Plenipotentiary of Japan to Mongolia',
      ja: draft('駐モンゴル日本国特命全権大使 AKIYAMA Teruji の任命'),
      mn: draft('Акияма Тэружийг Японоос Монголд суух Онц бөгөөд бүрэн эрхт элчин сайдаар томилсон нь'),
    }),
    title: tx({
      en: 'Photo of AKIYAMA Teruji, Ambassador Extraordinary and Plenipotentiary of Japan to Mongolia, before handing over his credentials',
      mn: draft('Японоос Монголд суух Онц бөгөөд бүрэн эрхт элчин сайд Акияма Тэружи итгэмжлэх жуух бичгээ өргөн барихын өмнө авахуулсан гэрэл зураг'),
    }),
    caption: tx({
      en: 'A photograph of AKIYAMA Teruji, Japan\'s Ambassador Extraordinary and Plenipotentiary to Mongolia, taken in 1977 shortly before he presented his credentials. The presentation of credentials is the ceremony by which a newly arrived ambassador formally takes up office. The image belongs to the film and photograph holdings of the National Central Archives of Mongolia.',
      ja: draft('1977年、駐モンゴル日本国特命全権大使AKIYAMA Teruji が信任状を奉呈する前に撮影された写真。信任状の奉呈は、新任の大使が正式に職務に就くための儀式である。モンゴル国立中央公文書館の映像・画像・音声資料館が所蔵している。'),
      mn: draft('1977 онд Японоос Монголд суух Онц бөгөөд бүрэн эрхт элчин сайд Акияма Тэружи итгэмжлэх жуух бичгээ өргөн барихын өмнө авахуулсан гэрэл зураг. Итгэмжлэх жуух бичиг өргөн барих нь шинээр ирсэн элчин сайд албан үүргээ албан ёсоор гүйцэтгэж эхлэх ёслол юм. Энэ зураг Үндэсний төв архивын кино, фото, фоно баримтын санд хадгалагдаж байна.'),
    }),
    date: '1977',
    institutionId: 'mn-nca-av',
    referenceCode: null,
    mediaType: 'photograph',
    rights: CNE,
    personIds: ['akiyama-teruji'],
    placeIds: ['mongolia'],
  },
  {
    id: 'cultural-agreement-1974',
    heading: tx({
      en: 'Agreement on the Establishment of Cultural Relations',
      ja: '文化交流取極',
      mn: draft('Соёлын харилцаа тогтоох тухай хэлэлцээр'),
    }),
    title: tx({
      en: 'Agreement on the Establishment of Cultural Relations between the People’s Republic of Mongolia and Japan',
      ja: 'モンゴル人民共和国と日本の文化関係樹立に関する協定',
      mn: draft('Бүгд Найрамдах Монгол Ард Улс, Япон Улсын хооронд соёлын харилцаа тогтоох тухай хэлэлцээр'),
    }),
    caption: tx({
      en: 'Signed in Ulaanbaatar on 23 September 1974, this agreement gave the cultural ties between the two countries a formal framework. It provides for exchanges of people working in culture and science, for joint research, and for cultural events open to the public in each country.',
      ja: draft('1974年9月23日にウランバートルで署名されたこの協定により、両国の文化関係に正式な枠組みが与えられた。文化・科学の分野での人的交流、共同研究、一般向けの文化行事の開催などが定められている。'),
      mn: draft('1974 оны есдүгээр сарын 23-нд Улаанбаатар хотод гарын үсэг зурсан энэхүү хэлэлцээр хоёр орны соёлын харилцааг албан ёсны үндэстэй болгожээ. Соёл, шинжлэх ухааны салбарын хүмүүсийг солилцох, хамтарсан судалгаа хийх, олон нийтэд зориулсан соёлын арга хэмжээ зохион байгуулах зэргийг тусгасан байна.'),
    }),
    date: '1974-09-23',
    institutionId: 'mn-mfa-ca',
    referenceCode: '01-1337',
    mediaType: 'document',
    rights: CNE,
    personIds: [],
    placeIds: ['ulaanbaatar', 'mongolia', 'japan'],
  },
  {
    id: 'economic-meeting-1975',
    heading: tx({
      en: 'Mongolian-Japanese Meeting for economic cooperation',
      ja: '経済協力に向けた日モ会議',
      mn: draft('Эдийн засгийн хамтын ажиллагааны талаарх Монгол, Японы уулзалт'),
    }),
    title: tx({
      en: 'Minutes of the meeting on Mongolian-Japanese economic relations between S. Dambadarjaa, Ambassador Extraordinary and Plenipotentiary of the People’s Republic of Mongolia in Japan and TAKASHIMA Masuo, Director General of the Asian Bureau of the Ministry of Foreign Affairs of Japan',
      ja: 'S. ダムバダルジャー駐日モンゴル人民共和国特命全権大使と高島益郎外務省アジア局長による、モンゴル・日本経済関係に関する会議の議事録',
      mn: draft('БНМАУ-аас Японд суугаа Онц бөгөөд бүрэн эрхт элчин сайд С. Дамбадаржаа, Японы Гадаад хэргийн яамны Азийн товчооны дарга Такашима Масуо нарын Монгол, Японы эдийн засгийн харилцааны асуудлаарх уулзалтын тэмдэглэл'),
    }),
    caption: tx({
      en: 'Minutes of talks held in Tokyo on 16 January 1975 between Mongolia\'s ambassador S. Dambadarjaa and TAKASHIMA Masuo, head of the Asian Affairs Bureau of Japan\'s Foreign Ministry. The two discussed how economic relations between their countries could be widened. Talks of this kind prepared the ground for the economic cooperation agreement signed two years later.',
      ja: draft('1975年1月16日に東京で行われた、S. ダムバダルジャー駐日モンゴル大使と高島益郎外務省アジア局長との会談の議事録。両国の経済関係をどのように広げていくかが話し合われた。こうした協議が、2年後に署名される経済協力協定への地ならしとなった。'),
      mn: draft('1975 оны нэгдүгээр сарын 16-нд Токио хотод БНМАУ-аас Японд суугаа элчин сайд С. Дамбадаржаа, Японы Гадаад хэргийн яамны Азийн товчооны дарга Такашима Масуо нарын хооронд болсон уулзалтын тэмдэглэл. Хоёр орны эдийн засгийн харилцааг хэрхэн өргөжүүлэх талаар ярилцжээ. Ийм яриа хэлэлцээ хоёр жилийн дараа байгуулсан эдийн засгийн хамтын ажиллагааны хэлэлцээрийн суурийг тавьсан юм.'),
    }),
    date: '1975-01-16',
    institutionId: 'mn-nca-hist',
    referenceCode: 'Fund-409, File-1, Unit-98',
    mediaType: 'document',
    rights: CNE,
    personIds: ['s-dambadarjaa', 'takashima-masuo'],
    placeIds: ['tokyo'],
  },
  {
    id: 'cashmere-agreement-1977',
    heading: tx({
      en: 'Agreement between Japan and Mongolia for an economic partnership (cashmere factory construction)',
      ja: '日本モンゴル経済協力協定(カシミヤ工場建設)',
      mn: draft('Япон, Монголын эдийн засгийн хамтын ажиллагааны хэлэлцээр (ноолуурын үйлдвэр барих)'),
    }),
    title: tx({
      ja: '日・モンゴル経済協力協定(カシミヤ工場建設)',
      mn: draft('Япон, Монголын эдийн засгийн хамтын ажиллагааны хэлэлцээр (ноолуурын үйлдвэр барих)'),
    }),
    caption: tx({
      en: 'After the two countries agreed in 1976 to cooperate economically, ambassador TSUGE Itaru and D. Saldan, chairman of Mongolia\'s State Committee for Foreign Economic Relations, signed the agreement in Ulaanbaatar on 17 March 1977. Under its terms Japan gave grant aid totalling 5 billion yen over four years, 1977 to 1980, to build a plant for processing cashmere and camel hair. The file is kept by the Diplomatic Archives of Japan\'s Ministry of Foreign Affairs.',
      ja: draft('1976年に両国が経済協力で合意したのを受け、1977年3月17日、ウランバートルで柘植格大使とD. サルダン対外経済関係国家委員会議長が協定に署名した。日本はこれに基づき、1977年から1980年までの4年間に総額50億円の無償資金を供与し、カシミヤとラクダの毛の加工工場の建設を支援した。本資料は外務省外交史料館が所蔵している。'),
      mn: draft('Хоёр орон 1976 онд эдийн засгийн хамтын ажиллагааны талаар тохиролцсоны дараа 1977 оны гуравдугаар сарын 17-нд Улаанбаатар хотод Японы элчин сайд Цугэ Итару, БНМАУ-ын Гадаад эдийн засгийн харилцааны улсын хорооны дарга Д. Салдан нар хэлэлцээрт гарын үсэг зурав. Үүний дагуу Япон Улс 1977–1980 оны дөрвөн жилийн хугацаанд нийт 5 тэрбум иенийн буцалтгүй тусламж олгож, ноолуур, тэмээний ноос боловсруулах үйлдвэр барихад дэмжлэг үзүүлсэн. Энэ баримт Японы Гадаад хэргийн яамны Дипломатын архивт хадгалагдаж байна.'),
    }),
    date: '1977-03-17',
    institutionId: 'jp-mofa-da',
    referenceCode: '2019-0197',
    mediaType: 'document',
    rights: CNE,
    personIds: ['tsuge-itaru', 'd-saldan'],
    placeIds: ['ulaanbaatar', 'japan', 'mongolia'],
  },
];

// ---------------------------------------------------------------------------------------------
// Exhibition
// ---------------------------------------------------------------------------------------------

const exhibition: Omit<Exhibition, 'state'> = {
  id: 'japan-mongolia',
  slug: 'japan-mongolia',
  title: tx({
    en: 'Japan and Mongolia: Our History through Archival Records',
    ja: '日本とモンゴル~綴られた交流のあゆみ~',
    mn: draft('Япон ба Монгол: Архивын баримтад тусгагдсан бидний түүх'),
  }),
  subtitle: tx({
    en: 'A joint exhibition of the National Archives of Japan and the General Authority for Archives of Mongolia, published in 2022 for the 50th anniversary of diplomatic relations between the two countries',
    ja: draft('日本国国立公文書館とモンゴル国公文書管理庁による共同展示(2022年、外交関係樹立50周年記念)'),
    mn: draft('Японы Үндэсний архив, Монгол Улсын Архивын ерөнхий газрын хамтарсан үзэсгэлэн (2022 он, хоёр орны дипломат харилцаа тогтоосны 50 жилийн ойд зориулав)'),
  }),
  intro: tx({
    en: 'In 2022, fifty years after Japan and Mongolia established diplomatic relations, the national archival authorities of the two countries drew on their own holdings and on other archives to tell the story of contact between the two peoples in six chapters. This demo presents chapter V, which follows the years around 1972 when the two states opened relations and first exchanged ambassadors. Every record is shown with its holding institution and reference code, so that the original can be traced. The introductions and captions have been written anew for this demo.',
    ja: draft('日本とモンゴルの外交関係樹立から50年を迎えた2022年、両国の国の公文書管理機関は、自らの所蔵資料やほかの機関の資料をもとに、二つの国の人々の交流の歴史を全6章の展示にまとめた。このデモでは、そのうち第5章、両国が国交を開き初めて大使を交換した1972年前後の時期を紹介する。各資料には所蔵機関と資料番号を付し、原資料にたどり着けるようにしている。導入文と解説文はこのデモのために新たに書き下ろしたものである。'),
    mn: draft('Япон, Монгол хоёр улс дипломат харилцаа тогтоосны 50 жилийн ой тохиосон 2022 онд хоёр орны архивын төрийн байгууллагууд өөрсдийн болон бусад архивын баримтад тулгуурлан хоёр ард түмний харилцааны түүхийг зургаан бүлэг бүхий үзэсгэлэн болгон толилуулсан. Энэхүү туршилтын хувилбарт хоёр улс харилцаа тогтоож, анх удаа элчин сайд солилцсон 1972 оны үеийг өгүүлэх тавдугаар бүлгийг үзүүлж байна. Баримт бүрийг эх хувийг нь олох боломжтой байхаар хадгалагч байгууллага, архивын шифрийн хамт танилцуулав. Оршил болон тайлбарыг энэхүү туршилтын хувилбарт зориулан шинээр бичсэн болно.'),
  }),
  sourceLang: 'en',
  institutionIds: ['jp-naj', 'mn-nca'],
  chapters: [
    {
      id: 'ch05',
      slug: 'establishment-1972',
      number: 5,
      title: tx({
        en: 'Establishment of the diplomatic relations in 1972',
        ja: '外交関係樹立(1972)',
        mn: draft('1972 онд дипломат харилцаа тогтоосон нь'),
      }),
      intro: tx({
        en:
          'By the early 1970s Mongolia was making it clear that it wanted normal relations with Japan. Speaking at the 16th Party Congress in 1971, Prime Minister Yumjaagiin Tsedenbal said his government sought friendship with every nation and saw no serious obstacle to ties with Japan. In September of that year a Japanese government goodwill mission, led by NAKAJIMA Shigeki of the House of Representatives, visited at Mongolia\'s invitation; two Foreign Ministry officials responsible for Mongolia travelled with it and held talks with Foreign Minister L. Rinchin, among others.' +
          '\n\n' +
          'Diplomatic relations were established in February 1972. Ambassadors were named within months; Mongolia decided in November 1972 to open an embassy in Tokyo, and Japan\'s embassy in Ulaanbaatar began work in June 1973. Scholars started to cooperate, a cultural agreement followed in 1974, and economic talks led to the 1977 agreement under which Japan funded a cashmere factory in Mongolia. The records gathered in this chapter, from archives in both countries, document these steps one by one.',
        ja: draft(
          '1970年代に入ると、モンゴルは日本との関係正常化を望む姿勢をはっきりと示すようになった。1971年の第16回党大会で、ツェデンバル首相は、自国政府がすべての国との友好を求めており、日本との関係を築くうえで大きな障害はないとの考えを示した。同年9月には、衆議院議員中島茂喜を団長とする日本政府派遣親善使節団がモンゴル側の招きで同国を訪問し、随行したモンゴル担当の外務省職員2名がL. リンチン外相らと会談した。' +
            '\n\n' +
            '1972年2月に外交関係が樹立されると、両国は数か月のうちに大使を任命した。モンゴルは同年11月に東京への大使館設置を決め、ウランバートルの日本大使館は1973年6月に業務を始めた。研究者の交流も始まり、1974年には文化交流取極が署名された。経済面の協議は1977年の経済協力協定に結実し、日本の資金によるカシミヤ工場の建設につながった。本章では、両国の公文書館に残る記録によって、その一つひとつの歩みをたどる。',
        ),
        mn: draft(
          '1970-аад оны эхээр Монгол Японтой харилцаагаа хэвийн болгох хүсэлтэй байгаагаа тодорхой илэрхийлэх болов. 1971 онд болсон МАХН-ын XVI их хурал дээр Сайд нарын Зөвлөлийн дарга Юмжаагийн Цэдэнбал Засгийн газар нь бүх улстай найрсаг харилцахыг эрмэлзэж буй бөгөөд Японтой харилцаа тогтооход томоохон саад байхгүй гэж мэдэгджээ. Мөн оны есдүгээр сард Монголын талын урилгаар Японы Төлөөлөгчдийн танхимын гишүүн Накажима Шигэки тэргүүтэй Японы Засгийн газрын сайн санааны төлөөлөгчид айлчилж, тэднийг дагалдан ирсэн Гадаад хэргийн яамны Монголын асуудал хариуцсан хоёр албан тушаалтан Гадаад явдлын сайд Л. Ринчин болон бусад хүмүүстэй уулзав.' +
            '\n\n' +
            '1972 оны хоёрдугаар сард хоёр улс дипломат харилцаа тогтоов. Хэдхэн сарын дотор элчин сайдаа томилж, Монгол 1972 оны арваннэгдүгээр сард Токиод элчин сайдын яам байгуулахаар шийдвэрлэсэн бол Улаанбаатар дахь Японы Элчин сайдын яам 1973 оны зургадугаар сараас ажиллаж эхэлсэн. Эрдэмтэн судлаачид хамтран ажиллаж эхэлж, 1974 онд соёлын харилцааны хэлэлцээр байгуулав. Эдийн засгийн яриа хэлэлцээ 1977 оны хэлэлцээрээр үр дүнгээ өгч, Японы санхүүжилтээр Монголд ноолуурын үйлдвэр баригдсан. Энэ бүлэгт хоёр орны архивт хадгалагдаж буй баримтаар эдгээр алхам бүрийг дэс дараалан үзүүлнэ.',
        ),
      }),
      period: '1971/1977',
      sections: [
        {
          id: 'goodwill-mission',
          heading: tx({
            en: 'Goodwill mission of the Japanese government',
            ja: '日本政府派遣親善使節団',
            mn: draft('Японы Засгийн газрын сайн санааны төлөөлөгчид'),
          }),
          intro: tx({}),
          itemIds: ['goodwill-mission-1971'],
        },
        {
          id: 'toward-establishment',
          heading: tx({
            en: 'Toward the establishment of diplomatic relations',
            ja: '外交関係の樹立へ',
            mn: draft('Дипломат харилцаа тогтоох зам'),
          }),
          intro: tx({}),
          itemIds: ['joint-communique-1972', 'exchange-of-notes-1972'],
        },
        {
          id: 'appointment-of-ambassadors',
          heading: tx({
            en: 'Appointment of ambassadors',
            ja: draft('大使の任命'),
            mn: draft('Элчин сайд нарыг томилсон нь'),
          }),
          intro: tx({}),
          itemIds: [
            'credentials-luvsanchultem-1972',
            'cabinet-approval-niizeki-1972',
            'credentials-translation-niizeki-1972',
          ],
        },
        {
          id: 'academic-exchanges',
          heading: tx({
            en: 'Academic exchanges',
            ja: draft('学術交流'),
            mn: draft('Эрдэм шинжилгээний солилцоо'),
          }),
          intro: tx({}),
          itemIds: ['academic-exchange-1972'],
        },
        {
          id: 'embassies',
          heading: tx({
            en: 'Opening of embassies',
            ja: draft('大使館の開設'),
            mn: draft('Элчин сайдын яамд нээгдсэн нь'),
          }),
          intro: tx({}),
          itemIds: ['politburo-resolution-272-1972', 'japanese-embassy-letter-1973', 'akiyama-photo-1977'],
        },
        {
          id: 'cultural-exchanges',
          heading: tx({
            en: 'Cultural exchanges',
            ja: '文化交流',
            mn: draft('Соёлын солилцоо'),
          }),
          intro: tx({}),
          itemIds: ['cultural-agreement-1974'],
        },
        {
          id: 'economic-partnership',
          heading: tx({
            en: 'Economic partnership',
            ja: '経済協力',
            mn: draft('Эдийн засгийн хамтын ажиллагаа'),
          }),
          intro: tx({}),
          itemIds: ['economic-meeting-1975', 'cashmere-agreement-1977'],
        },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Site pages
// ---------------------------------------------------------------------------------------------

const pages: SitePage[] = [
  {
    id: 'terms',
    title: tx({
      en: 'Terms of Use',
      ja: draft('利用規約'),
      mn: draft('Ашиглалтын нөхцөл'),
    }),
    body: tx({
      en: [
        'This site is a demonstration. Its headings, record titles and reference codes follow the 2022 exhibition "Japan and Mongolia: Our History through Archival Records", but the introductions and captions were written for this demo and are not the text of that exhibition.',
        'The pictures shown with the records are placeholders generated by the platform. They are not reproductions of the records and do not show what the originals look like.',
        'Each record belongs to the institution that holds it. The copyright status of the records has not been evaluated for this site: Copyright Not Evaluated (http://rightsstatements.org/vocab/CNE/1.0/).',
        'To cite a record, give the holding institution and the reference code shown with it, for example: Central Archive of Ministry of Foreign Affairs, Mongolia, Fund-59, File-1, Unit-66.',
        'If you want a reproduction of a record or permission to use it, please contact the holding institution directly.',
      ].join('\n\n'),
      ja: draft(
        [
          'このサイトはデモです。見出し、資料名、資料番号は2022年の展示「日本とモンゴル~綴られた交流のあゆみ~」に基づいていますが、導入文と解説文はこのデモのために書き下ろしたもので、同展示の文章ではありません。',
          '各資料とともに表示される画像は、プラットフォームが生成した仮の画像です。資料の複製ではなく、原資料の実際の姿を示すものではありません。',
          '各資料の権利は、それを所蔵する機関に帰属します。本サイトでは資料の著作権の状態を評価していません:Copyright Not Evaluated(http://rightsstatements.org/vocab/CNE/1.0/)。',
          '資料を引用する際は、所蔵機関名と資料番号を記してください。例:Central Archive of Ministry of Foreign Affairs, Mongolia, Fund-59, File-1, Unit-66。',
          '資料の複製や利用の許可については、所蔵機関に直接お問い合わせください。',
        ].join('\n\n'),
      ),
      mn: draft(
        [
          'Энэ сайт нь туршилтын хувилбар юм. Гарчиг, баримтын нэр, архивын шифрийг 2022 оны «Япон ба Монгол: Архивын баримтад тусгагдсан бидний түүх» үзэсгэлэнгээс авсан боловч оршил болон тайлбарыг энэхүү туршилтын хувилбарт зориулан шинээр бичсэн бөгөөд тус үзэсгэлэнгийн эх бичвэр биш болно.',
          'Баримтуудын хамт харуулж буй зургууд нь платформоос үүсгэсэн түр орлуулга зураг юм. Эдгээр нь баримтын хуулбар биш бөгөөд эх баримтын жинхэнэ төрхийг харуулахгүй.',
          'Баримт бүр түүнийг хадгалж буй байгууллагын өмч юм. Энэ сайтад баримтуудын зохиогчийн эрхийн байдлыг үнэлээгүй: Copyright Not Evaluated (http://rightsstatements.org/vocab/CNE/1.0/).',
          'Баримтыг иш татахдаа хадгалагч байгууллагын нэр болон архивын шифрийг заана уу. Жишээ нь: Central Archive of Ministry of Foreign Affairs, Mongolia, Fund-59, File-1, Unit-66.',
          'Баримтын хуулбар авах буюу ашиглах зөвшөөрөл авахыг хүсвэл хадгалагч байгууллагад шууд хандана уу.',
        ].join('\n\n'),
      ),
    }),
  },
];

export const demo: DemoContent = { institutions, people, places, items, exhibition, pages };
