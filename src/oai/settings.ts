// Settings of the OAI-PMH endpoint, read from the environment like the IIIF ones.
export interface OaiSettings {
  /** The site's public base URL; the request's own origin when null. */
  publicUrl: string | null;
  /** The repository identifier in record identifiers (oai:{id}:item/{item}); the public host when null. */
  repositoryId: string | null;
  /** repositoryName in Identify; the site's name from the message catalog when null. */
  repositoryName: string | null;
  /** adminEmail in Identify; webmaster@{repository id} when null. */
  adminEmail: string | null;
  /** Records (or headers) per response before a resumption token. */
  pageSize: number;
  /** How long a resumption token stays valid. */
  tokenTtlMs: number;
  /** Build the base URL from X-Forwarded-* (only behind a proxy that sets them). */
  trustForwarded: boolean;
}

function intFrom(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return n;
}

const DOMAIN = /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/;
const EMAIL = /^\S+@(\S+\.)+\S+$/;

export function oaiSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OaiSettings {
  const publicUrl = env['TSUZURI_PUBLIC_URL']?.replace(/\/+$/, '') || null;
  if (publicUrl && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`TSUZURI_PUBLIC_URL must be an http(s) URL, got "${publicUrl}"`);
  const repositoryId = env['TSUZURI_OAI_REPOSITORY_ID'] || null;
  if (repositoryId && !DOMAIN.test(repositoryId)) {
    throw new Error(`TSUZURI_OAI_REPOSITORY_ID must be a domain name such as archives.example.org, got "${repositoryId}"`);
  }
  const adminEmail = env['TSUZURI_OAI_ADMIN_EMAIL'] || null;
  if (adminEmail && !EMAIL.test(adminEmail)) throw new Error(`TSUZURI_OAI_ADMIN_EMAIL must be an e-mail address, got "${adminEmail}"`);
  return {
    publicUrl,
    repositoryId,
    repositoryName: env['TSUZURI_OAI_REPOSITORY_NAME'] || null,
    adminEmail,
    pageSize: intFrom('TSUZURI_OAI_PAGE_SIZE', env['TSUZURI_OAI_PAGE_SIZE'], 100, 1),
    tokenTtlMs: intFrom('TSUZURI_OAI_TOKEN_TTL_S', env['TSUZURI_OAI_TOKEN_TTL_S'], 24 * 3600, 60) * 1000,
    trustForwarded: env['TSUZURI_TRUST_PROXY'] === '1',
  };
}

/** A repository identifier as the oai-identifier scheme wants it (a domain name). */
export function isDomainName(s: string): boolean {
  return DOMAIN.test(s);
}

export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}
