import type { Block } from '../knowledge/cleanText.js';
import { splitSentences } from '../knowledge/sentences.js';
import { MEMBER_MUNICIPALITY, stateMentions } from '../nlu/profileEntities.js';
import type { Rule } from './programSchema.js';

type EntityType = Extract<Rule, { type: 'entityTypes' }>['allowed'][number];

const ALL_TYPES: EntityType[] = ['landkreis', 'kreisfreie_stadt', 'kreisangehoerige_stadt', 'gemeinde', 'organisation'];

/** A sentence that says who may apply ("Bewerben können sich …", "Antragsberechtigt sind …", "Wer: …"). */
const WHO_MAY = /\b(kreise|landkreise|gemeinden|städte|kommunen)\s+können\b.{0,80}\b(teilnehmen|mitmachen)\b|(darf|dürfen|muss|müssen)\b.{0,60}\b(höchstens|mindestens|maximal|nicht mehr als|weniger als)\s+[\d.\s]+\s*einwohner|(bewerben|beteiligen|teilnehmen|mitmachen) können|zuwendungsempfänger sind|antragsteller(innen)? sind|antragstellende sind|förderfähig sind|gefördert werden (können )?(kreis|gemeind|städt|stadt|landkreis|kommun|verein|träger|organisation)|können sich\b.{0,100}\b(bewerben|beteiligen)|antragsberechtigt|teilnahmeberechtigt|bewerbungsberechtigt|\bwer (kann|darf) sich (bewerben|beteiligen)\s*:|\bwer (kann|darf) (teilnehmen|mitmachen|einen antrag stellen|anträge stellen)\s*:|richtet sich\b.{0,30}\ban\b|^wer\??\s*:|zielgruppe\s*:|\bim sinne (dieser|des|der) \p{L}+ sind\b/iu;
/** A sentence that says who may not ("Nicht teilnehmen können …", "… sind nicht antragsberechtigt"). */
const WHO_NOT = /\bnicht\b.{0,40}\b(teilnehmen|\p{L}*berechtigt|bewerben|beteiligen|gefördert|zugelassen)|können sich nicht|nicht selbst|nicht direkt|können keine (eigenen )?anträge|(können|dürfen) keinen (eigenen )?antrag|\bkein(en)? eigene[rn]? antrag|nicht\b.{0,20}\banträge stellen|nehmen\b.{0,60}\bnicht teil|\bausgeschlossen\b|\bnur über (ihr|ihren|ihre|den|das|einen|ein) (land)?(kreis|amt|verband\w*|verbandsgemeinde|samtgemeinde)\b|\berhalten keine (förderung|zuschüsse|zuwendung)|\bnot eligible\b|\bineligible\b|\bare excluded\b|\bcannot apply\b|\bmay not apply\b/iu;
/** Headings of the section that lists who may apply. */
const WHO_SECTION = /wer kann|wer darf|antragsberecht|teilnahmevoraussetz|teilnahmebeding|zielgruppe|wer ist|who can apply|who may apply|eligibility/i;
/** A route or partnership for others, not a rule about who applies ("gemeinsam mit Nachbarkommunen"). */
const ROUTE = /gemeinsam mit|zusammen mit|über (ihre|ihren|seine|die) |als partner|im verbund|mitgliedsgemeinde|für (eine|einen|ihre|ihren) /i;
/**
 * "Tandems aus einer Kommune und einem Verein", "Zusammenschlüsse von mindestens drei Gemeinden":
 * a combination the kinds of applicant cannot express; the kinds inside it apply only jointly.
 */
const JOINT = /\b(tandems?|zusammenschlüssen?|zusammenschluss|verbünden?|verbund|konsortien|konsortium|kooperationen|partnerschaften|bündnissen?)\s+(aus|von)\s+.*?(?=,|;|\.|\s+mit sitz|\s+aus allen|$)/gi;
const WHOLE_COUNTRY = /aus allen bundesländern|bundesweit|in der bundesrepublik deutschland|in ganz deutschland|deutschlandweit|aller bundesländer|in allen (16 )?(bundes)?ländern|in all (16 )?(federal )?states|nationwide|throughout germany|across germany/i;

const NUMBER = String.raw`(\d{1,3}(?:[.,\u00a0 ]\d{3})+|\d+)`;
const PEOPLE = String.raw`\s*(?:einwohner|bewohner|ew\b|inhabitants|residents)`;

/** One statement of the eligibility section, with the verbatim text to quote. */
interface Statement {
  text: string;
  quote: string;
  negative: boolean;
}

function toNumber(s: string): number {
  return Number(s.replace(/[.,\u00a0 ]/g, ''));
}

