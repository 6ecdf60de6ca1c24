// The subset of citation-js (npm `@citation-js/core` and its plugins) that Tsuzuri uses; the
// packages ship no type declarations.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    /** CSL-JSON items. */
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    config: { get(name: string): Record<string, Record<string, unknown>> };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
