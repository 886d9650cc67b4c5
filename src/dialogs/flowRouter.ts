import { ActivityTypes, EventFactory, type TurnContext, type Transcript } from 'botbuilder';
import type { DialogContext } from 'botbuilder-dialogs';
import type { Answerer } from '../answer/answerer.js';
import type { Answer } from '../answer/types.js';
import { buildReply, localeOf, textReply } from '../bot/replyBuilder.js';
import { profileSchema, turnData, type Profile, type TurnData } from '../bot/conversationState.js';
import { TRANSCRIPT_MAX, type Flows, type FlowTurn } from '../bot/foerderBot.js';
import type { AppStorage } from '../storage/appStorage.js';
import type { HandoffService } from '../handoff/handoffService.js';
import type { OutboxEntry } from '../handoff/outboxStore.js';
import type { Translate } from '../i18n.js';
import { formatDate } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import { hashId, type Logger } from '../logger.js';
import { FACTUAL_INTENTS } from '../nlu/intents.js';
import { extractProfileFacts } from '../nlu/profileEntities.js';
import type { Lang } from '../nlu/language.js';
import type { ProgramDetector } from '../nlu/programDetector.js';
import type { Program } from '../programs/programSchema.js';
import { escapeMarkdown } from '../bot/markdown.js';
import type { FlowDefinition } from './flowSchema.js';
import type { FlowResult, ScriptedFlowDialog } from './scriptedFlowDialog.js';
import { FLOW_LANG } from './flowLang.js';
import type { FlowEngine } from './flowEngine.js';
import { parseSlot } from './slotParsers.js';
import { profileFacts, resultCard, resultText, verdictViews } from './profileCard.js';

export interface FlowRouterDeps {
  kb: KnowledgeBase;
  answerer: Answerer;
  detector: ProgramDetector;
  t: Translate;
  storage: AppStorage;
  handoff: HandoffService;
  flows: { check: FlowDefinition; handoff: FlowDefinition };
  defaultHandoffEmail: string;
  retentionDays: number;
  logSalt: string;
  logger: Logger;
  /** Counts for metrics (optional). */
  onHandoffQueued?: () => void;
}

const BACK = /^\s*(zurück|zurueck|back|vorherige frage|previous)\s*[.!]?\s*$/i;
const HELP = /^\s*(hilfe|help|\?|was soll ich (hier )?(antworten|eingeben)|erklär\w*)\s*[?!.]?\s*$/i;
const SHOW_PROFILE = /^\s*(mein(en)? profil|profil (zeigen|anzeigen|ansehen)|zeig(e)? (mir )?mein profil|show (my )?profile|my profile)\s*[?!.]?\s*$/i;
const EDIT_PROFILE = /^\s*(profil (ändern|bearbeiten|aktualisieren)|change (my )?profile|edit (my )?profile)\s*[?!.]?\s*$/i;
const DELETE_PROFILE = /^\s*(profil löschen|delete (my )?profile)\s*[?!.]?\s*$/i;
const SEND_PROFILE = /^\s*(an die projektleitung senden|profil (an die projektleitung )?senden|send to project leads|send (my )?profile)\s*[?!.]?\s*$/i;
const TRANSCRIPT_TURNS = 10;
const FLOW_INTENTS = new Set(['deleteData', 'privacy', 'status', 'cancel', 'profileCheck', 'handoff']);
const OVERVIEW = /welche .{0,40}(passt|passen)|which .{0,40}(fit|suit)/i;

function describesApplicant(text: string): boolean {
  const f = extractProfileFacts(text);
  return f.entityType !== undefined || f.population !== undefined;
}

/**
 * The conversation's scripted side: starts and continues the Förder-Check and the handoff,
 * handles interruptions (a funding question mid-flow, cancel, back, help), shows, edits and
 * deletes the profile, answers privacy and status questions, and deletes a user's data.
 */
export class FlowRouter implements Flows {
  // botbuilder-dialogs takes a quarter of the start-up time and most turns are plain questions: the
  // flows' engine is loaded on the first turn that needs it (or by prepare() once the server is up).
  private engine?: FlowEngine;
  private loading?: Promise<FlowEngine>;

  constructor(private readonly deps: FlowRouterDeps) {}

