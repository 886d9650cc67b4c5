import { describe, expect, it } from 'vitest';
import { classifyIntent, FACTUAL_INTENTS, INTENTS, type Intent } from '../../src/nlu/intents.js';

const TABLE: [Intent, string][] = [
  ['handoff', 'Please pass my question about the tandem rules on to the programme team so that someone gets back to me.'],
  // "noch einmal einen Antrag stellen" asks about applying again, not whether there is still time.
  ['eligibility', 'Kann die Stadt im Förderaufruf 2027 noch einmal einen Antrag stellen?'],
  ['deadline', 'Können wir noch einen Antrag stellen?'],
  // Money set aside ("neben dem Zuschuss", "apart from the grant") is not what is asked.
  ['benefits', 'Gibt es bei Kühle Orte neben dem Zuschuss noch andere Unterstützung?'],
  ['benefits', 'Apart from the grant, what advice or other help does Kramerladen offer municipalities?'],
  ['contact', 'antragsportal hängt – wen ruf ich bei kühle orte an'],
  // "noch kein Hitzeschutzplan" describes the asker; it does not ask whether there is still time.
  ['eligibility', 'Kreisangehörige Gemeinde, 3.900 Einwohner, noch kein Hitzeschutzplan – können wir bei Schattenspender mitmachen?'],
  ['deadline', 'Ist eine Antragstellung bei Kramerladen heute noch möglich?'],
  ['deadline', 'Someone told me Talenthafen closed on 15 May. Is that correct?'],
  ['anonymity', 'Could our city join Schattenspender without appearing in any publication?'],
  ['process', 'Is an ordinary e-mail enough to submit a Schwellenlos ins Rathaus application?'],
  ['contact', 'Wer berät bei Spurensuche fachlich zu Zeitzeugeninterviews?'],
  ['changes', "We've uploaded our project outline and then spotted an error. Can we still correct it?"],
  ['funder', 'Aus wessen Budget stammt das Geld für KommA?'],
  ['funder', 'Der Aufruf wird aus Bundesmitteln bezahlt – welches Ressort stellt das Geld?'],
  ['deadline', 'Können wir für die zweite Runde noch einen Antrag auf Förderung einer Integrationsstrategie beim Regierungspräsidium stellen?'],
  ['changes', 'Die im Formular genannte Kontaktperson hat inzwischen die Stelle gewechselt. Wo melden wir die Korrektur?'],
  ['deadline', 'Bis wann können wir uns für KommA bewerben?'],
  ['process', 'Could we have sent our application by e-mail instead of using the online form?'],
  ['contact', 'Whom do I send questions to by e-mail?'],
  ['deadline', 'Wir wollen den Antrag Ende Januar abschicken, reicht das?'],
  ['deadline', 'Und bis wann muss die Kreisverwaltung die Anträge weitergeben?'],
  ['deadline', 'Wann ist Bewerbungsschluss?'],
  ['deadline', 'Wann endet die Frist?'],
  ['deadline', 'Läuft die Ausschreibung noch?'],
  ['deadline', 'Ist es schon zu spät?'],
  ['deadline', 'When is the deadline for KommA?'],
  ['deadline', 'Until when can we apply?'],
  ['deadline', 'Is the call still open?'],
  ['deadline', 'bewerbungsfirst komma?'],
  ['deadline', 'Bewerbungsfrsit?'],
  ['deadline', 'einsendeschlus?'],
  // "…schluss" and "…frist" words that do name a deadline (others, like "Beschluss", do not).
  ['deadline', 'Ist der Einsendeschluss vorbei?'],
  ['deadline', 'Wie lange läuft die Antragsfrist?'],
  // The hour of the deadline, and "taking applications" said as a verb.
  ['deadline', 'Bis zu welcher Uhrzeit am letzten Tag nimmt das Institut Bewerbungen an?'],
  ['deadline', 'Is the call still accepting applications?'],
  ['eligibility', 'Wir sind eine Gemeinde in Sachsen mit 2.800 Einwohnern. Geht das Programm für uns?'],
  ['funder', 'Which organisations initiated the project?'],
  ['money', 'Welchen Anteil der Personalkosten übernimmt das Land?'],
  ['signature', 'Brauchen wir die Unterschrift der Bürgermeisterin?'],
  ['signature', 'Muss der Antrag unterzeichnet werden?'],
  ['signature', 'Is a signature needed?'],
  ['signature', 'Does the mayor have to sign?'],
  ['signature', 'Braucht es eine Unterschirft?'],
  ['anonymity', 'Können wir anonym teilnehmen?'],
  ['anonymity', 'Wird unser Name veröffentlicht?'],
  ['anonymity', 'Can we take part anonymously?'],
  ['anonymity', 'Will our participation be published?'],
  ['anonymity', 'Geht das anonüm?'],
  ['ownFunds', 'Brauchen wir Eigenmittel?'],
  ['ownFunds', 'Gibt es einen Eigenanteil?'],
  ['ownFunds', 'Is it free of charge?'],
  ['ownFunds', 'Do we need own funds?'],
  ['changes', 'Was ist, wenn sich nach der Einreichung etwas ändert?'],
  ['changes', 'Can we change the application after submission?'],
  ['money', 'Wie viel Geld gibt es?'],
  ['money', 'Welche Fördersumme gibt es?'],
  ['money', 'Wie hoch ist die Sachkostenpauschale?'],
  ['money', 'How much money do we get?'],
  ['money', 'What is the grant amount?'],
  ['money', 'Wie hoch ist die Förderhöhe?'],
  ['contact', 'An wen wende ich mich mit Fragen?'],
  ['contact', 'Wer ist der Ansprechpartner?'],
  ['contact', 'Welche E-Mail-Adresse hat das Projektteam?'],
  ['contact', 'Who do we contact?'],
  ['contact', 'What is the email address?'],
  ['contact', 'Ansprechpartnr?'],
  ['eligibility', 'Wer kann sich bewerben?'],
  ['eligibility', 'Dürfen sich auch kreisfreie Städte bewerben?'],
  ['eligibility', 'Sind Landkreise antragsberechtigt?'],
  ['eligibility', 'Kommt das für uns in Frage?'],
  ['eligibility', 'Welche Voraussetzungen gibt es?'],
  ['eligibility', 'Who can apply?'],
  ['eligibility', 'Are districts eligible?'],
  ['eligibility', 'Can municipalities apply?'],
  ['eligibility', 'Vorraussetzungen?'],
  ['benefits', 'Welche Unterstützung erhalten Modellkommunen?'],
  ['benefits', 'Was bekommen wir als Modellkommune?'],
  ['benefits', 'What support do model municipalities get?'],
  ['process', 'Wie bewerben wir uns?'],
  ['process', 'Wie läuft das Verfahren ab?'],
  ['process', 'How do we apply?'],
  ['process', 'What are the next steps?'],
  ['funder', 'Wer fördert das Projekt?'],
  ['funder', 'Wer finanziert KommA?'],
  ['funder', 'Who funds the programme?'],
  ['about', 'Was ist KommA?'],
  ['about', 'Worum geht es bei Weltoffene Kommune?'],
  ['about', 'What is the WIR programme?'],
  ['about', 'Tell me about KommA'],
  ['listPrograms', 'Welche Programme gibt es?'],
  ['listPrograms', 'Welche Ausschreibungen kennst du?'],
  ['listPrograms', 'Which programmes do you know?'],
  ['greeting', 'Hallo'],
  ['greeting', 'Guten Morgen!'],
  ['greeting', 'Moin'],
  ['greeting', 'Hello there'],
  ['thanks', 'Danke!'],
  ['thanks', 'Vielen Dank für die Hilfe'],
  ['thanks', 'Thank you'],
  ['help', 'Hilfe'],
  ['help', 'Was kannst du?'],
  ['help', 'What can you do?'],
  ['cancel', 'Abbrechen'],
  ['cancel', 'stop'],
  ['cancel', 'cancel'],
  ['handoff', 'Bitte leite meine Frage an die Projektleitung weiter.'],
  ['handoff', 'Ich möchte mit einem Menschen sprechen'],
  ['handoff', 'Can I talk to a human?'],
  ['handoff', 'Please forward this to the project leads'],
  ['deleteData', 'Bitte meine Daten löschen'],
  ['deleteData', 'Delete my data'],
  ['privacy', 'Datenschutz'],
  ['privacy', 'Welche Daten speichert ihr?'],
  ['privacy', 'What data do you store?'],
  ['status', 'Wie ist der Status meiner Anfrage?'],
  ['status', 'What is the status of my request?'],
  ['profileCheck', 'Förder-Check'],
  ['profileCheck', 'Welche Programme passen zu uns?'],
  ['profileCheck', 'Which programmes fit us?'],
  // A call named with an adjective between article and noun; a date asked for in words; "still … sign up".
  ['deadline', 'Läuft der hessische Aufruf für kommunale Integrationsstrategien eigentlich noch?'],
  ['deadline', 'Bis zu welchem Datum muss das Formular spätestens eingegangen sein?'],
  ['deadline', 'Can we still sign up for the programme?'],
  // Being named somewhere public, asked without the word "veröffentlicht".
  ['anonymity', 'Steht dann irgendwo öffentlich, dass wir Modellkommune sind?'],
  ['anonymity', 'Unsere Stadt möchte nicht öffentlich als Förderempfängerin auftauchen. Geht das?'],
  // The question sentence says what is asked, not a word quoted before it ("status: published").
  ['deadline', 'In den Metadaten steht „status: published“. Heißt das, die Bewerbung läuft noch?'],
  // …unless it is vague: what happened before it is the kind of question.
  ['changes', 'Nach dem Antrag hat sich unser Finanzierungsplan geändert. Was müssen wir tun?'],
  ['contact', 'Bei wem kann ich meine Fragen zum Programm loswerden?'],
  ['funder', 'Wer hat die Studie finanziert?'],
  ['funder', 'Aus wessen Mitteln wird das Projekt gefördert?'],
  ['contact', 'Who are the project leads for KommA?'],
  ['process', 'Where did municipalities have to hand in their applications?'],
  ['process', 'How is it decided whether our town becomes a model municipality?'],
  ['deadline', 'Reicht es, wenn wir am 31. März hochladen?'],
  ['deadline', 'When exactly did the application window close?'],
  ['benefits', 'was genau kriegt man als Modellkommune?'],
  ['eligibility', 'Could Cologne, with more than a million inhabitants, have taken part?'],
  // Sending by a way of sending is how to submit, not whom to write to.
  ['process', 'Can we send the application by email?'],
];

