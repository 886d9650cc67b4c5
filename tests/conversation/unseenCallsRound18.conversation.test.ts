import { describe, expect, it } from 'vitest';
import { citations, conversation } from '../support/channel.js';
import { expectAnswered, lastText, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Three more calls nobody curated, from the eighteenth evaluation round: a Word "Häufige Fragen"
// export (bold questions, a schedule table with cells in paragraphs), a static-site Markdown page
// (attribute lists, admonitions, collapsible questions) and a Ministerialblatt page.
const FILES = ['faq-mandat-vielfalt-2027-word-export.html', 'elbe-saale-stiftung-stimme-im-dorf-2027.md', 'mbl-nrw-2026-41-gelost-und-gehoert-buergerraete.txt'];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const MV = /Mandat Vielfalt/;
const SID = /Stimme im Dorf/;

describe('three unseen calls of the eighteenth round', () => {
  it('names the calls without the kind of document or the site generator\'s attribute list', () => {
    const names = getBot().app.kb.programs.map((p) => p.shortName);
    expect(names).toContain('Mandat Vielfalt 2027');
    expect(names).toContain('Stimme im Dorf 2027');
    const sid = getBot().app.kb.programs.find((p) => p.shortName === 'Stimme im Dorf 2027')!;
    expect(sid.aliases).toContain('stimme im dorf');
  });

  it.each([
    // A schedule table: the date in the "Frist" column of the expression of interest; the 2026 pilot round's deadline is past.
    ['Bis wann läuft die Interessenbekundung bei Mandat Vielfalt?', /^Die Bewerbungsfrist für Mandat Vielfalt 2027 läuft bis zum 22\.02\.2027 .*23:59 Uhr/, MV],
    ['Bei Mandat Vielfalt war die Frist doch der 20. März, oder?', /^Nein, das ist nicht die Frist\. .*22\.02\.2027/, MV],
    // A collapsible question answered "Nein": no signature, though the answer goes on about what is signed later.
    ['Muss unser Bürgermeister die Bewerbung für Stimme im Dorf unterschreiben?', /^Nein – laut Ausschreibung Stimme im Dorf 2027 ist keine Unterschrift nötig: „Muss die Bewerbung unterschrieben werden\? Nein\./, SID],
    // "kreisangehörige Gemeinden (auch Städte …)": a Gemeinde is among them; earlier recipients are no excluded kind.
    ['Wir sind eine Gemeinde im Salzlandkreis in Sachsen-Anhalt mit 8.400 Einwohnern. Können wir uns bei Stimme im Dorf bewerben?', /^Ja\b/, SID],
  ])('answers "%s" from the call', (question, lead, title) => expectAnswered(getBot(), getChannel(), question, lead, title));

  it('answers whose names are published from the entry about those people, with its question', async () => {
    await expectAnswered(getBot(), getChannel(), "Will the names of our mentees in 'Mandat Vielfalt' be published?", /Werden die Namen der Mentees veröffentlicht\? Nur mit ihrer schriftlichen Einwilligung/, MV, 'en-US');
  });

  it('never takes a question of the text for its answer', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bei uns wurden Ratsmitglieder bedroht. Können wir bei Mandat Vielfalt mitmachen, ohne dass der Name unserer Kommune öffentlich wird?');
    expect(lastText(r.replies)).toMatch(/Nein, eine anonyme Teilnahme ist nicht möglich/);
    expect(lastText(r.replies)).not.toMatch(/^Ja\b/);
    expect(citations(r.replies)[0]?.name ?? '').toMatch(MV);
  });

  it('never takes the deadline of another notice printed after the call\'s signature, and quotes a deadline counted from publication', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Bis wann müssen Kommunen ihren Antrag für "Gelost & Gehört" (Bürgerräte NRW) einreichen?');
    const text = lastText(r.replies);
    expect(text).toMatch(/^Ein festes Datum nennt die Ausschreibung Gelost & Gehört nicht; .*bis zum Ablauf von sechs Wochen nach der Veröffentlichung/);
    expect(text).not.toMatch(/31\.0?3\.2027|31\. März 2027|30\.06\.2025/);
    expect(getBot().app.kb.chunks.some((c) => c.docId.startsWith('mbl-nrw') && /Sportstätten/.test(c.sentences.join(' ')))).toBe(false);
  });

  it('sends questions on the procedure to the procedure\'s contact and portal problems to the help desk', async () => {
    const c = conversation(getBot().url, getChannel());
    await c.say('Wer ist bei "Gelost & Gehört" antragsberechtigt?');
    const r = await c.say('Und an wen wende ich mich mit Fragen zum Antragsverfahren?');
    expect(lastText(r.replies)).toMatch(/Katrin Overbeck, Telefon 0251 411-3674, buergerraete@brms\.nrw\.example/);
    expect(lastText(r.replies)).not.toMatch(/Servicedesk|837-4400/);
    await expectAnswered(getBot(), getChannel(), "We can't register our organisation account on the 'Mandat Vielfalt' funding portal – who can help us?", /0800 724 66 00, support@antragswerk\.example/, MV, 'en-US');
  });

  it('reads the districts a call is limited to from a list under "Sie gehört zu einem dieser Landkreise:"', async () => {
    await expectAnswered(getBot(), getChannel(), 'Gemeinde im Landkreis Börde in Sachsen-Anhalt, rund 6.000 Einwohner – passt Stimme im Dorf für uns?', /^Nein – Der Aufruf gilt nur für Kommunen in Saalekreis, Salzlandkreis, Landkreis Harz, Kyffhäuserkreis, Unstrut-Hainich-Kreis, Landkreis Sömmerda; Börde gehört nicht dazu\./, SID);
  });

  it('reads a limit whose number ends a narrow column\'s line ("… mit weniger als 10 000" / "Einwohnerinnen …")', () =>
    expectAnswered(getBot(), getChannel(), 'wir sind ne gemeinde im kreis borken mit 7.300 einwohnern – können wir alleine nen bürgerrat bei gelost & gehört beantragen?', /^Nur gemeinsam – Mit 7\.300 Einwohnern liegt Ihre Kommune unter 10\.000/, /Gelost & Gehört/));

  it('answers both questions after a description of the asker', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Wir sind eine kreisangehörige Stadt mit 24.000 Einwohnern. Wie viel gibt es bei Gelost & Gehört maximal, und wie hoch ist dann unser Eigenanteil?');
    expect(lastText(r.replies)).toMatch(/40 000 Euro für kreisangehörige Städte[\s\S]*Eigenanteil beträgt somit 20 Prozent/);
  });

  it('answers two question sentences in one message, the second with its own kind of question', async () => {
    const r = await conversation(getBot().url, getChannel()).say('Zwei Fragen zu Gelost & Gehört: Werden die Namen der gelosten Mitglieder veröffentlicht? Und dürfen auch Leute ohne deutschen Pass in den Bürgerrat gelost werden?');
    expect(lastText(r.replies)).toMatch(/Die Namen der gelosten Mitglieder werden nicht veröffentlicht, es sei denn, sie willigen schriftlich ein[\s\S]*Menschen ohne deutsche Staatsangehörigkeit sind einzubeziehen/);
  });
});

