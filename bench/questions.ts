/** One user message of the turn benchmark. */
export interface BenchQuestion {
  category: 'deadline' | 'signature' | 'eligibility' | 'abstain' | 'passage';
  locale: 'de-DE' | 'en-US';
  text: string;
}

/** What municipal staff ask, German first; each category exercises another answer path. */
export const TURN_QUESTIONS: readonly BenchQuestion[] = [
  { category: 'deadline', locale: 'de-DE', text: 'Bis wann können wir uns für KommA bewerben?' },
  { category: 'deadline', locale: 'en-US', text: 'When is the deadline for the WIR programme in Hessen?' },
  { category: 'deadline', locale: 'de-DE', text: 'Wann ist Einsendeschluss beim BAMF-Aufruf?' },
  { category: 'signature', locale: 'de-DE', text: 'Wer muss die Bewerbung für KommA unterschreiben?' },
  { category: 'signature', locale: 'en-US', text: 'Who needs to sign the KommA application?' },
  { category: 'signature', locale: 'de-DE', text: 'Muss der Antrag für den BAMF-Aufruf unterschrieben werden?' },
  { category: 'eligibility', locale: 'de-DE', text: 'Wir sind eine kreisangehörige Gemeinde mit 12.000 Einwohnern in Hessen. Können wir uns für KommA bewerben?' },
  { category: 'eligibility', locale: 'en-US', text: 'We are a district with 250,000 inhabitants in Bavaria. Are we eligible for the WIR programme?' },
  { category: 'eligibility', locale: 'de-DE', text: 'Wir sind eine Stadt mit 40.000 Einwohnern in NRW. Kommt eine Förderung für uns in Frage?' },
  { category: 'abstain', locale: 'de-DE', text: 'Wie hoch ist die Hundesteuer in Castrop-Rauxel?' },
  { category: 'abstain', locale: 'en-US', text: 'How do I renew my passport?' },
  { category: 'abstain', locale: 'de-DE', text: 'Zahlt KommA auch ein neues Feuerwehrauto?' },
  { category: 'passage', locale: 'de-DE', text: 'Welche Erfolgsfaktoren nennt das ILS-Papier für wirkungsvolle Projekte?' },
  { category: 'passage', locale: 'en-US', text: 'How much funding does KommA provide?' },
];

/** Retrieval queries as the answerer sends them (English ones get the term list's German words appended). */
export const RETRIEVAL_QUERIES: readonly string[] = [
  'Bis wann können wir uns für KommA bewerben?',
  'When is the deadline for the WIR programme in Hessen?',
  'Wann ist Einsendeschluss beim BAMF-Aufruf?',
  'Wer muss die Bewerbung unterschreiben?',
  'Does the application have to be signed by the mayor?',
  'Können sich Landkreise und kreisfreie Städte bewerben?',
  'Can a county with 90,000 residents take part?',
  'Gibt es eine Sachkostenpauschale?',
  'Welche Unterstützung erhalten die Modellkommunen?',
  'Ist ein Eigenanteil erforderlich?',
  'An wen wende ich mich mit Fragen zur Bewerbung?',
  'Wird unsere Teilnahme veröffentlicht oder bleibt sie anonym?',
  'Wie läuft das Auswahlverfahren ab?',
  'Welche Erfolgsfaktoren nennt das ILS-Papier für wirkungsvolle Projekte?',
  'Kommunale Integrationsstrategie Vielfalt Hessen Förderrunde',
  'Interessenbekundung Modellprojekt Integrationsarbeit digitale Formate',
  'How much funding does KommA provide?',
  'Wie hoch ist die Hundesteuer in Castrop-Rauxel?',
  'Bürgerbeteiligung Dialogformate Zusammenhalt Stadtgesellschaft',
  'Können wir Angaben nach der Einreichung noch ändern?',
];
