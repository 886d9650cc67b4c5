import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { colorIconPng, outlineIconPng } from './icons.js';
import { buildEnglishLocalization, buildManifest, PACKAGE_FILES, type ManifestOptions } from './manifest.js';
import type { TeamsManifest } from './manifestSchema.js';
import { createZip, type ZipEntry } from './zip.js';

/** The contents of a Teams app package: the manifest and the files it refers to, all at the archive root. */
export interface TeamsPackage {
  manifest: TeamsManifest;
  files: { name: string; data: Buffer }[];
}

const json = (value: unknown): Buffer => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');

/** Builds manifest.json, en-us.json, color.png and outline.png in memory; throws TeamsManifestError on bad options. */
export function buildTeamsPackage(options: ManifestOptions): TeamsPackage {
  const manifest = buildManifest(options);
  return {
    manifest,
    files: [
      { name: PACKAGE_FILES.manifest, data: json(manifest) },
      { name: PACKAGE_FILES.englishLocalization, data: json(buildEnglishLocalization(options)) },
      { name: PACKAGE_FILES.colorIcon, data: colorIconPng(manifest.accentColor) },
      { name: PACKAGE_FILES.outlineIcon, data: outlineIconPng() },
    ],
  };
}

/** Writes the package as a ZIP to `outFile` (replacing it atomically) and returns what it wrote. */
export function writeTeamsPackage(
  options: ManifestOptions,
  outFile: string,
  zipOptions: { modified?: Date } = {},
): TeamsPackage & { file: string; bytes: number } {
  const pkg = buildTeamsPackage(options);
  const zip = createZip(pkg.files satisfies ZipEntry[], zipOptions);
  mkdirSync(dirname(outFile), { recursive: true });
  // Write beside the target and rename, so an upload never picks up a half-written archive.
  const tmp = `${outFile}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, zip);
    renameSync(tmp, outFile);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  return { ...pkg, file: outFile, bytes: zip.length };
}
