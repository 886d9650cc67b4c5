import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTeamsPackage } from '../../src/cli/teamsPackage.js';
import { classifyIntent } from '../../src/nlu/intents.js';
import { TeamsManifestError } from '../../src/teams/manifest.js';
import type { TeamsLocalization, TeamsManifest } from '../../src/teams/manifestSchema.js';
import { writeTeamsPackage } from '../../src/teams/teamsPackage.js';
import { loadManifestValidator } from './support/manifestValidator.js';
import { readPng } from './support/pngReader.js';
import { hasPython, pythonReadZip } from './support/pythonZip.js';
import { readZip, type ReadEntry } from './support/zipReader.js';

const APP_ID = '9f8c2a1e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';
const ACCENT = '#2b7a3d';
const ENTRIES = ['manifest.json', 'en-us.json', 'color.png', 'outline.png'];
const developer = {
  name: 'Stadt Musterstadt',
  websiteUrl: 'https://foerderlotse.musterstadt.de/',
  privacyUrl: 'https://www.musterstadt.de/datenschutz',
  termsOfUseUrl: 'https://www.musterstadt.de/nutzungsbedingungen',
};
const validator = loadManifestValidator();
const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

let dir: string;
let zipFile: string;
let entries: Map<string, ReadEntry>;
let manifest: TeamsManifest;
let english: TeamsLocalization;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  zipFile = join(dir, 'out', 'foerderlotse-teams.zip');
  writeTeamsPackage({ appId: APP_ID, version: '1.4.2', developer, accentColor: ACCENT, validDomains: ['foerderlotse.musterstadt.de'] }, zipFile);
  entries = new Map(readZip(readFileSync(zipFile)).map((e) => [e.name, e]));
  manifest = JSON.parse(entries.get('manifest.json')!.data.toString('utf8')) as TeamsManifest;
  english = JSON.parse(entries.get('en-us.json')!.data.toString('utf8')) as TeamsLocalization;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Teams app package', () => {
  it('holds exactly manifest.json, en-us.json, color.png and outline.png at the archive root', () => {
    expect([...entries.keys()].sort()).toEqual([...ENTRIES].sort());
    for (const e of entries.values()) expect(e.name).not.toContain('/');
  });

  it.skipIf(!hasPython)('reads back identically with Python zipfile, every CRC intact', () => {
    const listing = pythonReadZip(zipFile);
    expect(listing.bad).toBeNull();
    expect(listing.entries.map((e) => e.name).sort()).toEqual([...ENTRIES].sort());
    for (const e of listing.entries) expect(Buffer.from(e.data, 'base64').equals(entries.get(e.name)!.data)).toBe(true);
  });

  it(`has a manifest.json that passes ${validator.source}`, () => {
    expect(validator.manifest(manifest)).toEqual([]);
  });

  it(`has an en-us.json that passes ${validator.source}`, () => {
    expect(validator.localization(english)).toEqual([]);
  });

  it('uses a validator that does reject a broken manifest and localization', () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots![0], botId: 'foerderlotse-bot' }], shortName: 'x' };
    expect(validator.manifest(broken).join('\n')).toMatch(/botId|additional|unrecognized/i);
    expect(validator.manifest(broken).length).toBeGreaterThanOrEqual(2);
    expect(validator.localization({ ...english, 'bots[0].commandLists[0].commands[0].title': 'x'.repeat(33) })).not.toEqual([]);
  });

  it('registers the bot under the given MicrosoftAppId in personal, team and group chat scopes', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toHaveLength(1);
    const bot = manifest.bots![0];
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team', 'groupChat']));
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
    expect(bot.commandLists?.[0].scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
  });

  it('carries version, accent colour, developer links and valid domains from the options', () => {
    expect(manifest.manifestVersion).toBe('1.17');
    expect(manifest.version).toBe('1.4.2');
    expect(manifest.accentColor).toBe(ACCENT);
    expect(manifest.developer).toEqual(developer);
    expect(manifest.validDomains).toEqual(['foerderlotse.musterstadt.de']);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('speaks German by default and points to an English localization inside the package', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'de-de', additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }] });
    expect(manifest.name.short).toBe('Förderlotse');
    expect(manifest.name.full).toMatch(/Förderaufrufen für Kommunen/);
    expect(manifest.description.short).toMatch(/Förderaufrufen/);
    expect(manifest.description.full).toMatch(/Ausschreibung/);
    expect(manifest.bots![0].commandLists![0].commands.map((c) => c.title)).toEqual(
      expect.arrayContaining(['Förder-Check', 'Welche Programme gibt es?', 'Datenschutz', 'Meine Daten löschen']),
    );
    expect(english['name.short']).toBe('Förderlotse');
    expect(english['name.full']).toMatch(/funding call questions for municipalities/);
    expect(english['description.short']).toMatch(/funding calls/);
    expect(english['description.full']).toMatch(/municipal staff/);
  });

  it('translates every bot command into English', () => {
    const commands = manifest.bots![0].commandLists![0].commands;
    commands.forEach((c, j) => {
      const title = english[`bots[0].commandLists[0].commands[${j}].title`];
      expect(title, c.title).toBeTruthy();
      expect(title).not.toBe(c.title);
      expect(english[`bots[0].commandLists[0].commands[${j}].description`], c.title).toBeTruthy();
    });
    expect(english[`bots[0].commandLists[0].commands[${commands.length}].title`]).toBeUndefined();
  });

  // Teams sends a command's title as the message text, so the bot must understand it in both languages.
  const expectedIntents = ['profileCheck', 'listPrograms', 'privacy', 'deleteData', 'help'];
  it.each(expectedIntents.map((intent, j) => [j, intent] as const))('has command %i understood as %s in German and English', (j, intent) => {
    const german = manifest.bots![0].commandLists![0].commands[j].title;
    const englishTitle = english[`bots[0].commandLists[0].commands[${j}].title`];
    expect(classifyIntent(german).intent, german).toBe(intent);
    expect(classifyIntent(englishTitle).intent, englishTitle).toBe(intent);
  });

  it('has a 192×192 full-colour icon: white compass on the accent colour', () => {
    const png = readPng(entries.get('color.png')!.data);
    expect([png.width, png.height]).toEqual([192, 192]);
    const at = (x: number, y: number) => [...png.pixels.subarray((y * png.width + x) * png.channels, (y * png.width + x) * png.channels + 3)];
    expect(at(0, 0)).toEqual([0x2b, 0x7a, 0x3d]);
    expect(at(191, 191)).toEqual([0x2b, 0x7a, 0x3d]);
    // The ring's top edge sits 48 px above the centre, 10 px thick.
    expect(at(96, 96 - 44)).toEqual([255, 255, 255]);
    expect(at(96, 96 - 56)).toEqual([0x2b, 0x7a, 0x3d]);
  });

  it('has a 32×32 outline icon in white on transparent, with an alpha channel', () => {
    const png = readPng(entries.get('outline.png')!.data);
    expect([png.width, png.height, png.colorType, png.channels]).toEqual([32, 32, 6, 4]);
    const alphas = new Set<number>();
    for (let i = 0; i < png.pixels.length; i += 4) {
      expect([png.pixels[i], png.pixels[i + 1], png.pixels[i + 2]]).toEqual([255, 255, 255]);
      alphas.add(png.pixels[i + 3]);
    }
    expect(alphas.has(0)).toBe(true);
    expect(alphas.has(255)).toBe(true);
  });

  it('refuses an app id that is not a GUID, naming MicrosoftAppId, and writes nothing', () => {
    const out = join(dir, 'invalid', 'pkg.zip');
    expect(() => writeTeamsPackage({ appId: 'foerderlotse-bot', developer }, out)).toThrow(TeamsManifestError);
    expect(() => writeTeamsPackage({ appId: 'foerderlotse-bot', developer }, out)).toThrow(/MicrosoftAppId: .*GUID/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('npm run teams:package', () => {
  function run(argv: string[], env: Record<string, string | undefined>) {
    let stdout = '';
    let stderr = '';
    const code = runTeamsPackage(argv, env, { out: (t) => (stdout += t), err: (t) => (stderr += t), cwd: dir });
    return { code, stdout, stderr };
  }

  it('writes the package to --out and lists what it wrote', () => {
    const r = run(['--out', 'cli/teams.zip'], { MicrosoftAppId: APP_ID, PUBLIC_URL: 'https://foerderlotse.musterstadt.de', TEAMS_PRIVACY_URL: 'https://www.musterstadt.de/datenschutz', TEAMS_TERMS_URL: 'https://www.musterstadt.de/nutzung' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(join('cli', 'teams.zip'));
    for (const name of ENTRIES) expect(r.stdout).toContain(name);
    const files = new Map(readZip(readFileSync(join(dir, 'cli', 'teams.zip'))).map((e) => [e.name, e.data]));
    expect([...files.keys()].sort()).toEqual([...ENTRIES].sort());
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8')) as TeamsManifest;
    expect(validator.manifest(m)).toEqual([]);
    expect(m.bots![0].botId).toBe(APP_ID);
    expect(m.version).toBe(packageVersion);
    expect(m.accentColor).toBe('#0a5c8a');
    expect(m.validDomains).toEqual(['foerderlotse.musterstadt.de']);
    expect(m.developer).toEqual({
      name: 'Förderlotse',
      websiteUrl: 'https://foerderlotse.musterstadt.de/',
      privacyUrl: 'https://www.musterstadt.de/datenschutz',
      termsOfUseUrl: 'https://www.musterstadt.de/nutzung',
    });
  });

  it('takes TEAMS_APP_VERSION and WIDGET_ACCENT_COLOR, and warns when PUBLIC_URL is missing', () => {
    const r = run(['--out=cli/versioned.zip'], { MicrosoftAppId: APP_ID, TEAMS_APP_VERSION: '2.0.1', WIDGET_ACCENT_COLOR: '#aa0000', PUBLIC_URL: '' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Warnung: PUBLIC_URL ist nicht gesetzt/);
    const files = new Map(readZip(readFileSync(join(dir, 'cli', 'versioned.zip'))).map((e) => [e.name, e.data]));
    const m = JSON.parse(files.get('manifest.json')!.toString('utf8')) as TeamsManifest;
    expect(m.version).toBe('2.0.1');
    expect(m.accentColor).toBe('#aa0000');
    expect(m.developer.websiteUrl).toBe('https://example.org/');
    expect(m.validDomains).toEqual([]);
    const color = readPng(files.get('color.png')!);
    expect([...color.pixels.subarray(0, 3)]).toEqual([0xaa, 0, 0]);
  });

  it.each([
    ['MicrosoftAppId is missing', {}, /MicrosoftAppId: fehlt/],
    ['MicrosoftAppId is blank', { MicrosoftAppId: '  ' }, /MicrosoftAppId: fehlt/],
    ['MicrosoftAppId is not a GUID', { MicrosoftAppId: '1234' }, /MicrosoftAppId: muss .*GUID/],
    ['TEAMS_APP_VERSION is not major.minor.patch', { MicrosoftAppId: APP_ID, TEAMS_APP_VERSION: '1.0' }, /TEAMS_APP_VERSION: muss die Form Major\.Minor\.Patch/],
    ['WIDGET_ACCENT_COLOR is not #rrggbb', { MicrosoftAppId: APP_ID, WIDGET_ACCENT_COLOR: 'blue' }, /WIDGET_ACCENT_COLOR: muss eine Farbe wie #0a5c8a sein/],
    ['TEAMS_PRIVACY_URL is not https', { MicrosoftAppId: APP_ID, TEAMS_PRIVACY_URL: 'http://www.musterstadt.de/datenschutz' }, /TEAMS_PRIVACY_URL: muss eine https-Adresse sein/],
    ['PUBLIC_URL is not https', { MicrosoftAppId: APP_ID, PUBLIC_URL: 'http://foerderlotse.local' }, /PUBLIC_URL muss mit https:\/\/ beginnen/],
  ])('fails in German with exit code 1 and writes nothing when %s', (_case, env, message) => {
    const out = join(dir, 'cli', `failed-${Math.random().toString(36).slice(2)}.zip`);
    const r = run(['--out', out], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects unknown arguments with the usage text', () => {
    const r = run(['--outt', 'x.zip'], { MicrosoftAppId: APP_ID });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unbekanntes Argument "--outt"/);
    expect(r.stderr).toMatch(/Aufruf: npm run teams:package/);
  });
});
