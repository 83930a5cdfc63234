import { type BookingPath, formatPhoneNumber, type PhoneNumber, phoneToTelUri } from '@ptfx/domain';
import { type Html, rendered } from './html.js';

/** Props of {@link BookingSteps}. */
export interface BookingStepsProps {
  /** The clinic's booking path (`clinic.bookingPath`). */
  readonly bookingPath: BookingPath;
  /** The number a `call` step links to. */
  readonly phone?: PhoneNumber | undefined;
  /** The booking page, linked from a `call`, `form` or `message` step; leave it out when there is no form. */
  readonly bookingHref?: string | undefined;
  /** The heading level of the path's heading (default 2; the steps' titles are one below). */
  readonly headingLevel?: 2 | 3;
}

/**
 * The booking path: its heading ("Take The First Step") and its steps in order, each with its
 * title and text; a `call` step links the phone number.
 *
 * @example
 * String(BookingSteps({ bookingPath: clinic.bookingPath, phone: '+16195441055' }));
 */
export function BookingSteps(props: BookingStepsProps): Html {
  const { bookingPath } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const StepHeading = props.headingLevel === 3 ? 'h4' : 'h3';
  return rendered(
    <section class="steps" aria-labelledby="steps-title">
      <Heading id="steps-title">{bookingPath.heading ?? 'How to book'}</Heading>
      {bookingPath.tagline ? <p class="steps-tagline">{bookingPath.tagline}</p> : null}
      <ol class="step-list">
        {bookingPath.steps.map((step, i) => (
          <li class="step">
            <span class="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <StepHeading class="step-title">{step.title}:</StepHeading>
            <p>{step.text}</p>
            {step.action === 'call' && props.phone ? (
              <p>
                <a class="button" href={phoneToTelUri(props.phone)}>
                  Call {formatPhoneNumber(props.phone)}
                </a>
              </p>
            ) : null}
            {(step.action === 'call' || step.action === 'form' || step.action === 'message') &&
            props.bookingHref ? (
              <p>
                <a href={props.bookingHref}>Send us a consultation request</a>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>,
  );
}