  /** Loads the flows' engine ahead of the first flow turn. */
  prepare(): Promise<FlowEngine> {
    this.loading ??= import('./flowEngine.js').then((m) => {
      this.engine = m.createFlowEngine(this.deps.flows, { t: this.deps.t, programs: this.deps.kb.programs, detector: this.deps.detector });
      return this.engine;
    });
    return this.loading;
  }

  private get check(): ScriptedFlowDialog {
    return this.loaded().check;
  }

  private get handoffDialog(): ScriptedFlowDialog {
    return this.loaded().handoff;
  }

  private loaded(): FlowEngine {
    if (!this.engine) throw new Error('flow engine used before it was loaded');
    return this.engine;
  }

  async handle(context: TurnContext, turn: FlowTurn): Promise<boolean> {
    context.turnState.set(FLOW_LANG, turn.lang);
    const data = turnData(context);
    const value = context.activity.value as { action?: unknown } | undefined;
    const action = value && typeof value === 'object' && typeof value.action === 'string' ? value.action : undefined;
    const text = turn.text;
    // A DialogContext is costly to build (botbuilder wires its memory scopes); most turns are plain questions.
    const active = ((data.conv.dialogState as { dialogStack?: unknown[] } | undefined)?.dialogStack?.length ?? 0) > 0;
    const relevant = active || action !== undefined || FLOW_INTENTS.has(turn.intent) || [SEND_PROFILE, EDIT_PROFILE, DELETE_PROFILE, SHOW_PROFILE].some((re) => re.test(text));
    if (!relevant) return false;
    const dc = await (await this.prepare()).dialogs.createContext(context);

    // Commands that work anywhere, also in the middle of a flow.
    if (turn.intent === 'deleteData') return this.deleteData(context, dc, data, turn.lang);
    if (turn.intent === 'privacy' && !dc.activeDialog) return this.privacy(context, turn.lang);
    if (turn.intent === 'status') {
      await this.status(context, data, turn.lang);
      if (dc.activeDialog) await this.active(dc).reprompt(dc);
      return true;
    }

    if (action === 'handoffProfile' || SEND_PROFILE.test(text)) return this.startHandoff(context, dc, data, turn, true);
    if (action === 'editProfile' || EDIT_PROFILE.test(text)) return this.startCheck(context, dc, data, turn, true);
    if (action === 'deleteProfile' || DELETE_PROFILE.test(text)) {
      await dc.cancelAllDialogs();
      data.user.profile = undefined;
      await context.sendActivity(textReply(this.deps.t(turn.lang, 'dialogs:check.profileDeleted'), turn.lang));
      return true;
    }

    if (dc.activeDialog) return this.continueActive(context, dc, data, turn);

    if (turn.intent === 'cancel') {
      await context.sendActivity(textReply(this.deps.t(turn.lang, 'dialogs:cancelNothing'), turn.lang));
      return true;
    }
    if (SHOW_PROFILE.test(text)) return this.showProfile(context, data, turn.lang, turn.now);
    // "Welche Programme passen zu uns?" with the applicant described gets verdicts at once; the
    // explicit "Förder-Check" runs the flow (and fills what the message already says).
    if (turn.intent === 'profileCheck' && !(OVERVIEW.test(text) && describesApplicant(text))) return this.startCheck(context, dc, data, turn, false);
    if (turn.intent === 'handoff') return this.startHandoff(context, dc, data, turn, false);
    return false;
  }

  async afterAnswer(context: TurnContext, turn: FlowTurn, answer: Answer): Promise<void> {
    const data = turnData(context);
    if (answer.kind === 'abstain' && data.conv.unansweredInRow >= 2) {
      const { t } = this.deps;
      await context.sendActivity(textReply(t(turn.lang, 'abstain.twice'), turn.lang, [{ title: t(turn.lang, 'suggest.handoff.title'), value: t(turn.lang, 'suggest.handoff.valueGeneral') }]));
    }
  }

  private active(dc: DialogContext): ScriptedFlowDialog {
    return dc.activeDialog?.id === this.handoffDialog.id ? this.handoffDialog : this.check;
  }

