import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { z } from 'zod';
import type { AppStorage } from '../storage/appStorage.js';

const transcriptEntry = z.object({ from: z.enum(['user', 'bot']), text: z.string(), at: z.string() });
const citationSchema = z.object({ title: z.string(), quote: z.string(), url: z.string().optional() });

/** What the bot remembers about one conversation. */
export const conversationDataSchema = z.object({
  programId: z.string().optional(),
  lastIntent: z.string().optional(),
  lastQuestion: z.string().optional(),
  unansweredInRow: z.number().int().min(0).default(0),
  lang: z.enum(['de', 'en']).optional(),
  transcript: z.array(transcriptEntry).default([]),
  lastCitations: z.array(citationSchema).default([]),
  welcomed: z.boolean().default(false),
  /** The last factual answers, so a 👍/👎 can name the question and answer it rates. */
  recentAnswers: z
    .array(z.object({ ref: z.string().max(64), question: z.string().max(1000), answer: z.string().max(1000), programId: z.string().optional() }))
    .default([]),
  /** The last handled activity and the replies it got: a channel's retry of it gets the same replies again. */
  // The replies are our own activities, stored as sent; only their count is checked.
  lastTurn: z.object({ activityId: z.string().max(512), replies: z.array(z.unknown()).max(20) }).optional(),
  /** A 👎 waiting for its optional one-line comment. */
  pendingFeedback: z.object({ eventId: z.string().max(80), at: z.string() }).optional(),
  /** botbuilder-dialogs' stack; its shape belongs to the dialogs library. */
  dialogState: z.unknown().optional(),
});
export type ConversationData = z.infer<typeof conversationDataSchema>;

export const profileSchema = z.object({
  municipalityName: z.string().max(200).optional(),
  entityType: z.enum(['landkreis', 'kreisfreie_stadt', 'kreisangehoerige_stadt', 'gemeinde', 'organisation', 'stadt']).optional(),
  state: z.string().max(60).optional(),
  population: z.number().int().min(1).max(5_000_000).optional(),
  leadershipSupport: z.boolean().optional(),
  contactPerson: z.boolean().optional(),
  needsAnonymity: z.boolean().optional(),
  programs: z.array(z.string()).optional(),
  email: z.string().email().optional(),
  completedAt: z.string().optional(),
});
export type Profile = z.infer<typeof profileSchema>;

/** What the bot remembers about one user across conversations. */
export const userDataSchema = z.object({
  profile: profileSchema.optional(),
  conversations: z.array(z.string()).default([]),
  handoffs: z.array(z.string()).default([]),
});
export type UserData = z.infer<typeof userDataSchema>;

export interface TurnData {
  convKey: string;
  userKey: string;
  conv: ConversationData;
  user: UserData;
  convEtag?: string;
  userEtag?: string;
  /** Set when "delete my data" ran: nothing is written back. */
  deleted?: boolean;
  /** The user item as loaded, to skip writing it when the turn did not change it. */
  userSnapshot?: string;
}

export const TURN_DATA = Symbol('foerderlotse.turnData');

/** Storage keys of a turn: one item per conversation, one per user. */
export function stateKeys(context: TurnContext): { convKey: string; userKey: string } {
  const a = context.activity;
  const channel = a.channelId ?? 'unknown';
  return { convKey: `conv/${channel}/${a.conversation?.id ?? 'none'}`, userKey: `user/${channel}/${a.from?.id ?? 'anonymous'}` };
}

/** An item as this process last wrote (or read) it, with the eTag it was stored under. */
interface CachedItem<T> {
  etag: string;
  value: T;
  /** The user item serialised, to tell whether a turn changed it. */
  snapshot?: string;
}

/** Conversations (and their users) whose last state this process keeps parsed in memory. */
export const STATE_CACHE_ENTRIES = 500;

/**
 * Loads and saves turn state with real eTags (botbuilder's BotState writes with '*', so a
 * concurrent turn's profile answer could be lost silently). A stale write throws a conflict.
 *
 * Every turn reads and writes both items, so the process keeps what it wrote last, already
 * validated, and asks the storage only whether the stored eTag is still that one (a conditional
 * read): another instance's write, a deletion or a restart is still seen. A turn takes its items
 * out of the cache and they return only after a successful save, so a failed or conflicting turn
 * never leaves a half-changed copy behind.
 */
