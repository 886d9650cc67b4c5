import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated, from the forty-first evaluation round: a federal call for model regions that
// Landkreise apply for with their Gemeinden, and a foundation's letter for small projects.
const FILES = ['koda-modellregionen-2027.md', 'kavo-anpacken-vor-ort-2027.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES, new Date('2026-12-07T12:00:00Z'));
const ask = askerFor(getBot, getChannel);

describe('ways of handing in', () => {
  it('never reads "kein zusätzliches Original per Post erforderlich" as a refusal of e-mail', async () => {
    const text = await ask('Dürfen wir den KAVO-Antrag per Mail schicken oder muss der mit der Post kommen?');
    expect(text).not.toMatch(/^Nein/);
    expect(text).toMatch(/per E-Mail als unterschriebenes, eingescanntes PDF/);
  });
});

describe('who asks', () => {
  it('takes a Landkreis "mit fünf seiner kreisangehörigen Gemeinden" for a Landkreis, not for a Gemeinde', async () => {
    expect(await ask('Der Landkreis Hohenfels will mit fünf seiner kreisangehörigen Gemeinden bei KoDa antreten. Geht das grundsätzlich?')).toMatch(/^Ja – Landkreise gehören zu den Antragsberechtigten/);
  });
});

describe('what the money may not be spent on', () => {
  it('rules on a shop conversion by the item on building works of every kind', async () => {
    expect(await ask('Dürfen wir mit KoDa den Umbau eines leerstehenden Ladens zum Dorftreff bezahlen?')).toMatch(/^Nein – .*Baumaßnahmen jeder Art, einschließlich Neubau, Umbau/);
  });
  it('reads "kaufen" as a question on spending the money, and answers from the list item that names the thing', async () => {
    expect(await ask('Können wir aus den KoDa-Mitteln einen Kleinbus für unseren Bürgerbus kaufen?')).toMatch(/^Nein – .*Kleinbussen und Bürgerbussen/);
  });
  it('compares the price told with the call’s price limit for purchases', async () => {
    expect(await ask('Können wir über „Anpacken vor Ort“ einen Rasentraktor für 2.500 Euro netto für die Pflege des Sportplatzes anschaffen?')).toMatch(/^Nein – .*Einzelpreis von mehr als 800 Euro/);
    // Below the limit the call names nothing that rules on the thing: no verdict.
    expect(await ask('Können wir über „Anpacken vor Ort“ eine Bohrmaschine für 300 Euro anschaffen?')).not.toMatch(/^Nein/);
  });
});

describe('amounts', () => {
  it('gives the lower limit for a minimum grant, and abstains when the call states none instead of quoting the cap', async () => {
    expect(await ask('Gibt es beim Kleinprojekte-Fond „Anpaken vor Ort“ eine Untergrenze für die Antragssumme?')).toMatch(/mindestens 500 Euro/);
    expect(await ask('Gibt es bei KoDa eine Mindestfördersumme, unter der sich ein Antrag nicht lohnt?')).toMatch(/keine gesicherte Information/);
  });
  it('works out the grant from the rate and the cap, with the own share', async () => {
    expect(await ask('Wir rechnen bei KoDa mit zuwendungsfähigen Ausgaben von 450.000 Euro. Wie viel Förderung bekommen wir, und wie hoch ist unser Eigenanteil?')).toMatch(/^Rechnerisch: 90 % von 450\.000 Euro ergeben eine Förderung von 405\.000 Euro; Ihr Eigenanteil läge bei 45\.000 Euro/);
    expect(await ask('Unsere zuwendungsfähigen KoDa-Ausgaben liegen bei 600.000 Euro. Wie viel gibt es?')).toMatch(/540\.000 Euro – das liegt über dem Höchstbetrag, die Förderung beträgt also höchstens 500\.000 Euro/);
  });
  it('says no own share is needed when the call requires none and the cost is within the cap', async () => {
    expect(await ask('Unser KAVO-Projekt kostet 2.400 Euro – müssen wir da selbst etwas dazuzahlen?')).toMatch(/^Nein – .*kein Eigenanteil erforderlich, und 2\.400 Euro liegen innerhalb des Höchstbetrags von 3\.000 Euro/);
  });
});

describe('rules only a sentence of their own answers', () => {
  it.each([
    'Der 31. Januar 2027 ist ein Sonntag. Verschiebt sich die KAVO-Frist dann auf Montag, den 1. Februar?',
    'Wann zahlt die Stiftung das KAVO-Geld aus – vorab oder erst nach dem Verwendungsnachweis?',
    'Wer sitzt eigentlich in der KoDa-Jury?',
    'Kann die KoDa-Laufzeit kostenneutral verlängert werden, falls wir nicht fertig werden?',
  ])('abstains on "%s" rather than giving the deadline, the amount or the date next to it', async (q) => {
    expect(await ask(q)).toMatch(/keine gesicherte Information/);
  });
});

describe('names typed with typos', () => {
  it('knows a long name word with a typo and a name run together', async () => {
    expect(await ask('frist skizze kooda modelregion??')).toMatch(/15\.03\.2027/);
    expect(await ask('anpaken vorort frist?')).toMatch(/31\.01\.2027/);
  });
});