  private async continueActive(context: TurnContext, dc: DialogContext, data: TurnData, turn: FlowTurn): Promise<boolean> {
    const { t } = this.deps;
    const dialog = this.active(dc);
    const isHandoff = dialog === this.handoffDialog;
    if (turn.intent === 'cancel') {
      await dc.cancelAllDialogs();
      await context.sendActivity(textReply(t(turn.lang, `dialogs:${dialog.def.messages.cancelled}`), turn.lang));
      return true;
    }
    // Asking for a person in the middle of the Förder-Check starts the handoff instead.
    if (!isHandoff && turn.intent === 'handoff') return this.startHandoff(context, dc, data, turn, false);
    if (BACK.test(turn.text)) {
      await dialog.back(dc);
      return true;
    }
    if (HELP.test(turn.text)) {
      await dialog.help(dc);
      return true;
    }
    if (turn.intent === 'privacy') {
      await this.privacy(context, turn.lang);
      await dialog.reprompt(dc);
      return true;
    }
    // A funding question in the middle is answered, then the flow resumes where it was.
    const state = dc.activeDialog!.state as { asked?: string; previous: Record<string, unknown> };
    const slot = dialog.def.slots.find((s) => s.slot === state.asked);
    const validAnswer = slot ? parseSlot(slot, turn.text, { programs: this.deps.kb.programs, detector: this.deps.detector, hasPrevious: state.previous[slot.slot] !== undefined }).kind !== 'invalid' : false;
    const looksLikeQuestion = FACTUAL_INTENTS.has(turn.intent) && (/\?\s*$/.test(turn.text) || turn.text.split(/\s+/).length >= 4);
    // A free-text slot (the name) takes almost anything, so there only a real question interrupts.
    const interrupts = looksLikeQuestion && !slot?.takesQuestion && (slot?.type === 'text' ? /\?\s*$/.test(turn.text) : !validAnswer);
    if (interrupts) {
      const answer = await turn.answerQuestion(turn.text);
      await context.sendActivity(buildReply(answer, turn.lang, t, { channelId: context.activity.channelId }));
      await context.sendActivity(textReply(t(turn.lang, `dialogs:${dialog.def.messages.resume}`), turn.lang));
      await dialog.reprompt(dc);
      return true;
    }
    const result = await dc.continueDialog();
    if (result.status === this.loaded().complete) await this.complete(context, data, turn, result.result as FlowResult);
    return true;
  }

  private async startCheck(context: TurnContext, dc: DialogContext, data: TurnData, turn: FlowTurn, edit: boolean): Promise<boolean> {
    await dc.cancelAllDialogs();
    const previous = edit && data.user.profile ? stripUndefined({ ...data.user.profile, completedAt: undefined }) : {};
    const result = await dc.beginDialog(this.check.id, {
      intro: [this.deps.t(turn.lang, 'dialogs:check.intro')],
      previous: previous as Record<string, never>,
      text: edit ? undefined : turn.text,
    });
    if (result.status === this.loaded().complete) await this.complete(context, data, turn, result.result as FlowResult);
    return true;
  }

  private programFor(text: string, data: TurnData): Program | undefined {
    const named = this.deps.detector.detect(text)[0];
    return named ?? (data.conv.programId ? this.deps.kb.programsById.get(data.conv.programId) : undefined);
  }

  private async startHandoff(context: TurnContext, dc: DialogContext, data: TurnData, turn: FlowTurn, withProfile: boolean): Promise<boolean> {
    const { t } = this.deps;
    await dc.cancelAllDialogs();
    const profileProgram = data.user.profile?.programs?.length === 1 ? this.deps.kb.programsById.get(data.user.profile.programs[0]) : undefined;
    const program = withProfile ? profileProgram : (this.programFor(turn.text, data) ?? profileProgram);
    const email = program?.handoffEmail ?? this.deps.defaultHandoffEmail;
    const profile = data.user.profile;
    const anonymousWithName = Boolean(profile?.needsAnonymity && profile.municipalityName);
    const question = withProfile ? t(turn.lang, 'dialogs:handoff.profileQuestion') : data.conv.lastQuestion;
    const intro = [
      program ? t(turn.lang, 'dialogs:handoff.intro', { program: program.shortName, email }) : t(turn.lang, 'dialogs:handoff.introDefault', { email }),
      t(turn.lang, 'dialogs:handoff.willSend', {
        programPart: program ? t(turn.lang, 'dialogs:handoff.programPart', { program: program.shortName }) : '',
        profilePart: profile ? t(turn.lang, anonymousWithName ? 'dialogs:handoff.profilePartAnonymous' : 'dialogs:handoff.profilePart') : '',
        turnsPart: t(turn.lang, 'dialogs:handoff.turnsPart', { count: Math.max(1, Math.min(TRANSCRIPT_TURNS, data.conv.transcript.length)) }),
      }),
    ];
    const result = await dc.beginDialog(this.handoffDialog.id, {
      intro,
      initial: question ? { question } : {},
      flags: { hasQuestion: Boolean(question), anonymousWithName },
      vars: { name: profile?.municipalityName ? escapeMarkdown(profile.municipalityName) : '' },
      previous: profile?.email ? { replyTo: profile.email } : {},
      meta: { programId: program?.id ?? null, recipient: email, withProfile },
    });
    if (result.status === this.loaded().complete) await this.complete(context, data, turn, result.result as FlowResult);
    return true;
  }

