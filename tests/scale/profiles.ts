import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { seededRandom } from '../support/seededRandom.js';

/** The Förder-Check slots in the order dialogs/foerder-check.yaml asks them. */
export const SLOTS = ['municipalityName', 'entityType', 'state', 'population', 'leadershipSupport', 'contactPerson', 'needsAnonymity', 'programs', 'email'] as const;
export type Slot = (typeof SLOTS)[number];

export type EntityType = 'landkreis' | 'kreisfreie_stadt' | 'kreisangehoerige_stadt' | 'gemeinde' | 'organisation';

/** The profile a simulated user means to give; absent fields stay unset in the stored profile. */
export interface IntendedProfile {
  municipalityName?: string;
  entityType: EntityType;
  state: string;
  population?: number;
  leadershipSupport: boolean;
  contactPerson: boolean;
  needsAnonymity: boolean;
  /** [] for "alle", undefined for "keine". */
  programs?: string[];
  email?: string;
}

/** One simulated user: the message that starts the check, an answer per slot, and what must end up stored. */
export interface ScriptedUser {
  index: number;
  start: string;
  answers: Record<Slot, string>;
  /** Slots the start message already fills, so the bot must not ask them. */
  prefilled: Slot[];
  profile: IntendedProfile;
}


const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

const TYPES: { type: EntityType; answers: string[]; described: string }[] = [
  { type: 'landkreis', answers: ['Landkreis', '1', 'Wir sind ein Landkreis'], described: 'ein Landkreis' },
  { type: 'kreisfreie_stadt', answers: ['kreisfreie Stadt', '2', 'Kreisfreie Stadt'], described: 'eine kreisfreie Stadt' },
  { type: 'kreisangehoerige_stadt', answers: ['Kreisangehörige Stadt', '3', 'kreisangehörige Stadt'], described: 'eine kreisangehörige Stadt' },
  { type: 'gemeinde', answers: ['Gemeinde', '4', 'eine Gemeinde'], described: 'eine Gemeinde' },
  { type: 'organisation', answers: ['Verein / Organisation', 'Verein', '5'], described: 'ein Verein' },
];

const STATES: { name: string; answers: string[] }[] = [
  { name: 'Baden-Württemberg', answers: ['Baden-Württemberg', 'baden-württemberg'] },
  { name: 'Bayern', answers: ['Bayern', 'in Bayern'] },
  { name: 'Berlin', answers: ['Berlin'] },
  { name: 'Brandenburg', answers: ['Brandenburg', 'in Brandenburg'] },
  { name: 'Bremen', answers: ['Bremen'] },
  { name: 'Hamburg', answers: ['Hamburg'] },
  { name: 'Hessen', answers: ['Hessen', 'hessen'] },
  { name: 'Mecklenburg-Vorpommern', answers: ['Mecklenburg-Vorpommern'] },
  { name: 'Niedersachsen', answers: ['Niedersachsen'] },
  { name: 'Nordrhein-Westfalen', answers: ['Nordrhein-Westfalen', 'NRW'] },
  { name: 'Rheinland-Pfalz', answers: ['Rheinland-Pfalz'] },
  { name: 'Saarland', answers: ['Saarland', 'im Saarland'] },
  { name: 'Sachsen-Anhalt', answers: ['Sachsen-Anhalt'] },
  { name: 'Sachsen', answers: ['Sachsen', 'in Sachsen'] },
  { name: 'Schleswig-Holstein', answers: ['Schleswig-Holstein'] },
  { name: 'Thüringen', answers: ['Thüringen'] },
];

const YES = ['ja', 'Ja', 'jo', 'genau', 'klar', 'Ja, klar', 'auf jeden Fall'];
const NO = ['nein', 'Nein', 'nee', 'noch nicht', 'leider nicht', 'nö'];
const NAMES = ['Musterhausen', 'Beispielstadt', 'Großkleinhausen', 'Neudorf an der Weide', 'Übersee-Nord', 'Bad Beispielbach', 'Sankt Mustern', 'Altenwerder'];

