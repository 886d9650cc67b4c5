import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanToBlocks, type Block } from '../../src/knowledge/cleanText.js';
import { readSourceDocument } from '../../src/knowledge/sourceDocument.js';
import { deriveContact, deriveRules } from '../../src/programs/deriveRules.js';
import { buildPrograms } from '../../src/programs/loadPrograms.js';
import { evaluateEligibility } from '../../src/programs/eligibility.js';
import type { Program } from '../../src/programs/programSchema.js';

// Three call texts written for these tests in three styles (plain text, Markdown with an FAQ, an HTML
// page with navigation): no curated facts exist for them, as for any call a programme publishes.
const DIR = join(import.meta.dirname, '..', 'fixtures', 'unseen');
const FILES = ['dorfkern-lebendig-2027.txt', 'klimafit-kommune-niedersachsen-2026.md', 'kommunale-hitzeschutzplaene-2027.html'];
const docs = await Promise.all(FILES.map((f) => readSourceDocument(DIR, f)));
const [dorfkern, klimafit, hitze] = docs;
const programs = buildPrograms([], docs);
const program = (id: string): Program => programs.find((p) => p.id === id)!;

const blocks = (text: string): Block[] => cleanToBlocks(text, 'txt');

describe('deriveRules: who may apply, read from a call text', () => {
  it('reads "stellt die Verwaltungsgemeinschaft den Antrag" as the way in for its member municipalities', () => {
    const rules = deriveRules(blocks('2. Antragsberechtigte\n\nAntragsberechtigt sind Städte und Gemeinden in Thüringen mit höchstens 15.000 Einwohnern.\nFür Mitgliedsgemeinden einer Verwaltungsgemeinschaft stellt die Verwaltungsgemeinschaft den Antrag.'));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', membersOnly: true, via: 'verband', excluded: ['gemeinde'] }));
  });

  it('reads "Größere Städte" as the size limit\'s business, and still excludes the kinds named besides them', () => {
    const only = deriveRules(blocks('Antragsberechtigt sind Städte und Gemeinden mit 3.000 bis 60.000 Einwohnern. Größere Städte sind ausgeschlossen.'));
    expect(only.some((r) => r.type === 'entityTypes' && r.excluded?.length)).toBe(false);
    expect(only).toContainEqual(expect.objectContaining({ type: 'population', min: 3000, max: 60000 }));
    const withCounties = deriveRules(blocks('Bewerben können sich Gemeinden, die höchstens 15.000 Einwohner haben. Größere Städte und Landkreise sind diesmal nicht antragsberechtigt.'));
    expect(withCounties.some((r) => r.type === 'entityTypes' && r.excluded?.includes('landkreis'))).toBe(true);
    expect(withCounties.some((r) => r.type === 'entityTypes' && r.excluded?.some((e) => e.includes('stadt')))).toBe(false);
  });

  it('limits a call to the district whose municipalities it names as applicants, but not when it excludes them or names others besides', () => {
    const district = (text: string) => deriveRules(blocks(text)).find((r) => r.type === 'districts');
    expect(district('Antragsberechtigt sind die kreisangehörigen Städte, Märkte und Gemeinden des Landkreises Mellerau-Fichtach mit bis zu 20.000 Einwohnern.')).toEqual(expect.objectContaining({ allowed: ['Mellerau-Fichtach'] }));
    expect(district('Nicht antragsberechtigt sind die Gemeinden des Landkreises Dornholt.')).toBeUndefined();
    expect(district('Antragsberechtigt sind Gemeinden in Hessen sowie die Gemeinden des Landkreises Dornholt.')).toBeUndefined();
  });

  it('reads a call limited to named districts, and "Gemeinden in anderen Landkreisen" as no exclusion of Gemeinden', () => {
    const rules = deriveRules(
      blocks('Der Förderaufruf ist auf die Modellregionen Altmarkkreis Salzwedel, Landkreis Stendal und Burgenlandkreis beschränkt. Gemeinden in anderen Landkreisen sind nicht antragsberechtigt.\n\nAntragsberechtigt sind Einheitsgemeinden in Sachsen-Anhalt.'),
    );
    expect(rules).toContainEqual(expect.objectContaining({ type: 'districts', allowed: ['Altmarkkreis Salzwedel', 'Landkreis Stendal', 'Burgenlandkreis'] }));
    expect(rules.some((r) => r.type === 'entityTypes' && r.excluded?.includes('gemeinde'))).toBe(false);
  });

  it('reads lettered lists under "Antragsberechtigt sind" and "Nicht antragsberechtigt sind", each item with its intro', () => {
    const rules = deriveRules(
      blocks(
        [
          '3.1\tAntragsberechtigt sind folgende Kommunen in Sachsen-Anhalt:',
          'a)\tLandkreise,',
          'b)\tkreisangehörige Städte und Gemeinden mit mindestens 5.000 und höchstens 40.000 Einwohnerinnen und Einwohnern.',
          '',
          '3.3\tNicht antragsberechtigt sind',
          'a)\tMitgliedsgemeinden von Verbandsgemeinden,',
          'b)\tfreie Träger, Vereine und Migrantenorganisationen.',
        ].join('\n'),
      ),
    );
    expect(rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', excluded: ['organisation'], quote: '3.3 Nicht antragsberechtigt sind: freie Träger, Vereine und Migrantenorganisationen.' }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', allowed: ['landkreis', 'kreisangehoerige_stadt', 'gemeinde'] }));
    // The limit is the second item's, not the Landkreise' of the first.
    expect(rules).toContainEqual(expect.objectContaining({ type: 'population', min: 5000, max: 40000, appliesTo: ['kreisangehoerige_stadt', 'gemeinde'] }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'states', allowed: ['Sachsen-Anhalt'] }));
  });

  it('reads kinds of applicant, population limits and the state, each with its sentence', () => {
    const rules = deriveRules(klimafit.blocks);
    expect(rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', excluded: ['kreisfreie_stadt', 'landkreis'], quote: 'Landkreise, die Region Hannover und kreisfreie Städte sind nicht antragsberechtigt.' }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', allowed: ['kreisangehoerige_stadt', 'gemeinde'], others: 'no' }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'population', min: 5000, max: 60000 }));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'states', allowed: ['Niedersachsen'] }));
    for (const r of rules) expect(klimafit.text.replace(/\s+/g, ' ')).toContain(r.quote);
  });

  it('reads an upper limit from a list item and from a "nicht … mit mehr als" exclusion alike', () => {
    const rules = deriveRules(dorfkern.blocks);
    expect(rules.filter((r) => r.type === 'population')).toEqual([expect.objectContaining({ max: 15000 })]);
    // "Der Wettbewerb steht Gemeinden aus allen Bundesländern offen": no state rule.
    expect(rules.some((r) => r.type === 'states')).toBe(false);
  });

  it('takes "nur über ihren Landkreis" and "als Partner" as routes, not as rules about Landkreise', () => {
    const rules = deriveRules(hitze.blocks);
    const exclusion = rules.find((r) => r.type === 'entityTypes' && r.excluded);
    expect(exclusion).toMatchObject({ excluded: ['kreisangehoerige_stadt', 'gemeinde'], via: 'landkreis' });
    expect(rules.find((r) => r.type === 'entityTypes' && !r.excluded)).toMatchObject({ allowed: ['kreisfreie_stadt', 'landkreis'], others: 'no' });
  });

  it.each([
    ['Kreisangehörige Gemeinden können sich nur über ihren Landkreis bewerben.', 'landkreis'],
    ['Amtsangehörige Gemeinden sind nicht antragsberechtigt; sie können nur über ihr Amt teilnehmen.', 'amt'],
    ['Ortsgemeinden können sich nicht selbst bewerben, sondern nur über ihre Verbandsgemeinde.', 'verband'],
    // No "nicht" at all: "nur über ihr Amt" says it alone.
    ['Amtsangehörige Gemeinden können sich nur über ihr Amt beteiligen.', 'amt'],
  ])('reads the way in of "%s", and the verdict is "only that way", not a plain no', (sentence, via) => {
    const rules = deriveRules(blocks(`Bewerben können sich Landkreise und kreisfreie Städte. ${sentence}`));
    expect(rules.find((r) => r.type === 'entityTypes' && r.excluded)).toMatchObject({ via });
    const p = { ...program('kommunale-hitzeschutzplaene-2027'), rules };
    // A Gemeinde that belongs to an Amt or a Verbandsgemeinde (the only kind the last two exclude).
    const v = evaluateEligibility(p, { entityType: 'gemeinde', member: true });
    expect(v.status).toBe('conditional');
    expect(v.reasons.map((r) => r.key)).toEqual(['verdict.reason.onlyVia']);
    expect(evaluateEligibility(p, { entityType: 'landkreis' }).status).not.toBe('conditional');
  });

  it('excludes only member municipalities when the call names those ("Ortsgemeinden"), and asks when it is not said', () => {
    const rules = deriveRules(blocks('Antragsberechtigt sind Landkreise, verbandsfreie Gemeinden und Verbandsgemeinden. Ortsgemeinden sind nicht antragsberechtigt.'));
    expect(rules.find((r) => r.type === 'entityTypes' && r.excluded)).toMatchObject({ excluded: ['gemeinde'], membersOnly: true });
    const p = { ...program('kommunale-hitzeschutzplaene-2027'), rules };
    expect(evaluateEligibility(p, { entityType: 'gemeinde', member: false }).status).toBe('fits');
    expect(evaluateEligibility(p, { entityType: 'gemeinde', member: true }).status).toBe('no');
    expect(evaluateEligibility(p, { entityType: 'gemeinde' }).reasons.map((r) => r.key)).toContain('verdict.reason.memberMatters');
  });

  it('applies a population limit before "sowie" to the group it follows, not to the Landkreise after it', () => {
    const rules = deriveRules(blocks('Antragsberechtigt sind kreisangehörige Städte und Gemeinden mit bis zu 20.000 Einwohnern sowie Landkreise.'));
    expect(rules.find((r) => r.type === 'population')).toMatchObject({ max: 20000, appliesTo: ['kreisangehoerige_stadt', 'gemeinde'] });
  });

  it('reads "Zwei Gemeinden dürfen sich gemeinsam bewerben, wenn sie zusammen nicht mehr als 30.000 … haben" as no limit for each', () => {
    const rules = deriveRules(blocks('Antragsberechtigt sind Gemeinden mit 3.000 bis 30.000 Einwohnern. Zwei benachbarte Gemeinden dürfen sich gemeinsam bewerben, wenn sie zusammen nicht mehr als 30.000 Einwohner haben.'));
    expect(rules.filter((r) => r.type === 'population')).toEqual([expect.objectContaining({ min: 3000, max: 30000 })]);
  });

  it('keeps a plain exclusion without a way in a plain no', () => {
    const rules = deriveRules(blocks('Bewerben können sich Landkreise. Gemeinden sind nicht antragsberechtigt.'));
    expect(rules.find((r) => r.type === 'entityTypes' && r.excluded)).not.toHaveProperty('via');
    expect(evaluateEligibility({ ...program('kommunale-hitzeschutzplaene-2027'), rules }, { entityType: 'gemeinde' }).status).toBe('no');
  });

  it.each([
    ['Antragsberechtigt sind Gemeinden mit 2.000 bis 20.000 Einwohnern.', { min: 2000, max: 20000 }],
    ['Bewerben können sich Städte und Gemeinden mit mindestens 10.000 Einwohnern.', { min: 10000 }],
    ['Bewerben können sich Gemeinden mit weniger als 5.000 Einwohnern.', { max: 4999 }],
    ['Nicht teilnehmen können Gemeinden mit weniger als 1.000 Einwohnern.', { min: 1000 }],
  ])('reads the population bounds of "%s"', (sentence, bounds) => {
    expect(deriveRules(blocks(sentence)).find((r) => r.type === 'population')).toMatchObject(bounds);
  });

  it('derives nothing from a text that says nothing about applicants', () => {
    expect(deriveRules(blocks('Das Programm fördert Begegnung. Die Frist endet am 1. März 2027.'))).toEqual([]);
  });

  it('gives verdicts from the derived rules', () => {
    expect(evaluateEligibility(program('klimafit-kommune-niedersachsen-2026'), { entityType: 'landkreis', state: 'Niedersachsen', population: 140000 }).status).toBe('no');
    expect(evaluateEligibility(program('klimafit-kommune-niedersachsen-2026'), { entityType: 'gemeinde', state: 'Niedersachsen', population: 18000 }).status).toBe('fits');
    expect(evaluateEligibility(program('klimafit-kommune-niedersachsen-2026'), { entityType: 'gemeinde', state: 'Bayern', population: 18000 }).status).toBe('no');
    expect(evaluateEligibility(program('dorfkern-lebendig-2027'), { entityType: 'gemeinde', state: 'Bayern', population: 12000 }).status).toBe('fits');
    expect(evaluateEligibility(program('dorfkern-lebendig-2027'), { entityType: 'gemeinde', state: 'Bayern', population: 22000 }).status).toBe('no');
    const v = evaluateEligibility(program('kommunale-hitzeschutzplaene-2027'), { entityType: 'kreisfreie_stadt', state: 'Nordrhein-Westfalen', population: 250000 });
    expect(v.status).toBe('fits');
    // A yes quotes the list of applicants, not the exclusion of others.
    expect(v.reasons[0].quote).toBe('Der Aufruf richtet sich ausschließlich an Landkreise und kreisfreie Städte in Deutschland.');
  });
});