describe('classifyIntent', () => {
  it.each(TABLE)('recognises %s in "%s"', (intent, text) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });

  it.each([
    ['money', 'Wie hoch ist die Förderung bei WIR?'],
    ['eligibility', 'Can counties apply for KommA?'],
    ['eligibility', 'Can towns apply?'],
    ['ownFunds', 'Müssen wir bei KommA etwas bezahlen?'],
    ['ownFunds', 'Does KommA cost anything?'],
    ['process', 'Wo muss ich die Bewerbung für WIR abgeben?'],
    ['about', 'Was macht KommA?'],
  ] as [Intent, string][])('recognises %s in the everyday phrasing "%s"', (intent, text) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });

  it('does not read "Aufruf … an" as phoning someone', () => {
    expect(classifyIntent('Muss ein Projekt beim BAMF-Aufruf trotz Distanz an mehreren Standorten laufen?').intent).not.toBe('contact');
  });

  it('has table rows for every intent', () => {
    expect(new Set(TABLE.map(([i]) => i))).toEqual(new Set(INTENTS));
  });

  it.each([
    // "first" is an English word, not a typo of "Frist".
    ['Does Schwellenlos ins Rathaus require approval from the heritage authority first?'],
    ['Wie ist das Wetter morgen?'],
    ['Was kostet ein Parkausweis in Köln?'],
    ['Wie beantrage ich Wohngeld?'.replace('beantrage', 'bekomme')],
    ['asdf qwertz'],
    [''],
  ])('finds no intent in "%s"', (text) => {
    expect(classifyIntent(text).intent).toBe('unknown');
  });

  it('lists every matching intent, strongest first, for a question that asks two things', () => {
    const r = classifyIntent('Bis wann läuft die Frist und brauchen wir eine Unterschrift?');
    expect(r.all).toEqual(expect.arrayContaining(['deadline', 'signature']));
    expect(r.all.indexOf('signature')).toBeLessThan(r.all.indexOf('deadline'));
  });

  it('does not take speaking a language for asking to speak to a person', () => {
    expect(classifyIntent('Muss bei uns im Team jemand gut Englisch sprechen?').all).not.toContain('handoff');
    expect(classifyIntent('Kann ich mit jemandem aus dem Team sprechen?').intent).toBe('handoff');
  });

  it('does not take "sign up" for a question about signing', () => {
    expect(classifyIntent('Can we still sign up for the programme?').all).not.toContain('signature');
    expect(classifyIntent('Does the mayor have to sign?').intent).toBe('signature');
  });

  it('counts only the questions answered from the call texts as factual', () => {
    for (const i of ['deadline', 'signature', 'money', 'eligibility', 'contact'] as Intent[]) expect(FACTUAL_INTENTS.has(i)).toBe(true);
    for (const i of ['greeting', 'cancel', 'handoff', 'privacy'] as Intent[]) expect(FACTUAL_INTENTS.has(i)).toBe(false);
  });

  it('does not take the everyday word "kommt" for a deadline or another intent', () => {
    expect(classifyIntent('Kommt das morgen?').intent).toBe('unknown');
  });

  it.each([
    ['Was empfiehlt das Papier zur langfristigen Finanzierung?'],
    ['Gibt es befristete Stellen im Projekt?'],
    ['Braucht man einen Gemeinderatsbeschluss?'],
    ['Was passiert nach dem Projektabschluss?'],
    ['Wer ist vom Ausschluss betroffen?'],
  ])('does not take "…frist…" or "…schluss" words that are no deadline for one: "%s"', (text) => {
    expect(classifyIntent(text).all).not.toContain('deadline');
  });

  it('reads "Was bekommt man …?" as a question for the benefits', () => {
    expect(classifyIntent('Was bekommt man bei dem Programm?').intent).toBe('benefits');
  });
});

