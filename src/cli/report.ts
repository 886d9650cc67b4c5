import { runReport } from '../feedback/reportCommand.js';

/** `npm run report -- [--since 7d] [--format table|csv|md] [--program komma] [--out datei]`: what users asked and the bot could not answer. */
process.exitCode = await runReport(process.argv.slice(2), {
  env: process.env,
  now: () => (process.env.TODAY ? new Date(`${process.env.TODAY}T12:00:00Z`) : new Date()),
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
});
