// The public API of @ptfx/domain: every export is named here, nothing is re-exported wholesale.

export {
  CLINIC_DATA_VERSION,
  type Clinic,
  type ClinicInput,
  ClinicSchema,
  checkClinicReferences,
} from './clinic/clinic.js';
export {
  type ClinicDataFormat,
  MAX_CLINIC_DATA_LENGTH,
  type ParseClinicDataOptions,
  parseClinicData,
} from './clinic/clinic-data.js';
export { CLINIC_JSON_SCHEMA_ID, clinicJsonSchema } from './clinic/clinic-json-schema.js';
export {
  type AcceptedCoverage,
  AcceptedCoverageSchema,
  type CoverageKind,
  CoverageKindSchema,
} from './clinic/coverage.js';
export {
  addCalendarDays,
  type DayHours,
  type HoursSchedule,
  hoursOn,
  isOpenAt,
  localDateOf,
  NEXT_OPENING_HORIZON_DAYS,
  nextOpening,
  type OpenInterval,
  type OpeningStatus,
  openingStatus,
} from './clinic/hours.js';
export {
  type Accessibility,
  AccessibilitySchema,
  type GeoCoordinates,
  GeoCoordinatesSchema,
  type Location,
  LocationSchema,
} from './clinic/location.js';
export {
  type DescribeOpenNowOptions,
  describeOpenNow,
  type OpenNow,
  type OpenNowTime,
} from './clinic/open-now.js';
export {
  type HoursException,
  HoursExceptionSchema,
  type LocalTime,
  LocalTimeSchema,
  type OpeningHours,
  OpeningHoursSchema,
  type TimeRange,
  TimeRangeSchema,
  type Weekday,
  WeekdaySchema,
  type WeeklyHours,
  WeeklyHoursSchema,
} from './clinic/opening-hours.js';
export { type Organization, OrganizationSchema } from './clinic/organization.js';
export { type Program, ProgramAudienceSchema, ProgramSchema } from './clinic/program.js';
export { reviewClinic } from './clinic/review-clinic.js';
export { type TimeZone, TimeZoneSchema } from './clinic/time-zone.js';
export { WEEKDAYS } from './clinic/weekdays.js';
export {
  MAX_PTFX_CONFIG_LENGTH,
  type ParsePtfxConfigOptions,
  PTFX_CONFIG_FILE_NAME,
  parsePtfxConfig,
} from './config/ptfx-config.js';
export { ptfxConfigJsonSchema } from './config/ptfx-config-json-schema.js';
export {
  CustomCredentialSchema,
  CustomCredentialsSchema,
  configurableRuleCodes,
  PTFX_CONFIG_JSON_SCHEMA_ID,
  type PtfxConfig,
  ptfxConfigSchema,
  RenewalRuleSchema,
  RULE_LEVELS,
  type RuleLevel,
  RuleLevelSchema,
  RuleLevelsSchema,
} from './config/ptfx-config-schema.js';
export {
  type PostalAddress,
  PostalAddressSchema,
  type ZipCode,
  ZipCodeSchema,
} from './contact/address.js';
export { formatPostalAddress, usStateName } from './contact/address-format.js';
export {
  type ContactChannel,
  type ContactChannelKind,
  ContactChannelSchema,
  ContactChannelsSchema,
  type ContactPurpose,
  ContactPurposeSchema,
} from './contact/contact-channel.js';
export { type EmailAddress, EmailAddressSchema } from './contact/email.js';
export { findContactChannel } from './contact/find-contact-channel.js';
export { type PhoneNumber, PhoneNumberSchema } from './contact/phone.js';
export {
  formatPhoneNumber,
  type NanpProblem,
  parseNanp,
  phoneToTelUri,
  splitPhoneNumber,
} from './contact/phone-number.js';
export { UsStateCodeSchema } from './contact/us-state.js';
export {
  isUsStateCode,
  suggestUsStateCode,
  US_STATES,
  type UsStateCode,
} from './contact/us-state-codes.js';
export { type WebsiteUrl, WebsiteUrlSchema } from './contact/website.js';
export {
  type Article,
  ArticleSchema,
  type ArticleSection,
  ArticleSectionSchema,
} from './content/article.js';
export { type Image, ImageSchema } from './content/image.js';
export {
  articleReadTime,
  articleWordCount,
  countWords,
  READING_WORDS_PER_MINUTE,
} from './content/read-time.js';
export { type CanonicalListingOptions, canonicalListing } from './credentials/canonical-listing.js';
export {
  aptaCategory,
  CREDENTIAL_PROFILES,
  type CredentialProfile,
  canonicalCredentialLabels,
  credentialLabel,
  type FormatCredentialsOptions,
  formatCredentials,
  highestPtDegree,
  legacyRank,
} from './credentials/canonical-order.js';
export { CREDENTIAL_CATALOG, NOT_CREDENTIALS } from './credentials/catalog.js';
export {
  type CatalogEntry,
  CREDENTIAL_KINDS,
  type CredentialKind,
  type RenewalRule,
} from './credentials/catalog-entry.js';
export {
  abbreviationKey,
  type CredentialCatalog,
  credentialById,
  credentialCatalog,
  defaultCatalog,
  findCredential,
  findCredentialByName,
  longFormKey,
  suggestCredential,
} from './credentials/catalog-lookup.js';
export {
  type Credential,
  CredentialSchema,
  type License,
  LicenseSchema,
} from './credentials/credential.js';
export {
  CUSTOM_CREDENTIAL_SOURCE,
  type CustomCatalogProblem,
  type CustomCredential,
  customCatalogEntry,
  customCatalogProblem,
} from './credentials/custom-credential.js';
export {
  type CredentialExpiry,
  type CredentialStatus,
  credentialExpiry,
  DEFAULT_EXPIRING_WITHIN_DAYS,
  expiryFromCycle,
} from './credentials/expiry.js';
export {
  CREDENTIAL_LINT_RULES,
  type CredentialLintCode,
  type CredentialLintRule,
} from './credentials/lint-rules.js';
export {
  type CredentialListingLint,
  type LintCredentialListingOptions,
  lintCredentialListing,
  MAX_LISTING_LENGTH,
  MAX_READABLE_CREDENTIALS,
} from './credentials/listing-lint.js';
export {
  type CredentialForm,
  type CredentialToken,
  type ListingToken,
  type NameToken,
  type ParsedListing,
  parseCredentialListing,
} from './credentials/listing-parser.js';
export {
  CREDENTIAL_RULES,
  type CredentialRule,
  type CredentialRuleContext,
  type CredentialRuleLevel,
  type CredentialRuleLevels,
  type CredentialRuleMeta,
  type RuleExample,
  type RuleFinding,
  type RuleReport,
} from './credentials/rules/index.js';
export {
  STATE_TITLE_LAWS,
  type StateCitation,
  type StateTitleLaw,
  stateTitleLaw,
} from './credentials/states/index.js';
export {
  CALIFORNIA_TITLE_DEGREES,
  isBarredForAssistant,
  isDesignation,
  keepsTitle,
  titleDegree,
} from './credentials/title-rules.js';
export { type Npi, NpiSchema } from './identifiers/npi.js';
export { explainInvalidNpi, isValidNpi, npiCheckDigit } from './identifiers/npi-check.js';
export { type ProcedureCode, ProcedureCodeSchema } from './identifiers/procedure-code.js';
export { procedureCodeSystem } from './identifiers/procedure-code-system.js';
export {
  IndividualTaxonomyCodeSchema,
  type TaxonomyCode,
  TaxonomyCodeSchema,
} from './identifiers/taxonomy.js';
export {
  NUCC_TAXONOMY_NAMES,
  NUCC_TAXONOMY_SYSTEM,
  taxonomyName,
} from './identifiers/taxonomy-names.js';
export {
  type BookingPath,
  BookingPathSchema,
  type BookingStep,
  BookingStepSchema,
  type CallToAction,
  CallToActionSchema,
  type ConsentText,
  ConsentTextSchema,
} from './intake/booking-path.js';
export {
  CONSULTATION_REQUEST_EXAMPLE,
  type ConsultationRequest,
  type ConsultationRequestContent,
  ConsultationRequestSchema,
  type ConsultationRequestStatus,
  ConsultationRequestStatusSchema,
  type ContactConsent,
  ContactConsentSchema,
  type PreferredTime,
  PreferredTimeSchema,
  type ReplyChannel,
  ReplyChannelSchema,
  type ReplyContact,
  ReplyContactSchema,
  type StatusChange,
  StatusChangeSchema,
} from './intake/consultation-request.js';
export { isHoneypotFilled, requestContent } from './intake/request-content.js';
export {
  type FhirBundleOptions,
  fhirBundle,
  fhirFullUrl,
  fhirResources,
} from './interop/fhir/bundle.js';
export { fhirAddress, fhirContactPoint, fhirTelecom } from './interop/fhir/contact.js';
export { credentialCode } from './interop/fhir/credential-code.js';
export { fhirEndpoint } from './interop/fhir/endpoint.js';
export { FHIR_PROFILES } from './interop/fhir/profiles.js';
export {
  type FhirPractitionerOptions,
  type FhirResourcesOptions,
  fhirHealthcareService,
  fhirLocation,
  fhirOrganization,
  fhirPractitioner,
  fhirPractitionerRole,
} from './interop/fhir/resources.js';
export { FHIR_SYSTEMS } from './interop/fhir/systems.js';
export type {
  FhirAddress,
  FhirBundle,
  FhirCodeableConcept,
  FhirCoding,
  FhirContactPoint,
  FhirEndpoint,
  FhirExtension,
  FhirHealthcareService,
  FhirHumanName,
  FhirIdentifier,
  FhirLocation,
  FhirMeta,
  FhirNarrative,
  FhirOrganization,
  FhirPeriod,
  FhirPractitioner,
  FhirPractitionerRole,
  FhirReference,
  FhirResource,
} from './interop/fhir/types.js';
export {
  type ClinicJsonLdOptions,
  clinicJsonLd,
  type JsonLdNode,
  type JsonLdValue,
  serializeJsonLdForHtml,
} from './interop/json-ld.js';
export {
  escapeVCardText,
  foldVCardLine,
  locationVCard,
  organizationVCard,
} from './interop/vcard.js';
export {
  formatIssueLine,
  formatPath,
  hasNoErrors,
  type Issue,
  type Judgement,
  type PathSegment,
  type Severity,
  type SourcePosition,
  type Span,
} from './shared/issue.js';
export { type LanguageTag, LanguageTagSchema } from './shared/language-tag.js';
export { type IsoDate, IsoDateSchema, type Slug, SlugSchema } from './shared/schema.js';
export { editDistance, suggestClosest } from './shared/suggest.js';
export { therapistDisplayName } from './therapists/display-name.js';
export {
  type PersonName,
  PersonNameSchema,
  type Therapist,
  type TherapistRole,
  TherapistRoleSchema,
  TherapistSchema,
} from './therapists/therapist.js';
export {
  type LintTherapistListingOptions,
  lintTherapistListing,
  type TherapistListingLint,
} from './therapists/therapist-lint.js';
export {
  type Condition,
  type ConditionFact,
  ConditionFactSchema,
  ConditionSchema,
} from './treatments/condition.js';
export {
  type Treatment,
  type TreatmentCategory,
  TreatmentCategorySchema,
  TreatmentSchema,
} from './treatments/treatment.js';