describe('classifyIntent: a medium is no contact request', () => {
  it.each([['Wir denken an Begegnungen per Brief und Telefon statt per App. Geht das, oder muss alles digital laufen?'], ['Können die Treffen auch über Telefon oder Video laufen?']])('does not read "%s" as a contact question', (text) => {
    expect(classifyIntent(text).intent).not.toBe('contact');
  });
});

describe('classifyIntent: more ways to ask', () => {
  it.each([
    ['Bruckenbauer foerderhoehe?', 'money'],
    ['Kann ich mich jetzt noch für KommA bewerben?', 'deadline'],
    ['Ist der BAMF-Aufruf auch für freie Träger offen?', 'eligibility'],
    ['Können wir teilnehmen, ohne dass unser Ortsname veröffentlicht wird?', 'anonymity'],
    ['Kann man bei Nachbarschaft digital ungenannt bleiben?', 'anonymity'],
    ['Reicht eine formlose Mail als Bewerbung?', 'signature'],
    ['Können wir unsere Bewerbung nach der Interessenbekundung noch ändern?', 'changes'],
    ['Wen rufe ich bei Fragen zu Kita-Verwaltung digital an?', 'contact'],
  ] as [string, Intent][])('"%s" → %s', (text, intent) => {
    expect(classifyIntent(text).intent).toBe(intent);
  });
});