describe('deriveContact and names of uncurated calls', () => {
  it('takes the contact section (name, phone, address), not the address applications go to', () => {
    expect(deriveContact(dorfkern.blocks)).toMatchObject({ email: 'service@dorfkern-lebendig.example', name: 'Markus Feldhaus', phone: '0561 987654-12' });
    expect(deriveContact(klimafit.blocks)).toMatchObject({ email: 'klimafit@lak-niedersachsen.example', name: 'Dr. Jana Petersen', phone: '0511 4455-230' });
    expect(deriveContact(hitze.blocks)).toMatchObject({ email: 'hitzeschutz@gesundheit-klima.example', name: 'Sabine Okafor' });
  });

  it('quotes one sentence when the address stands in running text', () => {
    const c = deriveContact(blocks('Termine\n\nDie Frist endet am 15. Januar 2029. Bewerbungen gehen per E-Mail an digital@example.net.'));
    expect(c).toEqual({ email: 'digital@example.net', quote: 'Bewerbungen gehen per E-Mail an digital@example.net.' });
  });

  it('titles a web page by its <h1>, not by its navigation', () => {
    expect(hitze.title).toBe('Kommunale Hitzeschutzpläne 2027 – Aufruf zur Interessenbekundung');
    expect(hitze.text).not.toMatch(/Startseite|Impressum/);
  });

  it('knows a call by its name without the year and by its distinctive words', () => {
    expect(program('dorfkern-lebendig-2027').aliases).toEqual(expect.arrayContaining(['dorfkern lebendig 2027', 'dorfkern lebendig', 'dorfkern']));
    expect(program('klimafit-kommune-niedersachsen-2026').aliases).toEqual(expect.arrayContaining(['klimafit kommune', 'klimafit']));
    expect(program('kommunale-hitzeschutzplaene-2027').aliases).toEqual(expect.arrayContaining(['kommunale hitzeschutzpläne', 'hitzeschutzpläne']));
    // Words of a name that say nothing on their own are no alias.
    expect(program('klimafit-kommune-niedersachsen-2026').aliases).not.toContain('kommune');
    expect(program('dorfkern-lebendig-2027').aliases).not.toContain('lebendig');
    expect(readFileSync(join(DIR, FILES[0]), 'utf8')).toContain('Dorfkern lebendig 2027');
  });
});

