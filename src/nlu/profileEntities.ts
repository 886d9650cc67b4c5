import { parseQuantity } from './numbers.js';

/** Kinds of applicant as users describe them; "stadt" is a town whose district status was not said. */
export type ProfileEntityType = 'landkreis' | 'kreisfreie_stadt' | 'kreisangehoerige_stadt' | 'gemeinde' | 'organisation' | 'stadt';

export interface ProfileFacts {
  entityType?: ProfileEntityType;
  state?: string;
  population?: number;
  /**
   * For a Gemeinde: whether it belongs to a Verbandsgemeinde, Amt, Samtgemeinde or
   * Verwaltungsgemeinschaft (true: "Ortsgemeinde", "amtsangehörige Gemeinde") or is one itself or
   * stands alone (false: "Verbandsgemeinde", "amtsfreie Gemeinde"); unset when the text does not say.
   */
  member?: boolean;
  /** The district the asker lies in ("im Landkreis Stendal", "im Burgenlandkreis"), as written. */
  district?: string;
}

/** Gemeinden that belong to an association, as users and calls name them ("verbandsfreie Gemeinden" do not). */
export const MEMBER_MUNICIPALITY = /ortsgemeinde|amtsangeh(?:ö|oe|o)rige?\w*\s+gemeinde|mitgliedsgemeinde|samtgemeindeangeh\w*|verbandsangeh(?:ö|oe|o)rige?\w*(?:\s+gemeinde)?|gemeinden?,?\s+die\s+(einer|einem)\s+(verwaltungsgemeinschaft|verbandsgemeinde|samtgemeinde|amt|gemeindeverwaltungsverband)\s+angehör\w*|member municipalit/i;
const STANDALONE_MUNICIPALITY = /verbandsgemeinde|samtgemeinde\b|\bvg\b|verbandsfreie?n? gemeinde|amtsfreie?n? gemeinde|einheitsgemeinde|\bamt\b|verwaltungsgemeinschaft/;

/** Whether a described Gemeinde belongs to an association of municipalities (see ProfileFacts.member). */
export function memberMunicipality(text: string): boolean | undefined {
  // "A Verwaltungsgemeinschaft with five member municipalities", "unsere VG mit ihren Mitgliedsgemeinden": the association's members, not the asker.
  const t = text.toLowerCase().replace(new RegExp(String.raw`\b(with|mit|für|for|of|their|its|ihre[nr]?|seine[nr]?|unsere[nr]?|alle[nr]?)\s+(?:[\p{L}\d]+\s+){0,2}(?:${MEMBER_MUNICIPALITY.source})\w*`, 'giu'), ' ');
  if (MEMBER_MUNICIPALITY.test(t)) return true;
  if (STANDALONE_MUNICIPALITY.test(t)) return false;
  return undefined;
}

export const STATES: { name: string; patterns: RegExp }[] = [
  { name: 'Baden-Württemberg', patterns: /baden[- ]?w(ü|ue|u)rttemberg|\bbw\b/ },
  { name: 'Bayern', patterns: /bayer(n|isch)|bavaria/ },
  { name: 'Berlin', patterns: /\bberlin/ },
  { name: 'Brandenburg', patterns: /brandenburg/ },
  { name: 'Bremen', patterns: /\bbrem(en|isch)/ },
  { name: 'Hamburg', patterns: /\bhamburg/ },
  { name: 'Hessen', patterns: /\bhess(en|isch\w*|e|ian)\b/ },
  { name: 'Mecklenburg-Vorpommern', patterns: /mecklenburg|vorpommern|\bmv\b/ },
  { name: 'Niedersachsen', patterns: /niedersachs|niedersächs|lower saxony/ },
  { name: 'Nordrhein-Westfalen', patterns: /nordrhein|\bnrw\b|north rhine/ },
  { name: 'Rheinland-Pfalz', patterns: /rheinland|pfälz|pfalz\b|rhineland/ },
  { name: 'Saarland', patterns: /saarland|saarländ/ },
  { name: 'Sachsen-Anhalt', patterns: /sachsen[- ]anhalt|saxony[- ]anhalt/ },
  { name: 'Sachsen', patterns: /\bsachsen\b|sächsisch|\bsaxony\b/ },
  { name: 'Schleswig-Holstein', patterns: /schleswig|holstein/ },
  { name: 'Thüringen', patterns: /th(ü|ue|u)ring/ },
];

const STATES_ALL = STATES.map((s) => ({ name: s.name, all: new RegExp(s.patterns.source, 'g') }));

