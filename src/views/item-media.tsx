// How an item's media are shown on its page: the record's image, or a film's poster.
import type { Item } from '../domain/types.ts';
import { firstImage, imageAlt, mediaUrl } from './components.tsx';
import type { ViewContext } from './context.ts';

export function ItemMedia({ ctx, item }: { ctx: ViewContext; item: Item }) {
  const img = firstImage(item);
  if (!img) return null;
  return (
    <figure class="record-media">
      <a href={mediaUrl(img.path)}>
        <img src={mediaUrl(img.path)} alt={imageAlt(ctx, item, img)} width={img.width ?? undefined} height={img.height ?? undefined} />
      </a>
      <figcaption>
        {img.placeholder ? ctx.t('media.placeholderNote') : null}
        {item.mediaType === 'film' && img.role === 'poster' ? <> {ctx.t('media.filmNotHere')}</> : null}
      </figcaption>
    </figure>
  );
}
