import { randomBytes } from 'node:crypto';
import { link, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type { MailComposerOptions, NodemailerError, SMTPTransportOptions, Transporter } from 'nodemailer';
import type MailComposerClass from 'nodemailer/lib/mail-composer';
import { MailDeliveryError } from './handoffErrors.js';

/** A composed plain-text mail, independent of the transport that delivers it. */
export interface OutgoingMail {
  to: string;
  from: string;
  replyTo?: string;
  subject: string;
  text: string;
  /** Includes `Message-ID` and `X-Foerderlotse-Reference`. */
  headers: Record<string, string>;
}

/** Hands a mail over for delivery; throws MailDeliveryError (permanent or not) when it cannot. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start-up log; never contains credentials. */
  describe(): string;
  close?(): Promise<void>;
}

const REFERENCE_HEADER = 'X-Foerderlotse-Reference';

// nodemailer (about 40 modules) is loaded when the first mail goes out or an SMTP transport is set up, not at start:
// the bot answers questions long before anyone asks for a handoff.
const requireLazily = createRequire(import.meta.url);
const nodemailer = (): typeof import('nodemailer') => requireLazily('nodemailer') as typeof import('nodemailer');
const MailComposer = (): typeof MailComposerClass => requireLazily('nodemailer/lib/mail-composer') as typeof MailComposerClass;

function composerOptions(mail: OutgoingMail): MailComposerOptions {
  const { 'Message-ID': messageId, ...headers } = mail.headers;
  return { ...mail, messageId, headers };
}

/** Delivers through an SMTP server given as a URL such as smtp://user:pass@host:587 or smtps://host:465. */
export class SmtpTransport implements MailTransport {
  private readonly transporter: Transporter;
  private readonly where: string;

  constructor(smtpUrl: string, options: { timeoutMs?: number } = {}) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      // No cause attached: URL's TypeError carries the input, password included, into any log.
      throw new Error('SMTP_URL is not a valid URL');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error('SMTP_URL must start with smtp:// or smtps://');
    this.where = `SMTP ${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ''}`;
    const timeout = options.timeoutMs ?? 10_000;
    const transportOptions: SMTPTransportOptions = {
      url: smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
    };
    this.transporter = nodemailer().createTransport(transportOptions);
  }

  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transporter.sendMail(composerOptions(mail));
    } catch (err) {
      throw toDeliveryError(err);
    }
  }

  describe(): string {
    return this.where;
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}

function toDeliveryError(err: unknown): MailDeliveryError {
  const e = (err ?? {}) as NodemailerError;
  // A rejected login is a configuration problem, not a property of this mail: keep retrying until it is fixed.
  const permanent = e.permanent === true && e.code !== 'EAUTH' && e.code !== 'ENOAUTH';
  const message = e.message || String(err);
  return new MailDeliveryError(message, permanent, { errorCode: e.code, responseCode: e.responseCode }, { cause: err });
}

/**
 * Writes each mail as an RFC 822 `.eml` file named after its reference, for setups without SMTP.
 * A reference already written is left as it is, so a repeated delivery never makes a second file.
 */
export class FileOutboxTransport implements MailTransport {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async send(mail: OutgoingMail): Promise<void> {
    const reference = mail.headers[REFERENCE_HEADER];
    if (!reference || !/^[A-Za-z0-9_-]+$/.test(reference)) {
      throw new MailDeliveryError(`Mail lacks a usable ${REFERENCE_HEADER} header`, true);
    }
    const Composer = MailComposer();
    const eml = await new Composer(composerOptions(mail)).compile().build();
    await mkdir(this.dir, { recursive: true });
    const target = join(this.dir, `${reference}.eml`);
    const tmp = join(this.dir, `.${reference}.${randomBytes(6).toString('hex')}.tmp`);
    await writeFile(tmp, eml, { flag: 'wx' });
    try {
      // link() fails if the target exists, so publishing is atomic and never overwrites an earlier copy.
      await link(tmp, target);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Some mounted volumes have no hard links; rename is still atomic there, it just may replace the copy.
      if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') await rename(tmp, target);
      else if (code !== 'EEXIST') throw err;
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }

  describe(): string {
    return `files in ${this.dir}`;
  }
}

/** SMTP when a URL is configured, otherwise `.eml` files in `outboxDir`. */
export function createMailTransport(config: { smtpUrl: string; outboxDir: string; timeoutMs?: number }): MailTransport {
  return config.smtpUrl.trim()
    ? new SmtpTransport(config.smtpUrl.trim(), { timeoutMs: config.timeoutMs })
    : new FileOutboxTransport(config.outboxDir);
}
