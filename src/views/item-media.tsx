// How an item's media are shown on its page: images in a deep-zoom viewer over IIIF tiles
// (the plain image without JavaScript), a film or sound recording in the browser's own player
// with its captions, and the IIIF manifest link that other viewers take by drag and drop.
import { AV_PREFIX, IMAGE_PREFIX } from '../iiif/urls.ts';
import type { Item, Media } from '../domain/types.ts';
import { thumbPath } from '../media/placeholder.ts';
import { firstImage, imageAlt, mediaUrl } from './components.tsx';
import { plain, type ViewContext } from './context.ts';

/** Where the viewer reads an image's tiles: our Image API, the archive's own, or a single image. */
function tileSource(m: Media): string | { type: 'image'; url: string } | null {
  if (m.service) return `${m.service.id.replace(/\/+$/, '')}/info.json`;
  if (m.url) return { type: 'image', url: m.url };
  return m.path ? `${IMAGE_PREFIX}/${encodeURIComponent(m.id)}/info.json` : null;
}

/** The plain image: the stored file, or the archive's own image for a record that stays there. */
function imageSrc(m: Media): string | null {
  if (m.path) return mediaUrl(m.path);
  return m.url ?? null;
}

/**
 * A small image of a medium for lists: the stored thumbnail, or for a record that stays at its
 * archive a size from the archive's image service (its own full image for a level 0 service).
 */
export function thumbnailSrc(m: Media, width = 480): string | null {
  if (m.path) return mediaUrl(thumbPath(m.path));
  if (m.service && !/level0/.test(m.service.profile)) {
    // Version 3 refuses sizes above the image's own without "^", so never ask for more than it has.
    const w = Math.min(width, m.width ?? width);
    return `${m.service.id.replace(/\/+$/, '')}/full/${w},/0/default.jpg`;
  }
  return m.url ?? null;
}

function fileUrl(path: string): string {
  return `${AV_PREFIX}/${path}`;
}

function languageName(ctx: ViewContext, lang: string): string {
  return ctx.languages.find((l) => l.tag === lang)?.name ?? lang;
}

function Player({ ctx, item, av, poster }: { ctx: ViewContext; item: Item; av: Media; poster: Media | undefined }) {
  const src = av.url ?? fileUrl(av.path);
  const tracks = (av.captions ?? []).filter((c) => c.path || c.url);
  const heading = plain(ctx, item.heading, item.id);
  const label = ctx.t('iiif.film.label', { heading });
  const posterSrc = poster ? imageSrc(poster) : null;
  // Captions from another site are fetched with CORS, which the player asks for only when told.
  const crossOrigin = tracks.some((c) => c.url) ? 'anonymous' : undefined;
  const Tag = av.kind === 'audio' ? 'audio' : 'video';
  return (
    <div class={`player player-${Tag}`}>
      <Tag
        controls
        preload="metadata"
        aria-label={label}
        crossOrigin={crossOrigin}
        {...(Tag === 'video' ? { poster: posterSrc ?? undefined, width: av.width ?? undefined, height: av.height ?? undefined, playsInline: true } : {})}
      >
        <source src={src} type={av.mime} />
        {tracks.map((c) => (
          <track
            kind={c.kind}
            srcLang={c.lang}
            label={languageName(ctx, c.lang)}
            src={c.url ?? fileUrl(c.path ?? '')}
            default={c.lang === ctx.lang || undefined}
          />
        ))}
        <p>
          {ctx.t('iiif.film.noVideo')} <a href={src}>{ctx.t('iiif.film.download')}</a>
        </p>
      </Tag>
    </div>
  );
}

/** A viewer control drawn as a stroke icon, so it looks the same whatever fonts the reader has. */
function ViewerButton({ id, label, icon }: { id: string; label: string; icon: string }) {
  return (
    <button type="button" id={id} aria-label={label} title={label}>
      <svg viewBox="0 0 22 22" width="22" height="22" aria-hidden="true" focusable="false">
        <path d={icon} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
      </svg>
    </button>
  );
}

