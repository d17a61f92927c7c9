/** Limits shared by server validation and client forms; change them here only. */
export const LIMITS = {
  requestBodyBytes: 1024 * 1024,
  pageSizeDefault: 50,
  pageSizeMax: 100,
  emailLength: 254,
  displayNameLength: 80,
  handleLength: 32,
  passwordMin: 8,
  passwordMax: 200,
  teamNameLength: 80,
  teamSlugLength: 40,
  teamDescriptionLength: 2000,
  targetDaysMax: 365,
  tokenNameLength: 80,
  idempotencyKeyLength: 200,
  inviteDays: 7,
  sessionDays: 30,
  loginFailuresPerAccount: 10,
  loginFailuresPerAddress: 30,
  loginFailureWindowMinutes: 15,
  insightBodyLength: 20_000,
  replyBodyLength: 10_000,
  /** What a feed item carries of its body; the thread has the rest. */
  feedBodyLength: 500,
  tagsPerInsight: 10,
  tagLength: 40,
  sourceUrlLength: 2_000,
  customerNameLength: 120,
  companyLength: 120,
  crmIdLength: 100,
  customerHandles: 10,
  customerHandleLength: 200,
  searchQueryLength: 200,
} as const;

/** URL schemes a source link may use: anything else (javascript:, data:) is refused. */
export const SOURCE_URL_SCHEMES = ['http:', 'https:'] as const;
