import { describe, expect, it } from 'vitest';
import { extractEntityType, extractPopulation, extractProfileFacts, extractState, type ProfileFacts } from '../../src/nlu/profileEntities.js';

describe('extractProfileFacts', () => {
  it.each<[string, ProfileFacts]>([
    ['Wir sind ein Landkreis in Hessen.', { entityType: 'landkreis', state: 'Hessen' }],
    ['Kann unsere Kirchengemeinde den Friedhof anmelden?', { entityType: 'organisation' }],
    // The district's bus stops in the village: the asker is the Gemeinde.
    ['Unsere Gemeinde in Sachsen hat keine eigene Bibliothek, aber der Bücherbus des Landkreises hält bei uns.', { entityType: 'gemeinde', state: 'Sachsen' }],
    // Where a project takes place says nothing of what the asker is.
    ['Wir planen ein Projekt nur bei uns in der Stadt. Passt das?', {}],
    ['Das Projekt soll in der Gemeinde stattfinden.', {}],
    ['Der Kreis Offenbach möchte sich bewerben.', { entityType: 'landkreis' }],
    ['Wir sind eine kreisfreie Stadt mit 120.000 Einwohnern.', { entityType: 'kreisfreie_stadt', population: 120_000 }],
    ['Unsere kreisangehörige Stadt hat 30.000 Einwohner.', { entityType: 'kreisangehoerige_stadt', population: 30_000 }],
    ['Wir sind eine kreisangehörige Gemeinde in Bayern.', { entityType: 'gemeinde', state: 'Bayern' }],
    ['Wir sind eine hessische Gemeinde mit 4.500 Einwohnern.', { entityType: 'gemeinde', state: 'Hessen', population: 4500 }],
    ['Unser Dorf hat 800 Einwohner.', { entityType: 'gemeinde', population: 800 }],
    ['Unsere Stadt in Hessen hat 80.000 Einwohner.', { entityType: 'stadt', state: 'Hessen', population: 80_000 }],
    ['Wir sind ein Verein in Sachsen.', { entityType: 'organisation', state: 'Sachsen' }],
    ['Als freier Träger der Integrationsarbeit in NRW …', { entityType: 'organisation', state: 'Nordrhein-Westfalen' }],
    ['Unsere Stiftung sitzt in Sachsen-Anhalt.', { entityType: 'organisation', state: 'Sachsen-Anhalt' }],
    ['We are a district in Bavaria.', { entityType: 'landkreis', state: 'Bayern' }],
    ['We are an independent city in Hesse with a population of 120,000.', { entityType: 'kreisfreie_stadt', state: 'Hessen', population: 120_000 }],
    ['We are a small town in Lower Saxony with 8,000 inhabitants.', { entityType: 'stadt', state: 'Niedersachsen', population: 8000 }],
    ['We are an association in Saxony.', { entityType: 'organisation', state: 'Sachsen' }],
    ['Bis wann läuft KommA?', {}],
  ])('reads %j', (text, facts) => {
    expect(extractProfileFacts(text)).toEqual(facts);
  });
});

describe('extractState', () => {
  it.each([
    ['in Hessen', 'Hessen'],
    ['eine hessische Gemeinde', 'Hessen'],
    ['im hessischen Odenwald', 'Hessen'],
    ['a Hessian town', 'Hessen'],
    ['bayerische Kleinstadt', 'Bayern'],
    ['Baden-Württemberg', 'Baden-Württemberg'],
    ['Baden-Wuerttemberg', 'Baden-Württemberg'],
    ['aus Thüringen', 'Thüringen'],
    ['sächsische Gemeinde', 'Sachsen'],
    ['in Sachsen-Anhalt', 'Sachsen-Anhalt'],
    ['in Rheinland-Pfalz', 'Rheinland-Pfalz'],
    ['in Schleswig-Holstein', 'Schleswig-Holstein'],
    ['North Rhine-Westphalia', 'Nordrhein-Westfalen'],
    ['Mecklenburg-Vorpommern', 'Mecklenburg-Vorpommern'],
  ])('finds the state in "%s"', (text, state) => {
    expect(extractState(text)).toBe(state);
  });

  it.each([['Wir sind eine Gemeinde.'], ['Bis wann läuft KommA?'], ['Wir wollen es besser machen.']])('finds no state in "%s"', (text) => {
    expect(extractState(text)).toBeUndefined();
  });
});

describe('extractEntityType', () => {
  it.each([
    ['Landkreis', 'landkreis'],
    ['Landrätin', 'landkreis'],
    ['county', 'landkreis'],
    ['kreisfreie Stadt', 'kreisfreie_stadt'],
    ['kreisangehörige Stadt', 'kreisangehoerige_stadt'],
    ['Gemeinde', 'gemeinde'],
    ['municipality', 'gemeinde'],
    ['Großstadt', 'stadt'],
    ['gGmbH', 'organisation'],
    ['Wohlfahrtsverband', 'organisation'],
  ])('reads "%s" as %s', (text, type) => {
    expect(extractEntityType(`Wir sind ein(e) ${text}.`)).toBe(type);
  });

  it.each([['Wir sind ein e.V. aus Köln.'], ['Wir sind der Förderverein Nachbarschaft e.V. in Hessen.']])('reads "%s" as an organisation', (text) => {
    expect(extractEntityType(text)).toBe('organisation');
  });
});

