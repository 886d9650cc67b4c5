import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeForQuote } from '../../src/knowledge/cleanText.js';
import type { KnowledgeBase } from '../../src/knowledge/knowledgeBase.js';
import { evaluateEligibility, type ApplicantProfile, type VerdictStatus } from '../../src/programs/eligibility.js';
import type { Program } from '../../src/programs/programSchema.js';
import { useSeedsWithNewCall } from '../knowledge/tempKnowledge.js';

const knowledge = useSeedsWithNewCall();
let kb: KnowledgeBase;
beforeAll(() => {
  kb = knowledge.kb();
});

const program = (id: string): Program => {
  const p = kb.programsById.get(id);
  if (!p) throw new Error(`no programme ${id}`);
  return p;
};

const PROFILES: Record<string, ApplicantProfile> = {
  landkreisHessen: { entityType: 'landkreis', state: 'Hessen', population: 230_000 },
  kreisfreieStadtHessen: { entityType: 'kreisfreie_stadt', state: 'Hessen', population: 120_000 },
  gemeindeHessen6000: { entityType: 'gemeinde', state: 'Hessen', population: 6000 },
  gemeindeHessen30000: { entityType: 'gemeinde', state: 'Hessen', population: 30_000 },
  gemeindeHessen120000: { entityType: 'gemeinde', state: 'Hessen', population: 120_000 },
  stadtBayern: { entityType: 'stadt', state: 'Bayern', population: 25_000 },
  vereinHessen: { entityType: 'organisation', state: 'Hessen' },
};

type Row = [profile: keyof typeof PROFILES, programId: string, status: VerdictStatus, decisiveKey: string];
const TABLE: Row[] = [
  ['landkreisHessen', 'komma', 'fits', 'verdict.reason.typeAllowed'],
  ['landkreisHessen', 'wir-hessen', 'no', 'verdict.reason.typeNotAllowed'],
  ['landkreisHessen', 'weltoffene-kommune', 'fits', 'verdict.reason.typeAllowed'],
  ['landkreisHessen', 'bamf-zusammenhalt', 'unclear', 'verdict.reason.typeNotNamed'],
  ['kreisfreieStadtHessen', 'komma', 'fits', 'verdict.reason.typeAllowed'],
  ['kreisfreieStadtHessen', 'wir-hessen', 'no', 'verdict.reason.populationAbove'],
  ['kreisfreieStadtHessen', 'weltoffene-kommune', 'fits', 'verdict.reason.typeAllowed'],
  ['kreisfreieStadtHessen', 'bamf-zusammenhalt', 'unclear', 'verdict.reason.typeNotNamed'],
  ['gemeindeHessen6000', 'komma', 'fits', 'verdict.reason.typeAllowed'],
  ['gemeindeHessen6000', 'wir-hessen', 'conditional', 'verdict.reason.jointOnly'],
  ['gemeindeHessen6000', 'weltoffene-kommune', 'fits', 'verdict.reason.typeAllowed'],
  ['gemeindeHessen6000', 'bamf-zusammenhalt', 'unclear', 'verdict.reason.typeNotNamed'],
  ['gemeindeHessen30000', 'komma', 'fits', 'verdict.reason.typeAllowed'],
  ['gemeindeHessen30000', 'wir-hessen', 'fits', 'verdict.reason.populationInRange'],
  ['gemeindeHessen120000', 'wir-hessen', 'no', 'verdict.reason.populationAbove'],
  ['gemeindeHessen120000', 'komma', 'fits', 'verdict.reason.typeAllowed'],
  ['stadtBayern', 'komma', 'fits', 'verdict.reason.typeAllowed'],
  ['stadtBayern', 'wir-hessen', 'no', 'verdict.reason.stateNotAllowed'],
  ['stadtBayern', 'weltoffene-kommune', 'fits', 'verdict.reason.typeAllowed'],
  ['stadtBayern', 'bamf-zusammenhalt', 'unclear', 'verdict.reason.typeNotNamed'],
  ['vereinHessen', 'komma', 'no', 'verdict.reason.typeNotAllowed'],
  ['vereinHessen', 'wir-hessen', 'no', 'verdict.reason.typeNotAllowed'],
  ['vereinHessen', 'weltoffene-kommune', 'unclear', 'verdict.reason.typeNotNamed'],
  ['vereinHessen', 'bamf-zusammenhalt', 'fits', 'verdict.reason.typeAllowed'],
];

