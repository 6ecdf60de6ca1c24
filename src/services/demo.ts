// Loads the demo exhibition (chapter V of "Japan and Mongolia") with placeholder images.
import { demo, type DemoContent } from '../../content/demo/chapter-v.ts';
import { resolveText } from '../i18n/fallback.ts';
import { renderPlaceholder, thumbPath } from '../media/placeholder.ts';
import type { MediaStore } from '../media/store.ts';
import type { Institution, Item, Media } from '../domain/types.ts';
import type { ContentService } from './content.ts';

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

/** Writes the demo content in one transaction; files are written first and are harmless if it fails. */
export async function loadDemo(content: ContentService, media: MediaStore, data: DemoContent = demo): Promise<void> {
  const items: Item[] = [];
  for (const item of data.items) {
    items.push({ ...item, media: [await placeholderMedia(item, data, media)], state: 'published' });
  }
  await content.batch(async (svc) => {
    // Parents before children, so the foreign key on parent_id holds at every insert.
    const ordered = [...data.institutions].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const inst of ordered) await svc.saveInstitution(inst, data.institutions.indexOf(inst));
    for (const p of data.people) await svc.savePerson(p);
    for (const p of data.places) await svc.savePlace(p);
    for (const item of items) await svc.saveItem(item);
    await svc.saveExhibition({ ...data.exhibition, state: 'published' });
    for (const page of data.pages) await svc.saveSitePage(page);
  });
}