describe('classifyIntent: words that only look like a kind of question', () => {
  it.each([
    // "funded by" after a thing describes it; only the programme funded by someone asks for the funder.
    ['May a municipality charge local clubs a fee for borrowing a Spülmobil funded by Abwasch statt Abfall?', 'funder', false],
    ['Who is Remember Together funded by?', 'funder', true],
    ['Is KommA funded by the federal government?', 'funder', true],
    // "when their term ends" is a condition, not a when-question.
    ['Do council members have to return their tablets when their term of office ends?', 'deadline', false],
    ['And when does the call close?', 'deadline', true],
    // What a municipality may do is not whether it may apply.
    ['Darf eine Gemeinde von Vereinen eine Gebühr für das Ausleihen verlangen?', 'eligibility', false],
    ['Kann eine Gemeinde mitmachen?', 'eligibility', true],
    ['Kann ein Landkreis für seine Gemeinden einen Antrag stellen?', 'eligibility', true],
    // "Ränder" in a programme's name is no change ("änder").
    ['Konnten wir den Antrag für Blühende Ränder selbst stellen?', 'changes', false],
    ['Nach dem Antrag hat sich unser Finanzierungsplan geändert. Was müssen wir tun?', 'changes', true],
  ] as [string, Intent, boolean][])('"%s" is %s: %s', (text, intent, expected) => {
    expect(classifyIntent(text).intent === intent).toBe(expected);
  });
});

describe('intents added for the fiftieth round', () => {
  it.each([
    ['Welchen Fördersatz bekommen wir bei KoBeRa?', 'money'],
    ['Was können wir maximal an Förderung erwarten?', 'money'],
    ['Wir wollen nicht, dass unsere Gemeinde irgendwo öffentlich auftaucht. Geht das?', 'anonymity'],
    ['Will the ministry put our grant amount on the internet?', 'anonymity'],
    ['Wir laden online hoch. Bis wann muss das unterschriebene Papier vorliegen?', 'deadline'],
    ['Muss das Formular unterschrieben werden?', 'signature'],
  ])('%s → %s', (q, intent) => expect(classifyIntent(q).intent).toBe(intent));
});
