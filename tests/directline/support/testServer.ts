import restify from 'restify';

/** A real restify 12 server on 127.0.0.1 and a random port, after `register` wired its routes. */
export async function startRestify(register: (server: restify.Server) => void): Promise<{ server: restify.Server; url: string; close(): Promise<void> }> {
  const server = restify.createServer({ name: 'test' });
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
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
