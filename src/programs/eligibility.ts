import { districtKey } from '../nlu/profileEntities.js';
import type { ProfileEntityType } from '../nlu/profileEntities.js';
import type { Program, Rule } from './programSchema.js';

/** What the eligibility check knows about an applicant. */
export interface ApplicantProfile {
  entityType?: ProfileEntityType;
  state?: string;
  population?: number;
  /** A Gemeinde that belongs to a Verbandsgemeinde, Amt or Samtgemeinde (see ProfileFacts.member). */
  member?: boolean;
  leadershipSupport?: boolean;
  contactPerson?: boolean;
  needsAnonymity?: boolean;
  /** The district named in the question (never stored in the profile). */
  district?: string;
}

export type VerdictStatus = 'fits' | 'conditional' | 'no' | 'unclear';

/** One reason of a verdict: an i18n key with values, and the rule's quote. */
export interface VerdictReason {
  status: VerdictStatus | 'ok' | 'info';
  key: string;
  values: Record<string, string | number>;
  quote: string;
}

export interface Verdict {
  programId: string;
  status: VerdictStatus;
  reasons: VerdictReason[];
  /** Profile fields the rules needed but the profile lacks. */
  missing: (keyof ApplicantProfile)[];
}

/** Inhabitants of the smallest kreisfreie Stadt (Zweibrücken, about 34,000), rounded down. */
const SMALLEST_KREISFREIE_STADT = 30_000;

/** The kind of applicant, a town of unsaid status being kreisangehörig when it is smaller than any kreisfreie Stadt. */
function applicantKind(entityType: ProfileEntityType, population: number | undefined): ProfileEntityType {
  return entityType === 'stadt' && population !== undefined && population < SMALLEST_KREISFREIE_STADT ? 'kreisangehoerige_stadt' : entityType;
}

const SEVERITY: Record<VerdictReason['status'], number> = { info: 0, ok: 0, fits: 0, unclear: 1, conditional: 2, no: 3 };

