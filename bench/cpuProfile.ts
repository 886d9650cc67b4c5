import { Session } from 'node:inspector/promises';

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
/** A V8 CPU profile as the inspector returns it. */
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Samples the CPU (every 100 µs) while a workload runs. */
export async function sampleCpu(run: () => void | Promise<void>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await run();
    const { profile } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    return profile;
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}

/**
 * Shares of sampled time by category: a sample under a frame matching `isRoot` goes to
 * `classify(child)` of the root's direct child (the root's own time to `rootLabel`); garbage
 * collection goes to 'gc'; everything else (idle, the harness) is left out.
 */
export function sharesUnder(profile: CpuProfile, isRoot: (f: CallFrame) => boolean, classify: (f: CallFrame) => string, rootLabel: string): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  samples.forEach((leaf, i) => {
    const dt = profile.timeDeltas?.[i] ?? 0;
    let label: string | undefined;
    if (byId.get(leaf)?.callFrame.functionName === '(garbage collector)') label = 'gc';
    let child: ProfileNode | undefined;
    for (let id: number | undefined = leaf; id !== undefined && !label; id = parent.get(id)) {
      const node = byId.get(id);
      if (!node) break;
      if (isRoot(node.callFrame)) label = child ? classify(child.callFrame) : rootLabel;
      child = node;
    }
    if (!label) return;
    time.set(label, (time.get(label) ?? 0) + dt);
    total += dt;
  });
  return Object.fromEntries([...time].map(([k, v]) => [k, total ? v / total : 0]));
}

/**
 * Shares of sampled time by category: each sample goes to the innermost frame `classify` labels
 * (built-ins and other unlabelled frames count for their caller); idle time and the profiler's own
 * hand-over are left out.
 */
export function sharesBySelf(profile: CpuProfile, classify: (f: CallFrame) => string | undefined): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((leaf, i) => {
    const top = byId.get(leaf)?.callFrame;
    if (!top || top.functionName === '(idle)') return;
    let label = top.functionName === '(garbage collector)' ? 'gc' : undefined;
    for (let id: number | undefined = leaf; id !== undefined && !label; id = parent.get(id)) {
      const f = byId.get(id)?.callFrame;
      if (f) label = classify(f);
    }
    // Samples taken while the profiler hands over its result belong to the harness, not the workload.
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) if (byId.get(id)?.callFrame.url === 'node:inspector') return;
    const dt = profile.timeDeltas?.[i] ?? 0;
    time.set(label ?? 'other', (time.get(label ?? 'other') ?? 0) + dt);
    total += dt;
  });
  return Object.fromEntries([...time].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, total ? v / total : 0]));
}