/**
 * Every mention of a German state in a (lower-cased) text, in the list's order; a longer name's span
 * is not read again as a shorter one ("Sachsen-Anhalt" is not also "Sachsen").
 */
export function stateMentions(lowerText: string): { name: string; index: number }[] {
  return stateSpans(lowerText).map(({ name, index }) => ({ name, index }));
}

/** Each mention of a state, with where it stands and how long it is; a longer name is taken before the shorter inside it. */
function stateSpans(lowerText: string): { name: string; index: number; length: number }[] {
  let t = lowerText;
  const out: { name: string; index: number; length: number }[] = [];
  for (const s of STATES_ALL) {
    t = t.replace(s.all, (m, ...rest) => {
      out.push({ name: s.name, index: rest[rest.length - 2] as number, length: m.length });
      return ' '.repeat(m.length);
    });
  }
  return out;
}

/** The text with every mention of a state blanked out (same length), for reading what else it names. */
export function withoutStates(text: string): string {
  let out = text;
  for (const { index, length } of stateSpans(text.toLowerCase())) out = out.slice(0, index) + ' '.repeat(length) + out.slice(index + length);
  return out;
}

/** The German state named in a text (names, adjectives, English names), if any. */
export function extractState(text: string): string | undefined {
  const t = text.toLowerCase();
  // "Gemeinde in Thüringen … Dorfgespräche Sachsen": the state after "in"/"aus" is the applicant's;
  // else the first one named (a programme's name comes later in a question).
  let best: { name: string; index: number; placed: boolean } | undefined;
  for (const { name, index } of stateMentions(t)) {
    const placed = /\b(in|aus|im|from|in the state of)\s+$/.test(t.slice(Math.max(0, index - 20), index));
    if (!best || (placed && !best.placed) || (placed === best.placed && index < best.index)) best = { name, index, placed };
  }
  return best?.name;
}

/** The kind of applicant described in a text, if any. */
/** "Wir sind eine Stadt im Landkreis Cloppenburg": a town in a district belongs to it. */
const TOWN_IN_DISTRICT = /\b(stadt|kleinstadt|mittelstadt|städtchen)\s+(im|in dem|aus dem)\s+((land)?kreis\b|[\p{L}-]+-(land)?kreis\b)/u;

export function extractEntityType(text: string): ProfileEntityType | undefined {
  const lower = text.toLowerCase();
  // "… Pluspunkte, wenn örtliche Sportvereine den Ort mittragen?": a clause about others describes no asker.
  // "Ein Projekt nur bei uns in der Stadt": where a project takes place, not what the asker is.
  // "… mit dem Landkreis abgestimmt", "agreed with the district": a partner of the asker, not the asker.
  const own = lower.replace(/\b(mit|gegenüber|zum|durch)\s+(dem|den|einem|unserem|ihrem)\s+(land)?kreis(es)?\b|\b(with|by) the (district|county)\b/gu, ' ').replace(/,?\s*\b(wenn|falls|sofern|damit|dass|weil|obwohl)\b(?![^,.?!]*\b(wir|uns|unsere?\w*)\b)[^,.?!]*/g, ' ').replace(/\b(bei uns )?(in|innerhalb) (der|unserer|dieser) (stadt|gemeinde|kommune)\b(?!\s+(mit|in|im|aus)\b)/g, ' ');
  // "Der Landkreis … will mit fünf seiner kreisangehörigen Gemeinden antreten": its own Gemeinden are partners, not the asker.
  const withoutTheirs = own.replace(/\b(mit\s+)?(\S+\s+)?(seine[nr]?|ihre[nr]?)\s+(\S+\s+)?(kreisangehörigen\s+)?(gemeinden|städte|kommunen|mitgliedsgemeinden|ortsgemeinden)\b/g, ' ');
  // "Unsere amtsangehörige Gemeinde (Kreis Rendsburg-Eckernförde)": an aside in brackets says where, not what.
  // "eine Nachbarschaftshilfe, aber ohne Verein", "kein e. V.": what the asker is not.
  const outside = withoutTheirs.replace(/\([^)]*\)/g, ' ').replace(/\b(ohne|kein(en)?|nicht als)\s+(eigenen\s+|eingetragenen\s+)?(verein|e\.\s?v\.)/g, ' ');
  if (TOWN_IN_DISTRICT.test(outside) && !/kreisfrei/.test(outside)) return 'kreisangehoerige_stadt';
  // "Unsere Stadt im Main-Kinzig-Kreis", "Gemeinden im Landkreis Rotenburg": the district there says where, not what.
  // "im Salzlandkreis", "im Burgenlandkreis", "in the Harz district": the district's own name, in one word or in English.
  // "der Bücherbus des Landkreises hält bei uns": the district's, not the asker.
  const unplaced = outside.replace(/\b(im|in dem|in|aus dem|vom|beim)\s+((land)?kreis\s+[\p{L}-]+|[\p{L}-]+-(land)?kreis(es)?\b|\p{L}{3,}(land)?kreis(es)?\b)|\b(in|from) the [\p{L}-]+ (district|county)\b|\b(in|from) the (district|county) of [\p{L}-]+|\((land)?kreis [\p{L}-]+\)|\b(des|eines)\s+(land)?kreises\b|\b(der|einer)\s+stiftung\b|\b(des|eines)\s+(vereins|trägers)\b|\bof the (district|county)\b/gu, ' ');
  return (unplaced !== outside ? entityTypeIn(unplaced) : undefined) ?? (outside !== own ? entityTypeIn(outside) : undefined) ?? entityTypeIn(own);
}

