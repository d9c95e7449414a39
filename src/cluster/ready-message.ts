/** What the API sends a parent that started it with an IPC channel, once every process listens. */
export const READY_MESSAGE = { type: 'curbside:ready' } as const;

/**
 * Tells a supervising parent (started with an IPC channel, as the benchmarks do) that the API is
 * serving: with API_WORKERS, only once every worker listens, which /health alone cannot show.
 */
export function announceReady(): void {
  process.send?.(READY_MESSAGE);
}
