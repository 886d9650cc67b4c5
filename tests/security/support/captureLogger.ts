import type { Logger } from '../../../src/logger.js';

export interface LogEntry {
  level: 'info' | 'warn' | 'error' | 'debug';
  obj: Record<string, unknown>;
  msg?: string;
}

/** A Logger that keeps every line, so tests can count and inspect them. */
export function captureLogger(): Logger & { entries: LogEntry[]; clear(): void; at(level: LogEntry['level']): LogEntry[] } {
  const entries: LogEntry[] = [];
  const push = (level: LogEntry['level']) => (obj: Record<string, unknown>, msg?: string) => void entries.push({ level, obj, msg });
  return {
    entries,
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    debug: push('debug'),
    clear: () => void (entries.length = 0),
    at: (level) => entries.filter((e) => e.level === level),
  };
}
