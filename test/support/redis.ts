import { createConnection } from 'node:net';

/** The development machine's Redis; suites that need it skip with a message when it is absent. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/** Whether a Redis answers PING, asked over a plain socket with a short timeout (leaves nothing open). */
export function redisReachable(url = TEST_REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
  });
}
