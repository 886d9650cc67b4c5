import { ActivityTypes, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import type { Answerer } from '../answer/answerer.js';
import type { Answer } from '../answer/types.js';
import type { Translate } from '../i18n.js';
import { classifyIntent, FACTUAL_INTENTS, type Intent } from '../nlu/intents.js';
import { detectLanguage, type Lang } from '../nlu/language.js';
import type { Logger } from '../logger.js';
import { hashId } from '../logger.js';
import { StorageConflictError } from '../storage/storageErrors.js';
import type { TurnLock } from '../storage/turnLock.js';
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
  retentionDays: number;
  logSalt: string;
  flows?: Flows;
  /** Observes each finished turn (metrics, feedback records). */
  onTurn?: (e: { channelId: string; intent: Intent; kind: Answer['kind'] | 'flow' | 'other'; ms: number; programId?: string; question?: string; answer?: string }) => void;
}

const CAPTURE = Symbol('foerderlotse.capture');
const TRANSCRIPT_MAX = 20;
const MAX_ATTEMPTS = 3;

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
    await this.deps.turnLock.run(convKey, () => this.runWithRetry(context, convKey, userKey));
  };

  private async runWithRetry(context: TurnContext, convKey: string, userKey: string): Promise<void> {
    const buffer: Partial<Activity>[] = [];
    context.onSendActivities(async (ctx, activities, next) => {
      if (!ctx.turnState.get(CAPTURE)) return next();
      buffer.push(...activities);
      return activities.map((): ResourceResponse => ({ id: '' }));
    });
    try {
      for (let attempt = 1; ; attempt++) {
        buffer.length = 0;
        const data = await this.deps.store.load(convKey, userKey);
        context.turnState.set(TURN_DATA, data);
        context.turnState.set(CAPTURE, true);
        await this.dispatch(context, data);
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
  }

  private async dispatch(context: TurnContext, data: TurnData): Promise<void> {
    const a = context.activity;
    if (a.type === ActivityTypes.Message) return this.onMessage(context, data);
    if (a.type === ActivityTypes.ConversationUpdate) {
      const added = (a.membersAdded ?? []).filter((m) => m.id !== a.recipient?.id);
      if (added.length && !data.conv.welcomed) await this.welcome(context, data);
      return;
    }
    // Unknown or unsupported activity types are acknowledged without effect.
  }

  private async welcome(context: TurnContext, data: TurnData): Promise<void> {
    const lang = detectLanguage('', context.activity.locale);
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
    if (a.entities?.some((e) => e.type === 'mention')) text = TurnContext.removeRecipientMention(a) ?? text;
    return text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
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
    const lang = detectLanguage(text, context.activity.locale ?? (data.conv.lang === 'en' ? 'en-US' : undefined));
    data.conv.lang = lang;
    if (!data.user.conversations.includes(data.convKey)) data.user.conversations = [...data.user.conversations.slice(-49), data.convKey];

    const hasValue = context.activity.value !== undefined && context.activity.value !== null;
    if (!text && !hasValue) {
      const onlyFiles = (context.activity.attachments ?? []).length > 0;
      await context.sendActivity(textReply(t(lang, onlyFiles ? 'attachmentsOnly' : 'empty'), lang, [{ title: t(lang, 'suggest.example.title'), value: t(lang, 'suggest.example.value') }]));
      deps.onTurn?.({ channelId: context.activity.channelId, intent: 'unknown', kind: 'other', ms: performance.now() - started });
      return;
    }
    if (text.length > deps.maxTextChars) {
      await context.sendActivity(textReply(t(lang, 'tooLong', { length: text.length, max: deps.maxTextChars }), lang));
      text = text.slice(0, deps.maxTextChars);
    }
    const now = deps.clock();
    const intent = classifyIntent(text).intent;
    this.remember(data, 'user', text, now);

    const flowTurn: FlowTurn = {
      text, lang, intent, now,
      answerQuestion: async (q: string) => this.answer(q, lang, now, data),
    };
    if (deps.flows && (await deps.flows.handle(context, flowTurn))) {
      deps.onTurn?.({ channelId: context.activity.channelId, intent, kind: 'flow', ms: performance.now() - started });
      return;
    }
    if (!text) return;
    const answer = await this.answer(text, lang, now, data);
    const reply = buildReply(answer, lang, t, { channelId: context.activity.channelId, userId: context.activity.from?.id });
    await context.sendActivity(reply);
    this.remember(data, 'bot', answer.text, now);
    if (deps.flows?.afterAnswer) await deps.flows.afterAnswer(context, flowTurn, answer);
    deps.onTurn?.({ channelId: context.activity.channelId, intent: answer.intent, kind: answer.kind, ms: performance.now() - started, programId: answer.programId, question: text, answer: answer.text });
  }

  /** Answers a question and updates what the conversation remembers (programme, abstentions, citations). */
  private async answer(text: string, lang: Lang, now: Date, data: TurnData): Promise<Answer> {
    const answer = this.deps.answerer.answer({ text, lang, now, programId: data.conv.programId, profile: data.user.profile });
    if (answer.programId) data.conv.programId = answer.programId;
    data.conv.lastIntent = answer.intent;
    if (FACTUAL_INTENTS.has(answer.intent) || answer.intent === 'unknown') data.conv.lastQuestion = text;
    data.conv.unansweredInRow = answer.kind === 'abstain' ? data.conv.unansweredInRow + 1 : answer.kind === 'answer' || answer.kind === 'verdict' ? 0 : data.conv.unansweredInRow;
    if (answer.citations.length) data.conv.lastCitations = answer.citations.slice(0, 4).map((c) => ({ title: c.title, quote: c.quote, url: c.url }));
    return answer;
  }

  private remember(data: TurnData, from: 'user' | 'bot', text: string, now: Date): void {
    data.conv.transcript = [...data.conv.transcript, { from, text: text.slice(0, 1000), at: now.toISOString() }].slice(-TRANSCRIPT_MAX);
  }
}

export { turnData };
