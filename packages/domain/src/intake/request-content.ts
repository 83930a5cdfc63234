import type { ConsultationRequest, ConsultationRequestContent } from './consultation-request.js';

/** Whether a bot filled in the hidden `website` field. */
export function isHoneypotFilled(request: ConsultationRequest): boolean {
  return request.website !== undefined && request.website.trim() !== '';
}

/** The request without the honeypot field: what is kept. */
export function requestContent(request: ConsultationRequest): ConsultationRequestContent {
  const { website: _honeypot, ...content } = request;
  return content;
}