/** Entity types a statement names (only its subject part when it names a route for others). */
function typesNamed(sentence: string, excluding = false): EntityType[] {
  let text = sentence;
  text = text.replace(JOINT, ' ');
  // Asides in brackets ("(diese können sich über den Landkreis beteiligen)") name no applicant.
  let t = text.toLowerCase().replace(/\(([^)]*)\)/g, (m, inner: string) => (/\b(können|kann|über|sofern|diese|dies|nur|partner)\b/.test(inner) ? ' ' : ` ${inner} `));
  // "… Gemeinden des Landkreises Mittelheide", "im Kreis Lippe": the district there says where, not who.
  t = t.replace(/\b(des|im|dem|aus dem|in dem) (land)?kreis(es)?\s+[\p{L}-]+/gu, ' ');
  // "Landkreise … dürfen ihre Gemeinden auf den Aufruf hinweisen": someone's Gemeinden are not who the sentence is about.
  t = t.replace(/\b(ihre|ihren|seine|seinen|deren|dessen)\s+(kreisangehörigen\s+)?(gemeinden|städte|kommunen|mitgliedsgemeinden)\b/g, ' ');
  // "… nur über ihren Landkreis", "… von ihrem Landkreis als Partner": the Landkreis there is the route.
  t = t.split(/\bnur über\b|\büber (den|ihren|seinen|einen) (land)?kreis|\bvon ihrem\b|\bjedoch\b|\baber\b|\bals \p{L}*partner|;/u)[0];
  // "Städte und Gemeinden, die nicht dem Landkreis Wettertal angehören, sowie kreisfreie Städte …": those of another place, not a kind.
  t = t.replace(/(?:[\p{L}-]+\s+(?:und|oder)\s+)?[\p{L}-]+,\s+die\s+nicht\s+[^,]{0,80}?\b(angehören|angehört|gehören|liegen|ansässig sind)\b\s*,?\s*(sowie|und|oder)?/gu, ' ');
  // "Städte und Gemeinden mit mehr als 15.000 Einwohnern" is a population limit, not a kind of applicant.
  t = t.replace(/(städte|gemeinden|kommunen)(\s+und\s+(städte|gemeinden|kommunen))?\s+(mit\s+)?(mehr|weniger)\s+als\s+[\d.\s\u00a0]+\s*einwohner\w*(\s+und\s+einwohner\w*)?/g, ' ');
  // "Große kreisangehörige Städte" (Große Kreisstädte) are a category of their own: excluding them leaves the other towns in.
  t = t.replace(/\bgroßen?\s+kreisangehörigen?\s+städte?\b|\bgroßen?\s+kreisstädte?\b/g, ' ');
  const out = new Set<EntityType>();
  if (/kreisfreie\w*\s+(städte|stadt)/.test(t)) out.add('kreisfreie_stadt');
  // "kreisangehörige und kreisfreie Städte", "kreisfreie und kreisangehörige Städte": both kinds of town.
  if (/(kreisangehörige\w*\s+(und|oder|sowie)\s+kreisfreie|kreisfreie\w*\s+(und|oder|sowie)\s+kreisangehörige)\w*\s+(städte|stadt)/.test(t)) {
    out.add('kreisfreie_stadt');
    out.add('kreisangehoerige_stadt');
  }
  // "die Region Hannover" named alone is that one region, not every Landkreis.
  if (/\blandkreis\w*|\b(land)?kreise\b/.test(t)) out.add('landkreis');
  if (/kreisangehörige\w*\s+(städte|stadt)/.test(t)) out.add('kreisangehoerige_stadt');
  // "Verbandsgemeinden … sind nicht antragsberechtigt" speaks of the association, not of its member Gemeinden.
  if (/kreisangehörige\w*\s+(städte\s*(,|und|sowie)\s*)?gemeinden|\b(samt|orts|einheits|mitglieds)?gemeinden\b|\bmärkte\b|\bgemeinde\b/.test(t)) out.add('gemeinde');
  // Towns without "kreisfrei"/"kreisangehörig": both kinds.
  if (/(^|[^\p{L}])(städte|stadt)\b/u.test(t.replace(/(kreisfreie|kreisangehörige)\w*\s+(städte|stadt)/g, ' '))) {
    out.add('kreisfreie_stadt');
    out.add('kreisangehoerige_stadt');
  }
  // Excluded, a kind of association ("Sportvereine für Maßnahmen des Trainingsbetriebs", "Initiativen ohne eigene Rechtsform") leaves the others in.
  if (excluding ? /(^|[^\p{L}])(träger|organisationen|stiftungen|verbände|vereine?n?)(?!\p{L})/u.test(t) : /\b(träger|organisationen|stiftungen|verbände|initiativen)\b|verein(e|en)?\b/.test(t)) out.add('organisation');
  return [...out];
}

function statesNamed(text: string): string[] {
  // "(Stand: 31. Dezember 2025, Amt für Statistik Berlin-Brandenburg)": a source's name is no place of applicants.
  const t = text.replace(/\([^)]*\b(stand|statistik|quelle|gemäß|landesamt|amt für)\b[^)]*\)/gi, ' ').replace(/\b[\p{L}]+-[\p{L}]+(?=\s+(gmbh|e\.\s?v\.|ggmbh))|\bberlin-brandenburg\w*/giu, ' ');
  return [...new Set(stateMentions(t.toLowerCase()).map((m) => m.name))];
}

/** Population bounds a statement sets; a negative statement ("nicht … mit mehr als N") bounds the other way. */
function populationBounds(s: Statement): { min?: number; max?: number } {
  const t = s.text.toLowerCase();
  const range = t.match(new RegExp(`(?:zwischen\\s+|between\\s+)?${NUMBER}\\s+(?:und|bis|to|and)\\s+${NUMBER}${PEOPLE}`));
  if (range) return { min: toNumber(range[1]), max: toNumber(range[2]) };
  // "… wenn ihre Einwohnerzahl mindestens 8.000 beträgt": the people named before the number.
  const PEOPLE_BEFORE = String.raw`einwohnerzahl\s+(?:[\p{L}.]+\s+){0,4}?`;
  const upper = t.match(new RegExp(`(höchstens|maximal|bis zu|bis|nicht mehr als|weniger als|unter)\\s+${NUMBER}${PEOPLE}`)) ?? t.match(new RegExp(`${PEOPLE_BEFORE}(höchstens|maximal|bis zu|nicht mehr als|weniger als|unter)\\s+${NUMBER}`, 'u'));
  const lower = t.match(new RegExp(`(mindestens|ab|wenigstens|mehr als|über)\\s+${NUMBER}(?=${PEOPLE}|\\s+(?:und|bis)\\s+(?:höchstens|maximal|zu)?\\s*${NUMBER}${PEOPLE})`)) ?? t.match(new RegExp(`${PEOPLE_BEFORE}(mindestens|wenigstens|mehr als|über)\\s+${NUMBER}`, 'u'));
  const out: { min?: number; max?: number } = {};
  if (upper) {
    const n = toNumber(upper[2]);
    const strict = /weniger|unter/.test(upper[1]);
    if (s.negative) out.min = strict ? n : n + 1;
    else out.max = strict ? n - 1 : n;
  }
  if (lower) {
    const n = toNumber(lower[2]);
    const strict = /mehr|über/.test(lower[1]);
    if (s.negative) out.max = strict ? n : n - 1;
    else out.min = strict ? n + 1 : n;
  }
  return out;
}

/** Kinds of applicant compared by size ("größere Städte"): the size limit's business, not a kind. */
const COMPARED_KIND = /(?<!\p{L})(größere|kleinere)[nr]?\s+(städte|gemeinden|kommunen|landkreise|kreise|orte)(\s+und(?=\s))?(?!\p{L})/giu;

