import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';

/** A request as restify hands it over: Node's request plus route params and, if a body parser ran, the body. */
export type RouteRequest = IncomingMessage & { params?: Record<string, string | undefined>; body?: unknown };

/** An async route handler (restify 12 accepts async handlers of arity 2). */
export type RouteHandler = (req: RouteRequest, res: ServerResponse) => Promise<void>;

/** The part of restify.Server these modules use; a restify 12 server satisfies it without type packages. */
export interface RouteServer {
  get(path: string, handler: RouteHandler): unknown;
  post(path: string, handler: RouteHandler): unknown;
  readonly server: HttpServer;
}
