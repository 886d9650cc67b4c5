import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the fifty-first and fifty-second evaluation rounds: a district's gazette issue with the call as one
// notice among a road closure, a fee statute and a tender; a ministry's slides from an information event; a federal notice in
// the style of the Bundesanzeiger; a cross-border fund's call written in English, asked about in German. Two calls of earlier
// rounds check questions on several things and typos.
const FILES = [
  'amtsblatt-mellerau-fichtach-2026-24.txt',
  'ortsherz-2027-infoveranstaltung-folien.txt',
  'junge-stimmen-kommunal-bekanntmachung.txt',
  'B_mail_landkreis_zukunftswerkstatt_ehrenamt.txt',
  'foerderrichtlinie-teilhabelabore-vor-ort.txt',
  'veldmark-small-project-fund-2027.md',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('a call printed as one notice of a gazette issue', () => {
  it('gives the call’s deadline, never the date of a site visit in the tender printed after it', async () => {
    const text = await ask('Können wir uns jetzt im Dezember noch beim Kreisfonds Begegnungsräume bewerben oder ist der Zug schon abgefahren?');
    expect(text).toMatch(/29\.01\.2027 – sie ist noch offen/);
    expect(text).not.toMatch(/07\.12\.2026|Ortsbesichtigung/);
  });
  it('names the call by its notice’s title, not by the gazette', async () => {
    expect(await ask('Bis wann läuft die Frist beim Kreisfonds Begegnungsräume?')).toMatch(/Begegnungsräume 2027/);
  });
  it('does not read the district’s name as the excluded town of the same name', async () => {
    const text = await ask('Wir sind eine Gemeinde mit knapp 3.900 Einwohnern im Landkreis Mellerau-Fichtach. Dürfen wir beim Kreisfonds Begegnungsräume alleine einen Antrag stellen?');
    expect(text).toMatch(/^Ja\b/);
  });
  it('says the call is only for the district whose municipalities it names as applicants', async () => {
    expect(await ask('Wir sind eine Gemeinde in Bayern mit 4.500 Einwohnern. Kommt Begegnungsräume für uns in Frage?')).toMatch(/^Ja, aber nur unter Bedingung: Der Aufruf gilt nur für Kommunen in Mellerau-Fichtach\./);
  });
  it('abstains on a council resolution the call does not ask for, instead of quoting "vorherige Zustimmung"', async () => {
    expect(await ask('Brauchen wir für den Antrag beim Kreisfonds Begegnungsräume vorher einen Beschluss unseres Gemeinderats?')).toMatch(/keine gesicherte Information/);
  });
});

describe('deadlines asked in other words', () => {
  it('answers "Abgabeschluss", a deadline word the call does not use', async () => {
    expect(await ask('Wann ist bei Junge Stimmen kommunal Abgabeschluss?')).toMatch(/31\.01\.2027/);
  });
  it('reads "das Dorftreff-Programm OrtsHerz" as the call and says it is still open', async () => {
    expect(await ask('Wir haben bisher nix eingereicht – ist das Dorftreff-Programm OrtsHerz aus Potsdam überhaupt noch offen?')).toMatch(/31\.03\.2027 – sie ist noch offen/);
  });
  it('finds a one-word name written as two words', async () => {
    expect(await ask('orts herz antrags frist wan??')).toMatch(/^Die Bewerbungsfrist für OrtsHerz läuft bis zum 31\.03\.2027/);
  });
});

describe('things asked about', () => {
  it('answers rent and a fee, each named with what it is for, from the sentence on fundable costs', async () => {
    const text = await ask('Können wir bei der Zukunftswerkstatt die Miete fürs Bürgerhaus und das Honorar der Moderatorin abrechnen?');
    expect(text).toMatch(/^Ja\b/);
    expect(text).toMatch(/Honorare für Moderation/);
  });
  it('reads a typo in the word that asks ("förderfähg")', async () => {
    const text = await ask('sind bewirtungskosten bei den teilhabelaboren förderfähg? also kaffe und kuchen bei der stadtteilwerkstatt');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Ausgaben für Bewirtung/);
  });
});