/** The statements about who may apply: sentences with the cue, and list items under such an intro or heading. */
function eligibilityStatements(blocks: Block[]): Statement[] {
  const out: Statement[] = [];
  let section = '';
  let intro = '';
  let firstInSection = false;
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'question') {
      section = b.text;
      intro = '';
      firstInSection = true;
      continue;
    }
    // A list item may hold several sentences ("Antragsberechtigt: alle … Gemeinden. … Landkreise … sind nicht antragsberechtigt."): each says its own.
    const sentences = splitSentences(b.text);
    for (const [n, sentence] of sentences.entries()) {
      const quote = sentence.replace(/^[•·▪\-–*\s]+/, '').trim();
      // "… sind Gemeinden; der Verein selbst ist nicht antragsberechtigt": each clause says its own.
      // "2.3 Nicht antragsberechtigt sind 2.3.1 Landkreise …; 2.3.2 Vereine, … – sie können sich aber als Kooperationspartner
      // beteiligen": numbered items run together into one line; each later item still runs on from the intro.
      let itemIntro = '';
      for (const [k, said0] of quote.split(/;\s+/).entries()) {
        if (k === 0) itemIntro = said0.match(/^(.*?\b(?:sind|ist|werden))\s+\d+(?:\.\d+)+\s/)?.[1] ?? '';
        const said = k > 0 && itemIntro && /^\d+(?:\.\d+)+\s/.test(said0) ? `${itemIntro} ${said0}` : said0;
        // "Größere Städte (und Landkreise) sind ausgeschlossen": larger than the size limit says, not a kind of applicant left
        // out; only the kinds named without such a word are.
        const clause = WHO_NOT.test(said) ? said.replace(COMPARED_KIND, ' ') : said;
        if (clause !== said && typesNamed(clause).length === 0) continue;
        // The list's intro runs on into an item's first sentence; a later one says its own ("Nicht antragsberechtigt sind: – die Große
        // Kreisstadt …. Vereine mit Sitz in der Großen Kreisstadt können dagegen Anträge stellen.").
        const context = b.kind === 'bullet' && n === 0 ? `${intro} ${clause}` : clause;
        const negative = WHO_NOT.test(context);
        const inSection = WHO_SECTION.test(section);
        // A list item is quoted with its intro ("Antragsberechtigt sind …: Landkreise und kreisfreie Städte,"): alone it says nothing.
        const shown = b.kind === 'bullet' && intro && n === 0 ? `${intro} ${quote}` : quote;
        // Items right under a heading "Wer kann Anträge stellen?" are who may, with or without an intro sentence.
        // So are the rows of a table there ("Landkreise: keine Begrenzung: nur für Vorhaben, …").
        const row = inSection && b.kind === 'paragraph' && /^[^:.!?]{3,120}:\s/.test(b.text);
        // "Wer kann sich bewerben?" answered by "Kreisangehörige Städte und Gemeinden in Sachsen …": the answer's first sentence names who.
        const answers = inSection && firstInSection && b.kind === 'paragraph' && typesNamed(context).length > 0;
        // "Sie müssen zwischen 2.000 und 30.000 Einwohnerinnen und Einwohner haben." under that heading: a size limit of who applies.
        const sized = inSection && b.kind === 'paragraph' && /\d[\d.]*\s*(einwohner|inhabitants|residents)/i.test(context);
        // "Für Mitgliedsgemeinden einer Verwaltungsgemeinschaft stellt die Verwaltungsgemeinschaft den Antrag": who applies for whom.
        const appliesFor = /stell(t|en)\s+\S+\s+(\S+\s+)?\S+\s+den\s+antrag/i.test(context) && routeOf(context) !== undefined;
        if (WHO_MAY.test(context) || negative || appliesFor || row || answers || sized || (inSection && b.kind === 'bullet' && (WHO_MAY.test(intro) || !intro))) out.push({ text: context, quote: shown, negative });
      }
    }
    if (b.kind !== 'bullet') intro = /:\s*$/.test(b.text) ? b.text : '';
    firstInSection = false;
  }
  return out;
}

/** "… können sich nur über ihren Landkreis beteiligen", "… stellt das Amt den Antrag": the way in for those not applying themselves. */
const VIA = /(?<![\p{L}])(?:(?:nur|ausschließlich|lediglich)\s+über|über|von|durch)\s+(?:ihren|den|einen|seinen|ihr|das|ein|sein|ihre|die|ihrem|seinem|dem)\s+(?:jeweilige[nm]?\s+)?(?:land)?(kreis|amt|verband|verbandsgemeinde|samtgemeinde|verwaltungsgemeinschaft)\b(?:.{0,40}\bals\s+\p{L}*partner)?|(?<![\p{L}])stell(?:t|en)\s+(?:die|das|der|ihr|ihre|ihr)\s+(?:jeweilige[nm]?\s+)?(?:land)?(kreis|amt|verband|verbandsgemeinde|samtgemeinde|verwaltungsgemeinschaft)\s+den\s+antrag/iu;

/** True when a sentence excludes only member municipalities, not Gemeinden as such. */
function namesOnlyMembers(quote: string): boolean {
  const t = quote.replace(MEMBER_MUNICIPALITY, ' ').replace(/(verbands|samt|einheits)gemeinde\w*/gi, ' ');
  return MEMBER_MUNICIPALITY.test(quote) && !/\bgemeinden?\b/i.test(t.split(/;|\bsie\b/)[0]);
}

function routeOf(quote: string): 'landkreis' | 'amt' | 'verband' | undefined {
  const m = quote.match(VIA);
  // "von ihrem Landkreis" is a way in only with "als Partner"; "(nur) über …" in an exclusion always is.
  if (!m || (/^von\b/i.test(m[0]) && !/partner/i.test(m[0]))) return undefined;
  const body = (m[1] ?? m[2]).toLowerCase();
  return body === 'kreis' ? 'landkreis' : body === 'amt' ? 'amt' : 'verband';
}

/** "Antragsteller muss immer eine Kommune sein": nobody else applies. */
const ONLY_MUNICIPALITIES = /antragsteller\w*\s+(muss|müssen|ist|sind)\s+(immer|stets|grundsätzlich)?\s*(eine\s+)?(kommune|kommunen|gebietskörperschaft\w*)\b(?!\s+oder)/i;
/** A joint route for small applicants: below a size, only together (or through another body). */
const JOINT_BELOW = new RegExp(`(?:weniger als|unter|unterhalb von|fewer than|less than|under|below)\\s+${NUMBER}${PEOPLE}.{0,200}?\\b(gemeinsam\\w*|im verbund|zusammen|zusammenschluss|über (?:ihr|ihren|das|den|sein|seinen) (?:amt|landkreis|kreis|verband)|joint(?:ly)?|together|as members of)`, 'i');

const JOINT_REFUSED = /(gemeinsam|verbund|zusammen)\w*\s+(\S+\s+){0,5}(sind|ist|wird|werden)?\s*(\S+\s+){0,3}(nicht (vorgesehen|möglich|zulässig)|ausgeschlossen)/i;

/** The joint-application rule of a call's text, with its sentence; undefined when it has none. */
function jointBelow(blocks: Block[]): Rule | undefined {
  for (const b of blocks) {
    for (const sentence of splitSentences(b.text)) {
      const m = sentence.match(JOINT_BELOW);
      // "… können nicht teilnehmen; gemeinsame Bewerbungen … sind nicht vorgesehen": no joint route at all.
      if (m && JOINT_REFUSED.test(sentence)) continue;
      if (m) return { type: 'jointBelow', threshold: toNumber(m[1]), partnersMin: 1, partnersMax: 1, asQuoted: true, quote: sentence.replace(/^[•·▪\-–*\s]+/, '').trim() };
    }
  }
  return undefined;
}

