// Every error the HTTP API answers with, in one place: a stable code (what clients branch on), its HTTP status,
// and a message for humans. The body is always `{ "error": { "code", "message" } }`.

export const ERROR_STATUS = {
  /** A parameter or body field is missing, malformed or out of range; the message names it. */
  bad_request: 400,
  /** The request body is not valid JSON. */
  bad_json: 400,
  /** A write route was called without the right `Authorization: Bearer <token>`. */
  unauthorized: 401,
  /** Write routes are off: the server was started without COMMUNIQUE_TOKEN. */
  writes_disabled: 403,
  /** No such dispatch or entity. */
  not_found: 404,
  /** No such route. */
  no_route: 404,
  /** The body is larger than the server accepts. */
  payload_too_large: 413,
  /** The body's content type is not one the route reads. */
  unsupported_media_type: 415,
  /** The document was read but could not be extracted (empty, binary, not HTML…); `reason` tells which. */
  unreadable_document: 422,
  /** Fetching a URL given to ingest failed. */
  fetch_failed: 502,
  /** The server has no archive to answer from. */
  store_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A finer reason for clients that want it (e.g. the extraction's error code). */
    readonly reason?: string,
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; reason?: string };
}

export function errorBody(code: ErrorCode, message: string, reason?: string): ErrorBody {
  return { error: reason ? { code, message, reason } : { code, message } };
}