function checkRule(rule: Rule, p: ApplicantProfile, missing: Set<keyof ApplicantProfile>): VerdictReason | null {
  switch (rule.type) {
    case 'entityTypes': {
      if (!p.entityType) {
        missing.add('entityType');
        return null;
      }
      const type = applicantKind(p.entityType, p.population);
      // A "Stadt" of unknown kind where kreisfreie Städte are excluded: which kind it is decides.
      if (rule.excluded && type === 'stadt' && rule.excluded.includes('kreisfreie_stadt')) {
        return { status: 'unclear', key: 'verdict.reason.cityKindMatters', values: { allowed: rule.allowed.join(',') }, quote: rule.quote };
      }
      // An exclusion speaks only to those it names; the others are the list of applicants' business.
      if (rule.excluded && !rule.excluded.includes(type as never)) return null;
      // "Ortsgemeinden sind nicht antragsberechtigt": only Gemeinden that belong to an association.
      if (rule.excluded && rule.membersOnly && p.entityType === 'gemeinde') {
        if (p.member === false) return null;
        if (p.member === undefined) return { status: 'unclear', key: 'verdict.reason.memberMatters', values: {}, quote: rule.quote };
        if (!rule.via) return { status: 'no', key: 'verdict.reason.memberExcluded', values: {}, quote: rule.quote };
      }
      // Not on their own, but by the way the call names ("nur über ihren Landkreis").
      if (rule.excluded && rule.via) return { status: 'conditional', key: 'verdict.reason.onlyVia', values: { type: rule.membersOnly ? 'member' : p.entityType, via: rule.via }, quote: rule.quote };
      const allowed = new Set<string>(rule.allowed);
      const ok = type === 'stadt' ? allowed.has('kreisfreie_stadt') && allowed.has('kreisangehoerige_stadt') : allowed.has(type);
      if (ok) return { status: 'ok', key: 'verdict.reason.typeAllowed', values: { type }, quote: rule.quote };
      // A town in a district is a Gemeinde by law: "Gemeinden" named (and such towns not excluded) includes it.
      if (type === 'kreisangehoerige_stadt' && allowed.has('gemeinde') && !rule.excluded?.includes('kreisangehoerige_stadt')) {
        return { status: 'ok', key: 'verdict.reason.townIsGemeinde', values: {}, quote: rule.quote };
      }
      if (p.entityType === 'stadt' && (allowed.has('kreisfreie_stadt') || allowed.has('kreisangehoerige_stadt'))) {
        return { status: 'unclear', key: 'verdict.reason.cityKindMatters', values: { allowed: rule.allowed.join(',') }, quote: rule.quote };
      }
      return { status: rule.others, key: rule.others === 'no' ? 'verdict.reason.typeNotAllowed' : 'verdict.reason.typeNotNamed', values: { type: p.entityType, allowed: rule.allowed.join(',') }, quote: rule.quote };
    }
    case 'districts': {
      // A Landkreis itself is judged by its kind; a municipality by where it lies.
      if (p.entityType === 'landkreis') return null;
      if (!p.district) return { status: 'conditional', key: 'verdict.reason.districtsRequired', values: { allowed: rule.allowed.join(', ') }, quote: rule.quote };
      const asked = districtKey(p.district);
      // Whole names only: "Harz" is not "Mansfeld-Südharz", but "Salzwedel" is the "Altmarkkreis Salzwedel".
      const words = (x: string) => x.split(/\s+/);
      const ok = rule.allowed.some((d) => districtKey(d) === asked || words(districtKey(d)).includes(asked) || words(asked).includes(districtKey(d)));
      return ok
        ? { status: 'ok', key: 'verdict.reason.districtAllowed', values: { district: p.district }, quote: rule.quote }
        : { status: 'no', key: 'verdict.reason.districtNotAllowed', values: { district: p.district, allowed: rule.allowed.join(', ') }, quote: rule.quote };
    }
    case 'states': {
      if (!p.state) {
        missing.add('state');
        return null;
      }
      const ok = rule.allowed.some((s) => s.toLowerCase() === p.state!.toLowerCase());
      if (ok) return { status: 'ok', key: 'verdict.reason.stateAllowed', values: { state: p.state }, quote: rule.quote };
      return rule.mentionedOnly
        ? { status: 'unclear', key: 'verdict.reason.stateUnclear', values: { state: p.state, allowed: rule.allowed.join(', ') }, quote: rule.quote }
        : { status: 'no', key: 'verdict.reason.stateNotAllowed', values: { state: p.state, allowed: rule.allowed.join(', ') }, quote: rule.quote };
    }
    case 'population': {
      // A limit for some kinds of applicant only says nothing to the others; a town in a district is a Gemeinde too.
      const kind = p.entityType && applicantKind(p.entityType, p.population);
      // A "Stadt" of unknown status is either kind of town: a limit for towns is hers.
      const town = kind === 'stadt' && rule.appliesTo?.some((k) => k === 'kreisfreie_stadt' || k === 'kreisangehoerige_stadt');
      const limited = rule.appliesTo && kind && !town && !rule.appliesTo.includes(kind as never) && !(kind === 'kreisangehoerige_stadt' && rule.appliesTo.includes('gemeinde'));
      // Free of the limit only on the call's own condition: the verdict says so with that sentence.
      if (limited && kind && rule.exemptOnCondition?.types.includes(kind as never)) return { status: 'conditional', key: 'verdict.reason.exemptOnCondition', values: { type: kind }, quote: rule.exemptOnCondition.quote };
      if (limited) return null;
      if (p.population === undefined) {
        if (p.entityType !== 'organisation') missing.add('population');
        return null;
      }
      // A limit on one side only is said as such ("höchstens 15.000"), not as a range from 0.
      const bounds = rule.min !== undefined && rule.max !== undefined ? '' : rule.max !== undefined ? 'Max' : 'Min';
      if (rule.max !== undefined && p.population > rule.max) {
        return { status: 'no', key: `verdict.reason.populationAbove${bounds}`, values: { population: p.population, min: rule.min ?? 0, max: rule.max }, quote: rule.quote };
      }
      if (rule.min !== undefined && p.population < rule.min) {
        return { status: 'no', key: 'verdict.reason.populationBelow', values: { population: p.population, min: rule.min, max: rule.max ?? 0 }, quote: rule.quote };
      }
      return { status: 'ok', key: `verdict.reason.populationInRange${bounds}`, values: { population: p.population, min: rule.min ?? 0, max: rule.max ?? 0 }, quote: rule.quote };
    }
    case 'jointBelow':
      // Applied together with the population rule in evaluate().
      return null;
    case 'leadershipSupport':
      if (p.leadershipSupport === undefined) return { status: 'info', key: 'verdict.reason.leadershipRequired', values: {}, quote: rule.quote };
      return p.leadershipSupport
        ? { status: 'ok', key: 'verdict.reason.leadershipGiven', values: {}, quote: rule.quote }
        : { status: 'conditional', key: 'verdict.reason.leadershipMissing', values: {}, quote: rule.quote };
    case 'contactPerson':
      if (p.contactPerson === undefined) return { status: 'info', key: 'verdict.reason.contactRequired', values: {}, quote: rule.quote };
      return p.contactPerson
        ? { status: 'ok', key: 'verdict.reason.contactGiven', values: {}, quote: rule.quote }
        : { status: 'conditional', key: 'verdict.reason.contactMissing', values: {}, quote: rule.quote };
    case 'anonymity':
      if (!p.needsAnonymity) return null;
      return rule.possible
        ? { status: 'ok', key: 'verdict.reason.anonymityPossible', values: {}, quote: rule.quote }
        : { status: 'no', key: 'verdict.reason.anonymityImpossible', values: {}, quote: rule.quote };
  }
}