/** "Landkreise, kreisfreie Städte sowie kreisangehörige Gemeinden mit mindestens 20.000 …": the limit is for the last group. */
function limitedKinds(whole: string): ReturnType<typeof typesNamed> | undefined {
  // "Antragsberechtigt sind: kreisangehörige Städte … mit mindestens 5.000 …" (a list item under its intro): the item's kinds.
  const colon = whole.search(new RegExp(`:[^:]*(mindestens|ab|höchstens|maximal|bis zu|bis|weniger als|unter|mehr als|über|zwischen)\\s+${NUMBER}`, 'i'));
  const text = colon >= 0 ? whole.slice(colon + 1) : whole;
  // "mit mindestens 5.000 und höchstens 40.000 Einwohnern": the limit starts at its first number.
  const at = text.search(new RegExp(`(mindestens|ab|höchstens|maximal|bis zu|bis|weniger als|unter|mehr als|über|zwischen)\\s+${NUMBER}(?:\\s+(?:und|bis)\\s+(?:höchstens|maximal|zu)?\\s*${NUMBER})?${PEOPLE}`, 'i'));
  if (at < 0) return undefined;
  const groups = text.slice(0, at).split(/\bsowie\b|;/);
  // "Städte mit mehr als 100.000 Einwohnern sind ausgeschlossen", "Kreisangehörige Städte und Gemeinden müssen mindestens 5.000 … haben":
  // the kinds the limit is said of, when the sentence starts with them.
  const subject = text.slice(0, at).match(/^\s*((?:(?:kreisfreie|kreisangehörige|große|größere|kleine|kleinere)\s+)?(?:städte|gemeinden|landkreise|kreise)(?:\s*(?:,|und|oder)\s*(?:(?:kreisfreie|kreisangehörige)\s+)?(?:städte|gemeinden|landkreise|kreise))*)\s+(?:mit|müssen|sollen|brauchen)\s+$/i);
  if (subject) {
    const kinds = typesNamed(subject[1]);
    if (kinds.length) return kinds;
  }
  if (groups.length < 2) {
    // "kreisangehörige Städte und Gemeinden mit bis zu 20.000 Einwohnern sowie Landkreise": the limit is the first group's.
    const after = text.slice(at).split(/\bsowie\b|;/);
    if (after.length < 2) return undefined;
    const first = typesNamed(text.slice(0, at));
    const others = typesNamed(after.slice(1).join(' '));
    const kinds = first.filter((k) => !others.includes(k));
    return kinds.length && others.length ? kinds : undefined;
  }
  const kinds = typesNamed(groups[groups.length - 1]);
  return kinds.length ? kinds : undefined;
}

/** Earlier recipients ("Gemeinden, die bereits … gefördert werden, können sich nicht erneut bewerben"), not a kind of applicant. */
const EARLIER_RECIPIENTS = /\b(bereits|schon)\b.{0,80}\b(gefördert|teilgenommen|ausgewählt|bewilligt)|\berneut\b|\bnochmals\b|\bnoch einmal\b/i;

/**
 * Eligibility rules read from an uncurated call's own text: the kinds of applicant it names or
 * excludes, its population limits and the state it is limited to — each with the sentence it rests
 * on as quote. Only plain statements count; anything less clear is left out, and the verdict says
 * "unclear" rather than guess.
 */
