import type { CliIo } from './cli-io.js';

const WIDTH = 30;
const REDRAW_MS = 100;

/**
 * A progress bar on stderr: redrawn in place on a terminal, one line per tenth otherwise (CI logs
 * keep every line).
 */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private lastTenth = 0;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly io: CliIo,
  ) {}

  tick(): void {
    this.done++;
    const now = performance.now();
    if (this.io.interactive) {
      if (now - this.lastDraw >= REDRAW_MS || this.done === this.total) {
        this.lastDraw = now;
        this.io.err(`\r${this.line(now)}`);
      }
      return;
    }
    const tenth = Math.floor((this.done * 10) / this.total);
    if (tenth > this.lastTenth) {
      this.lastTenth = tenth;
      this.io.err(`${this.line(now)}\n`);
    }
  }

  finish(): void {
    if (this.io.interactive && this.total > 0) this.io.err('\n');
  }

  private line(now: number): string {
    const filled = Math.round((this.done / this.total) * WIDTH);
    const percent = Math.floor((this.done / this.total) * 100);
    const seconds = ((now - this.started) / 1000).toFixed(1);
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${this.done}/${this.total} tenants ${percent}% ${seconds}s`;
  }
}