describe('names of uncurated calls with a state in them', () => {
  it('knows "Vielfalt verwalten NRW 2027" as "Vielfalt verwalten" too', () => {
    const text = 'Ausschreibung „Vielfalt verwalten NRW 2027“\n\nBewerben können sich Kreise und kreisfreie Städte in Nordrhein-Westfalen.';
    const doc = { id: 'vielfalt-verwalten-nrw-2027', file: 'vielfalt-verwalten-nrw-2027.txt', kind: 'txt' as const, hash: 'x', modified: '2026-11-21', title: 'Ausschreibung „Vielfalt verwalten NRW 2027“', blocks: cleanToBlocks(text, 'txt'), text };
    const [p] = buildPrograms([], [doc]);
    expect(p.aliases).toEqual(expect.arrayContaining(['vielfalt verwalten nrw 2027', 'vielfalt verwalten nrw', 'vielfalt verwalten']));
  });
});

describe('deriveRules: requirements besides who applies', () => {
  it('reads the support of the administration and a named coordinator, each with its sentence', () => {
    const rules = deriveRules(cleanToBlocks('Teilnahmevoraussetzungen\n\nDie Verwaltungsspitze muss die Bewerbung unterstützen, und es muss eine verantwortliche Koordinationsperson benannt werden.', 'txt'));
    expect(rules.map((r) => r.type)).toEqual(['leadershipSupport', 'contactPerson']);
    expect(evaluateEligibility({ ...program('dorfkern-lebendig-2027'), rules }, { leadershipSupport: false }).status).toBe('conditional');
  });

  it('does not take a description for a requirement', () => {
    expect(deriveRules(cleanToBlocks('Die Bürgermeisterin unterstützt das Projekt seit 2020 persönlich.', 'txt'))).toEqual([]);
  });
});

