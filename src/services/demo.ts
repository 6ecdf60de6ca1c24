// Loads the demo exhibition (chapter V of "Japan and Mongolia") with placeholder images.
import { readFile } from 'node:fs/promises';
import { demo, type DemoContent } from '../../content/demo/chapter-v.ts';
import { resolveText } from '../i18n/fallback.ts';
import { prepareImage } from '../media/iiif/pyramid.ts';
import { renderPlaceholder, thumbPath } from '../media/placeholder.ts';
import type { MediaStore } from '../media/store.ts';
import type { Institution, Item, Media } from '../domain/types.ts';
import type { ContentService } from './content.ts';
import { stampEntity } from './translation.ts';

/** "National Central Archives of Mongolia, Archive of Movie, …": the institution with its parents, in English. */
function institutionLine(inst: Institution, all: readonly Institution[]): string {
  const names: string[] = [];
  for (let cur: Institution | undefined = inst; cur; cur = all.find((i) => i.id === cur?.parentId)) {
    names.unshift(resolveText(cur.name, ['en'])?.value ?? cur.id);
    if (names.length > 5) break;
  }
  return names.join(', ');
}

async function placeholderMedia(item: DemoContent['items'][number], content: DemoContent, media: MediaStore): Promise<Media> {
  const inst = content.institutions.find((i) => i.id === item.institutionId);
  const rendered = await renderPlaceholder({
    mediaType: item.mediaType,
    institution: inst ? institutionLine(inst, content.institutions) : item.institutionId,
    referenceCode: item.referenceCode,
    heading: resolveText(item.heading, ['en', 'mn', 'ja'])?.value ?? item.id,
  });
  const path = `demo/${item.id}.jpg`;
  await media.write(path, rendered.full);
  await media.write(thumbPath(path), rendered.thumb);
  return {
    id: `${item.id}-1`,
    kind: 'image',
    // A film record is shown by a poster still until a playable copy is attached.
    role: item.mediaType === 'film' ? 'poster' : 'primary',
    path,
    mime: 'image/jpeg',
    width: rendered.width,
    height: rendered.height,
    duration: null,
    placeholder: true,
    alt: {},
  };
}

/** The demo's placeholder film with its captions, for a film item that has one in content/demo/media/. */
async function demoFilm(item: DemoContent['items'][number], media: MediaStore): Promise<Media | null> {
  const film = DEMO_FILMS[item.id];
  if (item.mediaType !== 'film' || !film) return null;
  const dir = new URL('../../content/demo/media/', import.meta.url);
  const path = `demo/${item.id}.webm`;
  await media.write(path, await readFile(new URL(`${item.id}.webm`, dir)));
  const captions: NonNullable<Media['captions']> = [];
  for (const lang of film.captions) {
    const vtt = `demo/${item.id}.${lang}.vtt`;
    await media.write(vtt, await readFile(new URL(`${item.id}.${lang}.vtt`, dir)));
    captions.push({ lang, kind: 'captions', path: vtt });
  }
  return { id: `${item.id}-film`, kind: 'video', role: 'primary', path, mime: 'video/webm', width: film.width, height: film.height, duration: film.duration, placeholder: true, alt: {}, captions };
}

/** Placeholder films made by scripts/make-demo-film.sh, with the languages of their captions. */
const DEMO_FILMS: Record<string, { width: number; height: number; duration: number; captions: string[] }> = {
  'goodwill-mission-1971': { width: 640, height: 360, duration: 8, captions: ['en', 'ja', 'mn'] },
};

/** Writes the demo content in one transaction; files are written first and are harmless if it fails. */
export async function loadDemo(content: ContentService, media: MediaStore, data: DemoContent = demo): Promise<void> {
  const items: Item[] = [];
  const pyramids: Promise<unknown>[] = [];
  for (const item of data.items) {
    const still = await placeholderMedia(item, data, media);
    // Images are cut into their IIIF tile pyramid once, here, not when a visitor first zooms;
    // cutting mostly waits on the disk, so it runs while the next placeholder is drawn.
    pyramids.push(prepareImage(media, still.id, still.path).then(() => null, (err: unknown) => err));
    const film = await demoFilm(item, media);
    items.push({ ...item, media: film ? [still, film] : [still], state: 'published' });
  }
  const failed = (await Promise.all(pyramids)).find((r) => r !== null);
  if (failed) throw failed;
  // Every translation in the demo was made from the source text as it stands, so each is
  // stamped with it: the demo starts with nothing outdated.
  const src = data.exhibition.sourceLang;
  await content.batch(async (svc) => {
    // Parents before children, so the foreign key on parent_id holds at every insert.
    const ordered = [...data.institutions].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const inst of ordered) await svc.saveInstitution(stampEntity('institution', null, inst, src, undefined), data.institutions.indexOf(inst));
    for (const p of data.people) await svc.savePerson(stampEntity('person', null, p, src, undefined));
    for (const p of data.places) await svc.savePlace(stampEntity('place', null, p, src, undefined));
    for (const item of items) await svc.saveItem(stampEntity('item', null, item, src, undefined));
    await svc.saveExhibition(stampEntity('exhibition', null, { ...data.exhibition, state: 'published' }, src, undefined));
    for (const page of data.pages) await svc.saveSitePage(stampEntity('page', null, page, src, undefined));
  });
}