function entityTypeIn(t: string): ProfileEntityType | undefined {
  if (/kreisfrei|independent cit(y|ies)|urban districts?|county[- ]level cit(y|ies)/.test(t)) return 'kreisfreie_stadt';
  if (/kreisangeh(ö|oe|o)rige?n? (gemeinde|kommune)/.test(t)) return 'gemeinde';
  // "a municipality belonging to a district", "a village within a county": a Gemeinde, not the district.
  if (/(municipalit(y|ies)|villages?|communit(y|ies)) (belonging to|within|in|that belongs? to|part of) (a|the|our|its) (district|county)/.test(t)) return 'gemeinde';
  if (/kreisangeh(ö|oe|o)rig|(towns?|cit(y|ies)) (belonging to|within|in|that belongs? to|part of) (a|the|our|its) (district|county)/.test(t)) return 'kreisangehoerige_stadt';
  // A town that is no kreisfreie Stadt by its very name: "amtsfreie Stadt", "Große Kreisstadt".
  // "a district town" is a Kreisstadt, the seat of a district, not the district.
  if (/amts(frei|angehörig)\w*\s+(stadt|städte)|gro(ß|ss)e\s+kreisstadt|\bkreisstadt\b|\bdistrict towns?\b/.test(t)) return 'kreisangehoerige_stadt';
  if (/\b(land)?kreis(es|verwaltung|tag)?\b|landkreis|\bdistricts?\b|\bcount(y|ies)\b|landrat|landrätin/.test(t)) return 'landkreis';
  // "Kirchengemeinde", "the parish": a church body, not the municipality.
  // "Gemeinde in Sachsen, Träger einer Grundschule": a role of the asker, not another kind of applicant.
  const role = /\b(gemeinde|stadt|kommune|landkreis|kreis)\b/.test(t) ? t.replace(/\b(träger|traeger)\s+(einer|eines|der|des|von|unserer|unseres)\s+\p{L}+/gu, ' ') : t;
  if (/\b(träger|traeger|organisation|organization|stiftung|ngo|associations?|ggmbh|gmbh|wohlfahrtsverband|initiative|charity|nonprofit|non-profit|club|parish|parishes|church|diocese)\b|verein\b|vereine?n?\b|kirchengemeinde|pfarrgemeinde|pfarrei|kirchenkreis|diakonie|caritas/.test(role) || /(^|[\s(])e\.\s?v\.?(?=$|[\s,;.)])/.test(t)) return 'organisation';
  // "Samtgemeinde", "Ortsgemeinde" — but not "Gemeindebibliothek" (a programme's name).
  if (/gemeinden?\b|\bgemeiden?\b|\bgemiende\b|\bgmeinde\b|\bdorf\b|\bvillages?\b|\bmunicipalit(y|ies)\b|\bmarkt\b|\bamt\b/.test(t)) return 'gemeinde';
  if (/\b(stadt|städtchen|kleinstadt|großstadt|grossstadt|mittelstadt|city|cities|towns?)\b/.test(t)) return 'stadt';
  return undefined;
}

const NUMBER = String.raw`(\d{1,3}(?:[.\s\u00a0]\d{3})+|\d+(?:[.,]\d+)?)(\s*(?:tsd\.?|tausend|k|mio\.?|millionen|thousand|million)(?![a-zäöü]))?`;
const PEOPLE = String.raw`(?:einwohner(?:innen)?(?:n)?|ew\b|bewohner(?:innen)?|menschen|leute|inhabitants|residents|people|citizens|b(?:ü|ue)rger(?:innen)?)`;