/** Programme answers and the ids they select; null ids = "keine" (slot skipped). */
const PROGRAM_CHOICES: { answer: string; ids: string[] | null }[] = [
  { answer: 'alle', ids: [] },
  { answer: 'keine', ids: null },
  { answer: 'KommA', ids: ['komma'] },
  { answer: 'Weltoffene Kommune', ids: ['weltoffene-kommune'] },
  { answer: 'WIR-Programm Hessen', ids: ['wir-hessen'] },
  { answer: 'BAMF', ids: ['bamf-zusammenhalt'] },
  { answer: 'KommA und Weltoffene Kommune', ids: ['komma', 'weltoffene-kommune'] },
  { answer: 'WIR-Programm Hessen und BAMF', ids: ['wir-hessen', 'bamf-zusammenhalt'] },
];

const de = new Intl.NumberFormat('de-DE');

/** The i-th simulated user; every field varies with i, so each conversation's profile is distinct. */
export function scriptedUser(i: number): ScriptedUser {
  const rnd = seededRandom(0x5ca1e + i * 7919);
  const type = TYPES[i % TYPES.length];
  const state = STATES[(i * 7) % STATES.length];
  const anonymous = i % 6 === 5;
  const name = anonymous ? undefined : `${NAMES[i % NAMES.length]} ${i}`;
  const round = i % 5 === 0;
  const population = type.type === 'organisation' ? undefined : round ? 1000 * (1 + ((i * 37) % 900)) : 1000 + ((i * 7919) % 300_000);
  const populationAnswer =
    population === undefined ? '' : round ? `${population / 1000} Tsd.` : pick(rnd, [de.format(population), String(population), `${de.format(population)} Einwohner`]);
  const yn = (): [boolean, string] => (rnd() < 0.5 ? [true, pick(rnd, YES)] : [false, pick(rnd, NO)]);
  const [leadershipSupport, leadershipAnswer] = yn();
  const [contactPerson, contactAnswer] = yn();
  const [needsAnonymity, anonymityAnswer] = yn();
  const programs = PROGRAM_CHOICES[(i * 3) % PROGRAM_CHOICES.length];
  const emailKind = i % 4;
  const email = emailKind === 0 ? undefined : emailKind === 1 ? `rathaus${i}@beispiel-kommune.de` : emailKind === 2 ? `info.${i}@amt-beispiel.de` : `Foerderung-${i}@Landkreis-Test.de`;
  const emailAnswer = email === undefined ? 'keine' : emailKind === 2 ? `Gerne: ${email}` : email;

  // Every fourth user describes themselves in the first message; those slots are filled, not asked.
  const describes = i % 4 === 3;
  const prefilled: Slot[] = describes ? (population === undefined ? ['entityType', 'state'] : ['entityType', 'state', 'population']) : [];
  const start = describes
    ? `Förder-Check: Wir sind ${type.described} in ${state.name}${population === undefined ? '' : ` mit ${de.format(population)} Einwohnern`}`
    : pick(rnd, ['Förder-Check', 'Förder-Check starten', 'förder-check']);

  return {
    index: i,
    start,
    prefilled,
    answers: {
      municipalityName: name ?? pick(rnd, ['anonym', 'Anonym bleiben']),
      entityType: pick(rnd, type.answers),
      state: pick(rnd, state.answers),
      population: populationAnswer,
      leadershipSupport: leadershipAnswer,
      contactPerson: contactAnswer,
      needsAnonymity: anonymityAnswer,
      programs: programs.answer,
      email: emailAnswer,
    },
    profile: {
      ...(name !== undefined ? { municipalityName: name } : {}),
      entityType: type.type,
      state: state.name,
      ...(population !== undefined ? { population } : {}),
      leadershipSupport,
      contactPerson,
      needsAnonymity,
      ...(programs.ids !== null ? { programs: programs.ids } : {}),
      ...(email !== undefined ? { email } : {}),
    },
  };
}

/** What a user types in a second conversation while the Förder-Check runs in the first. */
export const SIDE_CHAT = ['Hallo', 'Welche Programme gibt es?', 'Bis wann kann man sich für KommA bewerben?', 'Wer kann sich für Weltoffene Kommune bewerben?', 'Danke'];