export class TurnStateStore {
  private readonly cache = new Map<string, CachedItem<ConversationData> | CachedItem<UserData>>();

  constructor(
    private readonly storage: AppStorage,
    private readonly cacheEntries = STATE_CACHE_ENTRIES * 2,
  ) {}

  async load(convKey: string, userKey: string): Promise<TurnData> {
    const cachedConv = this.take(convKey) as CachedItem<ConversationData> | undefined;
    const cachedUser = this.take(userKey) as CachedItem<UserData> | undefined;
    const { items, unchanged } = await this.storage.readChanged({ [convKey]: cachedConv?.etag, [userKey]: cachedUser?.etag });
    let d: TurnData;
    if (cachedConv && unchanged.has(convKey)) {
      d = { convKey, userKey, conv: cachedConv.value, convEtag: cachedConv.etag } as TurnData;
    } else {
      // A stored item that does not fit the schema (an older version) starts over rather than failing every turn.
      const conv = conversationDataSchema.safeParse(items[convKey] ?? {});
      d = { convKey, userKey, conv: conv.success ? conv.data : conversationDataSchema.parse({}), convEtag: items[convKey]?.eTag } as TurnData;
    }
    if (cachedUser && unchanged.has(userKey)) {
      d.user = cachedUser.value;
      d.userEtag = cachedUser.etag;
      d.userSnapshot = cachedUser.snapshot;
    } else {
      const user = userDataSchema.safeParse(items[userKey] ?? {});
      d.user = user.success ? user.data : userDataSchema.parse({});
      d.userEtag = items[userKey]?.eTag;
      if (items[userKey] && user.success) d.userSnapshot = JSON.stringify(user.data);
    }
    return d;
  }

  async save(d: TurnData): Promise<void> {
    if (d.deleted) return;
    // 'new' never matches a stored eTag: a first write fails if another turn created the item meanwhile.
    const conv: Record<string, unknown> = { ...d.conv, eTag: d.convEtag ?? 'new' };
    const changes: Record<string, Record<string, unknown>> = { [d.convKey]: conv };
    // Most turns are questions that leave the user item as it was: it is written only when it changed.
    const userJson = JSON.stringify(d.user);
    const user: Record<string, unknown> | undefined = userJson !== d.userSnapshot ? { ...d.user, eTag: d.userEtag ?? 'new' } : undefined;
    if (user) changes[d.userKey] = user;
    await this.storage.write(changes);
    // The storage set the new eTags on what it wrote. The dialog stack's shape belongs to the
    // dialogs library: the cached copy gets it as the storage holds it, plain JSON.
    if (d.conv.dialogState !== undefined) d.conv.dialogState = JSON.parse(JSON.stringify(d.conv.dialogState));
    this.put(d.convKey, { etag: String(conv.eTag), value: d.conv });
    const userEtag = user ? String(user.eTag) : d.userEtag;
    if (userEtag !== undefined) this.put(d.userKey, { etag: userEtag, value: d.user, snapshot: userJson });
  }

  private take(key: string): CachedItem<ConversationData> | CachedItem<UserData> | undefined {
    const item = this.cache.get(key);
    this.cache.delete(key);
    return item;
  }

  private put(key: string, item: CachedItem<ConversationData> | CachedItem<UserData>): void {
    this.cache.set(key, item);
    // Map keeps insertion order and a turn re-inserts its items: the first key is the least recent.
    if (this.cache.size > this.cacheEntries) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** The turn's loaded state; set by the bot before any handler runs. */
export function turnData(context: TurnContext): TurnData {
  const d = context.turnState.get(TURN_DATA) as TurnData | undefined;
  if (!d) throw new Error('turn state not loaded');
  return d;
}

/** botbuilder-dialogs' state accessor, backed by the conversation item of this turn. */
export class DialogStateAccessor implements StatePropertyAccessor<DialogState> {
  async get(context: TurnContext, defaultValue?: DialogState): Promise<DialogState> {
    const d = turnData(context);
    if (d.conv.dialogState === undefined && defaultValue !== undefined) d.conv.dialogState = defaultValue;
    return d.conv.dialogState as DialogState;
  }
  async set(context: TurnContext, value: DialogState): Promise<void> {
    turnData(context).conv.dialogState = value;
  }
  async delete(context: TurnContext): Promise<void> {
    turnData(context).conv.dialogState = undefined;
  }
}