/** The reason that decides a verdict: the most severe one, or the first when all are fine. */
const decisive = (reasons: ReturnType<typeof evaluateEligibility>['reasons']) => reasons.find((r) => r.status !== 'ok' && r.status !== 'info') ?? reasons[0];

describe('evaluateEligibility over the seed programmes', () => {
  it.each(TABLE)('%s → %s: %s (%s)', (profileName, programId, status, key) => {
    const v = evaluateEligibility(program(programId), PROFILES[profileName]);
    expect(v.programId).toBe(programId);
    expect(v.status).toBe(status);
    expect(v.reasons.map((r) => r.key)).toContain(key);
    if (status !== 'fits') expect(decisive(v.reasons)?.key).toBe(key);
    else expect(v.reasons.every((r) => r.status === 'ok' || r.status === 'info')).toBe(true);
  });

  it.each(TABLE)('quotes every reason for %s → %s verbatim from the source', (profileName, programId) => {
    const p = program(programId);
    const text = normalizeForQuote(kb.docs.get(p.docIds[0])!.text);
    const v = evaluateEligibility(p, PROFILES[profileName]);
    expect(v.reasons.length).toBeGreaterThan(0);
    for (const r of v.reasons) {
      expect(r.quote.length).toBeGreaterThan(8);
      expect(text).toContain(normalizeForQuote(r.quote));
    }
  });

  it('names the partner-municipality condition for a small Hessian municipality', () => {
    const v = evaluateEligibility(program('wir-hessen'), PROFILES.gemeindeHessen6000);
    expect(decisive(v.reasons)).toMatchObject({ status: 'conditional', values: { population: 6000, threshold: 10_000, partnersMin: 1, partnersMax: 2 } });
    expect(decisive(v.reasons)!.quote).toContain('gemeinsam mit einer oder zwei Partnerkommunen');
  });

  it('names the range it is outside of for a large municipality', () => {
    const v = evaluateEligibility(program('wir-hessen'), PROFILES.gemeindeHessen120000);
    expect(decisive(v.reasons)).toMatchObject({ values: { population: 120_000, min: 10_000, max: 50_000 } });
  });

  it.each([
    [9_999, 'conditional'],
    [10_000, 'fits'],
    [50_000, 'fits'],
    [50_001, 'no'],
  ] as [number, VerdictStatus][])('treats the WIR limits as inclusive: %i inhabitants → %s', (population, status) => {
    expect(evaluateEligibility(program('wir-hessen'), { entityType: 'gemeinde', state: 'Hessen', population }).status).toBe(status);
  });

  it('turns a missing leadership support or contact person into a condition when the profile says so', () => {
    const p = program('komma');
    expect(evaluateEligibility(p, { entityType: 'landkreis', leadershipSupport: false }).status).toBe('conditional');
    expect(evaluateEligibility(p, { entityType: 'landkreis', contactPerson: false }).status).toBe('conditional');
    expect(evaluateEligibility(p, { entityType: 'landkreis', leadershipSupport: true, contactPerson: true }).status).toBe('fits');
  });

  it('answers a need for anonymity from the rule when there is one, and as unclear when there is none', () => {
    expect(evaluateEligibility(program('komma'), { entityType: 'gemeinde', needsAnonymity: true }).reasons.map((r) => r.key)).toContain('verdict.reason.anonymityPossible');
    const w = evaluateEligibility(program('weltoffene-kommune'), { entityType: 'gemeinde', needsAnonymity: true });
    expect(w.status).toBe('unclear');
    expect(w.reasons.map((r) => r.key)).toContain('verdict.reason.anonymityUnknown');
  });

  it('says what is missing instead of guessing', () => {
    const v = evaluateEligibility(program('wir-hessen'), { entityType: 'gemeinde' });
    expect(v.status).toBe('unclear');
    expect(v.missing).toEqual(expect.arrayContaining(['state', 'population']));
    const k = evaluateEligibility(program('komma'), {});
    expect(k).toMatchObject({ status: 'unclear', missing: ['entityType'] });
  });

  it('does not ask an organisation for its population', () => {
    expect(evaluateEligibility(program('wir-hessen'), PROFILES.vereinHessen).missing).not.toContain('population');
  });

  it('says "depends on the kind of town" where only some kinds of town may apply', () => {
    const p: Program = { ...program('komma'), rules: [{ type: 'entityTypes', allowed: ['kreisfreie_stadt', 'landkreis'], others: 'no', quote: 'Landkreise und kreisfreie Städte' }] };
    const v = evaluateEligibility(p, { entityType: 'stadt' });
    expect(v.status).toBe('unclear');
    expect(v.reasons[0].key).toBe('verdict.reason.cityKindMatters');
  });

  it.each([['ils-was-bewegt-kommunen']])('gives "unclear" with no reasons for %s, which has no rules', (id) => {
    expect(program(id).rules).toEqual([]);
    for (const profile of Object.values(PROFILES)) {
      expect(evaluateEligibility(program(id), profile)).toEqual({ programId: id, status: 'unclear', reasons: [], missing: [] });
    }
  });
});

