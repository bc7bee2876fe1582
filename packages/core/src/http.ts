/**
 * A request with this header is only validated: the API answers 400 with every field's error, or 204 when the body is
 * valid, and never runs the handler, so nothing is written. A form whose own checks found problems asks it, to show
 * them together with the server's. Shared by the API (functions/api/openapi.ts) and the web app.
 */
export const VALIDATE_ONLY_HEADER = "x-validate-only";
