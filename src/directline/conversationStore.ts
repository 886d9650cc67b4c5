import type { Activity } from 'botbuilder';
import { DirectLineError } from './directLineErrors.js';

/** What the client receives, by WebSocket frame or polling response. */
export interface ActivitySet {
  activities: Partial<Activity>[];
  watermark: string;
}

/** A live receiver of a conversation's activities (one WebSocket). */
export interface ConversationSubscriber {
  push(set: ActivitySet): void;
  close(code: number, reason: string): void;
}

interface LoggedActivity {
  seq: number;
  activity: Partial<Activity>;
}

/** One Direct Line conversation: its bounded activity log, its subscribers and its turn queue. */
export class Conversation {
  private seq = 0;
  private readonly log: LoggedActivity[] = [];
  readonly subscribers = new Set<ConversationSubscriber>();
  private turnChain: Promise<void> = Promise.resolve();
  private pendingTurns = 0;
  /** Locale the client asked for when starting; used for service-made activities. */
  locale: string | undefined;

  constructor(
    readonly id: string,
    readonly userId: string,
    public lastSeen: number,
    private readonly maxLog: number,
  ) {}

  /** The highest watermark handed out so far. */
  get watermark(): string {
    return String(this.seq);
  }

  /** Gives the activity the next id, logs it (unless ephemeral) and pushes it to subscribers. */
  append(activity: Partial<Activity>, ephemeral = false): Partial<Activity> {
    this.seq += 1;
    const stored = { ...activity, id: `${this.id}|${String(this.seq).padStart(7, '0')}` };
    if (!ephemeral) {
      this.log.push({ seq: this.seq, activity: stored });
      if (this.log.length > this.maxLog) this.log.splice(0, this.log.length - this.maxLog);
    }
    const set = { activities: [stored], watermark: this.watermark };
    for (const s of this.subscribers) s.push(set);
    return stored;
  }

  /** Logged activities after `watermark` ('' means from the start), with the watermark to ask with next. */
  since(watermark: string): ActivitySet {
    const after = watermark === '' ? 0 : Number(watermark);
    const activities = this.log.filter((l) => l.seq > after).map((l) => l.activity);
    return { activities, watermark: this.watermark };
  }

  /** Whether another turn fits into the queue. */
  hasRoomForTurn(maxPending: number): boolean {
    return this.pendingTurns < maxPending;
  }

  /** Runs turns of this conversation one after another, so the bot never sees two at once; rejects when the queue is full. */
  enqueueTurn(turn: () => Promise<void>, maxPending: number): void {
    if (!this.hasRoomForTurn(maxPending)) throw new DirectLineError(429, 'TooManyRequests', 'Previous messages are still being answered', 2);
    this.pendingTurns += 1;
    this.turnChain = this.turnChain.then(turn).finally(() => {
      this.pendingTurns -= 1;
    });
  }

  /** Resolves when every queued turn has finished (tests and shutdown). */
  idle(): Promise<void> {
    return this.turnChain;
  }
}

/** In-memory conversations with an idle expiry and a cap on how many exist at once. */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  constructor(
    private readonly opts: { maxConversations: number; idleMs: number; maxLog: number; now: () => number },
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  /** The conversation, touched as seen now, or undefined when unknown or expired. */
  get(id: string): Conversation | undefined {
    const c = this.conversations.get(id);
    if (c) c.lastSeen = this.opts.now();
    return c;
  }

  /** Creates the conversation; throws 503 when the store is full even after expiring idle ones. */
  create(id: string, userId: string): Conversation {
    if (this.conversations.size >= this.opts.maxConversations) this.sweep();
    if (this.conversations.size >= this.opts.maxConversations) {
      throw new DirectLineError(503, 'Capacity', 'Too many open conversations, please retry later', 30);
    }
    const c = new Conversation(id, userId, this.opts.now(), this.opts.maxLog);
    this.conversations.set(id, c);
    return c;
  }

  /** Ends conversations idle for longer than the limit (an open stream's pings count as activity); returns how many. */
  sweep(): number {
    const cutoff = this.opts.now() - this.opts.idleMs;
    let ended = 0;
    for (const [id, c] of this.conversations) {
      if (c.lastSeen >= cutoff) continue;
      for (const s of c.subscribers) s.close(1000, 'conversation expired');
      this.conversations.delete(id);
      ended += 1;
    }
    return ended;
  }

  /** Closes every stream and forgets every conversation. */
  clear(): void {
    for (const c of this.conversations.values()) for (const s of c.subscribers) s.close(1001, 'server shutting down');
    this.conversations.clear();
  }

  /** Every conversation, for heartbeat passes. */
  all(): IterableIterator<Conversation> {
    return this.conversations.values();
  }
}
