import type { TurnContext } from 'botbuilder';
import type { Lang } from '../nlu/language.js';

/** Turn-state key of the language the flow router set for this turn. */
export const FLOW_LANG = Symbol('foerderlotse.flowLang');

/** The language of this turn, set by the flow router. */
export function flowLang(context: TurnContext): Lang {
  return (context.turnState.get(FLOW_LANG) as Lang | undefined) ?? 'de';
}
