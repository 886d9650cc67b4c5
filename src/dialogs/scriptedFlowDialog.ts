// Not the package index: see flowEngine.ts.
import { Dialog, type DialogTurnResult } from 'botbuilder-dialogs/lib/dialog.js';
import type { DialogContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { Translate } from '../i18n.js';
import type { Lang } from '../nlu/language.js';
import type { ProgramDetector } from '../nlu/programDetector.js';
import { flowLang } from './flowLang.js';
import { extractProfileFacts } from '../nlu/profileEntities.js';
import type { Program } from '../programs/programSchema.js';
import { textReply } from '../bot/replyBuilder.js';
import type { FlowDefinition, SlotDefinition } from './flowSchema.js';
import { parseSlot, type SlotValue } from './slotParsers.js';

export interface FlowOptions {
  initial?: Record<string, SlotValue>;
  previous?: Record<string, SlotValue>;
  flags?: Record<string, boolean>;
  /** Values for prompt texts, e.g. the municipality's name. */
  vars?: Record<string, string>;
  /** Anything the completion handler needs back (e.g. the programme of a handoff). */
  meta?: Record<string, unknown>;
  /** Lines to send before the first question. */
  intro?: string[];
  /** Free text to fill slots from (the message that started the flow). */
  text?: string;
}

export interface FlowState {
  values: Record<string, SlotValue>;
  previous: Record<string, SlotValue>;
  flags: Record<string, boolean>;
  vars: Record<string, string>;
  meta: Record<string, unknown>;
  history: string[];
  asked?: string;
  invalidCount: number;
}

export interface FlowResult {
  flowId: string;
  values: Record<string, SlotValue>;
  meta: Record<string, unknown>;
}

const MAX_INVALID = 3;

/**
 * Runs a declarative flow from dialogs/*.yaml on botbuilder-dialogs: asks each missing slot in
 * order, validates the answer, re-prompts with what is expected, skips per the file's rules, and
 * supports going back. Slots stated in free text are filled without being asked.
 */
export class ScriptedFlowDialog extends Dialog<FlowOptions> {
  constructor(
    readonly def: FlowDefinition,
    private readonly deps: { t: Translate; programs: Program[]; detector: ProgramDetector },
  ) {
    super(def.id);
  }

  async beginDialog(dc: DialogContext, options?: FlowOptions): Promise<DialogTurnResult> {
    const state: FlowState = {
      values: { ...(options?.initial ?? {}) },
      previous: { ...(options?.previous ?? {}) },
      flags: { ...(options?.flags ?? {}) },
      vars: { ...(options?.vars ?? {}) },
      meta: { ...(options?.meta ?? {}) },
      history: [],
      invalidCount: 0,
    };
    dc.activeDialog!.state = state;
    const lang = flowLang(dc.context);
    const lines = [...(options?.intro ?? [])];
    if (this.def.fillFromText && options?.text) {
      const known = this.fillFromText(state, options.text, lang);
      if (known.length) lines.push(this.deps.t(lang, 'dialogs:check.introKnown', { known: known.join(', ') }));
    }
    if (lines.length) await dc.context.sendActivity(textReply(lines.join('\n\n'), lang));
    return this.askNext(dc);
  }

  async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowState;
    const text = typeof dc.context.activity.text === 'string' ? dc.context.activity.text.trim() : '';
    const slot = this.def.slots.find((s) => s.slot === state.asked);
    if (!slot) return this.askNext(dc);
    const result = parseSlot(slot, text, { programs: this.deps.programs, detector: this.deps.detector, hasPrevious: state.previous[slot.slot] !== undefined });
    const lang = flowLang(dc.context);
    if (result.kind === 'invalid') {
      state.invalidCount++;
      if (state.invalidCount >= MAX_INVALID && slot.optional) {
        await dc.context.sendActivity(textReply(this.deps.t(lang, `dialogs:${this.def.messages.tooManyInvalid}`), lang));
        this.record(state, slot, undefined);
        return this.askNext(dc);
      }
      return this.prompt(dc, slot, true);
    }
    if (result.kind === 'value') this.record(state, slot, result.value);
    else if (result.kind === 'keep') this.record(state, slot, state.previous[slot.slot]);
    else this.record(state, slot, undefined);
    // A name answer is not mined for other slots; everything else may carry more facts.
    if (this.def.fillFromText && slot.type !== 'text') {
      const known = this.fillFromText(state, text, lang);
      if (known.length) await dc.context.sendActivity(textReply(this.deps.t(lang, 'dialogs:check.introKnown', { known: known.join(', ') }), lang));
    }
    return this.askNext(dc);
  }

  /** Re-asks the current question (after an interruption). */
  async reprompt(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowState;
    const slot = this.def.slots.find((s) => s.slot === state.asked);
    return slot ? this.prompt(dc, slot, false) : this.askNext(dc);
  }

  /** Goes back to the previous answered question and asks it again. */
  async back(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowState;
    const lang = flowLang(dc.context);
    const last = state.history.pop();
    if (!last) {
      await dc.context.sendActivity(textReply(this.deps.t(lang, 'dialogs:check.backAtStart'), lang));
      return this.reprompt(dc);
    }
    if (state.values[last] !== undefined) state.previous[last] = state.values[last];
    delete state.values[last];
    state.asked = undefined;
    await dc.context.sendActivity(textReply(this.deps.t(lang, 'dialogs:check.back'), lang));
    const slot = this.def.slots.find((s) => s.slot === last)!;
    return this.prompt(dc, slot, false);
  }

  /** Explains the current question. */
  async help(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowState;
    const slot = this.def.slots.find((s) => s.slot === state.asked);
    const lang = flowLang(dc.context);
    if (slot) await dc.context.sendActivity(textReply(this.deps.t(lang, `dialogs:${slot.help}`, this.vars(slot, state)), lang));
    return slot ? this.prompt(dc, slot, false) : this.askNext(dc);
  }

  private record(state: FlowState, slot: SlotDefinition, value: SlotValue | undefined): void {
    if (value === undefined) delete state.values[slot.slot];
    else state.values[slot.slot] = value;
    state.history.push(slot.slot);
    state.asked = undefined;
    state.invalidCount = 0;
  }

  /** Fills profile slots stated in a text; returns labels of what was newly filled. */
  private fillFromText(state: FlowState, text: string, lang: Lang): string[] {
    const facts = extractProfileFacts(text);
    const filled: string[] = [];
    for (const [key, value] of Object.entries(facts) as [string, SlotValue][]) {
      if (value === undefined || state.values[key] !== undefined || !this.def.slots.some((s) => s.slot === key)) continue;
      const slot = this.def.slots.find((s) => s.slot === key)!;
      if (slot.type === 'population' && (typeof value !== 'number' || value < (slot.min ?? 1) || value > (slot.max ?? 5_000_000))) continue;
      state.values[key] = value;
      filled.push(this.display(slot, value, lang));
    }
    return filled;
  }

  private skipped(slot: SlotDefinition, state: FlowState): boolean {
    return slot.skipIf.some((c) => {
      if ('slot' in c) return state.values[c.slot] === c.equals;
      if ('flag' in c) return Boolean(state.flags[c.flag]);
      return !state.flags[c.notFlag];
    });
  }

  private async askNext(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowState;
    const next = this.def.slots.find((s) => state.values[s.slot] === undefined && !state.history.includes(s.slot) && !this.skipped(s, state));
    if (!next) {
      const result: FlowResult = { flowId: this.def.id, values: state.values, meta: state.meta };
      return dc.endDialog(result);
    }
    return this.prompt(dc, next, false);
  }

  private vars(slot: SlotDefinition, state: FlowState): Record<string, unknown> {
    return {
      ...state.vars,
      min: new Intl.NumberFormat('de-DE').format(slot.min ?? 1),
      max: new Intl.NumberFormat('de-DE').format(slot.max ?? 5_000_000),
      names: this.deps.programs.filter((p) => p.kind === 'call').map((p) => p.shortName).join(', '),
    };
  }

  private async prompt(dc: DialogContext, slot: SlotDefinition, invalid: boolean): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as FlowState;
    const { t } = this.deps;
    const lang = flowLang(dc.context);
    state.asked = slot.slot;
    let text = t(lang, `dialogs:${invalid ? slot.reprompt : slot.prompt}`, this.vars(slot, state));
    const prev = state.previous[slot.slot];
    if (prev !== undefined && !invalid) text += ` ${t(lang, 'dialogs:check.keepHint', { value: this.display(slot, prev, lang) })}`;
    await dc.context.sendActivity(textReply(text, lang, this.choices(slot, lang)));
    return Dialog.EndOfTurn;
  }

  /** A slot value as a person reads it. */
  display(slot: SlotDefinition, value: SlotValue, lang: Lang): string {
    const { t } = this.deps;
    if (typeof value === 'boolean') return t(lang, `dialogs:check.value.${value ? 'yes' : 'no'}`);
    if (slot.type === 'entityType') return t(lang, `dialogs:check.choice.${value}`);
    if (typeof value === 'number') return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(value);
    if (Array.isArray(value)) return value.length ? value.map((id) => this.deps.programs.find((p) => p.id === id)?.shortName ?? id).join(', ') : t(lang, 'dialogs:check.value.all');
    return String(value);
  }

  private choices(slot: SlotDefinition, lang: Lang): { title: string; value: string }[] {
    const { t } = this.deps;
    const c = (key: string) => ({ title: t(lang, `dialogs:check.choice.${key}`), value: t(lang, `dialogs:check.choice.${key}`) });
    switch (slot.type) {
      case 'yesno':
        return [c('yes'), c('no')];
      case 'entityType':
        return ['landkreis', 'kreisfreie_stadt', 'kreisangehoerige_stadt', 'gemeinde', 'organisation'].map(c);
      case 'programs':
        return [...this.deps.programs.filter((p) => p.kind === 'call').slice(0, 4).map((p) => ({ title: p.shortName, value: p.shortName })), c('all')];
      case 'text':
        return slot.optional ? [c('anonymous')] : [];
      case 'email':
        return slot.optional ? [c('none')] : [];
      default:
        return [];
    }
  }
}