export function deriveRules(blocks: Block[]): Rule[] {
  const statements = eligibilityStatements(blocks);
  const rules: Rule[] = [];
  const positive = statements.filter((s) => !s.negative && !ROUTE.test(s.text));
  // "Kommunen oder Vereine allein sind nicht teilnahmeberechtigt" asks for a joint application: no exclusion.
  // "Gemeinden außerhalb des Landkreises … sind nicht antragsberechtigt" excludes by place, not by kind.
  // "Gemeinden, die bereits in der ersten Förderrunde gefördert werden, können sich nicht erneut bewerben" excludes earlier recipients, not a kind.
  const negative = statements.filter((s) => s.negative && !/\ballein\b|\beinzeln\b|nur gemeinsam|nur zusammen|nur im tandem|außerhalb|(aus|in) anderen (land)?kreisen|(aus|in) anderen bundesländern|anderer (land)?kreise/i.test(s.text) && !(EARLIER_RECIPIENTS.test(s.text) && typesNamed(s.text).every((t) => t === 'gemeinde')));

  const excluded = new Map<EntityType, string>();
  // "Ortsgemeinden sind nicht antragsberechtigt" excludes Gemeinden of an association, not Gemeinden as such.
  const memberExclusions = negative.filter((s) => namesOnlyMembers(s.quote) && typesNamed(s.text).join() === 'gemeinde');
  for (const s of negative) if (!memberExclusions.includes(s)) for (const type of typesNamed(s.text, true)) if (!excluded.has(type)) excluded.set(type, s.quote);
  const allowed = new Map<EntityType, string>();
  for (const s of positive) for (const type of typesNamed(s.text)) if (!excluded.has(type) && !allowed.has(type)) allowed.set(type, s.quote);
  const named = [...allowed.keys()];
  // Whom an exclusion leaves: the positive list when there is one, else everyone.
  const applicants = named.length ? named : ALL_TYPES;
  // An explicit exclusion is the sentence to quote to those it excludes (one rule per such sentence);
  // the applicants it names are those of the positive list when there is one.
  for (const quote of new Set(excluded.values())) {
    const types = [...excluded].filter(([, q]) => q === quote).map(([type]) => type);
    const rest = applicants.filter((type) => !types.includes(type));
    const via = routeOf(quote);
    if (rest.length) rules.push({ type: 'entityTypes', allowed: rest, others: 'no', excluded: types, ...(via ? { via } : {}), quote });
  }
  // "Mitgliedsgemeinden einer Samtgemeinde bewerben sich über ihre Samtgemeinde": members apply only through it.
  for (const s of statements) {
    if (s.negative || memberExclusions.includes(s) || !namesOnlyMembers(s.quote) || !routeOf(s.quote) || !/bewerb|antr(ag|äge)|beantrag|einreich/i.test(s.text)) continue;
    memberExclusions.push(s);
  }
  for (const s of memberExclusions) {
    const via = routeOf(s.quote);
    rules.push({ type: 'entityTypes', allowed: applicants, others: 'no', excluded: ['gemeinde'], membersOnly: true, ...(via ? { via } : {}), quote: s.quote });
  }
  if (named.length) {
    const exclusive = excluded.size > 0 || positive.some((s) => /ausschließlich|\bnur\b/i.test(s.text)) || blocks.some((b) => ONLY_MUNICIPALITIES.test(b.text));
    // The sentence that says who may apply, rather than one that merely names a kind ("6.000 Euro … je Gemeinde").
    const saysWho = positive.find((s) => /richtet sich an|bewerben können|können sich\b.{0,60}\bbewerben|antragsberechtigt sind|teilnahmeberechtigt|teilnehmen können|eligible|may apply|can apply/i.test(s.text) && typesNamed(s.text).length)?.quote;
    rules.push({ type: 'entityTypes', allowed: named, others: exclusive ? 'no' : 'unclear', quote: saysWho ?? [...allowed.values()][0] });
  }

  // "Gemeinden mit weniger als 2.000 Einwohnern bewerben sich gemeinsam …": a joint route, not an upper limit.
  let joint = jointBelow(blocks);
  if (joint) rules.push(joint);
  const seen = new Set<string>();
  const freeing = positive.filter((s) => /unabhängig von (ihrer|der|deren|seiner) (eigenen |jeweiligen )?(einwohnerzahl|größe|einwohnerinnen)/i.test(s.text));
  // "Landkreise … sind unabhängig von ihrer eigenen Einwohnerzahl antragsberechtigt, sofern das Projekt ausschließlich in Gemeinden … umgesetzt wird."
  const conditional = freeing.find((s) => /\b(sofern|soweit|wenn|falls|vorausgesetzt)\b/i.test(s.text.split(/unabhängig/i)[1] ?? ''));
  const conditionalTypes = conditional ? typesNamed(conditional.text.split(/unabhängig/i)[0]) : [];
  const exemptOnCondition = conditional && conditionalTypes.length ? { types: conditionalTypes, quote: conditional.quote } : undefined;
  const exempt = [
    ...new Set([
      ...freeing.flatMap((s) => typesNamed(s.text.split(/unabhängig/i)[0])),
      // "… für Landkreise und kreisfreie Städte gilt keine Mindesteinwohnerzahl."
      ...blocks.flatMap((b) => [...b.text.matchAll(/\b(?:für|bei)\s+([^.;:]{3,80}?)\s+gilt\s+keine\s+(?:mindest)?einwohner\w*/gi)].flatMap((m) => typesNamed(m[1]))),
    ]),
  ];
  for (const s of [...positive, ...negative]) {
    if (joint && s.quote === joint.quote) continue;
    // "Zwei Gemeinden dürfen sich gemeinsam bewerben, wenn sie zusammen nicht mehr als 30.000 … haben": a limit for the pair, not for each.
    if (/\bzusammen\b|\bgemeinsam\b|insgesamt/i.test(s.text) && !/jeweils|jede/i.test(s.text)) continue;
    const { min, max } = populationBounds(s);
    if (min === undefined && max === undefined) continue;
    const key = `${min}-${max}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // "Kreise können unabhängig von ihrer Einwohnerzahl teilnehmen": the limit is not theirs.
    const appliesTo = limitedKinds(s.text) ?? (exempt.length ? ALL_TYPES.filter((t) => !exempt.includes(t)) : undefined);
    rules.push({ type: 'population', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(appliesTo ? { appliesTo } : {}), ...(exemptOnCondition && s.quote !== exemptOnCondition.quote ? { exemptOnCondition } : {}), quote: s.quote });
  }

  // "… die die Mindesteinwohnerzahl nicht erreichen, können einen gemeinsamen Antrag stellen": a joint route below the minimum.
  const minimum = rules.find((r): r is Extract<Rule, { type: 'population' }> => r.type === 'population' && r.min !== undefined);
  if (!joint && minimum?.min) {
    const sentence = blocks.flatMap((b) => splitSentences(b.text)).find((x) => JOINT_BELOW_MINIMUM.test(x));
    if (sentence) rules.push((joint = { type: 'jointBelow', threshold: minimum.min, partnersMin: 1, partnersMax: 1, asQuoted: true, quote: sentence.replace(/^[•·▪\-–*\s]+/, '').trim() }));
  }
  if (!statements.some((s) => WHOLE_COUNTRY.test(s.text))) {
    // "Fördergebiet: Bremen, Hamburg, …" says the area whole; else the states the statements on applicants name —
    // all of them, since one statement may name only some ("Samtgemeinden (Niedersachsen) und Ämter (Schleswig-Holstein)").
    const area = blocks.find((b) => AREA_ROW.test(b.text) && statesNamed(b.text).length > 0);
    const withStates = positive.filter((s) => statesNamed(s.text).length > 0);
    if (area) rules.push({ type: 'states', allowed: statesNamed(area.text), quote: area.text });
    else if (withStates.length) rules.push({ type: 'states', allowed: [...new Set(withStates.flatMap((s) => statesNamed(s.text)))], quote: withStates[0].quote });
    else {
      // No sentence on applicants names a state, but the text speaks of one or two ("Bayerisches Landesamt", "in
      // Bayern"): a municipality elsewhere is not told yes — whether it may take part is unclear.
      // Where the text speaks of municipalities there — not a place and date ("Berlin, den 12. Juni") or an address.
      const mentioning = blocks.filter((b) => statesNamed(b.text).length > 0 && /kommunen|gemeinden|städte|landkreise|kreise\b/i.test(b.text) && !/^[\p{L} .-]+,\s*(den\s+)?\d{1,2}\./u.test(b.text) && !/\b\d{5}\s+\p{Lu}/u.test(b.text));
      const named = [...new Set(mentioning.flatMap((b) => statesNamed(b.text)))];
      const nationwide = blocks.some((b) => WHOLE_COUNTRY.test(b.text));
      // A long paragraph may name a state by chance; one whose first sentence names a Land body ("Das Thüringer Ministerium … ruft … auf") does not.
      const landBody = mentioning.length > 0 && /ministerium|landesamt|landesregierung|staatskanzlei|freistaat|landesagentur/i.test(splitSentences(mentioning[0].text)[0] ?? '') && statesNamed(splitSentences(mentioning[0].text)[0] ?? '').length > 0;
      if (!nationwide && named.length >= 1 && named.length <= 2 && (mentioning[0].text.length <= 400 || landBody)) rules.push({ type: 'states', allowed: named, mentionedOnly: true, quote: mentioning[0].text });
    }
  }
  const districts = districtRule(blocks);
  if (districts) rules.push(districts);
  rules.push(...requirementRules(blocks));
  return rules;
}

/** "ist auf die Modellregionen Altmarkkreis Salzwedel, Landkreis Stendal und Burgenlandkreis beschränkt", "Gemeinden in den Landkreisen A und B". */
const DISTRICT_LIST = [
  /\bauf (?:die |den )?(?:Modellregionen|Modellkreise|Landkreise|Landkreisen|Kreise|Regionen)\s+(.{5,220}?)\s+(?:beschränkt|begrenzt)\b/u,
  // "Gemeinden und Märkte in den Landkreisen Cham, …, Wunsiedel i. Fichtelgebirge und Kronach mit …": a one-letter abbreviation ends no list.
  /\b(?:Gemeinden|Kommunen|Städte|Märkte)(?:(?:,\s*|\s+und\s+|\s+sowie\s+)(?:Gemeinden|Kommunen|Städte|Märkte|Verbandsgemeinden|Samtgemeinden|Einheitsgemeinden|Landgemeinden|Ortsgemeinden|Verwaltungsgemeinschaften|Ämter))*\s+(?:in|aus) den (Landkreisen|Kreisen)\s+(.{5,220}?)(?=(?<![\s(]\p{Ll})[.;:]|\s+(?:mit|sowie(?!\s+(?:im|in den|in dem)\s)|können|sind)\b)/u,
  // "Antragsberechtigt sind ausschließlich die kreisangehörigen Städte und Gemeinden des Landkreises Wettertal": one district's own.
  /\b(?:ausschließlich|nur)\b[^.]{0,60}?\b(?:Gemeinden|Kommunen|Städte|Märkte)\s+(?:des|im)\s+(?:Land)?[Kk]reis(?:es)?\s+(\p{Lu}[\p{L}-]+)/u,
  // "Antragsberechtigt sind die kreisangehörigen Städte, Märkte und Gemeinden des Landkreises Mellerau-Fichtach", "Melden können alle … im Landkreis Dornholt".
  /(?<![Nn]icht\s)\b(?:[Aa]ntragsberechtigt|[Tt]eilnahmeberechtigt|[Bb]ewerben können|[Mm]elden können|[Aa]ntrag stellen können)\b(?:(?!\b(?:sowie|auch|nicht|keine?)\b)[^.]){0,100}?\b(?:Gemeinden|Kommunen|Städte|Märkte|Samtgemeinden|Einheitsgemeinden)\s+(?:des|im)\s+(?:Land)?[Kk]reis(?:es)?\s+(\p{Lu}[\p{L}-]+)/u,
  // "kreisangehörige Städte und Gemeinden in den Regierungsbezirken Arnsberg und Münster".
  /\b(?:Gemeinden|Kommunen|Städte|Märkte)\b[^.]{0,40}?\s+(?:in|aus) den (Regierungsbezirken)\s+(.{3,160}?)(?=(?<![\s(]\p{Ll})[.;:]|\s+(?:mit|sowie|können|sind)\b)/u,
];
/** Patterns whose own words say the items are districts ("in den Landkreisen …", "in den Regierungsbezirken …"). */
const NAMED_AS_DISTRICTS = new Set([1, 2, 3, 4]);

/** "Sie gehört zu einem dieser Landkreise:" above a list of districts, one line per state. */
const DISTRICT_LIST_INTRO = /\b(gehört|gehören|liegt|liegen|ansässig sind|ansässig ist)\b.{0,25}\b(einem|einer|einen)\s+(dieser|der folgenden|folgender|folgenden)\s+(land)?kreise\w*\s*:?$/iu;

function districtRule(blocks: Block[]): Rule | undefined {
  for (const [i, b] of blocks.entries()) {
    if (DISTRICT_LIST_INTRO.test(b.text.trim())) {
      const lines: Block[] = [];
      // The items that name districts, up to the first that does not ("Sie hat mindestens 2.000 …").
      for (const x of blocks.slice(i + 1, i + 6)) {
        if (x.kind !== 'bullet' || !/kreis/i.test(x.text)) break;
        lines.push(x);
      }
      // Each line's districts, up to where the next item of the text begins ("… Landkreis Sömmerda Sie hat mindestens …").
      const items = lines
        .flatMap((x) => x.text.replace(/^[\p{L} -]{3,30}:\s*/u, '').split(/\s+(?=(?:Sie|Die|Der|Das|Es|Er|\d+\.)\s)/u)[0].split(/,\s*|\s+und\s+|\s+sowie\s+/))
        .map((x) => x.trim().replace(/[.;]$/, ''))
        .filter((x) => /^\p{Lu}/u.test(x));
      if (items.length >= 2 && items.some((x) => /kreis/i.test(x)) && items.every((x) => x.split(/\s+/).length <= 4)) {
        return { type: 'districts', allowed: items, quote: [b.text.replace(/^[•·▪\-–*\s\d.]+/, '').trim(), ...lines.map((x) => x.text.trim())].join(' ') };
      }
    }
  }
  for (const b of blocks) {
    for (const sentence of splitSentences(b.text)) {
      for (const [k, re] of DISTRICT_LIST.entries()) {
        const m = sentence.match(re);
        const list = m?.[m.length - 1];
        if (!list) continue;
        // "… Reutlingen, Tübingen und Esslingen sowie im Zollernalbkreis": the last one named with its own preposition.
        const items = list.split(/,\s*|\s+und\s+|\s+sowie\s+/).map((x) => x.trim().replace(/^(?:im|in den (?:Land)?kreisen|in dem)\s+/u, '')).filter((x) => /^\p{Lu}/u.test(x));
        // A list of districts: each item one, and at least one says it is a Kreis (or the sentence says they all are).
        if (items.length && (NAMED_AS_DISTRICTS.has(k) || items.some((x) => /kreis/i.test(x))) && items.every((x) => x.split(/\s+/).length <= 4)) {
          return { type: 'districts', allowed: items, quote: sentence.replace(/^[•·▪\-–*\s]+/, '').trim() };
        }
      }
    }
  }
  return undefined;
}

/** Those below a call's minimum size applying together ("Kleinere Gemeinden können sich nur gemeinsam … bewerben"). */
const JOINT_BELOW_MINIMUM = /\b(mindesteinwohnerzahl|mindestgröße|einwohnergrenze|mindestens \d[\d.]* einwohner)\b[^.]{0,80}\bnicht erreichen\b[^.]{0,60}\b(gemeinsam\w*|verbund\w*|zusammen)\b|\b(kleinere|kleine)\s+(gemeinden|kommunen|städte|orte)\b.{0,40}\b(nur|ausschließlich)\s+(gemeinsam|zusammen|im verbund)\b/i;

/** A fact row naming the area a call is for ("Fördergebiet: …"). */
const AREA_ROW = /^(fördergebiet|gebiet|programmgebiet|geltungsbereich|förderregion|region|bundesländer|länder)\s*:/i;

/** "Die Verwaltungsspitze muss die Bewerbung unterstützen": support of the administration's head. */
const LEADERSHIP = /(verwaltungsspitze|verwaltungsleitung|bürgermeister\w*|oberbürgermeister\w*|landrät\w*|landrat|hauptverwaltungsbeamt\w*|behördenleitung)\b.{0,80}\b(unterstütz\w*|mitgetragen|mitträgt|befürwort\w*)|(unterstützung|unterstützungsschreiben|befürwortung)\b.{0,40}\b(verwaltungsspitze|verwaltungsleitung|bürgermeister\w*|oberbürgermeister\w*|landrät\w*|landrat)/i;
/** "… eine verantwortliche Koordinationsperson benannt werden": a named person for the project. */
const CONTACT_PERSON = /(koordinationsperson|ansprechperson|koordinierende[nr]? person|projektverantwortliche|verantwortliche[nr]? person|projektleitung vor ort)\b.{0,80}\b(benannt|benennen|bestimmt)|\b(benennt|benennen|benannt|benennung)\b.{0,60}\b(koordinationsperson|ansprechperson|koordinierende[nr]? person|verantwortliche[nr]? person)/i;
/** A requirement, not a description ("muss", "Voraussetzung", "ist zu benennen"). */
const REQUIRED = /\b(muss|müssen|ist zu|sind zu|voraussetzung\w*|erforderlich|benötigt|verpflichte\w*)\b|benennt|benennung/i;

/** Conditions besides who applies, read from plain requirement sentences, each with its sentence. */
function requirementRules(blocks: Block[]): Rule[] {
  const out: Rule[] = [];
  let intro = '';
  for (const b of blocks) {
    if (b.kind === 'heading' || b.kind === 'question') {
      intro = '';
      continue;
    }
    const sentences = b.kind === 'bullet' ? [b.text.replace(/^[•·▪\-–*\s]+/, '').trim()] : splitSentences(b.text);
    for (const s of sentences) {
      const context = b.kind === 'bullet' ? `${intro} ${s}` : s;
      if (!REQUIRED.test(context)) continue;
      if (!out.some((r) => r.type === 'leadershipSupport') && LEADERSHIP.test(s)) out.push({ type: 'leadershipSupport', quote: s });
      if (!out.some((r) => r.type === 'contactPerson') && CONTACT_PERSON.test(s)) out.push({ type: 'contactPerson', quote: s });
    }
    if (b.kind !== 'bullet') intro = /:\s*$/.test(b.text) ? b.text : '';
  }
  return out;
}

const CONTACT_CUE = /kontakt|ansprechp|fragen|auskunft|servicestelle|beratung|hotline/i;
const SUBMISSION = /senden sie|einreich|bewerbung|unterlagen|bis zum|formular/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:telefon|tel\.?|fon|phone)\s*:?\s*(\+?\d[\d ()/-]{5,}\d)/i;
const PERSON = /^(?:(?:Frau|Herr|Dr\.|Prof\.)\s+)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?=\s*(,|$|›|>|\||·))/u;
/** "… beantwortet Jonas Brenner, Telefon …": two capitalised words right before the phone or e-mail. */
const NAME_BEFORE_PHONE = /(?<![\p{L}])(\p{Lu}\p{Ll}{1,12}(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}{1,14}(?:-\p{Lu}\p{Ll}+)?),\s*(?:Telefon\b|Tel\.|E-Mail\b|Mail\b|Fon\b)/gu;
const ORGANISATION_WORD = /agentur|amt|büro|stelle|ministerium|institut|stiftung|referat|verband|zentrum|kommune|landes|stadt|kreis|sachsen|bayern|hessen|gmbh|verwaltung|servicestelle|sekretariat|team|abteilung|programm/i;
const NAME_AFTER_COLON = /:\s+((?:(?:Dr|Prof)\.\s+)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)\s*,/gu;
/** "…, Herr Florian Aigner, Telefon …": a name in running text comes after Herr/Frau. */
const ADDRESSED = /\b(?:Herr|Frau)\s+((?:(?:Dr|Prof)\.\s+)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/u;

/** "… Ansprechperson: Malte Ostendorp Telefon: …": a name after its label inside lines run together. */
const NAME_AFTER_LABEL = /\b(?:[Aa]nsprechp\p{L}*|[Kk]ontaktperson|[Cc]ontact person)\s*:\s*((?:(?:Dr|Prof)\.\s+)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/u;

export interface DerivedContact {
  /** Absent for a contact the text gives only a phone number for. */
  email?: string;
  name?: string;
  phone?: string;
  quote: string;
}

/**
 * The contact of an uncurated call: the e-mail address of its contact section (a heading or
 * sentence about questions, with a name or phone nearby) rather than the address applications go
 * to; the quote is that section's lines up to the address.
 */
export function deriveContact(blocks: Block[]): DerivedContact | undefined {
  return deriveContacts(blocks)[0];
}

/**
 * Every contact of an uncurated call, the best first (see deriveContact): a call may name one
 * person for questions on its content and another for the procedure, each under its own label.
 */
export function deriveContacts(blocks: Block[]): DerivedContact[] {
  const candidates: { score: number; i: number; from: number }[] = [];
  blocks.forEach((b, i) => {
    if (!EMAIL.test(b.text)) return;
    let from = i;
    // Only an address card ("E-Mail: …" under a name and a phone line) takes the lines above it.
    // "Presseanfragen: Anne-Sophie Kühn, presse@…" names its matter itself: the lines above belong to someone else.
    const labelled = /^[^:@\d]{3,40}:\s*\S/.test(b.text) && !/^(e-?mail|mail|telefon|tel\.?|fax|telefax|internet|web|kontakt)\s*:/i.test(b.text);
    const card = !labelled && b.text.length <= 200 && !/[.!?]\s+\p{Lu}/u.test(b.text) && !/[.!?]$/.test(b.text.replace(EMAIL, ''));
    // The lines above belong to this card until another card's address.
    // A signature's name and office stand a few lines above ("Kerstin Hölzl / Integrationsbeauftragte / Landratsamt …"); its closing formula ends it.
    while (card && from > 0 && i - from < 7 && (blocks[from - 1].text.length <= 160 || addressLines(blocks[from - 1].text)) && !/[.!?]$/.test(blocks[from - 1].text.trim()) && !EMAIL.test(blocks[from - 1].text) && !/grüß|grüss|im auftrag|^i\.\s?a\./i.test(blocks[from - 1].text)) {
      from--;
      // "Fachliche Fragen zum Förderaufruf:" labels the card below it; what stands above is another matter.
      if (/:\s*$/.test(blocks[from].text)) break;
    }
    const window = blocks.slice(Math.max(0, from - 1), i + 1).map((x) => x.text).join(' ');
    const score = (CONTACT_CUE.test(window) ? 2 : 0) + (PHONE.test(window) ? 1 : 0) - (SUBMISSION.test(b.text) ? 2 : 0);
    candidates.push({ score, i, from });
  });
  // The best first (the earlier of equals); others only when they look like contacts too.
  const sorted = candidates.map((c, n) => ({ ...c, n })).sort((a, b) => b.score - a.score || a.n - b.n);
  const out: DerivedContact[] = [];
  for (const c of sorted) {
    if (out.length && (c.score < 1 || out.length >= 4)) continue;
    const contact = contactAt(blocks, c.i, c.from);
    if (!out.some((o) => o.email === contact.email)) out.push(contact);
  }
  // "Fachliche Fragen beantwortet … E-Mail a@…. Bei technischen Problemen … hilft der IT-Support unter b@…": each address of a paragraph, with its sentence.
  if (out.length) {
    for (const b of blocks) {
      if ((b.text.match(new RegExp(EMAIL.source, 'g')) ?? []).length < 2) continue;
      for (const sentence of splitSentences(b.text)) {
        const email = sentence.match(EMAIL)?.[0];
        if (!email || out.length >= 4 || out.some((o) => o.email === email) || SUBMISSION.test(sentence)) continue;
        out.push(contactAt([{ ...b, text: sentence }], 0, 0));
      }
    }
  }
  // "Fachliche Beratung zu …" / "Dragan Petković, Werkstatt …" / "Telefon 0711 …": a card of lines without an address.
  if (out.length) {
    for (const [i, b] of blocks.entries()) {
      const phone = b.text.match(/^(?:telefon|tel\.?|fon|phone)\s*:?\s*(\+?\d[\d ()/-]{5,}\d)\s*$/i)?.[1];
      const nameLine = i > 0 ? blocks[i - 1].text : '';
      const name = nameLine.match(PERSON)?.[0];
      if (!phone || !name || EMAIL.test(nameLine) || out.length >= 4 || out.some((o) => o.phone === phone.trim() || o.name === name)) continue;
      const label = i > 1 && blocks[i - 2].text.length <= 120 && !/[.!?@]|\d{3}/.test(blocks[i - 2].text) ? blocks[i - 2].text : undefined;
      out.push({ quote: [label, nameLine, b.text].filter(Boolean).join(' '), name, phone: phone.trim() });
    }
  }
  // "Fragen zum Verwendungsnachweis: Jonas Weidenbach, Telefon: 0261 …": a person with a phone number and no address of their own.
  if (out.length) {
    for (const [i, b] of blocks.entries()) {
      // Each person of a block: "Fachliche Fragen: Herr A, Tel. … Fragen zum Zuwendungsrecht: Frau B, Tel. …".
      for (const m of b.text.matchAll(NAME_BEFORE_PHONE)) {
        if (out.length >= 4 || ORGANISATION_WORD.test(m[1])) continue;
        const at = m.index ?? 0;
        // The name and the number only: a line break may have run the next sentence on.
        const rest = b.text.slice(at);
        const phone = rest.match(PHONE);
        if (!phone?.[1] || EMAIL.test(rest.slice(0, (phone.index ?? 0) + phone[0].length)) || out.some((o) => o.name === m[1] || o.phone === phone[1].trim())) continue;
        const before = b.text.slice(0, at);
        // What the person is for ("Fragen zum Mittelabruf …:"): the label right before the name, in this block or the line above.
        const label = before.match(/(?:^|[.!?]\s+|\S+@\S+\s+|\d\s+)([^.!?@:\d]{3,120}:)\s*$/)?.[1]?.trim();
        const prev = i > 0 ? blocks[i - 1].text : '';
        const purpose = label ?? (at === 0 ? prev.match(/(?:^|[.!?]\s+|\S+@\S+\s+)([^.!?@:]{3,120}:)\s*$/)?.[1]?.trim() : undefined);
        // From the label's person (or the block's start) to the end of the number.
        const line = b.text.slice(label ? at : 0, at + (phone.index ?? 0) + phone[0].length).trim();
        out.push({ quote: purpose ? `${purpose} ${line}` : line, name: m[1], phone: phone[1].trim() });
      }
    }
  }
  return out;
}

/** An address card's lines run together into one block ("Projektträger … GmbH Lindenstraße 240, 10969 Berlin Ansprechperson: … Telefon: …"). */
function addressLines(text: string): boolean {
  return text.length <= 300 && !/[.!?]$/.test(text.trim()) && /\b\d{5}\s+\p{Lu}/u.test(text) && /(ansprechp\p{L}*|kontakt\p{L}*|telefon|tel\.)\s*:/iu.test(text);
}

function contactAt(blocks: Block[], i: number, from: number): DerivedContact {
  // "E-Mail: hitzefit@… / Telefon: 06131 … (montags bis donnerstags 9 bis 15 Uhr)": the card's phone line may follow its address.
  const phoneAfter = from < i && blocks[i + 1] && blocks[i + 1].text.length <= 160 && /^(telefon|tel\.?|fon|phone)\s*:?\s*\+?\d/i.test(blocks[i + 1].text);
  const lines = blocks.slice(from, i + (phoneAfter ? 2 : 1)).map((x) => x.text);
  // A bare heading such as "Kontakt" opens the section but says nothing to quote.
  while (lines.length > 1 && /^(\d+\.\s*)?(kontakt|ihre ansprechpartner(in)?|ansprechpartner(in)?)$/i.test(lines[0].trim())) lines.shift();
  const email = blocks[i].text.match(EMAIL)![0];
  // "… E-Mail: via@… Fragen zum Verwendungsnachweis:": the label after the address introduces the next person.
  const joined = lines.join(' ').replace(/(\S+@\S+?)\s+[^.!?@:]{3,120}:\s*$/, '$1');
  let quote = joined;
  if (quote.length > 320 || lines.length === 1) quote = splitSentences(blocks[i].text).find((x) => x.includes(email)) ?? blocks[i].text;
  // When only the address's sentence is quoted, name and phone come from it, not from a neighbour's sentence.
  if (quote !== joined) lines.splice(0, lines.length, quote);
  const name =
    lines.map((l) => l.replace(/^[^\p{L}]+/u, '').replace(/^(ansprechpartner(in)?|ansprechperson|kontaktperson|contact person|contact)\s*:\s*/i, '').trim().match(PERSON)?.[0]).find((n) => n && !CONTACT_CUE.test(n) && !/^(ihre|unsere|e-mail|telefon)\b/i.test(n)) ??
    quote.match(ADDRESSED)?.[1] ??
    quote.match(NAME_AFTER_LABEL)?.[1] ??
    [...quote.matchAll(NAME_BEFORE_PHONE)].map((m) => m[1]).find((n) => !ORGANISATION_WORD.test(n)) ??
    // "Fragen … beantwortet die Landesstelle …: Merle Ostendorf, Referat …": a name right after the label's colon.
    [...quote.matchAll(NAME_AFTER_COLON)].map((m) => m[1]).find((n) => !ORGANISATION_WORD.test(n) && !CONTACT_CUE.test(n));
  const phone = lines.join(' ').match(PHONE)?.[1]?.trim();
  return { email, quote, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
}
