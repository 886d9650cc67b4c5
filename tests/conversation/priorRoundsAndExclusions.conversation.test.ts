import { describe, expect, it } from 'vitest';
import { askerFor, useBotWithUnseenCalls } from '../support/unseenCalls.js';

// Calls nobody curated that rule on earlier rounds' participants or exclude applicants by something
// other than type, size or state. Such a rule decides the question, not the verdict on the profile.
const FILES = [
  'stiftung-brueckenschlag-nachbarschaftsbotschafter-2027.html',
  'serviceportal-saarland-anlaufstellen-gegen-diskriminierung-2027.html',
  'elbe-saale-stiftung-stimme-im-dorf-2027.md',
  'ieg-koblenz-anschreiben-viff-2027-mit-rueckmeldebogen.txt',
  'lesebruecke-treffpunkt-bibliothek-2027.md',
];
const { bot: getBot, channel: getChannel } = useBotWithUnseenCalls(FILES);

const ask = askerFor(getBot, getChannel);

describe('applying again after an earlier round', () => {
  it('answers no from the rule on earlier participants, not with a verdict on the profile', async () => {
    const text = await ask('Unsere Gemeinde wird schon in der ersten Förderrunde von Stimme im Dorf gefördert. Können wir uns nochmal bewerben?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/können sich nicht erneut\s+bewerben/);
  });

  it('answers an English question from the German rule', async () => {
    const text = await ask('We were one of the municipalities in the first round (2024/25) of Nachbarschaftsbotschafter*innen. Could we apply again for round two?', 'en-US');
    expect(text).toMatch(/^No\b/);
    expect(text).toMatch(/in der zweiten Runde nicht antragsberechtigt/);
  });

  it('reads a list under "Wer ist nicht antragsberechtigt?" that names last year’s funded towns, and does not take "noch einmal" for a deadline question', async () => {
    const text = await ask('Völklingen hat 2026 schon Geld für eine Anlaufstelle gegen Diskriminierung bekommen. Kann die Stadt im Förderaufruf 2027 noch einmal einen Antrag stellen?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Mittelstadt Völklingen/);
    expect(text).not.toMatch(/Bewerbungsfrist/);
  });

  it('answers yes when the FAQ entry says yes', async () => {
    const text = await ask('Unsere Bibliothek war in der ersten Runde von Treffpunkt Bibliothek dabei. Dürfen wir uns wieder bewerben?');
    expect(text).toMatch(/^Ja\b/);
    expect(text).toMatch(/neues Angebot/);
  });
});

describe('an exclusion the asker names', () => {
  it('answers no when the call excludes what the asker says they have', async () => {
    const text = await ask('Wir sind eine kreisfreie Stadt in Rheinland-Pfalz mit Berufsfeuerwehr. Können wir bei VIFF mitmachen?');
    expect(text).toMatch(/^Nein\b/);
    expect(text).toMatch(/Ausgenommen sind Städte mit einer Berufsfeuerwehr/);
  });

  it('does not exclude an asker who says they do not have it', async () => {
    const text = await ask('Wir sind eine Verbandsgemeinde in Rheinland-Pfalz ohne Berufsfeuerwehr. Können wir bei VIFF mitmachen?');
    expect(text).toMatch(/^Ja\b/);
  });

  it('does not take the words of applying ("teilnehmen") for a named exclusion', async () => {
    const text = await ask('Wir sind eine Gemeinde in Sachsen-Anhalt im Saalekreis mit 3.000 Einwohnern. Können wir bei Stimme im Dorf teilnehmen?');
    expect(text).not.toMatch(/ausdrücklich aus/);
  });
});
