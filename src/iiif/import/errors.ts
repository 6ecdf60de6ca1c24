/** Why an import was refused; each refusal's message is written for the curator. */
export type ImportErrorCode =
  | 'bad-url'
  | 'scheme'
  | 'private-address'
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'not-json'
  | 'not-iiif'
  | 'collection'
  | 'unsupported-version'
  | 'too-many-canvases'
  | 'nothing-to-show'
  | 'invalid-item';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportError';
  }
}
