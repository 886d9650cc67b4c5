import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { RouteServer } from '../../../src/directline/routeServer.js';

/** The slice of a restify server the tests drive. */
export type TestRestifyServer = RouteServer & {
  listen(port: number, host: string, cb: () => void): void;
  close(cb?: () => void): void;
  address(): AddressInfo;
};

// restify ships no type declarations; the tests only need createServer.
const restify = createRequire(import.meta.url)('restify') as { createServer(opts?: object): TestRestifyServer };

/** A real restify 12 server on 127.0.0.1 and a random port, after `register` wired its routes. */
export async function startRestify(register: (server: TestRestifyServer) => void): Promise<{ server: TestRestifyServer; url: string; close(): Promise<void> }> {
  const server = restify.createServer({ name: 'test' });
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
