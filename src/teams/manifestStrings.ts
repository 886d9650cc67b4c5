/** Languages the Teams app describes itself in: German is the manifest's default, English a localization file. */
export type ManifestLanguage = 'de-de' | 'en-us';

/** What Teams shows in its app store, app details and bot command menu. */
export interface ManifestStrings {
  /** Full name; `{{name}}` is the short name (the bot's name). Teams allows 100 characters. */
  fullName: string;
  /** Teams allows 80 characters. */
  shortDescription: string;
  /** Teams allows 4000 characters. */
  fullDescription: string;
  /** Title (≤ 32 characters) is sent to the bot as the message text, so the bot's intents must recognise it. */
  commands: { title: string; description: string }[];
}

// The command titles match the intents in src/nlu/intents.ts (profileCheck, listPrograms, privacy, deleteData, help).
export const MANIFEST_STRINGS: Record<ManifestLanguage, ManifestStrings> = {
  'de-de': {
    fullName: '{{name}} – Fragen zu Förderaufrufen für Kommunen',
    shortDescription: 'Antworten zu Förderaufrufen für Kommunen, belegt mit Zitaten.',
    fullDescription:
      'Der Förderlotse beantwortet Fragen von Mitarbeitenden in Kommunalverwaltungen zu Förderaufrufen: Fristen, Unterschrift, ' +
      'anonyme Teilnahme, Antragsberechtigung, Fördersummen und Ansprechpersonen. Jede Antwort stützt sich auf den Text der ' +
      'Ausschreibung und zitiert ihn. Der „Förder-Check“ prüft mit wenigen Fragen, welche Aufrufe zu Ihrer Kommune passen; ' +
      'auf Wunsch gibt der Förderlotse Ihre Anfrage an die Projektleitung weiter. Für Fragen sind keine personenbezogenen ' +
      'Daten nötig; „Datenschutz“ erklärt, was gespeichert wird, „Meine Daten löschen“ entfernt alles sofort.',
    commands: [
      { title: 'Förder-Check', description: 'Prüft mit ein paar Fragen, welche Förderaufrufe zu Ihrer Kommune passen.' },
      { title: 'Welche Programme gibt es?', description: 'Zeigt die Förderprogramme, zu denen ich Auskunft gebe.' },
      { title: 'Datenschutz', description: 'Erklärt, was ich speichere, wie lange und wofür.' },
      { title: 'Meine Daten löschen', description: 'Löscht Ihr Profil, den Gesprächsverlauf und noch nicht versandte Anfragen.' },
      { title: 'Hilfe', description: 'Zeigt, welche Fragen ich beantworte und wie Sie mich bedienen.' },
    ],
  },
  'en-us': {
    fullName: '{{name}} – funding call questions for municipalities',
    shortDescription: 'Answers about funding calls for municipalities, backed by quotes.',
    fullDescription:
      'Förderlotse answers questions from municipal staff about funding calls: deadlines, signatures, anonymous participation, ' +
      'eligibility, funding amounts and contact persons. Every answer is grounded in the call text and quotes it. The funding ' +
      'check asks a few questions and shows which calls suit your municipality; on request, Förderlotse forwards your enquiry ' +
      'to the project leads. Asking questions needs no personal data; "Privacy" explains what is stored, "Delete my data" ' +
      'removes everything at once.',
    commands: [
      { title: 'Funding check', description: 'A few questions to find out which funding calls suit your municipality.' },
      { title: 'Which programmes are there?', description: 'Lists the funding programmes I can tell you about.' },
      { title: 'Privacy', description: 'Explains what I store, for how long and why.' },
      { title: 'Delete my data', description: 'Deletes your profile, the conversation history and unsent enquiries.' },
      { title: 'Help', description: 'Shows which questions I answer and how to use me.' },
    ],
  },
};