/** "Nur gemeinsam" for an applicant below a joint-application threshold; undefined otherwise. */
function jointReason(program: Program, profile: ApplicantProfile): VerdictReason | undefined {
  const joint = program.rules.find((x): x is Extract<Rule, { type: 'jointBelow' }> => x.type === 'jointBelow');
  if (!joint || profile.population === undefined || profile.population >= joint.threshold) return undefined;
  // Kinds of applicant the call excludes are not let in jointly either.
  if (profile.entityType === 'landkreis' || profile.entityType === 'kreisfreie_stadt' || profile.entityType === 'organisation') return undefined;
  return {
    status: 'conditional', key: joint.asQuoted ? 'verdict.reason.jointOnlyAsQuoted' : 'verdict.reason.jointOnly',
    values: { population: profile.population, threshold: joint.threshold, partnersMin: joint.partnersMin, partnersMax: joint.partnersMax }, quote: joint.quote,
  };
}

/**
 * Checks a profile against a programme's curated rules. A programme without rules, or a profile
 * that lacks what the rules need, gets "unclear" — never a guess.
 */
export function evaluateEligibility(program: Program, profile: ApplicantProfile): Verdict {
  const missing = new Set<keyof ApplicantProfile>();
  const reasons: VerdictReason[] = [];
  if (program.rules.length === 0) return { programId: program.id, status: 'unclear', reasons: [], missing: [] };
  for (const rule of program.rules) {
    const r = checkRule(rule, profile, missing);
    if (!r) continue;
    if (r.key === 'verdict.reason.populationBelow' && jointReason(program, profile)) continue;
    // Two rules may say the same (a call's list of applicants and its list of exclusions): once is enough.
    if (reasons.some((x) => x.key === r.key && JSON.stringify(x.values) === JSON.stringify(r.values))) continue;
    reasons.push(r);
  }
  // "Nur über ihren Landkreis" is the way in for those the list of applicants leaves out: not a plain no.
  if (reasons.some((x) => x.key === 'verdict.reason.onlyVia')) {
    for (let i = reasons.length - 1; i >= 0; i--) if (reasons[i].key === 'verdict.reason.typeNotAllowed' || reasons[i].key === 'verdict.reason.typeNotNamed') reasons.splice(i, 1);
  }
  // Below the size a call lets apply alone: only jointly (whether or not there is a lower limit besides).
  const joint = jointReason(program, profile);
  if (joint && !reasons.some((x) => x.key === joint.key)) reasons.push(joint);
  if (profile.needsAnonymity && !program.rules.some((r) => r.type === 'anonymity')) {
    reasons.push({ status: 'unclear', key: 'verdict.reason.anonymityUnknown', values: {}, quote: '' });
  }
  // One of the call's districts lies in its state: the state need not be asked.
  if (reasons.some((r) => r.key === 'verdict.reason.districtAllowed')) missing.delete('state');
  const worst = reasons.reduce((w, r) => Math.max(w, SEVERITY[r.status]), 0);
  let status: VerdictStatus = worst === 3 ? 'no' : worst === 2 ? 'conditional' : worst === 1 ? 'unclear' : 'fits';
  // Without the facts the decisive rules need, "fits" would be a guess; so would a yes that no rule spoke to.
  if (status === 'fits' && (missing.has('entityType') || missing.has('state') || missing.has('population') || !reasons.some((r) => r.status === 'ok'))) status = 'unclear';
  reasons.sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status]);
  return { programId: program.id, status, reasons, missing: [...missing] };
}