describe('deriveRules: joint routes and limits for some applicants', () => {
  it('reads "unter N Einwohnern … gemeinsam" as a joint route, not as an upper limit', () => {
    const rules = deriveRules(blocks('Teilnehmen können Gemeinden in Sachsen mit bis zu 25.000 Einwohnern. Gemeinden mit weniger als 2.000 Einwohnern bewerben sich bitte gemeinsam mit einer Nachbargemeinde.'));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'jointBelow', threshold: 2000, asQuoted: true }));
    expect(rules.filter((r) => r.type === 'population')).toEqual([expect.objectContaining({ max: 25000 })]);
    const p = { ...program('dorfkern-lebendig-2027'), rules } as Program;
    const small = evaluateEligibility(p, { entityType: 'gemeinde', state: 'Sachsen', population: 1400 });
    expect(small.status).toBe('conditional');
    expect(small.reasons.map((r) => r.key)).toContain('verdict.reason.jointOnlyAsQuoted');
    expect(evaluateEligibility(p, { entityType: 'gemeinde', state: 'Sachsen', population: 9000 }).status).toBe('fits');
  });

  it('puts a population limit after "sowie" on the last group only', () => {
    const rules = deriveRules(blocks('Bewerben können sich Landkreise, kreisfreie Städte sowie kreisangehörige Städte und Gemeinden mit mindestens 20.000 Einwohnern aus Hessen.'));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'population', min: 20000, appliesTo: ['kreisangehoerige_stadt', 'gemeinde'] }));
    const p = { ...program('dorfkern-lebendig-2027'), rules } as Program;
    expect(evaluateEligibility(p, { entityType: 'landkreis', state: 'Hessen' }).status).toBe('fits');
    expect(evaluateEligibility(p, { entityType: 'gemeinde', state: 'Hessen', population: 9000 }).status).toBe('no');
  });

  it('lets no one else apply when "Antragsteller muss immer eine Kommune sein"', () => {
    const rules = deriveRules(blocks('Bewerben können sich Landkreise und Gemeinden.\n\nKann sich ein Verein bewerben? Nein. Antragsteller muss immer eine Kommune sein.'));
    expect(rules).toContainEqual(expect.objectContaining({ type: 'entityTypes', others: 'no' }));
  });
});

