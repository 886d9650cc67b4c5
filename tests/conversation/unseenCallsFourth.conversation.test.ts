import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated: a Land's numbered "Ziffer" guideline, a foundation's FAQ page in
// HTML (<dl>, <details>), and an e-mail with a plain-text table of dates, a signature block and a
// disclaimer footer.
const FILES = ['ehrenamtslotsen-richtlinie-sh-2027.txt', 'verstehen-vor-ort-faq.html', 'junge-stimmen-im-rathaus-mail.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const ELA = /Ehrenamtslotsen/;
const VVO = /Verstehen vor Ort/;
const JSR = /Junge Stimmen im Rathaus/;

describe('three unseen calls: a numbered guideline, an FAQ page, an e-mail', () => {
  it('reads the e-mail: subject as title, table rows as facts, no disclaimer', () => {
    const kb = getBot().app.kb;
    const jsr = kb.programs.find((p) => p.id === 'junge-stimmen-im-rathaus-mail')!;
    expect(jsr.shortName).toBe('Junge Stimmen im Rathaus');
    expect(jsr.aliases).toContain('junge stimmen');
    const text = kb.docs.get('junge-stimmen-im-rathaus-mail')!.text;
    expect(text).toMatch(/Einsendeschluss Steckbrief: 12\. März/);
    expect(text).not.toMatch(/---\+---|vertrauliche Informationen|Abmelden/);
    // "Verstehen" opens the name but is an everyday verb: no alias of its own.
    expect(kb.programs.find((p) => p.id === 'verstehen-vor-ort-faq')!.aliases).not.toContain('verstehen');
  });

  it.each([
    // Deadlines: the application date of the table, not the info evening's; "beim Landesamt sein" is about the application.
    ['Wann ist Einsendeschluss bei Junge Stimmen im Rathaus?', /12\. März – der Text nennt dazu kein Jahr/, JSR],
    ['Bis wann muss der Antrag für die Ehrenamtslotsen-Förderung beim Landesamt sein?', /15\.02\.2027.*noch offen, noch 86 Tage/, ELA],
    ['Wann tagt die Jury bei Junge Stimmen?', /„Jurysitzung: Ende April“/, JSR],
    // Signature and anonymity, yes or no first.
    ['Muss der Bürgermeister den Ehrenamtslotsen-Antrag unterschreiben?', /^Ja – .*muss unterschrieben werden: „7\.3 Der Antrag ist/, ELA],
    ['Braucht man bei Junge Stimmen eine Unterschrift?', /^Nein – .*keine Unterschrift nötig: „Eine Unterschrift ist nicht nötig/, JSR],
    ['Können wir bei Verstehen vor Ort gefördert werden, ohne dass unser Name öffentlich wird?', /^Nein – .*keine anonyme Teilnahme vorgesehen/, VVO],
    // Eligibility: joint routes for small applicants, a limit only for some kinds, "muss immer eine Kommune sein".
    ['Wir sind eine Gemeinde in MV mit 1.400 Einwohnern. Können wir uns allein für Junge Stimmen im Rathaus bewerben?', /^Nur gemeinsam – .*unter 2\.000/, JSR],
    ['Zwei amtsfreie Gemeinden mit 5.200 und 4.100 Einwohnern in SH – können die zusammen eine Ehrenamtslotsen-Stelle fördern lassen?', /^Ja – Kommunen unter [\d.]+ Einwohnern dürfen sich laut Ausschreibung gemeinsam bewerben – das passt zu Ihren 2 Kommunen/, ELA],
    ['Amtsfreie Stadt in Mecklenburg-Vorpommern, 18.500 Einwohner – können wir bei Junge Stimmen mitmachen?', /^Ja – Kreisangehörige Städte/, JSR],
    ['Wir sind ein Landkreis in Hessen. Können wir bei Verstehen vor Ort mitmachen?', /^Ja – Landkreise/, VVO],
    ['Wir sind ein Wohlfahrtsverband in Hessen. Können wir uns bei Verstehen vor Ort bewerben?', /^Nein – Vereine, Träger und Organisationen gehören nicht zu den Antragsberechtigten/, VVO],
    ['Kann die Hansestadt Rostock bei Junge Stimmen im Rathaus teilnehmen?', /„Landkreise und die kreisfreien Städte Rostock und Schwerin sind von der Teilnahme ausgeschlossen\.“/, JSR],
    // What is needed, what one gets, how long.
    ['Was muss alles in den Antrag für die Ehrenamtslotsen-Förderung?', /„7\.4 Dem Antrag sind beizufügen/, ELA],
    ['Was bekommen die Gewinner bei Junge Stimmen im Rathaus?', /Preisgeld von 5\.000 Euro/, JSR],
    ['Wie lange läuft die Förderung bei den Ehrenamtslotsen?', /„Der Förderzeitraum beträgt bis zu 24 Monate\.“/, ELA],
    ['Wir haben den Steckbrief für Junge Stimmen schon geschickt, wollen aber noch etwas ergänzen. Geht das?', /Korrekturen und Ergänzungen können Sie bis zum Einsendeschluss/, JSR],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it.each([
    ['How long is the funding period under the Ehrenamtslotsen guideline?', /“Der Förderzeitraum beträgt bis zu 24 Monate\.”/, ELA],
    ['When do funded projects under Verstehen vor Ort start?', /Projektstart ist der 1\. März 2027/, VVO],
    ['does the junge stimmen application need to be signd?', /^No – .*no signature is needed/, JSR],
  ])('answers the English question "%s"', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title, 'en-US'));

  it('answers "Reicht es, wenn wir … einscannen?" with the no for that way, not "Ja – muss unterschrieben werden"', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Reicht es, wenn wir den Ehrenamtslotsen-Antrag unterschrieben einscannen und per Mail schicken?');
    expect(lastText(r.replies)).toMatch(/^Nein – dieser Weg genügt .*„[^“]*Alternativ kann der Antrag elektronisch .* Eine eingescannte Unterschrift genügt nicht\.“/);
    expect(citations(r.replies)[0].name).toMatch(ELA);
  });

  it('keeps the call for "Und wann werden die Gewinner bekanntgegeben?"', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Bis wann kann man sich für Junge Stimmen im Rathaus bewerben?');
    const r = await c.say('Und wann werden die Gewinner bekanntgegeben?');
    expect(lastText(r.replies)).toMatch(/„Bekanntgabe der Gewinner: 15\. Mai“/);
    expect(citations(r.replies)[0].name).toMatch(JSR);
  });
});
