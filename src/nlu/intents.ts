import { editDistance, words } from '../retrieval/textAnalysis.js';

export const INTENTS = [
  'cancel', 'handoff', 'deleteData', 'status', 'privacy', 'profileCheck', 'signature', 'anonymity', 'ownFunds', 'changes',
  'deadline', 'money', 'contact', 'eligibility', 'benefits', 'process', 'funder', 'about', 'listPrograms', 'greeting', 'thanks', 'help',
] as const;
export type Intent = (typeof INTENTS)[number] | 'unknown';

/** Intents answered from the call texts (as opposed to conversation control). */
export const FACTUAL_INTENTS = new Set<Intent>([
  'signature', 'anonymity', 'ownFunds', 'changes', 'deadline', 'money', 'contact', 'eligibility', 'benefits', 'process', 'funder', 'about',
]);

/** "Wer hat das Papier geschrieben?": who is behind a text, asked as its authors (answered from its byline). */
export const AUTHOR_QUESTION = /wer hat .{0,80}(geschrieben|verfasst|herausgegeben)|\bautor|verfasser|herausgeber|who (wrote|authored|published)|\bauthors?\b|written by/i;

/** A date the asker says they missed: "den Termin Ende September verschlafen", "we missed the October deadline". */
export const MISSED = /\b(verschlafen|verpasst|versäumt|verpennt|nicht geschafft|missed)\b/i;

