import { randomUUID } from 'node:crypto';
import { ActivityTypes, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import { feedbackButtons, parseFeedbackActivity, teamsFeedbackChannelData, type FeedbackSubmission } from '../feedback/feedbackActions.js';
import type { FeedbackStore } from '../feedback/feedbackStore.js';
import type { Answerer } from '../answer/answerer.js';
import type { Answer } from '../answer/types.js';
import type { Translate } from '../i18n.js';
import { classifyIntent, FACTUAL_INTENTS, type Intent } from '../nlu/intents.js';
import { detectLanguage, type Lang } from '../nlu/language.js';
import type { Logger } from '../logger.js';
import { hashId } from '../logger.js';
import { StorageConflictError } from '../storage/storageErrors.js';
import { TurnLockTimeoutError, type TurnLock } from '../storage/turnLock.js';
import { buildReply, textReply } from './replyBuilder.js';
import { stateKeys, TURN_DATA, turnData, type TurnData, type TurnStateStore } from './conversationState.js';

/** Scripted flows (profile check, handoff, privacy): get the first look at every message. */
export interface Flows {
  /** Handles the turn when a flow is active or the message starts one; returns true if it did. */
  handle(context: TurnContext, turn: FlowTurn): Promise<boolean>;
  /** Offers the handoff after repeated abstentions, or runs other follow-ups after an answer. */
  afterAnswer?(context: TurnContext, turn: FlowTurn, answer: Answer): Promise<void>;
}

export interface FlowTurn {
  text: string;
  lang: Lang;
  intent: Intent;
  now: Date;
  /** Answers a question in the middle of a flow (interruptions). */
  answerQuestion(text: string): Promise<Answer>;
}

export interface BotDeps {
  answerer: Answerer;
  t: Translate;
  store: TurnStateStore;
  turnLock: TurnLock;
  logger: Logger;
  clock: () => Date;
  maxTextChars: number;
  /** Language when neither the message nor the channel says (DEFAULT_LOCALE). */
  defaultLang: Lang;
  retentionDays: number;
  logSalt: string;
  flows?: Flows;
  /** Observes each finished turn (metrics, unanswered-question records); called once the turn's state is saved. */
  onTurn?: (e: TurnEvent) => void;
  /** Where 👍/👎 and their comments are recorded (anonymously). */
  feedback?: FeedbackStore;
  onFeedback?: (direction: 'up' | 'down', programId?: string) => void;
}

export interface TurnEvent {
  channelId: string;
  intent: Intent;
  kind: Answer['kind'] | 'flow' | 'other';
  ms: number;
  programId?: string;
  question?: string;
  answer?: string;
}

const EVENTS = Symbol('foerderlotse.turnEvents');
const EVENT_ID = Symbol('foerderlotse.eventId');

const CAPTURE = Symbol('foerderlotse.capture');
// Enough for a handoff's context; the state is read and written every turn, so it stays small.
export const TRANSCRIPT_MAX = 12;
const MAX_ATTEMPTS = 6;
const OBSERVER_DELAY_MS = 20;

/** What a reply keeps for a channel's retry of its turn. */
function retryCopy(reply: Partial<Activity>): Partial<Activity> {
  const { entities: _e, channelId: _c, serviceUrl: _s, conversation: _v, from: _f, recipient: _r, replyToId: _i, ...rest } = reply;
  return rest;
}

/**
 * The bot: loads state with eTags, lets flows and the answerer handle the message, buffers the
 * replies until the state is saved, and re-runs the turn on fresh state after a write conflict —
 * so a reply is only sent once what it rests on is stored.
 */
export class FoerderBot {
  constructor(private readonly deps: BotDeps) {}

  /** The turn logic for the adapter. */
  readonly run = async (context: TurnContext): Promise<void> => {
    const { convKey, userKey } = stateKeys(context);
    let ran = false;
    try {
      await this.deps.turnLock.run(convKey, () => {
        ran = true;
        return this.runWithRetry(context, convKey, userKey);
      });
    } catch (err) {
      // Without the lock in time, the turn still runs: eTag-checked writes and re-running on a
      // conflict keep it correct; the lock only saves wasted work.
      // The same holds when the lock's database connection could not be had at all.
      if (ran) throw err;
      this.deps.logger.warn({ event: err instanceof TurnLockTimeoutError ? 'turn_lock_timeout' : 'turn_lock_unavailable', conv: hashId(convKey, this.deps.logSalt) });
      await this.runWithRetry(context, convKey, userKey);
    }
  };

  private async runWithRetry(context: TurnContext, convKey: string, userKey: string): Promise<void> {
    const buffer: Partial<Activity>[] = [];
    context.onSendActivities(async (ctx, activities, next) => {
      if (!ctx.turnState.get(CAPTURE)) return next();
      buffer.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
    try {
      // One id per turn, so a retried turn records its feedback event only once.
      context.turnState.set(EVENT_ID, randomUUID());
      for (let attempt = 1; ; attempt++) {
        buffer.length = 0;
        context.turnState.set(EVENTS, []);
        const data = await this.deps.store.load(convKey, userKey);
        context.turnState.set(TURN_DATA, data);
        context.turnState.set(CAPTURE, true);
        const activityId = context.activity.id;
        if (activityId && context.activity.type === ActivityTypes.Message && data.conv.lastTurn?.activityId === activityId) {
          // A retry of a turn already handled (the reply got lost): same replies, no second effect.
          buffer.push(...(data.conv.lastTurn.replies as Partial<Activity>[]));
          break;
        }
        await this.dispatch(context, data);
        if (activityId && context.activity.type === ActivityTypes.Message) {
          // Kept for a channel's retry; the citation entities are left out (the quote is in the text),
          // and so are the addressing fields, which sending a reply sets again from the retried activity.
          data.conv.lastTurn = { activityId: activityId.slice(0, 512), replies: buffer.slice(0, 20).map(retryCopy) };
        }
        try {
          await this.deps.store.save(data);
          break;
        } catch (err) {
          if (!(err instanceof StorageConflictError) || attempt >= MAX_ATTEMPTS) throw err;
          this.deps.logger.warn({ event: 'state_conflict_retry', attempt, conv: hashId(convKey, this.deps.logSalt) });
        }
      }
    } finally {
      // The error handler's apology must reach the user even when the turn failed.
      context.turnState.set(CAPTURE, false);
    }
    if (buffer.length) await context.sendActivities(buffer);
    // Observers (metrics, records) run batched a moment later, when the process is idle between turns.
    const events = (context.turnState.get(EVENTS) as (() => void)[] | undefined) ?? [];
    if (events.length) this.observe(events);
  }

  private pending: (() => void)[] = [];
  private flushTimer: NodeJS.Timeout | null = null;

  private observe(events: (() => void)[]): void {
    this.pending.push(...events);
    if (this.pending.length >= 200) return this.flushObservers();
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flushObservers(), OBSERVER_DELAY_MS);
      this.flushTimer.unref();
    }
  }

  /** Runs queued observers now (also on shutdown, so no metric or record is lost). */
  flushObservers(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    const batch = this.pending;
    this.pending = [];
    for (const emit of batch) {
      try {
        emit();
      } catch (err) {
        this.deps.logger.warn({ event: 'observer_failed', err: (err as Error)?.name });
      }
    }
  }

  /** Queues an observation; it runs only after the state was saved (a retried turn counts once). */
  private emit(context: TurnContext, fn: () => void): void {
    (context.turnState.get(EVENTS) as (() => void)[]).push(fn);
  }

  private turnEvent(context: TurnContext, e: TurnEvent): void {
    this.emit(context, () => this.deps.onTurn?.(e));
  }

  private async dispatch(context: TurnContext, data: TurnData): Promise<void> {
    const a = context.activity;
    if (a.type === ActivityTypes.Message) return this.onMessage(context, data);
    if (a.type === ActivityTypes.Invoke) {
      const vote = parseFeedbackActivity(a);
      if (vote && this.deps.feedback) await this.onVote(context, data, vote, detectLanguage('', a.locale, this.deps.defaultLang));
      // Invokes expect an answer in the HTTP response; unknown ones get 200 without effect.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: {} } });
      return;
    }
    if (a.type === ActivityTypes.ConversationUpdate) {
      const added = (a.membersAdded ?? []).filter((m) => m.id !== a.recipient?.id);
      if (added.length && !data.conv.welcomed) await this.welcome(context, data);
      return;
    }
    // Unknown or unsupported activity types are acknowledged without effect.
  }

  private async welcome(context: TurnContext, data: TurnData): Promise<void> {
    const lang = detectLanguage('', context.activity.locale, this.deps.defaultLang);
    const { t } = this.deps;
    data.conv.welcomed = true;
    data.conv.lang = lang;
    await context.sendActivity(
      textReply(`${t(lang, 'welcome')}\n\n${t(lang, 'welcomePrivacy', { days: this.deps.retentionDays })}`, lang, [
        { title: t(lang, 'suggest.example.title'), value: t(lang, 'suggest.example.value') },
        { title: t(lang, 'suggest.check.title'), value: t(lang, 'suggest.check.value') },
        { title: t(lang, 'suggest.list.title'), value: t(lang, 'suggest.list.value') },
      ]),
    );
  }

  /** The message text the bot should understand: Teams' mention of this bot removed, controls stripped. */
  private messageText(context: TurnContext): string {
    const a = context.activity;
    let text = typeof a.text === 'string' ? a.text : '';
    if (text && Array.isArray(a.entities) && a.entities.some((e) => e?.type === 'mention' && (e as { mentioned?: { id?: unknown } }).mentioned?.id)) {
      try {
        text = TurnContext.removeRecipientMention(a) ?? text;
      } catch {
        /* a malformed mention entity: keep the text as it is */
      }
    }
    return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '').trim();
  }

  private isAddressedInTeams(context: TurnContext): boolean {
    const a = context.activity;
    if (a.channelId !== 'msteams') return true;
    const type = a.conversation?.conversationType;
    if (!type || type === 'personal') return true;
    return (a.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === a.recipient?.id);
  }

  private async onMessage(context: TurnContext, data: TurnData): Promise<void> {
    const started = performance.now();
    const { t, deps } = { t: this.deps.t, deps: this.deps };
    if (!this.isAddressedInTeams(context)) return;
    let text = this.messageText(context);
    const lang = detectLanguage(text, context.activity.locale ?? undefined, data.conv.lang ?? this.deps.defaultLang);
    data.conv.lang = lang;
    if (!data.user.conversations.includes(data.convKey)) data.user.conversations = [...data.user.conversations.slice(-49), data.convKey];

    const vote = parseFeedbackActivity(context.activity);
    if (vote && deps.feedback) return this.onVote(context, data, vote, lang);
    const hasValue = context.activity.value !== undefined && context.activity.value !== null;
    if (!text && !hasValue) {
      const onlyFiles = (context.activity.attachments ?? []).length > 0;
      await context.sendActivity(textReply(t(lang, onlyFiles ? 'attachmentsOnly' : 'empty'), lang, [{ title: t(lang, 'suggest.example.title'), value: t(lang, 'suggest.example.value') }]));
      this.turnEvent(context, { channelId: context.activity.channelId, intent: 'unknown', kind: 'other', ms: performance.now() - started });
      return;
    }
    if (text.length > deps.maxTextChars) {
      await context.sendActivity(textReply(t(lang, 'tooLong', { length: text.length, max: deps.maxTextChars }), lang));
      text = text.slice(0, deps.maxTextChars);
    }
    const now = deps.clock();
    const intent = classifyIntent(text).intent;
    this.remember(data, 'user', text, now);
    if (data.conv.pendingFeedback && (await this.onFeedbackComment(context, data, text, intent, lang, now))) return;

    const flowTurn: FlowTurn = {
      text, lang, intent, now,
      answerQuestion: async (q: string) => this.answer(q, lang, now, data),
    };
    const knownIntent = intent;
    if (deps.flows && (await deps.flows.handle(context, flowTurn))) {
      this.turnEvent(context, { channelId: context.activity.channelId, intent, kind: 'flow', ms: performance.now() - started });
      return;
    }
    if (!text) return;
    const answer = await this.answer(text, lang, now, data, knownIntent);
    const reply = buildReply(answer, lang, t, { channelId: context.activity.channelId, userId: context.activity.from?.id });
    if (deps.feedback && (answer.kind === 'answer' || answer.kind === 'verdict')) this.offerFeedback(context, data, reply, answer, text, lang);
    await context.sendActivity(reply);
    this.remember(data, 'bot', answer.text, now);
    if (deps.flows?.afterAnswer) await deps.flows.afterAnswer(context, flowTurn, answer);
    this.turnEvent(context, { channelId: context.activity.channelId, intent: answer.intent, kind: answer.kind, ms: performance.now() - started, programId: answer.programId, question: text, answer: answer.text });
  }

  /** 👍/👎 under a factual answer: Teams' own feedback loop there, buttons elsewhere. */
  private offerFeedback(context: TurnContext, data: TurnData, reply: Partial<Activity>, answer: Answer, question: string, lang: Lang): void {
    const { t } = this.deps;
    const ref = randomUUID().slice(0, 12);
    data.conv.recentAnswers = [...data.conv.recentAnswers, { ref, question: question.slice(0, 1000), answer: answer.text.slice(0, 1000), programId: answer.programId }].slice(-5);
    if (context.activity.channelId === 'msteams') {
      reply.channelData = { ...(reply.channelData ?? {}), ...teamsFeedbackChannelData() };
      return;
    }
    const buttons = feedbackButtons(ref, { up: t(lang, 'feedback:up'), down: t(lang, 'feedback:down') });
    reply.suggestedActions = { to: reply.suggestedActions?.to ?? [], actions: [...(reply.suggestedActions?.actions ?? []).slice(0, 3), ...buttons] };
  }

  /** Records a vote on one of the recent answers; a 👎 asks what was wrong and offers the handoff. */
  private async onVote(context: TurnContext, data: TurnData, vote: FeedbackSubmission, lang: Lang): Promise<void> {
    const { t, feedback, clock } = this.deps;
    const recent = data.conv.recentAnswers;
    const target = recent.find((r) => r.ref === vote.ref) ?? (vote.source === 'teams' ? recent.at(-1) : undefined);
    if (!target || !feedback) {
      await context.sendActivity(textReply(t(lang, 'feedback:unknownAnswer'), lang));
      return;
    }
    const eventId = context.turnState.get(EVENT_ID) as string;
    await feedback.recordFeedback({ id: eventId, at: clock(), programId: target.programId ?? null, question: target.question, answer: target.answer, kind: vote.direction, ...(vote.comment ? { comment: vote.comment } : {}) });
    this.emit(context, () => this.deps.onFeedback?.(vote.direction, target.programId));
    data.conv.recentAnswers = recent.filter((r) => r !== target);
    if (vote.direction === 'up') {
      await context.sendActivity(textReply(t(lang, 'feedback:thanks'), lang));
      return;
    }
    const handoff = { title: t(lang, 'feedback:handoffTitle'), value: t(lang, 'feedback:handoffValue') };
    if (vote.source === 'teams') {
      await context.sendActivity(textReply(`${t(lang, 'feedback:thanks')} ${t(lang, 'feedback:offerHandoff')}`, lang, [handoff]));
      return;
    }
    data.conv.pendingFeedback = { eventId, at: clock().toISOString() };
    await context.sendActivity(textReply(`${t(lang, 'feedback:whatWrong')}\n\n${t(lang, 'feedback:offerHandoff')}`, lang, [handoff, { title: t(lang, 'feedback:skip'), value: t(lang, 'feedback:skip') }]));
  }

  /** The optional one-line "what was wrong?" after a 👎; returns true when the message was that comment. */
  private async onFeedbackComment(context: TurnContext, data: TurnData, text: string, intent: Intent, lang: Lang, now: Date): Promise<boolean> {
    const { t, feedback } = this.deps;
    const pending = data.conv.pendingFeedback!;
    data.conv.pendingFeedback = undefined;
    if (!feedback) return false;
    if (text === t(lang, 'feedback:skip')) {
      await context.sendActivity(textReply(t(lang, 'feedback:thanks'), lang));
      return true;
    }
    const fresh = now.getTime() - Date.parse(pending.at) < 15 * 60_000;
    if (fresh && text && intent !== 'handoff' && intent !== 'cancel' && !/\?\s*$/.test(text)) {
      await feedback.addComment(pending.eventId, text);
      await context.sendActivity(textReply(t(lang, 'feedback:commentThanks'), lang));
      return true;
    }
    return false;
  }

  /** Answers a question and updates what the conversation remembers (programme, abstentions, citations). */
  private async answer(text: string, lang: Lang, now: Date, data: TurnData, intent?: Intent): Promise<Answer> {
    const answer = this.deps.answerer.answer({ text, lang, now, programId: data.conv.programId, profile: data.user.profile, lastIntent: data.conv.lastIntent, intent });
    if (answer.programId) data.conv.programId = answer.programId;
    data.conv.lastIntent = answer.intent;
    if (FACTUAL_INTENTS.has(answer.intent) || answer.intent === 'unknown') data.conv.lastQuestion = text;
    data.conv.unansweredInRow = answer.kind === 'abstain' ? data.conv.unansweredInRow + 1 : answer.kind === 'answer' || answer.kind === 'verdict' ? 0 : data.conv.unansweredInRow;
    if (answer.citations.length) data.conv.lastCitations = answer.citations.slice(0, 4).map((c) => ({ title: c.title, quote: c.quote, url: c.url }));
    return answer;
  }

  private remember(data: TurnData, from: 'user' | 'bot', text: string, now: Date): void {
    data.conv.transcript = [...data.conv.transcript, { from, text: text.slice(0, from === 'user' ? 1000 : 400), at: now.toISOString() }].slice(-TRANSCRIPT_MAX);
  }
}

export { turnData };
