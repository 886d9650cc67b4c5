import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request as restify hands it over: Node's request plus route params and, if a body parser ran, the body. */
export type RouteRequest = IncomingMessage & { params?: Record<string, string | undefined>; body?: unknown };

/** An async route handler (restify 12 accepts async handlers of arity 2). */
export type RouteHandler = (req: RouteRequest, res: ServerResponse) => Promise<void>;
