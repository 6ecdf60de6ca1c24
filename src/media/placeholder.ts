import sharp from 'sharp';
import type { MediaType } from '../domain/types.ts';

export interface PlaceholderSpec {
  mediaType: MediaType;
  /** Lines naming the record: holding institution, reference code, heading. Latin or Cyrillic. */
  institution: string;
  referenceCode: string | null;
  heading: string;
}

export interface RenderedImage {
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

const SIZES: Record<MediaType, [number, number]> = {
  document: [1240, 1754],
  photograph: [1600, 1100],
  film: [1600, 900],
  sound: [1200, 1200],
};

export const THUMB_WIDTH = 480;

function esc(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Greedy word wrap; long unbroken words are cut so nothing runs off the image. */
function wrap(text: string, perLine: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const w = word.length > perLine ? `${word.slice(0, perLine - 1)}…` : word;
    if ((line + ' ' + w).trim().length > perLine) {
      lines.push(line);
      line = w;
    } else line = (line + ' ' + w).trim();
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    lines.length = maxLines;
    lines[maxLines - 1] = `${lines[maxLines - 1]}…`;
  }
  return lines;
}

/**
 * An image that stands in for a record not digitised on this site. It says so in large
 * type, so nobody mistakes it for a reproduction, and names where the original is held.
 */
export async function renderPlaceholder(spec: PlaceholderSpec): Promise<RenderedImage> {
  const [width, height] = SIZES[spec.mediaType];
  const unit = width / 40;
  // Characters per line for a font size: DejaVu Sans averages ~0.6 em per glyph (bold a bit more).
  const fit = (size: number, bold = false) => Math.floor((width - 6 * unit) / (size * (bold ? 0.68 : 0.6)));
  const kind = { document: 'DOCUMENT', photograph: 'PHOTOGRAPH', film: 'FILM', sound: 'SOUND RECORDING' }[spec.mediaType];
  const body = [
    ...wrap(spec.heading, fit(unit * 1.05, true), 4).map((l) => ({ text: l, size: unit * 1.05, weight: 600 })),
    { text: '', size: unit, weight: 400 },
    ...wrap(spec.institution, fit(unit * 0.95), 3).map((l) => ({ text: l, size: unit * 0.95, weight: 400 })),
    { text: spec.referenceCode ?? 'Reference code not given in the source', size: unit * 1.3, weight: 700 },
  ];
  let y = height * 0.42;
  const tspans = body
    .map((l) => {
      y += l.size * 1.45;
      return `<text x="${unit * 3}" y="${y.toFixed(0)}" font-size="${l.size.toFixed(1)}" font-weight="${l.weight}">${esc(l.text)}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <rect width="100%" height="100%" fill="#efe9dc"/>
  <rect x="${unit}" y="${unit}" width="${width - 2 * unit}" height="${height - 2 * unit}" fill="none" stroke="#8a7f6a" stroke-width="${unit / 5}" stroke-dasharray="${unit} ${unit / 2}"/>
  <g font-family="DejaVu Sans, Noto Sans, sans-serif" fill="#3b352b">
    <text x="${unit * 3}" y="${height * 0.16}" font-size="${unit * 2.4}" font-weight="700" fill="#8c2f1b">PLACEHOLDER</text>
    <text x="${unit * 3}" y="${height * 0.16 + unit * 2.2}" font-size="${unit * 1.1}">Not a reproduction of the ${kind.toLowerCase()}.</text>
    <text x="${unit * 3}" y="${height * 0.16 + unit * 3.8}" font-size="${unit * 1.1}">The original is held by the archive named below.</text>
    <text x="${width - unit * 3}" y="${height - unit * 3}" font-size="${unit * 0.9}" text-anchor="end" fill="#8a7f6a">${kind} · Tsuzuri</text>
    ${tspans}
  </g>
</svg>`;
  const image = sharp(Buffer.from(svg));
  const full = await image.clone().jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  const thumb = await image.clone().resize({ width: THUMB_WIDTH }).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  return { full, thumb, width, height };
}

/** The thumbnail stored beside a full image: "demo/x.jpg" → "demo/x.thumb.jpg". */
export function thumbPath(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? `${path}.thumb` : `${path.slice(0, dot)}.thumb${path.slice(dot)}`;
}