/** The slots the bot should ask this user, in order. */
export function expectedQuestions(u: ScriptedUser): Slot[] {
  return SLOTS.filter((s) => !u.prefilled.includes(s) && !(s === 'population' && u.profile.entityType === 'organisation'));
}

const localeSchema = z.object({
  check: z.object({
    resultIntro: z.string(),
    field: z.record(z.string(), z.string()),
    choice: z.record(z.string(), z.string()),
    value: z.record(z.string(), z.string()),
    yesno: z.object({ reprompt: z.string() }),
  }).passthrough(),
}).passthrough();

const programSchema = z.object({ id: z.string(), kind: z.string(), shortName: z.string() }).passthrough();

/** What the driver reads from the project: prompt texts, card labels and programme short names. */
export interface FlowTexts {
  /** Slot → the start of its prompt (up to the first placeholder). */
  prompts: Record<Slot, string>;
  /** Starts of the re-prompts: seeing one means an answer was refused. */
  reprompts: string[];
  resultIntro: string;
  /** The start of the apology onTurnError sends: seeing it means a turn failed inside the bot. */
  errorText: string;
  field: Record<string, string>;
  choice: Record<string, string>;
  value: Record<string, string>;
  shortNames: Map<string, string>;
}

const head = (s: string) => s.split('{{')[0].trim();

/** Reads locales/de/dialogs.json and knowledge/programs/*.yaml of the project at root. */
export function loadFlowTexts(root: string): FlowTexts {
  const raw = JSON.parse(readFileSync(join(root, 'locales', 'de', 'dialogs.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const locale = localeSchema.parse(raw);
  const slotText = (slot: Slot, key: 'prompt' | 'reprompt'): string | undefined => {
    const v = (raw.check[slot] as Record<string, unknown> | undefined)?.[key];
    return typeof v === 'string' ? head(v) : undefined;
  };
  const prompts = Object.fromEntries(SLOTS.map((s) => [s, slotText(s, 'prompt')])) as Record<Slot, string>;
  for (const s of SLOTS) if (!prompts[s]) throw new Error(`locales/de/dialogs.json: check.${s}.prompt missing`);
  const reprompts = [...SLOTS.map((s) => slotText(s, 'reprompt')).filter((s): s is string => Boolean(s)), head(locale.check.yesno.reprompt)];
  const bot = z.object({ error: z.string() }).passthrough().parse(JSON.parse(readFileSync(join(root, 'locales', 'de', 'bot.json'), 'utf8')));
  const programsDir = join(root, 'knowledge', 'programs');
  const shortNames = new Map<string, string>();
  for (const f of readdirSync(programsDir).filter((f) => f.endsWith('.yaml'))) {
    const p = programSchema.parse(YAML.parse(readFileSync(join(programsDir, f), 'utf8')));
    shortNames.set(p.id, p.shortName);
  }
  return { prompts, reprompts, resultIntro: head(locale.check.resultIntro), errorText: head(bot.error).slice(0, 60), field: locale.check.field, choice: locale.check.choice, value: locale.check.value, shortNames };
}

/** The profile FactSet the result card and "Mein Profil" must show, as title → value. */
export function expectedFacts(p: IntendedProfile, texts: FlowTexts): Record<string, string> {
  const { field, choice, value, shortNames } = texts;
  const yn = (b: boolean) => value[b ? 'yes' : 'no'];
  return {
    [field.municipalityName]: p.municipalityName ?? value.anonymous,
    [field.entityType]: choice[p.entityType],
    [field.state]: p.state,
    [field.population]: p.population !== undefined ? de.format(p.population) : value.none,
    [field.leadershipSupport]: yn(p.leadershipSupport),
    [field.contactPerson]: yn(p.contactPerson),
    [field.needsAnonymity]: yn(p.needsAnonymity),
    [field.programs]: p.programs?.length ? p.programs.map((id) => shortNames.get(id) ?? id).join(', ') : value.all,
    [field.email]: p.email ?? value.none,
  };
}
