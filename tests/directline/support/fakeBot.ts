import type { Activity } from 'botbuilder';

export const CITATION_TITLE = 'KommA Förderaufruf 2023';
export const SUGGESTION = 'Wer ist antragsberechtigt?';
export const WELCOME = 'Willkommen beim Förderlotsen! Fragen Sie mich zu Förderaufrufen.';
export const CARD_TITLE = 'Fristen im Überblick';
/** Markup a careless widget would execute; it must show up as text. */
export const HOSTILE_TEXT = 'Achtung: <script>window.__flXss = 1</script><img src="x" onerror="window.__flXss = 2"> [klick](javascript:window.__flXss=3)';

const citationEntity = {
  type: 'https://schema.org/Message',
  '@type': 'Message',
  '@context': 'https://schema.org',
  '@id': '',
  citation: [
    {
      '@type': 'Claim',
      position: 1,
      appearance: {
        '@type': 'DigitalDocument',
        name: CITATION_TITLE,
        url: 'https://example.org/komma-foerderaufruf.pdf',
        abstract: 'Bewerbungsschluss: 28.02.2023',
      },
    },
  ],
};

const card = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: CARD_TITLE, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: [{ title: 'KommA', value: '28.02.2023' }] },
    ],
  },
};

/** A stand-in for the real bot: greets, answers with a citation and a suggestion, sends a card or hostile markup on request. */
export function createFakeBot(): { deliver: (a: Activity) => Promise<Partial<Activity>[]>; received: Activity[] } {
  const received: Activity[] = [];
  const deliver = async (activity: Activity): Promise<Partial<Activity>[]> => {
    received.push(activity);
    if (activity.type === 'conversationUpdate') return [{ type: 'message', text: WELCOME, locale: 'de-DE' }];
    if (activity.type !== 'message') return [];
    const text = activity.text ?? '';
    if (/xss/i.test(text)) return [{ type: 'message', text: HOSTILE_TEXT, textFormat: 'markdown' }];
    if (/karte/i.test(text)) return [{ type: 'message', attachments: [card] }];
    if (text === SUGGESTION) return [{ type: 'message', text: 'Antragsberechtigt sind Kommunen und kommunale Verbände.', locale: 'de-DE' }];
    return [
      { type: 'typing' },
      {
        type: 'message',
        text: `Antwort auf „${text}“: Bewerbungsschluss ist der 28.02.2023 [1].\n\n[1]: https://example.org/komma-foerderaufruf.pdf "${CITATION_TITLE}"`,
        textFormat: 'markdown',
        locale: 'de-DE',
        entities: [citationEntity],
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: SUGGESTION, value: SUGGESTION }] },
      },
      { type: 'trace', name: 'internal', value: { secret: 'never shown' } },
    ];
  };
  return { deliver, received };
}
