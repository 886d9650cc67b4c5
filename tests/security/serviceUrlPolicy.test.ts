import { describe, expect, it } from 'vitest';
import { isAllowedServiceUrl, isLoopback } from '../../src/server/serviceUrlPolicy.js';

const anonymous = (url: string, allowlist: string[] = []) => isAllowedServiceUrl(url, { authenticated: false, allowlist });
const authenticated = (url: string, allowlist: string[] = []) => isAllowedServiceUrl(url, { authenticated: true, allowlist });

describe('isAllowedServiceUrl', () => {
  it.each([
    'http://127.0.0.1:3978/', 'http://localhost:55000/', 'http://[::1]:9/', 'http://127.1/', 'http://2130706433/', 'http://[::ffff:127.0.0.1]/',
  ])('allows the loopback serviceUrl %s in Emulator mode', (url) => expect(anonymous(url)).toBe(true));

  it.each([
    ['a public host', 'https://example.com/'],
    ['0.0.0.0', 'http://0.0.0.0:3978/'],
    ['cloud metadata', 'http://169.254.169.254/latest/'],
    ['a private address', 'http://10.0.0.1/'],
    ['a Microsoft host (only with an app id)', 'https://smba.trafficmanager.net/emea/'],
    ['loopback with credentials', 'http://user:pw@127.0.0.1/'],
    ['a localhost look-alike', 'http://localhost.evil.example/'],
    ['a trailing-dot localhost', 'http://localhost./'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['garbage', 'not a url'],
  ])('refuses %s in Emulator mode', (_n, url) => expect(anonymous(url)).toBe(false));

  it.each([
    'https://smba.trafficmanager.net/emea/', 'https://smba.trafficmanager.net/de/', 'https://directline.botframework.com/', 'https://europe.webchat.botframework.com/',
    'https://smba.infra.gcc.teams.microsoft.com/', 'https://smba.infra.gov.teams.microsoft.us/',
  ])('allows Microsoft’s channel host %s with an app id', (url) => expect(authenticated(url)).toBe(true));

  it.each([
    ['any Traffic Manager name', 'https://evil.trafficmanager.net/'],
    ['a botframework look-alike', 'https://botframework.com.evil.example/'],
    ['a suffix without the dot', 'https://evilbotframework.com/'],
    ['Microsoft hosts over http', 'http://smba.trafficmanager.net/emea/'],
  ])('refuses %s even with an app id', (_n, url) => expect(authenticated(url)).toBe(false));

  it('matches allow-list entries by origin and path segment, not by string prefix', () => {
    const list = ['https://chat.example.org/bot', 'intranet.example:8443'];
    expect(anonymous('https://chat.example.org/bot/', list)).toBe(true);
    expect(anonymous('https://chat.example.org/bot/v3/conversations', list)).toBe(true);
    expect(anonymous('https://chat.example.org/bot', list)).toBe(true);
    expect(anonymous('https://chat.example.org/botnet/', list)).toBe(false);
    expect(anonymous('https://chat.example.org.evil.com/bot/', list)).toBe(false);
    expect(anonymous('http://chat.example.org/bot/', list)).toBe(false);
    expect(anonymous('https://chat.example.org:444/bot/', list)).toBe(false);
    expect(anonymous('https://intranet.example:8443/any', list)).toBe(true);
    expect(anonymous('https://intranet.example/any', list)).toBe(false);
  });

  it('ignores allow-list entries that are not URLs', () => {
    expect(anonymous('https://example.com/', ['', '   ', 'http://'])).toBe(false);
  });
});

describe('isLoopback', () => {
  it.each(['127.0.0.1', '127.9.9.9', '::1', '[::1]', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST'])('counts %s as loopback', (h) => expect(isLoopback(h)).toBe(true));
  it.each(['0.0.0.0', '192.0.2.2', '::', '::ffff:10.0.0.1', 'localhost.example', '128.0.0.1'])('does not count %s', (h) => expect(isLoopback(h)).toBe(false));
});
