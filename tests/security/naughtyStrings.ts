/**
 * Hostile and odd inputs every message turn must survive: [name, text]. Sent as the `text` of a
 * real Bot Framework activity, so only what JSON can carry (a NUL is fine as \u0000).
 */
export const NAUGHTY_STRINGS: readonly (readonly [string, string])[] = [
  // Emptiness
  ['empty', ''],
  ['spaces', '     '],
  ['whitespace mix', ' \t\n\r\u00a0\u2003\u3000 '],
  ['only zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
  // Length
  ['20,000 characters', 'Förderung '.repeat(2000)],
  ['a 5,000-character word', 'x'.repeat(5000)],
  ['a 5,000-character German compound', 'Donaudampfschifffahrtsgesellschaftskapitän'.repeat(120)],
  ['many lines', 'Frist?\n'.repeat(1500)],
  // Control characters and encodings
  ['C0 control characters', Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + 'Frist'],
  ['DEL and C1 controls', 'Frist\u007f\u0080\u0085\u009f?'],
  ['NUL inside text', 'Wann ist die Frist\u0000 für KommA?'],
  ['only NUL', '\u0000'],
  ['lone surrogates', 'Frist \ud800 \udfff'],
  ['BOM and line separators', '\ufeffFrist\u2028KommA\u2029?'],
  ['combining characters (zalgo)', 'F̷̛̖r̸̢̛i̴̧͝s̵̢̛t̶̡̛?'.repeat(20)],
  // Direction and invisible tricks
  ['RTL text', 'مرحبا، متى الموعد النهائي؟'],
  ['RTL override', 'Frist \u202egnuredröF\u202c für KommA'],
  ['bidi isolates', '\u2066Frist\u2069 \u2067KommA\u2069'],
  ['zero-width inside words', 'Fr\u200bi\u200cs\u200dt KommA'],
  // Emoji
  ['emoji', '🙂🎉💶📅 Frist?'],
  ['emoji ZWJ sequences', '👩‍👩‍👧‍👦 👨🏽‍💻 🏳️‍🌈 🧑‍🤝‍🧑'],
  ['flags and keycaps', '🇩🇪🇪🇺 1️⃣#️⃣'],
  // Markup and injection
  ['HTML script', '<script>alert(1)</script>'],
  ['HTML attribute breakout', '"><img src=x onerror=alert(1)>'],
  ['SVG onload', '<svg/onload=alert(1)>'],
  ['iframe', '<iframe src="javascript:alert(1)"></iframe>'],
  ['HTML entities', '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img&#62;'],
  ['Teams at-mention markup', '<at>Förderlotse</at> <at>x</at><script>alert(1)</script>'],
  ['markdown javascript link', '[click](javascript:alert(1))'],
  ['markdown image', '![x](https://evil.example/track.png)'],
  ['markdown data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
  ['markdown heading and code', '# Frist\n```\n<script>alert(1)</script>\n```'],
  ['a question with an HTML payload', 'Bis wann läuft die Frist? "><img src=x onerror=alert(1)>'],
  ['a question with a javascript link', 'Wie lange läuft die Frist? [hier klicken](javascript:alert(1))'],
  ['SQL injection', "'; DROP TABLE bot_state; --"],
  ['SQL tautology', "' OR '1'='1' /*"],
  ['JSON', '{"type":"message","text":"hi"}'],
  ['prototype pollution JSON', '{"__proto__":{"x":1}}'],
  ['template and format strings', '${process.env} {{constructor.constructor("x")()}} %s%n%x %(x)s'],
  ['path traversal', '../../../../etc/passwd'],
  ['URL with credentials', 'http://user:pass@127.0.0.1:22/'],
  ['CRLF header injection', 'Frist\r\nSet-Cookie: x=1\r\n\r\n'],
  ['i18next interpolation', '{{length}} $t(welcome) {{- max}}'],
  ['regex bomb', 'a'.repeat(3000) + '!'],
  // Numbers and odd questions
  ['huge number', '9'.repeat(400) + ' Euro Förderung?'],
  ['negative and float', '-1e308 NaN Infinity 0x1F €'],
  ['mixed languages', 'Wann ist die deadline for KommA, bitte? 截止日期'],
];