describe('rates on slides', () => {
  it('works out the grant from "Förderquote: 90 %", not from a cap on one kind of cost or the own share under its own heading', async () => {
    const text = await ask('Umbau vom alten Konsum ist mit 140.000 € geschätzt. Mit wie viel Zuschuss vom Land können wir bei OrtsHerz rechnen?');
    expect(text).toMatch(/^Rechnerisch: 90 % von 140\.000 Euro ergeben eine Förderung von 126\.000 Euro/);
    expect(text).not.toMatch(/10 % von 140\.000/);
  });
  it('reads the cost told in a sentence before the question and caps the grant', async () => {
    const text = await ask('Gesamtkosten für unseren Dorftreff liegen bei 230.000 Euro, wir beantragen allein. Was ist bei OrtsHerz das Maximum, das wir bekommen?');
    expect(text).toMatch(/höchstens 150\.000 Euro/);
  });
  it('takes the higher rate of a line that opens with its group ("Gemeinden mit genehmigtem HSK → …")', async () => {
    expect(await ask('Wir haben ein genehmigtes Haushaltssicherungskonzept, Kosten 100.000 Euro. Wie viel Zuschuss gibt es bei OrtsHerz?')).toMatch(/^Rechnerisch: 95 % von 100\.000 Euro ergeben eine Förderung von 95\.000 Euro/);
  });
});

describe('a formal notice and its contacts', () => {
  it('gives the project agency’s person and phone, run together with its address, not the press office, to someone who wants to call', async () => {
    const text = await ask('Bei wem kann ich vorab anrufen, um unsere Idee für Junge Stimmen kommunal zu besprechen?');
    expect(text).toMatch(/^Kontakt für Junge Stimmen kommunal: Malte Ostendorp, Telefon 030 2 85 66-412, junge-stimmen@pt-jg\.example/);
    expect(text).not.toMatch(/presse@/);
  });
});

describe('anonymity on slides', () => {
  it('reads "Veröffentlichung aller ZE: Gemeinde, …" as no way to take part unnamed', async () => {
    expect(await ask('Wir würden gern gefördert werden, ohne dass der Name unserer Gemeinde irgendwo öffentlich auftaucht. Ist das bei OrtsHerz machbar?')).toMatch(/^Nein\b/);
  });
});

describe('a deadline missed', () => {
  it('says the missed round is over and the next one still open, without calling the missed date no deadline', async () => {
    const text = await ask('Den Termin Ende September haben wir verschlafen. Ist OrtsHerz damit für uns gelaufen?');
    expect(text).toMatch(/^Nein – die Frist am 30\.09\.2026 ist zwar abgelaufen, es gibt aber noch eine weitere\. Die Bewerbungsfrist für OrtsHerz läuft bis zum 31\.03\.2027/);
    expect(text).not.toMatch(/nicht die Frist/);
  });
  it('says no "Nein" to someone who missed a round and asks whether they can still apply', async () => {
    const text = await ask('Den Termin Ende September haben wir verpasst. Können wir uns bei OrtsHerz trotzdem noch bewerben?');
    expect(text).toMatch(/^Die Frist am 30\.09\.2026 ist zwar abgelaufen, es gibt aber noch eine weitere\. Die Bewerbungsfrist für OrtsHerz läuft bis zum 31\.03\.2027/);
  });
  it('gives the second cut-off to someone who will not make the first ("noch eine Chance")', async () => {
    expect(await ask('Bis Ende Januar kriegen wir die Skizze für Junge Stimmen kommunal nicht hin. Gibt es danach noch eine Chance?')).toMatch(/30\.09\.2027/);
  });
});

describe('lists under a heading that rules on them', () => {
  it('answers no from a line under "Folie 9 – Nicht förderfähig"', async () => {
    expect(await ask('Können wir bei OrtsHerz einen Dorfbus anschaffen?')).toMatch(/^Nein – .*Nicht förderfähig: Fahrzeuge \(auch Dorfbus, Lastenrad\)/);
  });
  it('answers yes from a line under "Förderfähige Ausgaben", read as a question about a thing, not about the support offered', async () => {
    expect(await ask('Sind bei OrtsHerz Planungs- und Architektenleistungen förderfähig?')).toMatch(/^Ja – .*Förderfähige Ausgaben: Planungs- und Architektenleistungen/);
  });
});

