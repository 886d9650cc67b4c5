import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-ninth and fiftieth evaluation rounds: a Land call as extracted PDF text, an association's
// circular on a two-stage federal call with association news after it, a funding bank's page with a rate table by kind and size,
// and an unofficial English translation of a district guideline.
const FILES = ['foerderaufruf-dorfbruecken-2027.txt', 'rundschreiben-47-2026-schattenplaetze.md', 'wifb-kobera-2027-foerderaufruf.html', 'hallerbrook-youth-participation-guideline-en.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('a rate table by kind of municipality and size', () => {
  it('works out the grant from the cell for a small municipality in Haushaltssicherung', async () => {
    const text = await ask('Gemeinde, 6.500 Einwohner, genehmigtes Haushaltssicherungskonzept. Der Umbau kostet förderfähig 180.000 €. Wie viel Zuschuss gibt es bei KoBeRa?');
    expect(text).toMatch(/^Rechnerisch: 90 % von 180\.000 Euro ergeben eine Förderung von 162\.000 Euro; Ihr Eigenanteil läge bei 18\.000 Euro/);
  });
  it('takes the "alle übrigen Kommunen" row for a town that is neither, and the plain cap, not the one for joint projects', async () => {
    const text = await ask('Kreisangehörige Stadt mit 64.000 Einwohnern, weder finanzschwach noch im HSK, Quartierszentrum mit 620.000 Euro förderfähigen Kosten. Was können wir bei KoBeRa maximal an Förderung erwarten?');
    expect(text).toMatch(/50 % von 620\.000 Euro 310\.000 Euro .*höchstens 250\.000 Euro/);
  });
  it('says no when the worked grant is below the minimum grant', async () => {
    expect(await ask('Gemeinde mit 14.000 EW, weder finanzschwach noch in der Haushaltssicherung. Rampe und WC für 28.000 €. Lohnt sich da ein KoBeRa-Antrag?')).toMatch(/^Nein – rechnerisch ergäben 65 % von 28\.000 Euro nur 18\.200 Euro/);
  });
});

describe('too small a project', () => {
  it('answers "Lohnt sich ein Antrag dafür?" with the minimum project cost', async () => {
    expect(await ask('Wir wollen nur Möbel für 12.000 € anschaffen. Fördert Dorfbrücken sowas?')).toMatch(/^Nein – Dorfbrücken 2027 fördert Vorhaben erst ab förderfähigen Kosten von 15\.000 Euro/);
  });
});

describe('deadlines', () => {
  it('gives the guideline’s own deadline, not the later call held only if money is left', async () => {
    const text = await ask('Is Hallerbrook’s youth participation fund still taking applications?', 'en-US');
    expect(text).toMatch(/29 January 2027 – it is still open/);
    expect(text).not.toMatch(/^[^.]*15 June/);
  });
  it('gives that later call when a later date is asked for', async () => {
    expect(await ask('Falls wir Ende Januar nicht fertig werden – gibt es beim Jugendbeteiligungsfonds des Landkreises Hallerbrook noch einen späteren Termin?')).toMatch(/15\.06\.2027/);
  });
  it('does not take the sign-up for the association’s general meeting for the call’s deadline', async () => {
    const text = await ask('Bis wann muss man sich bei Schattenplätze melden?');
    expect(text).toMatch(/15\.01\.2027/);
    expect(text).not.toMatch(/31\. März 2027|31\.03\.2027/);
  });
});

describe('anonymity', () => {
  it('leads with the call’s "anonyme Antragstellung ist nicht möglich", not with rejected applications staying unnamed', async () => {
    const text = await ask('Können wir uns bei Dorfbrücken bewerben, ohne dass unser Gemeindename irgendwo veröffentlicht wird?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Eine anonyme Antragstellung ist nicht möglich/);
  });
});

describe('English questions only partly understood', () => {
  it('passes on no yes of an unrelated FAQ entry when only "outline" was understood', async () => {
    const text = await ask('Can we write our Schattenplätze outline in English?', 'en-US');
    expect(text).not.toMatch(/^Yes/);
    expect(text).toMatch(/could not find reliable information/);
  });
});

describe('names', () => {
  it('says a long English guideline title by its topic and place', async () => {
    expect(await ask('When is the deadline for the Hallerbrook youth participation funding?', 'en-US')).toMatch(/Municipal Youth Participation \(Hallerbrook\)/);
  });
});

describe('the signed paper after the online application', () => {
  it('gives the application deadline, not the date for the signed form, when the second round is asked about in English', async () => {
    const text = await ask('When is the closing date for the second round of the Weserland meeting spaces programme (KoBeRa)?', 'en-US');
    expect(text).toMatch(/^The application deadline for KoBeRa 2027 is 26 February 2027/);
  });
  it('gives the date for the signed form, by its name, when that is asked', async () => {
    expect(await ask('Bis wann muss das unterschriebene Formular bei KoBeRa vorliegen, wenn wir online schon eingereicht haben?')).toMatch(/^Die Frist für das unterschriebene Formular für KoBeRa 2027 läuft bis zum 12\.03\.2027/);
  });
  it('reads "irgendwo öffentlich auftaucht … vermeiden" as an anonymity question', async () => {
    expect(await ask('Wir wollen eigentlich nicht, dass unsere Gemeinde mit dem Förderbetrag irgendwo öffentlich auftaucht. Lässt sich das bei KoBeRa vermeiden?')).toMatch(/Ein Verzicht auf diese Veröffentlichung ist nicht möglich/);
  });
});

describe('a joint application with partners of different sizes', () => {
  it('checks each partner when the call says the population limit holds for each', async () => {
    const text = await ask('Wir (4.100 Einwohner) würden gern mit der Kreisstadt nebenan (27.000 Einwohner) gemeinsam Dorfbrücken beantragen. Klappt das so?');
    expect(text).toMatch(/^Nein – bei einem gemeinsamen Antrag gilt die Einwohnergrenze für jede beteiligte Kommune – eine Partnerin mit 27\.000 Einwohnern/);
  });
  it('reads "zusammen haben wir 16.000 Einwohner" as a total, not as a partner', async () => {
    expect(await ask('Drei Gemeinden wollen zusammen Dorfbrücken beantragen; zusammen haben wir 16.000 Einwohner. Geht das?')).not.toMatch(/Partnerin mit 16\.000/);
  });
});

describe('a rate whose condition follows it', () => {
  it('reads "90 % für Kommunen bis 20.000 Einwohner, sonst 70 %"', async () => {
    expect(await ask('Gemeinde mit 7.800 Einwohnern, Entsiegelung und Baumpflanzungen bei Schattenplätze für 200.000 € insgesamt. Wie viel zahlt der Bund?')).toMatch(/90 % von 200\.000 Euro ergeben eine Förderung von 180\.000 Euro/);
  });
});