describe('uncurated calls: a limit said of towns only, and the funder as a name', () => {
  const text = [
    'Stiftung Gemeinsinn',
    '',
    'Förderprogramm „Zusammen wachsen“',
    '',
    'Das Zentrum für Demokratie und Teilhabe (ZDT) setzt das Programm um.',
    '',
    'Bewerben können sich Städte, Gemeinden und Landkreise aus dem gesamten Bundesgebiet. Städte mit mehr als 100.000 Einwohnern sind ausgeschlossen.',
  ].join('\n');
  const doc = { id: 'zusammen-wachsen', file: 'zusammen-wachsen.txt', kind: 'txt' as const, hash: 'x', modified: '2026-11-21', title: 'Förderprogramm „Zusammen wachsen“', blocks: cleanToBlocks(text, 'txt'), text };

  it('applies "Städte mit mehr als 100.000 Einwohnern sind ausgeschlossen" to towns, not to a Landkreis', () => {
    const [p] = buildPrograms([], [doc]);
    expect(p.rules).toContainEqual(expect.objectContaining({ type: 'population', max: 100000, appliesTo: ['kreisfreie_stadt', 'kreisangehoerige_stadt'] }));
    expect(evaluateEligibility(p, { entityType: 'landkreis', population: 180000 }).status).not.toBe('no');
    expect(evaluateEligibility(p, { entityType: 'stadt', population: 180000 }).status).toBe('no');
    expect(evaluateEligibility(p, { entityType: 'kreisfreie_stadt', population: 180000 }).status).toBe('no');
  });

  it('knows the call by its funder and by an abbreviation the text spells out, unless another text uses them', () => {
    const [p] = buildPrograms([], [doc]);
    expect(p.aliases).toEqual(expect.arrayContaining(['stiftung gemeinsinn', 'ZDT', 'zentrum für demokratie und teilhabe']));
    const other = { ...doc, id: 'other', file: 'other.txt', title: 'Aufruf „Anderes“', text: 'Die Stiftung Gemeinsinn fördert auch dies.', blocks: cleanToBlocks('Die Stiftung Gemeinsinn fördert auch dies.', 'txt') };
    const both = buildPrograms([], [doc, other]);
    expect(both[0].aliases).not.toContain('stiftung gemeinsinn');
    expect(both[0].aliases).toContain('ZDT');
  });
});

