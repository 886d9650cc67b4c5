import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-fifth and forty-sixth evaluation rounds: a Land guideline in §§ extracted from a PDF,
// a Landkreis e-mail passing on a Land programme, a foundation page with three funding lines, and an English call of a
// German-Polish small projects fund.
const FILES = ['A_richtlinie_treffpunkt_zusammenhalt.txt', 'B_mail_landkreis_zukunftswerkstatt_ehrenamt.txt', 'ortswerk-2027-lindenhof.html', 'twin-riverbanks-small-projects-2027.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('which call', () => {
  it('takes the one call of the state named as the funder, and answers the next round from its cut-off dates', async () => {
    const text = await ask('Wir wollen unseren alten Jugendraum zum Dorftreff umbauen und über das Land Rheinland-Pfalz fördern lassen. Bis wann muss der Antrag für die nächste Runde drin sein?');
    expect(text).toMatch(/^Die Bewerbungsfrist für Treffpunkt Zusammenhalt/);
    expect(text).toMatch(/31\.03\.2027/);
  });
  it('never names a call after a round in its title’s brackets', async () => {
    expect(await ask('Bis wann läuft Twin Riverbanks?')).toMatch(/^Die Bewerbungsfrist für Twin Riverbanks Small Projects Fund läuft bis zum 26\.02\.2027/);
  });
});

describe('changes and rolling rules', () => {
  it('answers raising the amount after the cut-off from the sentence that refuses it, not with the deadline', async () => {
    expect(await ask('Angenommen, nach Ablauf des Stichtags zeigt sich, dass der Umbau unseres Treffs deutlich teurer wird: Können wir bei Treffpunkt Zusammenhalt die beantragte Summe dann noch erhöhen?')).toMatch(/^Nein – .*nicht mehr erhöht werden/);
  });
  it('takes no change rule ("eine Verringerung ist jederzeit möglich") for rolling applications', async () => {
    expect(await ask('Bis wann kann man bei Treffpunkt Zusammenhalt einreichen?')).not.toMatch(/laufend möglich/);
  });
});

describe('English texts, German questions', () => {
  it('says no to anonymity from "Anonymous applications are not possible", never from the page’s date line', async () => {
    const text = await ask('Gibt es beim deutsch-polnischen Kleinprojektefonds Twin Riverbanks die Möglichkeit, dass unsere Gemeinde nicht namentlich genannt wird? Wir hatten schon Drohungen.');
    expect(text).toMatch(/^Nein – .*Anonymous applications are not possible/);
    expect(text).not.toMatch(/Published 9 November 2026/);
  });
  it('caps the worked-out grant by "at most EUR 30,000"', async () => {
    expect(await ask('Twin Riverbanks: Unser Projekt hat förderfähige Kosten von 50.000 €. Wie hoch ist der Zuschuss und was bleibt an uns hängen?')).toMatch(/höchstens 30\.000 Euro; Ihr Eigenanteil läge bei 20\.000 Euro/);
  });
});

describe('contact', () => {
  it('takes "Welche Nummer?" for a phone question', async () => {
    expect(await ask('Ich hätte gern jemanden am Telefon, der mir die Ortswerk-Förderbedingungen erklärt. Welche Nummer?')).toMatch(/0561 7739-420/);
  });
});

describe('a Landkreis collecting for a Land programme', () => {
  it('gives the Landkreis’s own deadline, never the Land’s one that "gilt nur für uns", nor the mail’s sent date', async () => {
    const text = await ask('Im Aufruf der Landesagentur steht Ende Februar als Frist. Reicht es also, wenn wir unsere Unterlagen für die Zukunftswerkstatt Mitte Februar an den Kreis schicken?');
    expect(text).toMatch(/^Nein, das wäre zu spät\. Die Bewerbungsfrist für Zukunftswerkstatt Ehrenamt 2027 läuft bis zum 15\.01\.2027/);
    expect(await ask("Can our municipality still sign up with the district for the 'Zukunftswerkstatt Ehrenamt' programme, or is that over?", 'en-US')).toMatch(/15 January 2027 – it is still open/);
  });
});

