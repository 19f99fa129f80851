/** Where a command writes: the process streams in production, buffers in tests. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** True when `err` is a terminal, so progress can redraw one line. */
  readonly interactive: boolean;
}

/** A usage problem: the command prints it with the usage text and exits 64. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