describe('who may apply, asked by kind', () => {
  it('says yes within the size limit to a kind the call names, instead of asking for the population', async () => {
    const text = await ask('Dürfen sich auch kreisfreie Städte bei Junge Stimmen kommunal bewerben?');
    expect(text).toMatch(/^Ja, sofern Ihre Kommune höchstens 100\.000 Einwohner hat – Kreisfreie Städte gehören zu den Antragsberechtigten\./);
  });
  it('does not make a nationwide call ("in der Bundesrepublik Deutschland") unclear for a state only because it names Berlin and Hamburg', async () => {
    expect(await ask('Wir sind eine Gemeinde in Hessen mit 4.500 Einwohnern. Kommt Junge Stimmen kommunal für uns in Frage?')).toMatch(/^Ja – Gemeinden gehören zu den Antragsberechtigten/);
  });
});

describe('signature and anonymity as slide lines', () => {
  it('reads "Deckblatt → Unterschrift der Bürgermeisterin …" as a signature needed', async () => {
    expect(await ask('Brauchen wir für die OrtsHerz-Bewerbung die Unterschrift der Bürgermeisterin?')).toMatch(/^Ja – laut Ausschreibung OrtsHerz muss unterschrieben werden: „Deckblatt → Unterschrift der Bürgermeisterin/);
  });
  it('reads "anonyme Antragstellung oder Förderung → nicht möglich" as a no', async () => {
    expect(await ask('Ist bei OrtsHerz eine anonyme Teilnahme möglich?')).toMatch(/^Nein – .*anonyme Antragstellung oder Förderung → nicht möglich/);
  });
});

describe('what is not funded, asked as a whole', () => {
  it('quotes the lines under the slide heading "Nicht förderfähig"', async () => {
    expect(await ask('Was wird bei OrtsHerz nicht gefördert?')).toMatch(/^Laut Ausschreibung OrtsHerz: „Folie 9 – Nicht förderfähig: Grunderwerb, Kauf von Gebäuden; Personalausgaben der Verwaltung/);
  });
  it('quotes the list after "Nicht zuwendungsfähig sind insbesondere:", not the minimum project size', async () => {
    const text = await ask('Was wird bei Begegnungsräume nicht gefördert?');
    expect(text).toMatch(/Nicht zuwendungsfähig sind insbesondere: Personalausgaben für Beschäftigte der antragstellenden Gemeinde; Baumaßnahmen/);
  });
});

describe('slides exported to text', () => {
  it('starts a new part at each slide title, so "Wer kann sich bewerben?" gets the list under "Folie 6 – Wer kann beantragen?"', async () => {
    expect(await ask('Wer kann sich für OrtsHerz bewerben?')).toMatch(/^Laut Ausschreibung OrtsHerz: „Folie 6 – Wer kann beantragen\? amtsfreie Gemeinden und Ämter/);
  });
});

describe('how much, asked in general', () => {
  it('gives the rate and the cap instead of the worked example the passage search liked best', async () => {
    expect(await ask('Welche Fördersumme gibt es bei OrtsHerz?')).toMatch(/^Laut Ausschreibung OrtsHerz: „Förderquote: 90 % der förderfähigen Ausgaben; Höchstbetrag: 150\.000 € je Einzelantrag/);
  });
  it('answers "Welche Unterstützung?" of a call that gives money only with its rate and cap, not with the notice sent afterwards', async () => {
    const text = await ask('Welche Unterstützung erhalten Kommunen bei Begegnungsräume?');
    expect(text).toMatch(/75 Prozent der zuwendungsfähigen Ausgaben/);
    expect(text).not.toMatch(/schriftlichen Bescheid/);
  });
});

describe('a German question about a call written in English', () => {
  it('finds the sentence on signing through the term list’s English words, not a lump sum’s "signed participant lists"', async () => {
    const text = await ask('Muss der Antrag bei Veldmark-Fonds unterschrieben werden?');
    expect(text).toMatch(/The application is signed electronically in VeldmarkOnline by the legal representative/);
    expect(text).not.toMatch(/Participant lump sum/);
  });
});