const COUNT_THEN_PEOPLE = new RegExp(`${NUMBER}\\s*${PEOPLE}`);
const PEOPLE_THEN_COUNT = new RegExp(`(?:einwohnerzahl|einwohner|population|inhabitants)\\s*(?:von|of|:|=|ca\\.?|rund|etwa|about|around|mit)?\\s*(?:ca\\.?|rund|etwa|about|around)?\\s*${NUMBER}`);

/** The population stated in a text ("8.000 Einwohner", "8 Tsd. EW", "achttausend Einwohner", "population of 8,000"). */
export function extractPopulation(text: string): number | undefined {
  const t = text.toLowerCase().replace(/(\d),(\d{3})\b/g, '$1.$2');
  const after = t.match(COUNT_THEN_PEOPLE);
  const before = t.match(PEOPLE_THEN_COUNT);
  const m = after ?? before;
  if (m) {
    const v = parseQuantity(`${m[1]}${m[2] ?? ''}`);
    if (v !== null && v > 0) return v;
  }
  // "über eine Million Einwohner", "more than a million inhabitants".
  if (/\b(eine|einer|a|one)\s+(million|mio\.?)\s+(einwohner|bewohner|menschen|inhabitants|residents|people)/.test(t)) return 1_000_000;
  const word = t.match(/\b([a-zäöü]*(?:tausend|hundert)[a-zäöü]*)\s+(?:einwohner|ew\b|bewohner|menschen|inhabitants|residents)/);
  if (word) {
    const v = parseQuantity(word[1]);
    if (v !== null) return v;
  }
  return undefined;
}

/** "Wir sind eine Gemeinde … mit unserem Heimatverein": the applicant is what the sentence says it is. */
const SELF_DESCRIPTION = /\b(?:wir sind|we are|als|as)\s+(?:(?:einer|einem|eine|ein|an|a|the)\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/iu;

/** Profile facts stated in a free-text message. */
export function extractProfileFacts(text: string): ProfileFacts {
  const facts: ProfileFacts = {};
  // "eine Gemeinde im Landkreis Mittelheide": what the asker is, without where it lies.
  const self = text.match(SELF_DESCRIPTION)?.[1]?.split(/\s+(?:im|in|aus|mit|vom|beim|bei|from|with)\b/i)[0];
  const type = (TOWN_IN_DISTRICT.test(text.toLowerCase()) && !/kreisfrei/i.test(text) ? 'kreisangehoerige_stadt' : undefined) || (self && extractEntityType(self)) || extractEntityType(text);
  if (type) facts.entityType = type;
  const member = type === 'gemeinde' ? memberMunicipality(self ?? text) : undefined;
  if (member !== undefined) facts.member = member;
  const state = extractState(text);
  if (state) facts.state = state;
  const population = extractPopulation(text);
  if (population !== undefined) facts.population = population;
  const district = extractDistrict(text);
  if (district) facts.district = district;
  return facts;
}

/** "im Landkreis Stendal", "im Burgenlandkreis", "(Landkreis Harz)", "in the Harz district", "in the district of Hof": the district named. */
export function extractDistrict(text: string): string | undefined {
  const m =
    text.match(/\b(?:im|aus dem|vom|beim|in dem|des)\s+(?:Land)?[Kk]reis(?:es)?\s+(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u) ??
    text.match(/\b(?:im|aus dem|vom|beim|in dem)\s+(\p{Lu}[\p{L}-]*?(?:land)?kreis(?:\s+\p{Lu}[\p{L}-]+)?)\b/u) ??
    text.match(/\((?:Land)?[Kk]reis\s+(\p{Lu}[\p{L}-]+)\)/u) ??
    text.match(/\b(?:in|from) the (\p{Lu}[\p{L}-]+) (?:district|county)\b/u) ??
    text.match(/\b(?:in|from) the (?:\p{Ll}+ )?(?:district|county) of (\p{Lu}[\p{L}-]+)/u) ??
    text.match(/\b(?:im|aus dem)\s+Regierungsbezirk\s+(\p{Lu}[\p{L}-]+)/u);
  const name = m?.[1]?.trim();
  // "im Landkreis " with its name taken out is no district's name.
  return name && !/^(land)?kreis(es)?$/i.test(name) ? name : undefined;
}

/** A district's name without "Landkreis"/"Kreis" and case, so "Landkreis Stendal" and "Stendal" match. */
export function districtKey(name: string): string {
  return name.toLowerCase().replace(/^(land)?kreis(es)?\s+/, '').replace(/\s+/g, ' ').trim();
}
