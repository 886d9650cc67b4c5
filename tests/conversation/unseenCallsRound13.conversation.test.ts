import { describe, expect, it } from 'vitest';
import { conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the thirteenth evaluation round: a programme page whose
// applicants are a table (one row a "nicht antragsberechtigt") and whose dates stand in a side box,
// a formal directive in §§ that defines "Kommunen im Sinne dieser Richtlinie", and a blog post.
const FILES = ['orte-des-miteinanders-2027.html', 'richtlinie-sprachmittlung-brandenburg-2026.txt', 'blog-dorfgespraeche-2027-aufruf.md'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const TAB = /Orte des Miteinanders/;
const RI = /Sprachmittlungsrichtlinie/;

describe('three unseen calls of the thirteenth round', () => {
  it('reads each table row as its own fact and a directive by its short name', () => {
    const programs = getBot().app.kb.programs;
    const odm = programs.find((p) => p.id === 'orte-des-miteinanders-2027')!;
    const ri = programs.find((p) => p.id === 'richtlinie-sprachmittlung-brandenburg-2026')!;
    expect(odm.aliases).toContain('OdM');
    expect(ri.name).toBe('Sprachmittlungsrichtlinie – SprachMiRL');
    expect(ri.aliases).toContain('sprachmirl');
  });

  it.each([
    // The deadline stands in a side box of dates, with its hour.
    ['Bis wann können wir uns bei Orte des Miteinanders bewerben?', /^Die Bewerbungsfrist für Orte des Miteinanders 2027 läuft bis zum 15\.03\.2027 – sie ist noch offen.*12:00 Uhr/, TAB],
    ['Ich habe mir den 29. April 2027 als Frist für Orte des Miteinanders notiert. Stimmt das?', /^Nein, das ist nicht die Frist\. .*15\.03\.2027/, TAB],
    // A table row lets Landkreise apply; another excludes only the Region Hannover and kreisfreie Städte.
    ['Wir sind ein Landkreis in Niedersachsen. Können wir bei Orte des Miteinanders einen Antrag stellen?', /^Ja – Landkreise/, TAB],
    ['Wir sind eine kreisfreie Stadt in Niedersachsen mit 120.000 Einwohnern. Passt Orte des Miteinanders?', /^Nein – /, TAB],
    // The directive: its definition of Kommunen, its minimum for some kinds only, and the joint way below it.
    ['Wir sind ein Landkreis in Brandenburg. Können wir nach der SprachMiRL Anträge stellen?', /^Ja – Landkreise/, RI],
    ['Wir sind eine amtsfreie Gemeinde in Brandenburg mit 4.200 Einwohnern. Können wir nach der SprachMiRL einen Antrag stellen?', /^Nur gemeinsam – /, RI],
    ['Kann ein Berliner Bezirk Mittel nach der SprachMiRL beantragen?', /^Nein – /, RI],
    // "(2) Von der Veröffentlichung nach Absatz 1 kann … abgesehen werden, wenn …": an exception, quoted with the "(1)" it names.
    ['Können wir nach der SprachMiRL anonym teilnehmen?', /^Nur ausnahmsweise – .*„\(1\) Die Bewilligungsbehörde veröffentlicht/, RI],
    ['Can our town take part in the SprachMiRL funding completely anonymously?', /^Not as a rule, only by way of exception – /, RI],
    // A refused way of sending gets a plain no, with the sentence that says which ways count.
    ['Können wir den unterschriebenen SprachMiRL-Antrag eingescannt per E-Mail schicken, um die Frist zu wahren?', /^Nein – dieser Weg genügt .*„\(2\) Der Antrag ist/, RI],
    ['Can we send the SprachMiRL application by email?', /^No – according to the .* that way is not enough/, RI],
    // A day or month to send on, before or after the deadline.
    ['Bei der SprachMiRL steht „Ausschlussfrist“. Können wir den Antrag notfalls Mitte Juli 2027 nachreichen?', /^Nein, das wäre zu spät\. .*30\.06\.2027/, RI],
    ['Können wir den SprachMiRL-Antrag Ende Juni 2027 noch einreichen?', /^Ja, das wäre rechtzeitig\. .*30\.06\.2027/, RI],
    // "ohne Unterschrift" asks the other way round: the no of "must be signed".
    ['Können wir den SprachMiRL-Antrag ohne Unterschrift einreichen?', /^Nein – laut Ausschreibung .* muss unterschrieben werden/, RI],
    // The blog's network by its name, and "Anmeldung" for what the text calls "Bewerbung".
    ['Bis wann läuft die Anmeldung beim Bündnis Offene Dörfer?', /^Die Bewerbungsfrist für .* endete am 13\.11\.2026/, /Dorfgespräche/],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('does not take a clause about others for the asker ("wenn örtliche Sportvereine …")', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bekommen wir bei Orte des Miteinanders Pluspunkte, wenn örtliche Sportvereine den Ort mittragen?');
    expect(lastText(r.replies)).not.toMatch(/^Nein – Vereine/);
  });
});
