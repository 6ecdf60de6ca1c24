// Why an EAD file is refused, with where: every refusal names a line (and column when known),
// so the archivist can open the file at that place.

export type EadRefusalCode =
  | 'not-xml'
  | 'doctype'
  | 'namespace'
  | 'structure'
  | 'too-large'
  | 'cancelled'
  | 'forbidden'
  | 'institution';

export class EadRefused extends Error {
  override readonly name = 'EadRefused';
  constructor(
    readonly code: EadRefusalCode,
    readonly why: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
  ) {
    super(line === null ? why : `line ${line}${column !== null ? `, column ${column}` : ''}: ${why}`);
  }
}

/** A problem with one component: it is left out, the rest of the file is imported. */
export interface ComponentIssue {
  line: number;
  /** The component's @id or its reference code, when it has one. */
  component: string | null;
  why: string;
}
