import type { ComponentChildren } from 'preact';
import { textRef, type TextRef } from '../domain/translation.ts';
import type { Institution, Item, LocalizedText, Media } from '../domain/types.ts';
import type { ResolvedText } from '../i18n/fallback.ts';
import { formatDate, href, institutionName, plain, text, type ViewContext } from './context.ts';
import { thumbnailSrc } from './item-media.tsx';

/**
 * Where a note's value lives, for the script that links signed-in translators to the editor:
 * an empty, hidden marker right after the note, so the note itself stays as it always was.
 */
function NoteRef({ ctx, at }: { ctx: ViewContext; at: TextRef | undefined }) {
  if (!at) return null;
  return <span class="tr-ref" hidden data-tr={`${at.entity}/${at.id}/${at.field}`} data-tr-lang={ctx.lang} data-tr-label={ctx.t('tr.note.edit')} />;
}

/** Scripts written in vertical lines (traditional Mongolian): their text always carries its `lang`, for the vertical style. */
function isVertical(lang: string): boolean {
  return /-Mong(-|$)/i.test(lang);
}

/**
 * A translated value. When it comes from another language it carries that language's
 * `lang` (so screen readers and fonts switch) and a visible note; a draft gets a discreet one.
 * `at` names the stored field, so the note can become a link for its translators.
 */
export function Tx({ ctx, value, fallback, at }: { ctx: ViewContext; value: ResolvedText | null; fallback?: string; at?: TextRef | undefined }) {
  if (!value) return fallback ? <>{fallback}</> : null;
  const notes: ComponentChildren[] = [];
  if (value.fallback) {
    notes.push(
      <span class="note note-missing" lang={ctx.lang}>
        {ctx.t('translation.missing')}
      </span>,
      <NoteRef ctx={ctx} at={at} />,
    );
  } else if (value.status === 'draft') {
    notes.push(
      <span class="note note-draft" lang={ctx.lang}>
        {ctx.t('translation.draft')}
      </span>,
      <NoteRef ctx={ctx} at={at} />,
    );
  }
  return (
    <>
      {value.lang !== ctx.lang || isVertical(value.lang) ? <span lang={value.lang}>{value.value}</span> : value.value}
      {notes.length ? <> {notes}</> : null}
    </>
  );
}

export function T({ ctx, value, fallback }: { ctx: ViewContext; value: LocalizedText | undefined; fallback?: string }) {
  const at = textRef(value);
  return fallback === undefined ? <Tx ctx={ctx} value={text(ctx, value)} at={at} /> : <Tx ctx={ctx} value={text(ctx, value)} fallback={fallback} at={at} />;
}

/** Multi-paragraph text (paragraphs separated by a blank line), with the same language notes. */
export function Paragraphs({ ctx, value }: { ctx: ViewContext; value: LocalizedText | undefined }) {
  const v = text(ctx, value);
  if (!v) return null;
  const paras = v.value.split(/\n\s*\n/).filter((p) => p.trim() !== '');
  const langAttr = v.lang !== ctx.lang ? v.lang : undefined;
  const at = textRef(value);
  return (
    <div class="prose" lang={langAttr}>
      {paras.map((p) => (
        <p>{p}</p>
      ))}
      {v.fallback ? (
        <p class="note note-missing" lang={ctx.lang}>
          {ctx.t('translation.missing')}
        </p>
      ) : v.status === 'draft' ? (
        <p class="note note-draft" lang={ctx.lang}>
          {ctx.t('translation.draft')}
        </p>
      ) : null}
      {v.fallback || v.status === 'draft' ? <NoteRef ctx={ctx} at={at} /> : null}
    </div>
  );
}

export function mediaUrl(path: string): string {
  return `/media/${path}`;
}

export function imageAlt(ctx: ViewContext, item: Item, media: Media): string {
  const own = plain(ctx, media.alt);
  if (own) return own;
  const heading = plain(ctx, item.heading, item.id);
  return media.placeholder ? ctx.t('media.placeholderAlt', { heading }) : heading;
}

/** The still that stands for an item in lists: its first image, poster or primary. */
export function firstImage(item: Item): Media | undefined {
  return item.media.find((m) => m.kind === 'image');
}

/** The three lines that identify a record in its archive, as rows of a <dl>. */
export function RecordFactRows({ ctx, item, institutions }: { ctx: ViewContext; item: Item; institutions: ReadonlyMap<string, Institution> }) {
  const inst = institutions.get(item.institutionId);
  return (
    <>
      <div>
        <dt>{ctx.t('item.holder')}</dt>
        <dd>{inst ? <a href={href(ctx, `/institutions/${inst.id}`)}>{institutionName(ctx, inst, institutions)}</a> : item.institutionId}</dd>
      </div>
      <div>
        <dt>{ctx.t('item.referenceCode')}</dt>
        <dd class="refcode">{item.referenceCode ?? <span class="muted">{ctx.t('item.noReferenceCode')}</span>}</dd>
      </div>
      {text(ctx, item.title) ? (
        <div>
          <dt>{ctx.t('item.archivalTitle')}</dt>
          <dd>
            <T ctx={ctx} value={item.title} />
          </dd>
        </div>
      ) : null}
    </>
  );
}

/** Items joined by the language's list separator ("、" in Japanese). */
export function InlineList({ ctx, children }: { ctx: ViewContext; children: ComponentChildren[] }) {
  return (
    <>
      {children.map((c, i) => (
        <>
          {i ? ctx.t('list.separator') : null}
          {c}
        </>
      ))}
    </>
  );
}

/** One record in a list: thumbnail, heading, date, holder, reference code, caption. */
export function ItemCard({
  ctx,
  item,
  institutions,
  headingLevel = 3,
  caption = true,
}: {
  ctx: ViewContext;
  item: Item;
  institutions: ReadonlyMap<string, Institution>;
  headingLevel?: 2 | 3 | 4;
  caption?: boolean;
}) {
  const img = firstImage(item);
  // A record that stays at its archive has no local file: its thumbnail comes from the archive's image service.
  const thumb = img ? thumbnailSrc(img) : null;
  const H = `h${headingLevel}` as 'h3';
  const date = formatDate(ctx, item.date);
  const link = href(ctx, `/items/${item.id}`);
  return (
    <article class="card" id={`item-${item.id}`}>
      {img && thumb ? (
        <a class="thumb" href={link} tabIndex={-1} aria-hidden="true">
          <img
            src={thumb}
            alt=""
            width={480}
            height={img.width && img.height ? Math.round((480 * img.height) / img.width) : undefined}
            loading="lazy"
            decoding="async"
          />
        </a>
      ) : null}
      <div class="card-body">
        <H class="card-title">
          <a href={link}>
            <T ctx={ctx} value={item.heading} fallback={item.id} />
          </a>
        </H>
        <p class="meta">
          {date ? <time>{date}</time> : <span class="muted">{ctx.t('item.undated')}</span>}
          <span class="badge">{ctx.t(`mediaType.${item.mediaType}`)}</span>
        </p>
        <dl class="facts">
          <RecordFactRows ctx={ctx} item={item} institutions={institutions} />
        </dl>
        {caption ? <Paragraphs ctx={ctx} value={item.caption} /> : null}
      </div>
    </article>
  );
}

export function Breadcrumbs({ ctx, trail }: { ctx: ViewContext; trail: { label: ComponentChildren; href?: string }[] }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.t('nav.breadcrumbs')}>
      <ol>
        {trail.map((c) => (
          <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
