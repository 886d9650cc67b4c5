/** A handoff case failed validation; names the offending fields, never their values. */
export class InvalidHandoffCaseError extends Error {
  readonly code = 'HANDOFF_INVALID_CASE';
  constructor(readonly fields: string[]) {
    super(`Invalid handoff case: ${fields.join(', ') || 'unknown field'}`);
    this.name = 'InvalidHandoffCaseError';
  }
}

/** A new case reused the reference of a different case already in the outbox. */
export class HandoffReferenceConflictError extends Error {
  readonly code = 'HANDOFF_REFERENCE_CONFLICT';
  constructor(readonly reference: string) {
    super(`Handoff reference ${reference} already belongs to another case`);
    this.name = 'HandoffReferenceConflictError';
  }
}

/** A mail could not be handed over; `permanent` means the server rejected this message for good. */
export class MailDeliveryError extends Error {
  readonly code = 'MAIL_DELIVERY_FAILED';
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly detail: { errorCode?: string; responseCode?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MailDeliveryError';
  }
}