function Viewer({ ctx, item, images }: { ctx: ViewContext; item: Item; images: Media[] }) {
  const first = images[0];
  if (!first) return null;
  const sources = images.map(tileSource).filter((s) => s !== null);
  const src = imageSrc(first);
  const heading = plain(ctx, item.heading, item.id);
  const id = `viewer-${item.id}`;
  return (
    <div class="viewer" id={id} data-tile-sources={JSON.stringify(sources)} data-label={ctx.t('iiif.viewer.label', { heading })}>
      <div class="viewer-bar" hidden>
        <ViewerButton id={`${id}-in`} label={ctx.t('iiif.viewer.zoomIn')} icon="M11 5v12M5 11h12" />
        <ViewerButton id={`${id}-out`} label={ctx.t('iiif.viewer.zoomOut')} icon="M5 11h12" />
        <ViewerButton id={`${id}-home`} label={ctx.t('iiif.viewer.home')} icon="M4 4h14v14H4zM8 8h6v6H8z" />
        <ViewerButton id={`${id}-full`} label={ctx.t('iiif.viewer.fullscreen')} icon="M3 8V3h5M14 3h5v5M19 14v5h-5M8 19H3v-5" />
        {sources.length > 1 ? (
          <>
            <ViewerButton id={`${id}-prev`} label={ctx.t('iiif.viewer.previous')} icon="M14 4l-7 7 7 7" />
            <ViewerButton id={`${id}-next`} label={ctx.t('iiif.viewer.next')} icon="M8 4l7 7-7 7" />
            <span class="viewer-count">{ctx.t('iiif.viewer.pages', { count: sources.length })}</span>
          </>
        ) : null}
      </div>
      <div class="viewer-stage" id={`${id}-stage`} hidden></div>
      <p class="viewer-keys" id={`${id}-keys`} hidden>
        {ctx.t('iiif.viewer.keys')}
      </p>
      {src ? (
        <a class="viewer-fallback" href={src}>
          <img src={src} alt={imageAlt(ctx, item, first)} width={first.width ?? undefined} height={first.height ?? undefined} />
        </a>
      ) : null}
    </div>
  );
}

export function ItemMedia({ ctx, item }: { ctx: ViewContext; item: Item }) {
  const av = item.media.find((m) => (m.kind === 'video' || m.kind === 'audio') && (m.path || m.url));
  const poster = firstImage(item);
  const images = item.media.filter((m) => m.kind === 'image' && m.role === 'primary' && (m.path || m.url));
  const shown = av ?? images[0] ?? poster;
  if (!shown) return null;
  const remote = item.media.some((m) => m.url);
  const placeholder = shown.placeholder;
  const manifest = `/iiif/items/${item.id}/manifest.json`;
  return (
    <figure class="record-media">
      {av ? <Player ctx={ctx} item={item} av={av} poster={poster} /> : <Viewer ctx={ctx} item={item} images={images.length ? images : poster ? [poster] : []} />}
      <figcaption>
        {placeholder ? (av ? ctx.t('iiif.film.placeholderNote') : ctx.t('media.placeholderNote')) : null}
        {item.mediaType === 'film' && !av ? <> {ctx.t('media.filmNotHere')}</> : null}
        {remote ? <> {ctx.t('iiif.remote')}</> : null}
      </figcaption>
      <p class="iiif-link">
        <a href={manifest} data-manifest={manifest} draggable={true}>
          <span class="iiif-badge" aria-hidden="true">
            IIIF
          </span>{' '}
          {ctx.t('iiif.link')}
        </a>
        <span class="iiif-help"> {ctx.t('iiif.linkHelp')}</span>
      </p>
      {!av && ctx.assets.js['openseadragon.min.js'] ? <script src={ctx.assets.js['openseadragon.min.js']} defer /> : null}
      {ctx.assets.js['viewer.js'] ? <script src={ctx.assets.js['viewer.js']} defer /> : null}
    </figure>
  );
}