describe('funding lines with their own rates and ranges', () => {
  it('takes the line the project names, caps it by that line’s range, and names no other line’s rate beside it', async () => {
    const text = await ask('Unser Beteiligungsprojekt (nur wir als Gemeinde, keine Haushaltssicherung) kostet rund 200.000 €. Was gibt die Stiftung bei Ortswerk dazu?');
    expect(text).toMatch(/^Rechnerisch wären 75 % von 200\.000 Euro 150\.000 Euro – das liegt über dem Höchstbetrag, die Förderung beträgt also höchstens 120\.000 Euro/);
    expect(text).not.toMatch(/Abweichend/);
  });
});

describe('a call described, not named', () => {
  it('finds the call by a word of its title inside the asker’s compound ("Bürgertreff", "Landesrichtlinie")', async () => {
    expect(await ask('Bei wem kann ich anrufen, wenn ich inhaltliche Fragen zum Förderantrag für unseren Bürgertreff (Landesrichtlinie) habe?')).toMatch(/^Kontakt für Treffpunkt Zusammenhalt: .*Wollmerath/);
  });
  it('rules on running costs asked in other words ("Strom, Heizung und Miete") from the list of what is not funded', async () => {
    const text = await ask('Übernimmt das Land über die Treffpunkt-Förderung auch Strom, Heizung und Miete für den Treff in den ersten Jahren?');
    expect(text).toMatch(/Nicht zuwendungsfähig sind/);
    expect(text).toMatch(/laufende Betriebskosten wie Miete, Energie/);
  });
});

describe('started already', () => {
  it('says no for a contract signed before the approval, with what counts as starting', async () => {
    const text = await ask('Den Auftrag für die neue Küchenzeile im Gemeindehaus haben wir letzte Woche schon unterschrieben. Lässt sich das noch über die Treffpunkt-Richtlinie fördern?');
    expect(text).toMatch(/^Nein – .*nicht begonnen worden sein/);
    expect(text).toMatch(/Als Vorhabenbeginn gilt der Abschluss eines Liefer- oder Leistungsvertrags/);
  });
});

describe('English questions describing a call', () => {
  it('finds the call by the term list’s German word ("meeting places" → "Treffpunkt") and leads with the deadline still open', async () => {
    const text = await ask('Quick check: is the Rhineland-Palatinate grant for community meeting places currently taking applications?', 'en-US');
    expect(text).toMatch(/^The application deadline for Treffpunkt Zusammenhalt is 31 March 2027 – it is still open/);
    expect(text).toMatch(/30 November 2026 has already passed/);
  });
  it('finds it by a German title word written in the question', async () => {
    expect(await ask('Our mayor is off sick for a few weeks. Can somebody else sign the meeting-place grant application for the Treffpunkt programme?', 'en-US')).toMatch(/schriftlich bevollmächtigten Person/);
  });
  it('answers a question on past results only from a sentence on past results', async () => {
    expect(await ask('How many municipalities from Dornholt district got money in the 2026 round of the volunteering workshop programme?', 'en-US')).toMatch(/could not find reliable information/);
  });
});

describe('a project below the minimum cost', () => {
  it('says no to "zusammen ca. 7.500 Euro. Fördert das Land sowas?"', async () => {
    expect(await ask('Für den Seniorentreff wollen wir nur neue Stühle und einen Beamer kaufen, zusammen ca. 7.500 Euro. Fördert das Land sowas über die Treffpunkt-Richtlinie?')).toMatch(/^Nein – Treffpunkt Zusammenhalt fördert Vorhaben erst ab förderfähigen Kosten von 10\.000 Euro/);
  });
  it('answers "minimum budget" with the minimum project cost', async () => {
    expect(await ask('Is there a minimum budget a project needs to have under the district’s volunteering workshop scheme?', 'en-US')).toMatch(/2\.500 Euro/);
  });
});

describe('an FAQ entry on another matter', () => {
  it('does not answer "Wie lang darf die Skizze sein?" with the entry on whether the outline must be signed', async () => {
    const text = await ask('Wie lang darf die Ortswerk-Projektskizze höchstens sein – gibt es eine Seitenbegrenzung?');
    expect(text).not.toMatch(/unterschrieben/);
    expect(text).toMatch(/keine gesicherte Information/);
  });
});
