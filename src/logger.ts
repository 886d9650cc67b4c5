import { createHash } from 'node:crypto';
import pino from 'pino';

/** The logging surface modules get: structured, and never given message text or personal data. */
export interface Logger {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
  error(obj: Record<string, unknown>, msg?: string): void;
  debug(obj: Record<string, unknown>, msg?: string): void;
}

/** JSON logs on stdout (pino) at the configured level. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino({ level, base: { app: 'foerderlotse' }, timestamp: pino.stdTimeFunctions.isoTime }, destination as pino.DestinationStream | undefined);
}

/** A short salted hash of an id, so logs can correlate turns without naming anyone. */
export function hashId(id: string | undefined, salt: string): string {
  return createHash('sha256').update(`${salt}:${id ?? ''}`).digest('hex').slice(0, 12);
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
