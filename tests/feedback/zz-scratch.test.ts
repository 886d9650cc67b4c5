import { it } from 'vitest';
import { classifyIntent } from '../../src/nlu/intents.js';
import { redactPersonalData } from '../../src/feedback/redact.js';
it('x', () => {
  console.log(classifyIntent('Frage an die Projektleitung weitergeben'), classifyIntent('Pass my question on to the project leads'));
  for (const s of ['Ich bin Anna Schmidt aus Kassel, bis wann KommA?', 'Ich bin Bürgermeisterin und frage nach der Frist', 'Ich bin Bürgermeisterin Schmidt', 'Ich bin Klimaschutzmanagerin der Stadt Kassel', 'mein name ist anna schmidt und ich habe eine frage', 'Mein Name ist Dr. Hans-Peter Müller-Lüdenscheidt.', 'Ich bin Ursula von der Leyen', 'Tel. 030 1234567 oder +49 (0)171 234-5678, 0049 89 12345678, (030) 123 456 78', 'Frist 08.09.2026, 01/2026, 2024-2026, 8.000 €, PLZ 01067 Dresden', 'Schreiben Sie an anna.schmidt@kassel.de oder anna (at) kassel (dot) de', 'IBAN DE89 3704 0044 0532 0130 00 bitte', 'Viele Grüße, Anna Schmidt', 'Ich bin Frau Schmidt', "I am John Smith, mayor", "I'm the Mayor", 'I am Mayor Smith', 'Ich bin Ihnen dankbar', 'Ich bin KommA-Teilnehmerin', 'Hallo, hier ist KommA gemeint', 'Mein Name ist A. Schmidt', 'Ich bin die Anna', 'Ich bin neu hier']) console.log(JSON.stringify(s), '→', JSON.stringify(redactPersonalData(s)));
});
