import { it } from 'vitest';
import { startBot } from '../support/startBot.js';

it('probe', async () => {
  const bot = await startBot();
  const u = `${bot.url}/api/messages`;
  const base = { type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' }, deliveryMode: 'expectReplies', text: 'hallo' };
  const show = async (name: string, init: RequestInit, url = u) => {
    const r = await fetch(url, init);
    const t = await r.text();
    console.log(name, r.status, JSON.stringify([...r.headers].filter(([k]) => !['date','connection','keep-alive'].includes(k))), t.slice(0, 300));
  };
  await show('big', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, text: 'x'.repeat(300_000) }) });
  await show('badjson', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
  await show('textplain', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(base) });
  await show('form', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'type=message&channelId=x' });
  await show('noct', { method: 'POST', body: new Blob([JSON.stringify(base)]) });
  await show('deep', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base).slice(0, -1) + ',"channelData":' + '['.repeat(60000) + ']'.repeat(60000) + '}' });
  await show('deepobj', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base).slice(0, -1) + ',"channelData":' + '{"a":'.repeat(40000) + '1' + '}'.repeat(40000) + '}' });
  await show('proto', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base).slice(0, -1) + ',"__proto__":{"x":1}}' });
  await show('array', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' });
  await show('null', { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'null' });
  await show('empty', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' });
  await show('404', { method: 'GET' }, `${bot.url}/nope`);
  await show('405', { method: 'GET' });
  await show('healthz', { method: 'GET' }, `${bot.url}/healthz`);
  await show('noconv', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, conversation: {} }) });
  await show('ok', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(base) });
  await show('evilsu', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, deliveryMode: undefined, serviceUrl: 'http://example.com/' }) });
  await show('unknown type', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, type: 'weird' }) });
  await show('options', { method: 'OPTIONS' });
  
  await show('badurl', { method: 'GET' }, `${bot.url}/%ZZ`);
  await bot.close();
});
