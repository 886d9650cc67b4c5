// The package's index also loads the prompts' text recognizers (numbers, dates, choices in many
// cultures: ~40 MB and ~0.4 s), which the scripted flows never use; the two modules they need are
// imported on their own. botbuilder-dialogs is pinned, so these paths do not move under us.
import { DialogSet } from 'botbuilder-dialogs/lib/dialogSet.js';
import { DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog.js';
import { DialogStateAccessor } from '../bot/conversationState.js';
import type { FlowDefinition } from './flowSchema.js';
import { ScriptedFlowDialog } from './scriptedFlowDialog.js';

/** The dialogs library's side of the flows; loaded on the first turn that needs a flow. */
export interface FlowEngine {
  dialogs: DialogSet;
  check: ScriptedFlowDialog;
  handoff: ScriptedFlowDialog;
  /** The status of a flow that has finished in this turn. */
  complete: DialogTurnStatus;
}

export function createFlowEngine(flows: { check: FlowDefinition; handoff: FlowDefinition }, deps: ConstructorParameters<typeof ScriptedFlowDialog>[1]): FlowEngine {
  const dialogs = new DialogSet(new DialogStateAccessor());
  const check = new ScriptedFlowDialog(flows.check, deps);
  const handoff = new ScriptedFlowDialog(flows.handoff, deps);
  dialogs.add(check).add(handoff);
  return { dialogs, check, handoff, complete: DialogTurnStatus.complete };
}