  private async complete(context: TurnContext, data: TurnData, turn: FlowTurn, result: FlowResult): Promise<void> {
    if (result.flowId === this.check.id) return this.completeCheck(context, data, turn, result);
    if (result.flowId === this.handoffDialog.id) return this.completeHandoff(context, data, turn, result);
  }

  private async completeCheck(context: TurnContext, data: TurnData, turn: FlowTurn, result: FlowResult): Promise<void> {
    const { t, kb, answerer } = this.deps;
    const parsed = profileSchema.safeParse({ ...result.values, completedAt: turn.now.toISOString() });
    const profile: Profile = parsed.success ? parsed.data : { completedAt: turn.now.toISOString() };
    data.user.profile = profile;
    const views = verdictViews(profile, turn.lang, { kb, answerer, t, now: turn.now });
    const card = resultCard(profile, views, turn.lang, t, kb);
    await context.sendActivity({
      type: ActivityTypes.Message,
      text: t(turn.lang, 'dialogs:check.resultIntro', { days: this.deps.retentionDays }),
      textFormat: 'markdown',
      locale: localeOf(turn.lang),
      attachments: [card],
      suggestedActions: {
        to: [],
        actions: ['send', 'edit', 'delete'].map((a) => ({ type: 'imBack', title: t(turn.lang, `dialogs:check.actions.${a}`), value: t(turn.lang, `dialogs:check.actions.${a}`) })),
      },
    });
    // Channels without cards (e.g. plain chat clients) read the same result as text.
    if (context.activity.channelId === 'test' || context.activity.channelId === 'sms') await context.sendActivity(textReply(resultText(profile, views, turn.lang, t, kb), turn.lang));
  }

  private async completeHandoff(context: TurnContext, data: TurnData, turn: FlowTurn, result: FlowResult): Promise<void> {
    const { t, handoff } = this.deps;
    if (result.values.consent !== true) {
      await context.sendActivity(textReply(t(turn.lang, 'dialogs:handoff.declined'), turn.lang));
      return;
    }
    const programId = (result.meta.programId as string | null) ?? null;
    const program = programId ? this.deps.kb.programsById.get(programId) : undefined;
    const recipient = String(result.meta.recipient ?? this.deps.defaultHandoffEmail);
    const profile = data.user.profile;
    let profileTable: Record<string, string> | null = null;
    const hideName = Boolean(profile?.needsAnonymity && profile.municipalityName && result.values.includeName !== true);
    if (profile) {
      const facts = profileFacts(profile, 'de', t, this.deps.kb);
      profileTable = Object.fromEntries(facts.filter((f, i) => !(hideName && i === 0)).map((f) => [f.title, f.value]));
    }
    const userKey = hashId(data.userKey, this.deps.logSalt);
    // An anonymous municipality's name must not travel in the transcript either.
    const name = hideName ? profile!.municipalityName! : '';
    const scrub = (text: string) => (name ? text.split(name).join('[Name der Kommune]') : text);
    const transcript = data.conv.transcript.slice(-TRANSCRIPT_TURNS).map((e) => ({ ...e, text: scrub(e.text) }));
    try {
      const reference = await handoff.submit({
        reference: handoff.newReference(turn.now),
        programId,
        programName: program?.name ?? null,
        recipient,
        createdAt: turn.now.toISOString(),
        locale: turn.lang,
        userKey,
        question: scrub(String(result.values.question ?? data.conv.lastQuestion ?? '')),
        replyTo: typeof result.values.replyTo === 'string' ? result.values.replyTo : null,
        profile: profileTable,
        transcript,
        citations: data.conv.lastCitations,
      });
      data.user.handoffs = [...data.user.handoffs.slice(-19), reference];
      this.deps.onHandoffQueued?.();
      const replyTo = typeof result.values.replyTo === 'string' ? result.values.replyTo : null;
      await context.sendActivity(textReply(t(turn.lang, 'dialogs:handoff.sent', {
        reference, email: recipient,
        replyPart: replyTo ? t(turn.lang, 'dialogs:handoff.replyPartEmail', { email: replyTo }) : t(turn.lang, 'dialogs:handoff.replyPartNone'),
      }), turn.lang));
      // Channels with an agent hub can take the conversation over from this event.
      const activities = transcript.map((e) => ({ type: ActivityTypes.Message, text: e.text, timestamp: new Date(e.at), from: { id: e.from, name: e.from } }));
      const event = EventFactory.createHandoffInitiation(context, { reference, programId, recipient }, { activities } as unknown as Transcript);
      await context.sendActivity(event);
    } catch (err) {
      this.deps.logger.error({ event: 'handoff_submit_failed', err: (err as Error)?.name });
      await context.sendActivity(textReply(t(turn.lang, 'dialogs:handoff.failed'), turn.lang));
    }
  }

