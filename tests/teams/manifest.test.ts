import { describe, expect, it } from 'vitest';
import { buildEnglishLocalization, buildManifest, TeamsManifestError, type ManifestOptions } from '../../src/teams/manifest.js';

const APP_ID = '0d8f6c9e-1a2b-4c3d-9e8f-7a6b5c4d3e2f';
const developer = {
  name: 'Stadt Musterstadt',
  websiteUrl: 'https://foerderlotse.musterstadt.de/',
  privacyUrl: 'https://www.musterstadt.de/datenschutz',
  termsOfUseUrl: 'https://www.musterstadt.de/nutzungsbedingungen',
};
const valid: ManifestOptions = { appId: APP_ID, developer };

function issuesOf(opts: ManifestOptions): TeamsManifestError {
  try {
    buildManifest(opts);
  } catch (err) {
    if (err instanceof TeamsManifestError) return err;
    throw err;
  }
  throw new Error('buildManifest accepted invalid options');
}

describe('buildManifest', () => {
  it('fills defaults: name Förderlotse, version 1.0.0, accent #0a5c8a, no extra domains', () => {
    const m = buildManifest(valid);
    expect(m.name.short).toBe('Förderlotse');
    expect(m.version).toBe('1.0.0');
    expect(m.accentColor).toBe('#0a5c8a');
    expect(m.validDomains).toEqual([]);
  });

  it('is deterministic, so a rebuilt package replaces the installed app instead of adding a second one', () => {
    expect(buildManifest(valid)).toEqual(buildManifest(valid));
    expect(buildManifest(valid).id).toBe(APP_ID);
  });

  it('puts a custom bot name into the short and full names of both languages', () => {
    const opts = { ...valid, botName: 'Fördernavi Kreis Lippe' };
    const m = buildManifest(opts);
    const en = buildEnglishLocalization(opts);
    expect(m.name).toEqual({ short: 'Fördernavi Kreis Lippe', full: 'Fördernavi Kreis Lippe – Fragen zu Förderaufrufen für Kommunen' });
    expect(en['name.short']).toBe('Fördernavi Kreis Lippe');
    expect(en['name.full']).toMatch(/^Fördernavi Kreis Lippe – /);
  });

  it('de-duplicates valid domains case-insensitively', () => {
    expect(buildManifest({ ...valid, validDomains: ['Foerderlotse.Musterstadt.de', 'foerderlotse.musterstadt.de', '*.musterstadt.de'] }).validDomains).toEqual([
      'foerderlotse.musterstadt.de',
      '*.musterstadt.de',
    ]);
  });

  it.each([
    ['an empty string', ''],
    ['a bot handle', 'foerderlotse-bot'],
    ['a GUID without dashes', '0d8f6c9e1a2b4c3d9e8f7a6b5c4d3e2f'],
    ['a GUID in braces', `{${APP_ID}}`],
    ['a GUID with a non-hex digit', '0d8f6c9e-1a2b-4c3d-9e8f-7a6b5c4d3e2g'],
    ['a GUID with a trailing newline inside', `${APP_ID}\nx`],
  ])('rejects %s as app id with an error naming MicrosoftAppId', (_case, appId) => {
    const err = issuesOf({ ...valid, appId });
    expect(err.issues.map((i) => i.field)).toEqual(['MicrosoftAppId']);
    expect(err.message).toMatch(/^Teams-Manifest kann nicht erstellt werden:\n {2}MicrosoftAppId: muss .*GUID/);
  });

  it('accepts an app id with surrounding whitespace (as pasted from the Azure portal)', () => {
    expect(buildManifest({ ...valid, appId: ` ${APP_ID}\n` }).bots![0].botId).toBe(APP_ID);
  });

  it.each<[string, Partial<ManifestOptions>, string]>([
    ['a two-part version', { version: '1.0' }, 'TEAMS_APP_VERSION'],
    ['a pre-release version', { version: '1.0.0-beta.1' }, 'TEAMS_APP_VERSION'],
    ['a named accent colour', { accentColor: 'blue' }, 'WIDGET_ACCENT_COLOR'],
    ['a short-hand accent colour', { accentColor: '#06c' }, 'WIDGET_ACCENT_COLOR'],
    ['an http privacy link', { developer: { ...developer, privacyUrl: 'http://www.musterstadt.de/datenschutz' } }, 'developer.privacyUrl'],
    ['a relative terms link', { developer: { ...developer, termsOfUseUrl: '/nutzungsbedingungen' } }, 'developer.termsOfUseUrl'],
    ['a developer name over 32 characters', { developer: { ...developer, name: 'Kreisverwaltung des Landkreises Musterhausen' } }, 'developer.name'],
    ['a bot name over 30 characters', { botName: 'Förderlotse der Stadt Musterhausen' }, 'botName'],
    ['a valid domain with scheme', { validDomains: ['https://foerderlotse.musterstadt.de'] }, 'validDomains.0'],
    ['17 valid domains', { validDomains: Array.from({ length: 17 }, (_, i) => `d${i}.musterstadt.de`) }, 'validDomains'],
  ])('rejects %s, naming the field', (_case, patch, field) => {
    expect(issuesOf({ ...valid, ...patch }).issues.map((i) => i.field)).toContain(field);
  });

  it('reports every problem at once', () => {
    const err = issuesOf({ appId: 'x', version: '1', accentColor: 'red', developer: { ...developer, websiteUrl: 'ftp://x' } });
    expect(err.issues.map((i) => i.field).sort()).toEqual(['MicrosoftAppId', 'TEAMS_APP_VERSION', 'WIDGET_ACCENT_COLOR', 'developer.websiteUrl']);
  });
});