const PATTERNS: Record<(typeof INTENTS)[number], RegExp[]> = {
  cancel: [/^\s*(abbrechen|abbruch|stopp?|beenden|cancel|quit|exit)\s*[.!]?\s*$/],
  handoff: [
    /(mensch|menschen|person|mitarbeiter\w*|projektleitung|projektleiter\w*|jemand\w*|berater\w*|ansprechpartner\w*|team)\b.{0,40}\b(?<!(englisch|deutsch|französisch|spanisch|arabisch|türkisch|russisch|ukrainisch|polnisch|gut|fließend|\w*sprache\w*)\s+)(sprechen|besprechen|reden|telefonieren|kontakt|verbinden)/,
    /\b(jemand|person|mitarbeiter\w*|projektleitung)\b.{0,60}\b(bei mir|bei uns|mich|uns)\b.{0,20}\b(meldet|melden|anruft|anrufen|kontaktiert|zurückruft)|rückruf|ruf(t)? mich .{0,20}an\b/,
    // "Bis wann muss die Kreisverwaltung die Anträge weitergeben?" asks about the procedure, not for a handoff.
    /^(?!.*\b(bis wann|wann (muss|müssen|soll|sollen|darf|dürfen)|frist\w*)\b)(?=.*\b(weiterleiten|weitergeben|weiterreichen|(leite|gib|geb|reich)\w*\b.{0,90}\bweiter|übergeben)\b)/,
    /\b(talk|speak|chat)\b.{0,20}\b(to|with)\b.{0,20}\b(a |an |the )?(human|person|someone|agent|project lead\w*|staff|team)/,
    /\b(forward|hand (it|this|my \w+) over|pass (it|this|my \w+) on|escalate)\b|\bpass (it|this|that|my|our)\b.{0,80}\bon to\b|\b(someone|somebody|a person)\b.{0,30}\b(gets?|get) back to (me|us)\b/,
  ],
  deleteData: [/(meine|alle|unsere)\s+daten\s+(löschen|entfernen)|lösch\w*\s+(meine|alle)\s+daten|delete (all )?my data|forget me/],
  status: [/\bstatus\b.{0,30}\b(anfrage|fall|request|case)|\b(anfrage|request)\b.{0,30}\bstatus\b|wurde meine anfrage|ist meine anfrage/],
  privacy: [/^\s*(datenschutz|privacy)\s*[?!.]?\s*$/, /\b(datenschutz\w*|privacy)\b|welche daten (speicher|sammel)|what data (do you )?(store|keep|collect)/],
  profileCheck: [/förder-?check|foerder-?check|funding check|prüfen,? ob wir uns|welche (ausschreibung|programme?|förderung)\w* (passt|passen)|which (calls|programmes|programs) (fit|suit)|profil (anlegen|ändern|zeigen|löschen)|mein profil|my profile/],
  signature: [/unterschr|unterzeichn|signatur|gegenzeichn|(gemeinde|stadt|kreistags|rats|gremien)beschluss|beschluss des (gemeinde|stadt)?rat|council (resolution|decision|approval)|resolution of the council|\bsign(ed|ature|ing|s)?\b(?!\s*-?\s*up\b)|\b(signd|singed|sigend|signe)\b|formlose? (e-?mail|mail)|per (e-?)?mail (reicht|genügt)/],
  anonymity: [/\bnicht\b.{0,10}\b(in|im|auf)\b.{0,50}\b(auftauchen|erscheinen|genannt werden|stehen|vorkommen)\b|(?<![a-zäöüß])(öffentlich|irgendwo|im internet|online)\s+(\S+\s+){0,2}(auftaucht|auftauchen|erscheint|erscheinen|genannt wird|genannt werden)\b|\bput\b.{0,60}\bon the (internet|web|website)\b|\b(macht|machen|gibt|geben)\b.{0,60}\bbekannt\b.{0,40}\b(welche|wer|ob|dass)\b|\bbekannt\b.{0,20}\b(welche|wer)\b.{0,60}\b(gefördert|ausgewählt|teilnehmen|mitmachen)\b|anonym|öffentlichkeit|ohne (unseren |den )?namen|ohne dass .{0,40}\b(name|namen|ortsname)\b.{0,30}(öffentlich|genannt|veröffentlicht|bekannt)|\bnamen? .{0,20}öffentlich (wird|werden)|namentlich|ungenannt|nennung|ortsname|öffentlich (bekannt|genannt|gemacht)|publik|veröffentlich|^\s*(wird|werden|ist|sind)\b.{0,60}\b(bekannt gemacht|bekanntgemacht|bekannt gegeben|bekanntgegeben)|publish|publicly|\bpublications?\b|without (appearing|being (named|listed|mentioned|shown))|\bnamed\b|\b(made|be|become|becomes|being) public\b|geheim|vertraulich|confidential|ohne dass? .{0,40}\b(erfährt|erfahren|weiß|wissen|mitbekommt|mitbekommen)\b|without (anyone|anybody|people|the public) (knowing|finding out)|ohne (dass wir |dass unsere? \w+ )?(auf|in|im) .{0,40}\b(zu )?(erscheinen|auftauchen|aufzutauchen|aufgeführt|genannt)|öffentlich\b.{0,40}\b(genannt|erwähnt|aufgeführt|bekannt)|nicht öffentlich\b.{0,60}\b(auftauchen|erscheinen|genannt|stehen|sichtbar|auftreten|vorkommen)\b|\s(im internet|im netz|online|auf der (website|webseite|homepage|internetseite))\b.{0,60}\b(auftauch\w*|erschein\w*|genannt|steh\w*)\b|\b(steht|stehen|erscheint|erscheinen|taucht|tauchen|auftaucht|auftauchen)\b.{0,40}\s(öffentlich|im netz|im internet|online|auf der (website|webseite|homepage|internetseite))\b/],
  ownFunds: [/\b(trägt|tragen|zahlt|zahlen|bringt|bringen)\b.{0,30}\b(die kommune|die gemeinde|die stadt|wir)?\s*(selbst|selber)\b|haushaltsmittel (einplanen|bereitstellen|einsetzen)|\bunser(en)? (anteil|beitrag)\b|(selbst|selber) (tragen|aufbringen|übernehmen)|eigenmittel|eigenanteil|eigenbeitrag|eigenbeteiligung|eigenleistung|eigene\w* (mittel|gelder|geld|finanzmittel|haushaltsmittel)|(selbst|selber) (finanzieren|tragen|aufbringen)|mittel dritter|drittmittel|kofinanz|co-?financ|own (funds|contribution|money)|kostenfrei|kostenlos|kostet (die|eine) teilnahme|teilnahme (kostet|kosten)|(etwas|was|selbst|selber) (bezahlen|zahlen|zuzahlen|beisteuern|beitragen|dazugeben)|müssen wir .{0,30}(bezahlen|zahlen)|free of charge|cost us|cost anything|costs? (us|anything)|have to pay|pay anything/],
  changes: [
    // "Können wir nach Fristende noch die Maßnahme ändern?", "After the deadline has passed, can we still raise the amount?": a change after the deadline, not the deadline.
    /\bnach (dem )?(fristende|fristablauf|ablauf der frist|ablauf des stichtags|dem stichtag|einsendeschluss|antragsschluss|bewerbungsschluss|ende der frist)\b.{0,140}(?<![a-zäöüß])(ändern|abändern|korrigieren|ergänzen|erhöhen|austauschen|nachbessern|überarbeiten)\b|(?<![a-zäöüß])(ändern|abändern|korrigieren|ergänzen|erhöhen|austauschen|nachbessern|überarbeiten)\b.{0,60}\bnach (dem )?(fristende|fristablauf|ablauf der frist|einsendeschluss|antragsschluss|bewerbungsschluss|ende der frist)\b|\bafter the (\S+ ){0,2}deadline\b.{0,80}\b(change|amend|revise|raise|increase|correct|update|edit)\b|\b(change|amend|revise|revised|raise|increase|correct|update|edit)\b.{0,80}\bafter the (\S+ ){0,2}deadline\b/,/\b(spotted|noticed|found|discovered|made)\b.{0,20}\b(an? )?(error|mistake|typo)s?\b|\b(can|could|may) (we|i) (still )?(correct|change|amend|fix|update|edit|replace)\b|\bwrong (phone|telephone|number|address|e-?mail|name|figure|amount|information|data)\b.{0,40}\b(submitted|sent|uploaded|in it|form|application)|\b(correct|change|amend|fix|update|edit)\b.{0,40}\bafter\b.{0,30}\b(submit|submitting|submission|upload|uploading|sending)/,
    /(?<![a-zäöüß])(ab|ver)?änder(n|t|ung)\w*.{0,40}(einreich|bewerbung|antrag|angabe)|\bkorrektur\w*\b.{0,40}\b(melden|mitteilen|schicken|nachreichen|einreichen)|\b(melden|mitteilen)\b.{0,40}\bkorrektur|\b(hat|haben)\b.{0,40}\b(stelle|job|arbeitgeber|abteilung|zuständigkeit)\w*\s+gewechselt|fehler (entdeckt|gefunden|bemerkt|gemacht)|noch (etwas|was) (ändern|ergänzen|korrigieren|nachreichen)|(das|die|den|es|sie|ihn|etwas|angaben|unterlagen|skizze|bewerbung|antrag)\b.{0,30}\bnoch (ändern|ergänzen|korrigieren|nachreichen|nachbessern|austauschen|überarbeiten)|nach (ablauf|ende) der (frist|einreichungsfrist|bewerbungsfrist)\b.{0,40}(ändern|ergänz|korrigier|nachreich|überarbeit)|(geschickt|verschickt|gesendet|versandt|eingereicht|abgeschickt|abgegeben)\w*.{0,60}(ändern|ergänz|korrigier|nachreich|austausch)|nach (dem antrag|der antragstellung|der bewilligung|der einreichung|dem einreichen|der interessenbekundung|der bewerbung)\b.{0,80}((?<=^|[^a-zäöüß]|(?<![a-zäöüß])(?:ge|ab|ver|um))änder|wechsel|austausch|tausch|ersetz)|(?<=^|[^a-zäöüß]|(?<![a-zäöüß])(?:ge|ab|ver|um))änder\w*.{0,60}nach (der bewilligung|dem antrag|der einreichung)|nachträglich|nach der einreichung|nach dem (abschicken|absenden|einreichen|versand)|nachdem (wir |ich |sie )?.{0,40}(eingereicht|abgeschickt|abgegeben|gestellt|versandt)|(abgeschickt|eingereicht|abgegeben)\w*.{0,60}(korrigier|ersetz|ergänz|wechsel)|korrigieren|nachbessern|(einreich|bewerbung|antrag)\w*.{0,40}(?<=^|[^a-zäöüß]|(?<![a-zäöüß])(?:ge|ab|ver|um))änder|\bchange\w*\b.{0,40}\b(after|application|submitted)|after submi/],
  deadline: [
    // "Is it fine if we submit the application on 28 February at 9 pm?": whether a planned day is in time.
    /\bis it (fine|ok|okay|alright|all right|in time|enough|still in time|acceptable) if (we|i)\b.{0,140}\b(submit|send|hand in|upload|apply)\b|\b(submit|send|hand in|upload)\b.{0,140}\b(is that|would that be|will that be) (fine|ok|okay|in time|enough)\b/,
    // "Wir wollen den Antrag Ende Januar abschicken, reicht das?": whether a planned day is in time.
    // "Den Termin Ende September haben wir verschlafen. Ist … damit für uns gelaufen?": a missed date, and whether there is another.
    new RegExp(String.raw`^(?!.*\b(webinar\w*|info\w*veranstaltung\w*|veranstaltung\w*|sitzung\w*|aufzeichnung\w*|termin (beim|bei der|mit)\b)).*(\b(termin|frist|stichtag|deadline|runde)\w*\b.{0,60}${MISSED.source}|${MISSED.source}.{0,60}\b(gelaufen|vorbei|erledigt|chance|möglichkeit|noch)\b)`),
    /\b(abschicken|abschicke|einreichen|abgeben|einsenden|hochladen|absenden|verschicken)\b.{0,40}\b(reicht|genügt|klappt|passt) (das|es)\b|\b(reicht|genügt) (es|das),? wenn (wir|ich|man)\b.{0,80}\b(abschicken|einreichen|abgeben|einsenden|hochladen|absenden|verschicken)\b|\b(is|would) (that|it) (be )?(in time|early enough|ok|okay|enough)\b.{0,5}$/,
    /bis wa?nn?\b|wann (endet|läuft|ist|muss|müssen|kann|können|sollte|spätestens)|\b(?!(?:lang|kurz|mittel|unbe|be)frist)\w*frist\w*|deadline|stichtag|\b(?!\w*(?:beschluss|abschluss|ausschluss|anschluss|zusammenschluss))\w*schluss\b|abgabetermin|einsendetermin|until when|by when|by what date|(what|which) (is the )?(date|day)\b|due( date)?\b|wie lange (kann|konnte|können|konnten|darf|durfte) man sich|closing date|last (day|date)|when (is|does|do|must|can|should|could|will)\b|how long (can|do|may|will) (we|i|you|one)\b|noch (bewerben|einreichen)|noch\b(?!\s+(einmal|mal|kein\w*|nicht)\b).{0,90}\b(bewerben|einreichen|teilnehmen|mitmachen|abgeben|einsenden|anmelden|beantragen)\b|\bnoch\b(?!\s+(einmal|mal|kein\w*|nicht)\b).{0,60}\bantr(a|ä)g\w*\b.{0,80}\bstellen\b|still (apply|submit)|\b(antragstellung|bewerbung|einreichung|teilnahme)\b.{0,40}\bnoch\s+(möglich|drin|machbar)\b|\b(closed|closes|ended|ends|expired|expires)\s+on\s+(the\s+)?\d|spät dran|\bspät\b.{0,60}\bnoch\b|^(?=.*(runde|frist|bewerb|mitmach|teilnehm|einreich|antr)).*\b(geht|klappt) (das|es) (jetzt |denn |überhaupt )?noch\b|\bstill\b.{0,30}\b(apply|submit|send|send in|send an application|hand in|upload|register|take part|join|sign up|enrol|enroll)\b|zu spät|too late|läuft .{0,20}noch|^\s*läuft (die|der|das) ([^\s]+ ){0,2}(bewerbung|ausschreibung|aufruf|antragsphase|bewerbungsphase|frist|einreichung|programm|förderaufruf|wettbewerb)\b.{0,90}\bnoch\b|noch offen|still open|\b(schon|bereits|inzwischen) (vorbei|abgelaufen|zu ende|beendet|geschlossen|zu)\b|noch (bewerbungen|anträge|anmeldungen|interessenbekundungen)\b|bewerbungsphase|bewerbungszeitraum|antragszeitraum|einreichungszeitraum|uhrzeit|bis wie ?viel uhr|what time|(nimmt|nehmen|nimmst) .{0,60}\b(bewerbungen|anträge|anmeldungen|unterlagen) .{0,30}\ban\b|(still|currently|now) (accepting|taking|open for) (applications|submissions|proposals)|annahmeschluss|\bzeitlich\b.{0,20}\b(noch|passt|reicht|klappt|schaffen)\b|\b(passt|reicht|klappt)\b.{0,20}\bzeitlich\b|\b(nächsten|kommenden) (monat|woche)\b.{0,60}\b(abschick\w*|einreich\w*|bewerben|abgeben|schicken)|\b(am|bis zum|zum)\s+\d{1,2}\.\s*(\d{1,2}\.|januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember)\b.{0,60}\b(einreich\w*|eingereicht|hochlad\w*|hochgeladen|abschick\w*|abgeschickt|abgeb\w*|abgegeben|schicken|geschickt|bewerben|einsend\w*|versandt|gesendet)|\b(application|submission)s? (window|period|phase)\b|(?:^|[.!?,;:]\s*|\b(?:and|so|but|und|aber|also|okay|ok)\s+)when\b.{0,30}\b(close|closed|closes|ended|ends)\b|bis zu(m)? welche[mnr]? (datum|tag|termin|zeitpunkt|stichtag)|welches (datum|enddatum)|\bspätestens\b.{0,80}\b(eingegangen|eingehen|einreichen|eingereicht|vorliegen|abgeben|abgegeben)\b|\b(is|has) (it|the \w+) (over|closed|ended|passed)\b/,
  ],
  money: [/welche[nrs]? (fest|förder)?(betrag|pauschale|zuschuss|summe)\b|wie ?viel (geld )?(gibt es|gibts|bekomm|erhält|erhalt|zahlt)|wie ?(viel|hoch) (ist )?(das |die )?(maximale |höchste )?(geld|förderung|fördersumme|zuschuss|zuwendung|förderquote|euro)|förderquote|fördersatz|fördersätze|förderanteil|zuschussquote|zuschusssatz|\bmaximal\b.{0,25}\b(förderung|zuschuss|fördergeld|zuwendung)|höchstförderung|höchstbetrag|maximalbetrag|wie hoch ist die förderung|fördersumme|fördermittel|förderhöhe|förderbetrag|\bsumme\b|\bbetrag\b|\beuro\b|€|zuschuss|\bbudget|finanziell|\bgeld\b|how much|amount|\bgrants?\b|money|funding (amount|level)|pauschale|sachkosten|höhe der förderung|wie ?viel kohle|\bwas (zahlt|bezahlt|erstattet|übernimmt)\b|welche[nrs]? (anteil|prozentsatz)|wie ?viel prozent|wie hoch ist der (anteil|prozentsatz)|what (share|percentage|proportion)|how many percent|preisgeld|prize money|\bzu gewinnen\b|\bgewinnen (wir|kann man|können wir)\b|\bwhat can (we|you|one) win\b|^(?!.*(einwohner|bevölkerung|alter|größe)).*(?<!einwohner|bevölkerungs|größen|alters)(ober|höchst)grenze|\b(upper limit|cap) (on|for) (the )?(grant|funding|amount)|wie ?(viel|hoch) (ist )?(das )?[a-zäöüß]*(geld|summe|dotiert)\b|\bdotiert|\bprizes?\b.{0,40}\b(worth|euro|€)/],
  contact: [
    /\bwho (can|could|will|would) help\b|\bwho helps\b|\bwho(m)? (can|could|should|do|shall) (i|we) (call|phone|ring|contact|ask|write to|email|e-mail)\b|\bwer (kann|könnte) (uns|mir) helfen|\bwer hilft (uns|mir)\b/,
    // "wen kan ich bei komma wegen frgen anschreiben": typed in a hurry.
    /\bwen\b.{0,40}\b(anschreiben|anrufen|kontaktieren|ansprechen|erreichen|fragen|frgen|fargen)\b|\bwen (kan|kann|könnte|soll|sollen)\b/,
    // "Mit wem kann ich vorab über unsere Projektidee sprechen?", "who can we talk to".
    /\bmit wem\b.{0,80}\b(sprechen|reden|besprechen|abstimmen|klären|telefonieren)\b|\bwho (can|could|should) (i|we) (talk|speak) to\b/,
    /\bproject (leads?|leaders?|managers?|coordinators?)\b|\bwho (are|is) (the )?(contact|lead|leads|leader|leaders|manager|coordinator)s?\b|an wen|bei wem\b|(fragen|rückfragen)\b.{0,30}\b(loswerden|richten|klären)\b|wohin (wende|schicke|sende|richte|kann)|wer (leitet|betreut|koordiniert|beantwortet|berät|berat)|\bprojektleit\w*|who (leads|runs|manages|answers)|ansprechp\w*|\bzuständig|rückfragen|wen (rufe|erreiche)|\b(rufe|ruft|rufen|ruf) .{0,40}\ban\b|anrufen|telefonnummer|erreiche ich|kontakt\w*|e-?mail|telefon|wen (kann|soll|frage)|\bwen\b.{0,40}\b(fragen|ansprechen|anrufen|kontaktieren)\b|mit fragen|fragen (wende|richte)|who (do|should|can) (i|we) (contact|ask|send|write)|contact|get in touch|email address|where (do|should|can) (i|we) send|schicke ich|sende ich|schicken wir|senden wir/,
  ],
  eligibility: [
    // "Kann eine Gemeinde mitmachen?" – but "Darf eine Gemeinde von Vereinen eine Gebühr verlangen?" asks what it may do, not whether it may apply.
    /^\s*(darf|dürfen|kann|können)\s+(ne|eine|unsere|die|der|ein|das)?\s*(\p{L}+\s+){0,2}(gemeinde|gemeide|stadt|kommune|landkreis|kreis|verein|amt)\b(?=.*(bewerb|teilnehm|mitmach|beantrag|antrag|dabei|förder|berechtigt|einreich|anmeld|beteilig|mitwirk|profitier)|(?:\s+\S+){0,6}\s*\??\s*$)/u,
    /(?<!\p{L})(wären|wäre|sind|ist|wird|werden)\s+(wir|sie|unsere? \p{L}+)\s+(\p{L}+\s+){0,4}dabei (gewesen|sein)(?!\p{L})/u,
    // "stadt in hessen 23.500 ew, mitfahrbank bewerbung möglich?": a size told, then whether applying is possible.
    /\d[\d.]*\s*(ew|einwohner\p{L}*)(?!\p{L}).{0,80}(?<!\p{L})(bewerbung|antrag|teilnahme|mitmachen)(?!\p{L}).{0,20}(?<!\p{L})(möglich|drin|ok)(?!\p{L})/u,
    // "Hätte uns das WIR-Programm bei einer Integrationsstrategie gefördert?": whether the asker would have been funded.
    /(?<!\p{L})(hätte|hätten|würde|würden|wird|könnte|könnten)\s+(uns|unsere?\s+\p{L}+)(?!\p{L}).{0,60}(?<!\p{L})(gefördert|fördern)(?!\p{L})/u,
    // "3.400 Einwohner … Haben wir überhaupt eine Chance?", "Do we stand a chance?": whether applying is worth it at all.
    /(?<!\p{L})(haben|hätten) (wir|unsere? \p{L}+) (\p{L}+ ){0,5}(überhaupt )?(eine |keine )?chance(?!\p{L})|\bstand a chance\b|\b(do|would) we have a chance\b/u,
    // "2.600 Einwohner – reicht das für Spielinsel?", "Erreichen wir die Mindestgröße?": whether the size fits.
    /(?<!\p{L})(reicht|genügt) (das|es)( \p{L}+)? für(?!\p{L})|mindestgröße|mindesteinwohnerzahl|einwohnergrenze|größengrenze/u,
    /aimed at|target group|who is (it|this|the \w+) for|who (is|are) eligible|\b(wer|welche \w+) (kann|darf|können|dürfen|ist)\b.{0,40}(bewerb|teilnehm|antrag|beantrag|mitmach|berechtigt)/,
    /etwas für uns|offen für|\bfür\b.{0,40}\boffen\b|\bauch für\b.{0,20}\b(kommunen|landkreise|städte|gemeinden|vereine|träger|organisationen)|\b(geht|klappt|funktioniert)\b.{0,60}\b(für uns|bei uns|für unsere)\b|(^|[.!?]\s+)(gilt|galt|gelten|galten)\b.{0,60}\b(für uns|auch für|bei uns)\b|mitbringen|erfüllen|antragsberechtigt|teilnahmeberechtigt|bewerbungsberechtigt|\bberechtigt|in frage|infrage|in betracht|als (bewerber|antragsteller)\w* zugelassen|\bzugelassen\b.{0,30}\b(bewerb|antrag|teilnahme)|für uns (geeignet|passend)|passt .{0,40}(für uns|zu uns)|\bpasst\b|zielgruppe|richtet sich|voraussetzung|fördervoraussetzung|förderfähig|fördern lassen|gefördert werden/,
    /eligib|el+[ei]g[ai]b|eligab|\b(could|would|might)\b.{0,60}\bhave (applied|taken part|participated|joined)\b|who (can|may|is allowed to) (apply|take part|participate)|\bcan\b.{0,50}\b(apply|take part|participate)\b|can (we|i|a|an|our|cities|districts|counties|towns|municipalities|associations|organisations|organizations|villages)\b.{0,40}\b(apply|take part|participate|join)|may (we|i)\b.{0,20}\bapply|qualif|requirements?|are \w+ (eligible|allowed)|does .{0,40} (fit|suit)|open to|could (we|i|a|an|our)\b.{0,30}\b(have )?appl(y|ied)|would (we|i|our \w+) (have )?(qualif|been? eligible)|(have|has) to commit|commit (to|ourselves)|team up|join forces|\b(was|is|would|will) (that|this|it) (have been |be )?(possible|allowed)\b|could the \w+.{0,40}\b(have )?appl(y|ied)/,
    /(dürfen|darf|kann|können|könnten|dürften)\b.{0,100}\b(bewerben|teilnehmen|beantragen|mitmachen|antrag stellen|beteiligen)/,
    /\bschließt\b.{0,40}\baus\b|\b(sind|ist) (wir|man|das) .{0,20}ausgeschlossen\?/,
    /(dürfen|darf|kann|können|könnten|dürften)\b.{0,60}\b(antrag|anträge|skizze|interessenbekundung)\b.{0,60}\b(stellen|einreichen)\b/,
    /(bewerben|teilnehmen|mitmachen|beantragen|beteiligen)\b.{0,30}\b(dürfen|können|darf|kann)/,
    /\bnur (kommunen|landkreise|städte|gemeinden|vereine|träger)|auch (kommunen|landkreise|städte|gemeinden|vereine|träger|kreisfreie|kreisangehörige)/,
  ],
  benefits: [/\bwas (stellt|stellen|bietet|bieten)\b.{0,60}\b(zur verfügung|bereit|an)\b|\b(days?|hours?) of (free )?(consulting|advice|support|coaching|counselling|counseling)|unterstützung (erhalten|bekommen|gibt)|welche unterstützung|(andere|weitere|zusätzliche|sonstige)\s+(\S+\s+)?unterstützung|\bgibt es\b.{0,40}\bunterstützung|non-?monetary|was (genau |eigentlich |denn |konkret )?(bekommt|bekommen|kriegt|kriegen|erhält|erhalten|bringt|bietet)\b|leistungen|mehrwert|angebote?\b|beratungstage|begleitung|\bbenefit|what (exactly )?(do|does|will) .{0,40}(get|receive|offer)|what support|which support|\bsupport (do|does|is|will)\b|(any|other|additional|further|non-financial) (support|help)|besides (the )?money|außer (dem )?geld|neben (dem )?geld|vorteil|what else (do|does|will|would|can|could) .{0,50}\b(provide|offer|give|get|receive|include)|(andere|weitere|zusätzliche|sonstige) hilfe/],
  process: [
    // "Was muss dem Antrag beigefügt werden?", "What do we have to attach?": the enclosures.
    /(?<!\p{L})(beigefügt|beifügen|beizufügen|beilegen|beigelegt|beiliegen|anhängen|anzuhängen|mitschicken|mitsenden|attach|attached|enclose|enclosed|enclosures?|supporting documents)(?!\p{L})/u,
    // "Bei welcher Stelle mussten die Anträge eingereicht werden?": where to hand in.
    /\b(bei|an) welche[rnms]? (stelle|behörde|adresse|institution|einrichtung)\b.{0,80}\b(eingereicht|einreichen|einzureichen|geschickt|schicken|senden|gesendet|abgeben|abgegeben)\b/,
    /\bwhere\b.{0,60}\b(hand in|handed in|submit|submitted|send|sent|file|filed)\b|\bhow (is|was|are|were|will) (it|they|we|the \w+|municipalities|applications|applicants|towns)? ?(be )?(decided|selected|chosen)|\bselection (process|procedure)\b|wo (muss|kann|soll|sollen|müssen|können) (ich|wir|man) .{0,40}(abgeben|einreichen|hinschicken|schicken|senden)|wie (bewerbe|bewirbt|bewerben|beantrag|läuft|funktioniert|reiche|reichen|melde)|ablauf|verfahren|einreich|bewerbungsformular|formular|antrag stellen|how (do|can|should) (i|we|one) (apply|submit|register)|how to (apply|submit)|application process|procedure|wo (bewerbe|reiche|beantrage)|where .{0,20}(submit|apply)|nächste schritte|next steps|was (muss|gehört|kommt|soll) (alles )?in (den|die|das|unseren|unsere) (antrag|bewerbung|steckbrief|skizze)|welche (unterlagen|dokumente|anlagen|nachweise)|(antrags|bewerbungs)unterlagen|beizufügen|what (documents|do we (need to|have to) (submit|include))|erste[nr]? schritt|als erstes?\b|was (müssen|muss|sollen|soll) (wir|ich|man) (jetzt |nun |zuerst )?tun|first step|what (do|should) (we|i) do first|wie werden? (ich|man|wir|eine kommune)\b.{0,30}\b(modellkommune|teilnehmer\w*|pilot\w*)|how (do|can) (we|i) become/],
  funder: [/aus wessen (mitteln|geld|topf|haushalt|budget|etat)|welche[sr]? (ressort|ministerium|bundesministerium|landesministerium|behörde)\b.{0,30}\b(stellt|gibt|zahlt|bezahlt|finanziert|fördert|trägt)|(aus welche[mn]|von welche[mn]) (ressort|ministerium|haushalt|budget|topf)\b|wessen (mittel|gelder)\b|\bwer hat\b.{0,80}\b(angestoßen|initiiert|ins leben gerufen)\b|\bwer hat\b.{0,80}\b(finanziert|gefördert|bezahlt|beauftragt|initiiert)\b|von wem (wurde|wird|ist)\b.{0,80}\b(finanziert|gefördert|bezahlt)\b|wer (fördert|finanziert|steckt|führt|setzt|veranstaltet|organisiert|betreut|richtet .{0,30}aus|ist (der |die )?(veranstalter|ausrichter|initiator|auslober|träger))|veranstalter\b|ausrichter\b|auslober\b|wer steht (da)?hinter|geldgeber|fördergeber|fördermittelgeber|finanziert (von|durch)|who (funds|finances|runs|organi[sz]es|is behind)|\b(is|are|was|were|be|been|being|it|programme|program|call)\s+([\w-]+\s+){0,3}funded by|^funded by|\bwho\b.{0,40}\bfunded\b|umgesetzt|durchgeführt|träger des (projekts|programms)|wer (hat|hatte) .{0,60}(initiiert|ins leben gerufen)|\binitiator|who (initiated|launched|started|funded|financed|sponsored|pays|paid)|which \w+ (initiated|launched|funded|financed)|wer (be)?zahlt|von wem (kommt|stammt) (das )?geld|woher (kommt|stammt) (das )?geld|aus wessen (topf|mitteln|haushalt|kasse)|wessen (geld|mittel)/, AUTHOR_QUESTION],
  about: [/^was (ist|macht|bietet)\b|worum geht|um was geht|erklär|überblick|^what is\b|^what's\b|tell me about|\bwas (macht|will|soll) (das|die|der)\b|ziel(e|setzung)? (des|der|von)|\bziele?\b/],
  listPrograms: [/welche (programme|ausschreibungen|förderprogramme|aufrufe|calls|förderungen|angebote) (gibt|kennst|hast|sind)|(alle|liste der|übersicht der) (programme|ausschreibungen)|which (programmes|programs|calls)|list (of )?(the )?(programmes|programs|calls)|was (kennst|weißt) du|what (calls|programmes|programs) (do you|are)/],
  greeting: [/^\s*(hallo|hi|hey|huhu|guten (morgen|tag|abend)|moin\w*|servus|grüß gott|grüezi|hello|good (morning|afternoon|evening)|greetings)\b/],
  thanks: [/^\s*(danke|vielen dank|merci|thanks|thank you|super,? danke)\b/],
  help: [/^\s*(hilfe|help|\?+|was kannst du|wie funktionierst du|what can you do|how does this work)\s*[?!.]?\s*$/],
};

/** Sending the application by a channel: "die Bewerbung per E-Mail schicken", "submit by email". */
/** When someone can be reached by phone: "Zu welchen Zeiten ist … telefonisch erreichbar?", "office hours". */
export const CONTACT_TIMES = /\b(wann|zu welchen (uhr)?zeiten|um wie viel uhr)\b.{0,80}\b(erreichbar|erreiche|erreichen|anrufen|anruft|telefonisch)\b|\b(anrufen|telefonisch|erreichbar|call|phone|ring|reach)\b.{0,60}\b(zu welchen (uhr)?zeiten|um wie viel uhr|(at )?what times?|(at )?which times?|what hours)\b|\bwhen (can|could|should|may) (i|we|one) (call|phone|ring|reach)\b|\bwhen (is|are) .{0,60}\b(available|reachable) by (phone|telephone)\b|sprechzeit|telefonzeit|servicezeit|office hours|phone hours|opening hours|calling hours/;
const SUBMIT_BY = /\b(is|are|would|will)\s+(an?\s+|the\s+)?(\w+\s+)?(e-?mail|fax|scan|copy)\b.{0,20}\b(enough|sufficient|suffice|ok|okay|fine|acceptable)\b|\b(e-?mail|fax|letter|post)\b.{0,20}\b(enough|sufficient|suffice|ok|okay|fine|acceptable)\b.{0,30}\b(submit|send|apply|hand in)|(bewerbung|antrag|anträge|unterlagen|skizze|formular)\w*\b.{0,60}\bper (e-?mail|mail|post|fax)\b|\bper (e-?mail|mail|post|fax)\b.{0,40}\b(einreichen|schicken|senden|abgeben|übermitteln)|\b(submit|submitted|send|sent|hand in|handed in|file|filed)\b.{0,50}\b(by|via) (e-?mail|post|mail|fax)\b|\b(application|proposal|form)\b.{0,60}\binstead of (using )?the (online )?(form|portal)\b/;

/** Keywords matched with typo tolerance (one or two edits), mapped to their intent. */
const FUZZY_KEYWORDS: [string, Intent][] = [
  ['bewerbungsfrist', 'deadline'], ['bewerbungsschluss', 'deadline'], ['einsendeschluss', 'deadline'], ['antragsfrist', 'deadline'],
  ['deadline', 'deadline'], ['stichtag', 'deadline'], ['frist', 'deadline'],
  ['unterschrift', 'signature'], ['unterschreiben', 'signature'], ['signature', 'signature'],
  ['anonym', 'anonymity'], ['anonymous', 'anonymity'], ['anonymität', 'anonymity'],
  ['fördersumme', 'money'], ['förderhöhe', 'money'], ['fördermittel', 'money'], ['förderquote', 'money'], ['zuschuss', 'money'], ['höchstbetrag', 'money'],
  ['eigenmittel', 'ownFunds'], ['eigenanteil', 'ownFunds'],
  ['ansprechpartner', 'contact'], ['ansprechperson', 'contact'], ['kontakt', 'contact'],
  ['voraussetzungen', 'eligibility'], ['antragsberechtigt', 'eligibility'], ['teilnahmebedingungen', 'eligibility'],
];

/** Money set aside in a question ("außer dem Zuschuss", "apart from the grant"). */
const BESIDES_MONEY = /\b(außer|neben|abgesehen von|zusätzlich zu[mr]?|apart from|besides|other than|in addition to|aside from|on top of)\s+(dem|der|den|des|the|a)?\s*(finanziellen\s+|financial\s+)?(zuschuss|geld|förderung|fördergeld|förderbetrag|pauschale|sachkostenpauschale|zuwendung|festbetrag|money|grant|funding|lump sum|cash)\b,?/g;

/** Words near a keyword that are words of their own. */
const NOT_A_TYPO = new Set(['first', 'fristen', 'kontext', 'konkret', 'anonyme']);

/** Intents a general word gives ("wie viel", "was ist"), which a misspelt specific keyword overrides. */
const VAGUE = new Set<Intent>(['money', 'benefits', 'about', 'process']);

export interface IntentResult {
  intent: Intent;
  /** All intents that matched, strongest first. */
  all: Intent[];
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A way of communicating named as a medium: "per Brief und Telefon", "über Telefon oder App", "by phone". */
const MEDIUM = /(?<![\p{L}])(per|über|via|by|am|mit)\s+(brief|post|e-?mail|telefon|phone|fax|app|video)(\s+(und|oder|and|or)\s+(brief|post|e-?mail|telefon|phone|fax|app|video))*(?![\p{L}])/gu;

/** Being fundable, said of an applicant ("Ist unsere Gemeinde förderfähig?") or of a thing ("Ist ein Mähgerät förderfähig?"). */
const FUNDABLE = /förderfähig\p{L}*|gefördert werden|fördern lassen|(?<!\p{L})(eligible|fundable)(?!\p{L})/gu;
/**
 * Who applies, named in a question: then being fundable is about them. "Gemeindevertreter" and "Gemeindestraße" are no
 * applicant, "Gemeinden" and "Gemeindeverwaltung" are.
 */
export const APPLICANT_SUBJECT = /(?<!\p{L})(wir|uns|unser\p{L}*|ich|gemeinde(n|verwaltung)?|stadt|städte|kommune\p{L}*|landkreis\p{L}*|kreis|kreise|verein\p{L}*|träger\p{L}*|organisation\p{L}*|amt|ämter|verband|verbände|verbandsgemeinde\p{L}*|markt|märkte|dorf|dörfer|ortsgemeinde\p{L}*|samtgemeinde\p{L}*|we|us|our|municipalit\p{L}*|towns?|city|cities|districts?|county|counties|associations?|organi[sz]ations?|applicants?)(?!\p{L})/u;
/** An applicant asked about as acting on its own: "Kann unser Landkreis selbst …", "Can a district apply directly …". */
const APPLYING_ITSELF = /(?<!\p{L})(kann|können|darf|dürfen)\s+(unser\p{L}*|ein\p{L}*|der|die|das)?\s*(\p{L}+\s+){0,2}(gemeinde|stadt|kommune|landkreis|kreis|verein|amt|verband)\p{L}*\s+(selbst|direkt|eigenständig|allein)(?!\p{L})|\b(can|may) (a|an|our|the) (\w+ )?(municipality|town|city|district|county|association) (itself |directly |on its own )/u;

/** Classifies a message by patterns (German and English) with typo-tolerant keywords. */
export function classifyIntent(text: string): IntentResult {
  // "Welche Begleitung außer dem Zuschuss …?", "Apart from the grant, what help …?": the money set aside is not what is asked.
  const t = normalize(text).replace(BESIDES_MONEY, ' ');
  const matched = new Set<Intent>();
  for (const intent of INTENTS) if (PATTERNS[intent].some((re) => re.test(t))) matched.add(intent);
  // What else there is besides the money is what one gets ("Welche Workshops … bekommen wir neben dem Geld?").
  if (matched.size === 0 && t !== normalize(text)) matched.add('benefits');
  // "Mähgerät für den Bauhof förderfähig?": a thing that may be funded, not who may apply; the passage on what is funded answers.
  const withoutFundable = t.replace(FUNDABLE, ' ');
  // "Unser Schuldach muss verstärkt werden. Ist das förderfähig?": who is the subject is said in the question sentence itself.
  if (matched.has('eligibility') && withoutFundable !== t && !APPLICANT_SUBJECT.test(lastQuestion(t) ?? t) && !PATTERNS.eligibility.some((re) => re.test(withoutFundable))) matched.delete('eligibility');
  // "Begegnungen per Brief und Telefon statt per App": a medium of the project, not a request for a contact.
  const withoutMedia = t.replace(MEDIUM, ' ');
  // "Whom do I send questions to by e-mail?" still asks for someone.
  if (matched.has('contact') && withoutMedia !== t && !/\b(whom|who|wen|wem|wer)\b/.test(t) && !PATTERNS.contact.some((re) => re.test(withoutMedia))) matched.delete('contact');
  // Typo tolerance is for questions no pattern recognised precisely; one recognised as a specific kind is not re-read
  // ("eigenantiel wieviel" is about the own contribution, which "wieviel" alone would not say).
  const vague = [...matched].every((i) => VAGUE.has(i));
  for (const w of vague ? words(t) : []) {
    // Real words one or two edits from a keyword are not typos of it ("first" is not "frist").
    if (w.length < 5 || NOT_A_TYPO.has(w)) continue;
    for (const [kw, intent] of FUZZY_KEYWORDS) {
      if (matched.has(intent)) continue;
      const max = kw.length >= 9 ? 2 : 1;
      // "foerderhoehe" is "förderhöhe" typed without umlauts.
      const typed = w.replace(/ae/g, 'ä').replace(/oe/g, 'ö').replace(/ue/g, 'ü');
      if ([w, typed].some((x) => Math.abs(x.length - kw.length) <= max && editDistance(x, kw, max) <= max)) matched.add(intent);
    }
  }
  let all = INTENTS.filter((i) => matched.has(i)) as Intent[];
  // "Wie beantragen wir Geld?" asks how to apply, though it names money.
  if (matched.has('process') && /^\s*wie (beantrag|bewerb|reich|meld|stell)/.test(t)) all = ['process', ...all.filter((i) => i !== 'process')];
  // "Können wir die Bewerbung per E-Mail schicken?" asks how to submit, not whom to write to.
  if (SUBMIT_BY.test(t) && !/unterschr|unterzeichn|signatur|sign/.test(t) && !/\b(questions?|fragen|rückfragen|whom|wen)\b/.test(t)) all = ['process', ...all.filter((i) => i !== 'process')];
  // "Bis wann muss das unterschriebene Formular vorliegen?", "By when must the signed original arrive?": a date asked, for the signed paper.
  if (matched.has('deadline') && matched.has('signature') && /^\s*(und\s+|and\s+)?(bis wann|by when|until when)\b.*\b(unterschriebene\w*|unterzeichnete\w*|signed)\b/.test(lastQuestion(t) ?? t)) all = ['deadline', ...all.filter((i) => i !== 'deadline')];
  // "Wann kann ich beim Programmbüro anrufen?", "At what times can I phone …?": when someone can be reached, not a deadline.
  if (CONTACT_TIMES.test(t)) all = ['contact', ...all.filter((i) => i !== 'contact')];
  // "Ich hätte gern jemanden am Telefon, der mir … erklärt. Welche Nummer?": a number to call, whatever else is said.
  if (/\b(welche|unter welcher) (telefon|handy|ruf)?nummer\b|\bwhat (phone |telephone )?number\b|\bam telefon\b.{0,80}\bnummer\b/.test(t)) all = ['contact', ...all.filter((i) => i !== 'contact')];
  // "Besides money, do they get any other support?", "Was gibt es außer Geld?": the support, not the money.
  if (matched.has('benefits') && /besides (the )?money|außer (dem )?geld|neben (dem )?geld|other support|non-financial|what else/.test(t)) all = ['benefits', ...all.filter((i) => i !== 'benefits')];
  // "Wer bezahlt das Projekt – von wem kommt das Geld?" asks who funds it, though it names money.
  if (matched.has('funder') && /\bwer (be)?zahlt|von wem|woher (kommt|stammt)|aus wessen|wessen (geld|mittel|budget)|welche[sr]? (ressort|ministerium)|aus welche[mn] (ressort|ministerium|haushalt|budget|topf)|who (funds|funded|pays|paid|finances|financed)/.test(t)) all = ['funder', ...all.filter((i) => i !== 'funder')];
  // "Kann unser Landkreis selbst Fördermittel bekommen?": whether that applicant may apply itself, though it names money.
  if (matched.has('eligibility') && APPLYING_ITSELF.test(t)) all = ['eligibility', ...all.filter((i) => i !== 'eligibility')];
  // "In den Metadaten steht „status: published“. Heißt das, die Bewerbung läuft noch?": what the question sentence asks comes first.
  const asked = lastQuestion(t);
  // "Passt das?", "Stimmt das?" only confirm what came before: too short to tell the kind.
  if (asked && asked !== t && asked.split(/\s+/).length >= 4) {
    // "… And is an e-mail enough?": handing in by e-mail, as in the whole text.
    const first = all.filter((i) => i !== 'unknown' && (PATTERNS[i].some((re: RegExp) => re.test(asked)) || (i === 'process' && SUBMIT_BY.test(asked))));
    // "… hat sich geändert. Was müssen wir tun?": a vague question sentence leaves the kind to what comes before it.
    if (first.includes('process') && SUBMIT_BY.test(asked)) first.sort((a, b) => (a === 'process' ? -1 : b === 'process' ? 1 : 0));
    if (first.some((i) => !VAGUE.has(i))) all = [...first, ...all.filter((i) => !first.includes(i))];
  }
  return { intent: all[0] ?? 'unknown', all };
}

/** The last sentence that ends with a question mark, when the text has more than one sentence. */
function lastQuestion(t: string): string | undefined {
  const sentences = t.split(/(?<=[^\d\s][.!?])\s+/).filter((x) => x.trim());
  return sentences.length > 1 ? [...sentences].reverse().find((x) => /\?\s*$/.test(x)) : undefined;
}