describe('evaluateEligibility: no yes without a rule that speaks to the asker', () => {
  const call = (rules: Program['rules']): Program =>
    ({ id: 'x', kind: 'call', name: 'X', shortName: 'X', aliases: [], docIds: ['x'], documentTitle: 'X', curated: false, contacts: [], facts: [], rules }) as unknown as Program;
  const excludedOnly = call([{ type: 'entityTypes', allowed: ['gemeinde', 'kreisangehoerige_stadt'], others: 'no', excluded: ['kreisfreie_stadt', 'landkreis'], quote: 'Landkreise und kreisfreie Städte sind nicht antragsberechtigt.' }]);

  it('asks which kind of town a "Stadt" is when kreisfreie Städte are excluded', () => {
    const v = evaluateEligibility(excludedOnly, { entityType: 'stadt' });
    expect(v.status).toBe('unclear');
    expect(v.reasons[0].key).toBe('verdict.reason.cityKindMatters');
  });

  it('says "unclear", not "fits", when no rule gave a reason', () => {
    const silent = call([{ type: 'entityTypes', allowed: ['gemeinde'], others: 'no', excluded: ['landkreis'], quote: 'Landkreise sind nicht antragsberechtigt.' }]);
    expect(evaluateEligibility(silent, { entityType: 'gemeinde' }).status).toBe('unclear');
  });
});

describe('evaluateEligibility: a call limited to named districts', () => {
  const call = {
    id: 'd', kind: 'call', name: 'D', shortName: 'D', aliases: [], docIds: ['d'], documentTitle: 'D', curated: false, contacts: [], facts: [],
    rules: [
      { type: 'entityTypes', allowed: ['gemeinde'], others: 'no', quote: 'Antragsberechtigt sind Einheitsgemeinden.' },
      { type: 'districts', allowed: ['Altmarkkreis Salzwedel', 'Landkreis Mansfeld-Südharz'], quote: 'Der Aufruf ist auf die Landkreise Altmarkkreis Salzwedel und Landkreis Mansfeld-Südharz beschränkt.' },
      { type: 'states', allowed: ['Sachsen-Anhalt'], quote: 'in Sachsen-Anhalt' },
    ],
  } as unknown as Program;

  it.each([
    // A district of the call stands for its state.
    [{ entityType: 'gemeinde', district: 'Salzwedel' }, 'fits'],
    // Whole names only: "Harz" is not "Mansfeld-Südharz".
    [{ entityType: 'gemeinde', district: 'Harz', state: 'Sachsen-Anhalt' }, 'no'],
    [{ entityType: 'gemeinde', state: 'Sachsen-Anhalt' }, 'conditional'],
  ] as [ApplicantProfile, VerdictStatus][])('%o → %s', (profile, status) => {
    expect(evaluateEligibility(call, profile).status).toBe(status);
  });
});
