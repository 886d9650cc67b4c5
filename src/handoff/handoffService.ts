import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { handoffCaseSchema } from './handoffCase.js';
import { HandoffReferenceConflictError, InvalidHandoffCaseError } from './handoffErrors.js';
import type { HandoffCase, OutboxEntry, OutboxStore } from './outboxStore.js';

/** No 0/O, 1/I/L or U, so a reference read aloud or typed from paper comes out right. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

const email = z.email();

/** Facade the dialogs use: submit a case, look up its status, and serve a user's "show/delete my data". */
export class HandoffService {
  private readonly store: OutboxStore;
  private readonly worker: { notifyQueued(reference: string): void } | null;
  private readonly clock: () => number;
  private readonly randomIndex: (max: number) => number;
  private readonly timeZone: string;

  constructor(options: {
    store: OutboxStore;
    /** Usually the DeliveryWorker; null when another process delivers. */
    worker?: { notifyQueued(reference: string): void } | null;
    clock?: () => number;
    /** Uniform integer in [0, max); crypto.randomInt by default. */
    randomIndex?: (max: number) => number;
    /** Month in the reference is taken in this time zone. */
    timeZone?: string;
  }) {
    this.store = options.store;
    this.worker = options.worker ?? null;
    this.clock = options.clock ?? Date.now;
    this.randomIndex = options.randomIndex ?? ((max) => randomInt(max));
    this.timeZone = options.timeZone ?? 'Europe/Berlin';
  }

  /** Validates and enqueues a case, wakes the worker and returns the reference; resubmitting the same case is harmless. */
  async submit(c: HandoffCase): Promise<string> {
    const parsed = handoffCaseSchema.safeParse(c);
    if (!parsed.success) throw new InvalidHandoffCaseError([...new Set(parsed.error.issues.map((i) => i.path.join('.')))]);
    const valid = parsed.data;
    await this.store.enqueue(valid, this.clock());
    const stored = await this.store.get(valid.reference);
    // Enqueue keeps the first case under a reference; a different case there means a reference collision.
    if (stored && (stored.case.userKey !== valid.userKey || stored.case.createdAt !== valid.createdAt)) {
      throw new HandoffReferenceConflictError(valid.reference);
    }
    this.worker?.notifyQueued(valid.reference);
    return valid.reference;
  }

  /** The outbox entry for a reference; with `userKey`, only if it belongs to that user. */
  async status(reference: string, userKey?: string): Promise<OutboxEntry | null> {
    const entry = await this.store.get(reference.trim().toUpperCase());
    if (!entry || (userKey !== undefined && entry.case.userKey !== userKey)) return null;
    return entry;
  }

  /** All of a user's cases, oldest first. */
  listForUser(userKey: string): Promise<OutboxEntry[]> {
    return this.store.listByUser(userKey);
  }

  /** Deletes a user's cases not sent yet; sent ones are already with the programme. Returns how many. */
  deleteUnsentForUser(userKey: string): Promise<number> {
    return this.store.deleteUnsentByUser(userKey);
  }

  /** Deletes cases enqueued before `cutoff` (epoch ms), for the retention period. */
  purgeOlderThan(cutoff: number): Promise<number> {
    return this.store.purgeOlderThan(cutoff);
  }

  /** A fresh reference like FL-2611-7K3Q9: year and month, then five random characters. */
  newReference(now: number | Date = this.clock()): string {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone: this.timeZone, year: '2-digit', month: '2-digit' })
        .formatToParts(typeof now === 'number' ? new Date(now) : now)
        .map((p) => [p.type, p.value]),
    );
    let random = '';
    for (let i = 0; i < 5; i++) random += REFERENCE_ALPHABET[this.randomIndex(REFERENCE_ALPHABET.length)];
    return `FL-${parts.year}${parts.month}-${random}`;
  }

  /** The programme's address if it is a valid e-mail address, else the default recipient. */
  recipientFor(programEmail: string | null | undefined, defaultEmail: string): string {
    return recipientFor(programEmail, defaultEmail);
  }
}

/** The programme's address if it is a valid e-mail address, else the default recipient. */
export function recipientFor(programEmail: string | null | undefined, defaultEmail: string): string {
  const candidate = programEmail?.trim();
  return candidate && email.safeParse(candidate).success ? candidate : defaultEmail;
}