describe('extractProfileFacts: where the asker lies is not what it is', () => {
  it.each([
    ['Wir sind eine Gemeinde im Landkreis Mittelheide mit 1.900 Einwohnern.', 'gemeinde'],
    // A town in a district is a kreisangehörige Stadt.
    ['Wir sind eine Stadt im Landkreis Cloppenburg mit rund 34.000 Einwohnern.', 'kreisangehoerige_stadt'],
    ['Wir sind eine kreisfreie Stadt.', 'kreisfreie_stadt'],
    ['Wir sind ein Landkreis in Bayern.', 'landkreis'],
    // A district named in one word is where the Gemeinde lies.
    ['Gemeinde im Salzlandkreis, 8.000 EW', 'gemeinde'],
  ])('reads "%s" as %s', (text, type) => {
    expect(extractProfileFacts(text).entityType).toBe(type);
  });
});

describe('extractProfileFacts: the district named', () => {
  it.each([
    ['Wir sind eine Einheitsgemeinde im Landkreis Stendal.', 'Stendal'],
    ['Gemeinde im Salzlandkreis, 8.000 EW', 'Salzlandkreis'],
    ['We are a municipality in the Harz district (Landkreis Harz).', 'Harz'],
  ])('reads "%s" as %s', (text, district) => {
    expect(extractProfileFacts(text).district).toBe(district);
  });
});

describe('extractPopulation', () => {
  it.each([
    ['8.000 Einwohner', 8000],
    ['8000 Einwohner', 8000],
    ['8 000 Einwohner', 8000],
    ['8000 EW', 8000],
    ['8.000 EW', 8000],
    ['8 Tsd Einwohner', 8000],
    ['8 tausend Einwohner', 8000],
    ['achttausend Einwohner', 8000],
    ['achttausendfünfhundert Einwohner', 8500],
    ['zwölftausend Einwohnern', 12000],
    ['1,2 Mio Einwohner', 1_200_000],
    ['population of 8,000', 8000],
    ['population: 8000', 8000],
    ['8,000 inhabitants', 8000],
    ['8k residents', 8000],
    ['Einwohnerzahl von rund 45.000', 45000],
    ['mit 4.500 Einwohnerinnen und Einwohnern', 4500],
    ['Wir haben ca. 30.000 Bürgerinnen und Bürger', 30000],
    ['über eine Million Einwohner', 1_000_000],
    ['more than a million inhabitants', 1_000_000],
  ])('reads "%s" as %i', (text, n) => {
    expect(extractPopulation(`Unsere Gemeinde hat ${text}.`)).toBe(n);
  });

  it.each([
    ['8 Tsd. Einwohner', 8000],
    ['8 Tsd. EW', 8000],
    ['1,2 Mio. Einwohner', 1_200_000],
  ])('reads the abbreviated "%s" as %i', (text, n) => {
    expect(extractPopulation(`Unsere Gemeinde hat ${text}.`)).toBe(n);
  });

  it.each([['Bis zum 28.2.2023'], ['Wir bekommen 20.000 Euro'], ['80 Beratungstage'], ['Wir sind 3 Mitarbeitende']])('reads no population from "%s"', (text) => {
    expect(extractPopulation(text)).toBeUndefined();
  });
});

describe('the applicant, not a programme, in questions about calls named after a state', () => {
  it.each([
    ['Gemeinde in Thüringen, 3.000 EW – passt Dorfgespräche Sachsen für uns?', 'Thüringen'],
    ['Wir sind eine Gemeinde in Thüringen mit 20.000 Einwohnern. Passt das WIR-Programm Hessen?', 'Thüringen'],
    ['Wir sind eine hessische Gemeinde. Passt Vielfalt verwalten NRW?', 'Hessen'],
    ['Als Landkreis aus Brandenburg: ist Dorfgespräche Sachsen etwas für uns?', 'Brandenburg'],
  ])('"%s" → %s', (text, state) => {
    expect(extractState(text)).toBe(state);
  });

  it('takes the applicant from "wir sind …" when the sentence names a partner too', () => {
    expect(extractProfileFacts('Wir sind eine Gemeinde in Rheinland-Pfalz und wollen mit unserem Heimatverein teilnehmen.').entityType).toBe('gemeinde');
    expect(extractProfileFacts('Wir sind ein gemeinnütziger Sportverein aus Bielefeld.').entityType).toBe('organisation');
  });

  it('does not read a programme name like "Gemeindebibliothek" as an applicant', () => {
    expect(extractEntityType('Wer darf bei der Offenen Gemeindebibliothek Nord mitmachen?')).toBeUndefined();
    expect(extractEntityType('Wir sind eine Samtgemeinde')).toBe('gemeinde');
  });
});