  private async showProfile(context: TurnContext, data: TurnData, lang: Lang, now: Date): Promise<boolean> {
    const { t, kb } = this.deps;
    const profile = data.user.profile;
    if (!profile) {
      await context.sendActivity(textReply(t(lang, 'dialogs:check.noProfile'), lang, [{ title: t(lang, 'suggest.check.title'), value: t(lang, 'suggest.check.value') }]));
      return true;
    }
    const views = verdictViews(profile, lang, { kb, answerer: this.deps.answerer, t, now });
    await context.sendActivity({ type: ActivityTypes.Message, text: t(lang, 'dialogs:check.showProfile'), locale: localeOf(lang), attachments: [resultCard(profile, views, lang, t, kb)] });
    return true;
  }

  private async status(context: TurnContext, data: TurnData, lang: Lang): Promise<void> {
    const { t, handoff } = this.deps;
    const entries: OutboxEntry[] = await handoff.listForUser(hashId(data.userKey, this.deps.logSalt));
    if (!entries.length) {
      await context.sendActivity(textReply(t(lang, 'dialogs:handoff.status.none'), lang));
      return;
    }
    const lines = entries.slice(-5).map((e) =>
      t(lang, 'dialogs:handoff.status.line', {
        reference: e.case.reference,
        program: e.case.programName ?? '–',
        status: t(lang, `dialogs:handoff.status.${e.status}`, { date: e.sentAt ? formatDate(lang, new Date(e.sentAt).toISOString().slice(0, 10)) : '' }),
      }),
    );
    await context.sendActivity(textReply(`${t(lang, 'dialogs:handoff.status.intro')}\n\n${lines.map((l) => `- ${l}`).join('\n')}`, lang));
  }

  private async privacy(context: TurnContext, lang: Lang): Promise<boolean> {
    await context.sendActivity(textReply(this.deps.t(lang, 'dialogs:privacy.note', { days: this.deps.retentionDays, turns: TRANSCRIPT_MAX }), lang));
    return true;
  }

  /** Deletes the user's profile, conversation state and unsent handoffs; nothing is written back. */
  private async deleteData(context: TurnContext, dc: DialogContext, data: TurnData, lang: Lang): Promise<boolean> {
    const { t, storage, handoff } = this.deps;
    try {
      await dc.cancelAllDialogs();
      const cases = await handoff.deleteUnsentForUser(hashId(data.userKey, this.deps.logSalt));
      await storage.delete([...new Set([data.userKey, data.convKey, ...data.user.conversations])]);
      data.deleted = true;
      await context.sendActivity(textReply(t(lang, 'dialogs:privacy.deleted', { cases }), lang));
    } catch (err) {
      this.deps.logger.error({ event: 'delete_data_failed', err: (err as Error)?.name });
      await context.sendActivity(textReply(t(lang, 'dialogs:privacy.deleteFailed'), lang));
    }
    return true;
  }
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
