export type { HandoffCase, OutboxEntry, OutboxStatus, OutboxStore } from './outboxStore.js';
export { handoffCaseSchema } from './handoffCase.js';
export { HandoffReferenceConflictError, InvalidHandoffCaseError, MailDeliveryError } from './handoffErrors.js';
export { composeMail, type ComposeOptions } from './composeMail.js';
export { createMailTransport, FileOutboxTransport, SmtpTransport, type MailTransport, type OutgoingMail } from './mailTransport.js';
export { SqliteOutboxStore } from './sqliteOutboxStore.js';
export { PostgresOutboxStore } from './postgresOutboxStore.js';
export {
  DeliveryWorker,
  retryDelayMs,
  type DeliveryHooks,
  type DeliveryWorkerOptions,
  type HandoffLogger,
  type RunResult,
  type WorkerTimers,
} from './deliveryWorker.js';
export { HandoffService, recipientFor, REFERENCE_ALPHABET } from './handoffService.js';
