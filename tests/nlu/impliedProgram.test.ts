import { describe, expect, it } from 'vitest';
import { impliedCall, namingCall } from '../../src/nlu/impliedProgram.js';
import type { Program } from '../../src/programs/programSchema.js';

function call(id: string, title: string, text: string): { program: Program; text: string } {
  const program: Program = { id, kind: 'call', name: title, shortName: title, aliases: [], docIds: [id], documentTitle: title, curated: false, contacts: [], facts: [], rules: [] };
  return { program, text };
}

const calls = [
  call('tz', 'Treffpunkt Zusammenhalt', 'Gefördert werden Treffpunkte in Rheinland-Pfalz. Nicht gefördert werden Kraftfahrzeuge und Miete.'),
  call('zw', 'Zukunftswerkstatt Ehrenamt', 'Der Landkreis Dornholt sammelt die Meldungen der Gemeinden für die Werkstätten.'),
  call('wir', 'WIR-Programm Hessen', 'Gefördert werden Integrationsstrategien hessischer Kommunen mit Miete und Personal.'),
];
const texts = {
  programs: calls.map((c) => c.program),
  vocabulary: new Set(calls.flatMap((c) => c.text.toLowerCase().split(/[^\p{L}]+/u))),
  docs: new Map(calls.map((c) => [c.program.id, { text: `${c.program.documentTitle}\n${c.text}` }])),
};

describe('impliedCall', () => {
  it('finds the call whose title holds the back part of the asker’s compound ("Bürgertreff")', () => {
    const found = impliedCall('Wen rufe ich an, wenn ich Fragen zum Antrag für unseren Bürgertreff habe?', texts);
    expect(found?.program.id).toBe('tz');
    expect(found?.words).toEqual(['Bürgertreff']);
  });
  it('puts the call’s name for a describing word of its own, leaves the word asked about and a word joined to another', () => {
    const q = 'Zahlt man beim Bürgertreff auch die Miete?';
    expect(namingCall(q, impliedCall(q, texts)!)).toBe('Zahlt man beim Treffpunkt Zusammenhalt auch die Miete?');
    // "Lindenhof-Projekt" as "Ortswerk 2027-Projekt" would read as another thing: such a question keeps its words.
    const joined = 'Zahlt die Treffpunkt-Förderung auch die Miete?';
    expect(namingCall(joined, impliedCall(joined, texts)!)).toBe(joined);
  });
  it('finds none from a word several calls use, a verb, or a state that says where the asker is', () => {
    expect(impliedCall('Zahlt das Programm auch die Miete?', texts)).toBeUndefined();
    expect(impliedCall('Wir möchten beantragen und selbst treffen. Geht das?', texts)).toBeUndefined();
    expect(impliedCall('Wir in Hessen möchten uns bewerben. Bis wann geht das?', texts)).toBeUndefined();
  });
});
