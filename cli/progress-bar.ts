// A cli-progress bar on stderr for imports and exports of many rows; silent when stderr is not a
// terminal (logs and pipes stay clean) and for jobs under about 10,000 rows.
import cliProgress from "cli-progress";

export const PROGRESS_BAR_MIN_ROWS = 10_000;

export interface RowProgress {
  update(done: number): void;
  stop(): void;
}

export function rowProgress(label: string, total: number): RowProgress {
  if (total < PROGRESS_BAR_MIN_ROWS || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} rows`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
