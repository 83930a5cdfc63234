import { expectShape } from '../shared/arguments.js';
import { CONSULTATION_REQUEST } from '../shared/shapes.js';
import type { ConsultationRequest, ConsultationRequestContent } from './consultation-request.js';

/**
 * Whether a bot filled in the hidden `website` field.
 *
 * @throws {TypeError} when `request` is not an object, or its `website` is neither text nor absent
 */
export function isHoneypotFilled(request: ConsultationRequest): boolean {
  expectShape('isHoneypotFilled', 'request', request, CONSULTATION_REQUEST);
  return request.website !== undefined && request.website.trim() !== '';
}

/**
 * The request without the honeypot field: what is kept.
 *
 * @throws {TypeError} when `request` is not an object
 */
export function requestContent(request: ConsultationRequest): ConsultationRequestContent {
  expectShape('requestContent', 'request', request, CONSULTATION_REQUEST);
  const { website: _honeypot, ...content } = request;
  return content;
}
