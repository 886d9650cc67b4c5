import { CardFactory, type Attachment } from 'botbuilder';
import type { Answerer } from '../answer/answerer.js';
import type { Translate } from '../i18n.js';
import type { KnowledgeBase } from '../knowledge/knowledgeBase.js';
import type { Lang } from '../nlu/language.js';
import { deadlineStatus } from '../programs/deadlineStatus.js';
import { evaluateEligibility, type ApplicantProfile, type Verdict } from '../programs/eligibility.js';
import type { Program } from '../programs/programSchema.js';
import { escapeMarkdown } from '../bot/markdown.js';
import type { Profile } from '../bot/conversationState.js';

export interface ProgramVerdictView {
  program: Program;
  verdict: Verdict;
  status: string;
  reason: string;
  quote?: string;
  deadline?: string;
}

/** The profile as label/value pairs a person reads. */
export function profileFacts(profile: Profile, lang: Lang, t: Translate, kb: KnowledgeBase): { title: string; value: string }[] {
  const v = (key: string) => t(lang, `dialogs:check.value.${key}`);
  const yn = (b?: boolean) => (b === undefined ? v('none') : v(b ? 'yes' : 'no'));
  const f = (field: string, value: string) => ({ title: t(lang, `dialogs:check.field.${field}`), value });
  return [
    f('municipalityName', profile.municipalityName ?? v('anonymous')),
    f('entityType', profile.entityType ? t(lang, `dialogs:check.choice.${profile.entityType}`) : v('none')),
    f('state', profile.state ?? v('none')),
    f('population', profile.population !== undefined ? new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(profile.population) : v('none')),
    f('leadershipSupport', yn(profile.leadershipSupport)),
    f('contactPerson', yn(profile.contactPerson)),
    f('needsAnonymity', yn(profile.needsAnonymity)),
    f('programs', profile.programs?.length ? profile.programs.map((id) => kb.programsById.get(id)?.shortName ?? id).join(', ') : v('all')),
    f('email', profile.email ?? v('none')),
  ];
}

/** Verdicts for every call, the programmes of interest first, each with reason, rule quote and deadline today. */
export function verdictViews(profile: Profile, lang: Lang, deps: { kb: KnowledgeBase; answerer: Answerer; t: Translate; now: Date }): ProgramVerdictView[] {
  const { kb, answerer, t, now } = deps;
  const applicant: ApplicantProfile = profile;
  const calls = kb.programs.filter((p) => p.kind === 'call');
  const wanted = new Set(profile.programs ?? []);
  calls.sort((a, b) => Number(wanted.has(b.id)) - Number(wanted.has(a.id)));
  return calls.map((program) => {
    const verdict = evaluateEligibility(program, applicant);
    const decisive = verdict.reasons.find((r) => r.status !== 'ok' && r.status !== 'info') ?? verdict.reasons.find((r) => r.status === 'ok');
    let reason = decisive ? answerer.reasonText(decisive, lang) : '';
    if (!program.rules.length) reason = t(lang, 'verdict.noRules');
    else if (verdict.status === 'unclear' && verdict.missing.length) reason = t(lang, 'verdict.missingShort', { missing: verdict.missing.map((m) => t(lang, `profile.field.${m}`)).join(', ') });
    const deadline = program.deadline ? answerer.deadlineText(program, deadlineStatus(program.deadline, now), lang, program.deadline.label?.[lang]) : undefined;
    let quote = decisive?.quote;
    if (!program.rules.length) {
      // No curated rules: show the call's own eligibility passage, never a guess.
      const passage = kb.retriever.search('Wer kann sich bewerben Teilnahmevoraussetzungen Landkreise Städte Gemeinden', { k: 1, docIds: new Set(program.docIds) })[0];
      quote = passage?.chunk.sentences.find((s) => /bewerb|teilnahm|voraussetz|können sich/i.test(s)) ?? passage?.chunk.sentences[0];
    }
    return { program, verdict, status: t(lang, `verdict.status.${verdict.status}`), reason, quote, deadline };
  });
}

/** The result as plain text, for channels without cards (and as the card's fallback). */
export function resultText(profile: Profile, views: ProgramVerdictView[], lang: Lang, t: Translate, kb: KnowledgeBase): string {
  const lines = [`**${t(lang, 'dialogs:check.profileTitle')}**`];
  for (const f of profileFacts(profile, lang, t, kb)) lines.push(`- ${f.title}: ${escapeMarkdown(f.value)}`);
  lines.push('', `**${t(lang, 'dialogs:check.callsTitle')}**`);
  for (const v of views) {
    lines.push(`${t(lang, `verdict.mark.${v.verdict.status}`)} **${v.program.shortName}** – ${v.status}: ${v.reason}`);
    if (v.deadline) lines.push(`  ${t(lang, 'dialogs:check.deadlineLine', { status: v.deadline })}`);
    if (v.quote) lines.push(`  ${t(lang, 'dialogs:check.quoteLine', { quote: escapeMarkdown(v.quote) })}`);
    lines.push(`  ${t(lang, 'dialogs:check.sourceLine', { title: v.program.documentTitle })}`);
  }
  return lines.join('\n');
}

/** The Förder-Check result as an Adaptive Card with the three follow-up actions. */
export function resultCard(profile: Profile, views: ProgramVerdictView[], lang: Lang, t: Translate, kb: KnowledgeBase): Attachment {
  const text = (s: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text: s, wrap: true, ...extra });
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    lang: lang === 'de' ? 'de-DE' : 'en-US',
    fallbackText: resultText(profile, views, lang, t, kb),
    body: [
      text(t(lang, 'dialogs:check.resultTitle'), { weight: 'Bolder', size: 'Medium' }),
      text(t(lang, 'dialogs:check.profileTitle'), { weight: 'Bolder', spacing: 'Medium' }),
      { type: 'FactSet', facts: profileFacts(profile, lang, t, kb).map((f) => ({ title: f.title, value: escapeMarkdown(f.value) })) },
      text(t(lang, 'dialogs:check.callsTitle'), { weight: 'Bolder', spacing: 'Medium' }),
      ...views.map((v) => ({
        type: 'Container',
        separator: true,
        items: [
          text(`${t(lang, `verdict.mark.${v.verdict.status}`)} ${v.program.shortName}: ${v.status}`, { weight: 'Bolder' }),
          text(v.reason),
          ...(v.deadline ? [text(t(lang, 'dialogs:check.deadlineLine', { status: v.deadline }), { isSubtle: true })] : []),
          ...(v.quote ? [text(t(lang, 'dialogs:check.quoteLine', { quote: escapeMarkdown(v.quote) }), { isSubtle: true, size: 'Small' })] : []),
          text(t(lang, 'dialogs:check.sourceLine', { title: v.program.documentTitle }), { isSubtle: true, size: 'Small' }),
        ],
      })),
    ],
    actions: [
      { type: 'Action.Submit', title: t(lang, 'dialogs:check.actions.send'), data: { action: 'handoffProfile' } },
      { type: 'Action.Submit', title: t(lang, 'dialogs:check.actions.edit'), data: { action: 'editProfile' } },
      { type: 'Action.Submit', title: t(lang, 'dialogs:check.actions.delete'), data: { action: 'deleteProfile' } },
    ],
  };
  return CardFactory.adaptiveCard(card);
}
