/**
 * The words of the demo workspace: what customers say about a product, and
 * how teams answer. Combined by a seeded generator, never at random.
 */
import type { Channel, Sentiment } from '../../shared/insights.js';

export interface Topic {
  tags: string[];
  sentiment: Sentiment[];
  quotes: string[];
  /** Which team this lands on: the one replies most often come from and get @mentioned. */
  owner: 'engineering' | 'product' | 'sales' | 'marketing' | 'operations' | 'support';
}

/** Issue titles raised from a topic's insights, by the topic's first tag. */
export const ISSUE_TITLES: Record<string, string[]> = {
  export: ['CSV export truncates large reports', 'Export custom fields', 'Fix encoding of exported CSV files'],
  billing: ['VAT number missing on invoices', 'Duplicate charge after mid-month upgrade', 'Invoices in local currency'],
  onboarding: ['Explain inviting a second team during setup', 'Sample project for new workspaces', 'Clearer field mapping on import'],
  mobile: ['Android crash when attaching gallery photos', 'iOS app forgets the session overnight', 'Sync screen freezes on older phones'],
  sso: ['SAML single sign-on', 'SCIM provisioning for leavers', 'Restrict sign-in to office IP ranges'],
  pricing: ['Packaging between Team and Business plans', 'Nonprofit annual discount', 'Read-only seats'],
  performance: ['Monday-morning search slowness on large accounts', 'Dashboard load time over VPN', 'Long threads stutter in the browser'],
  integrations: ['Salesforce sync for account notes', 'Higher API rate limit tier', 'Slack alert on escalation'],
  docs: ['Refresh permissions help article', 'Document bulk edit', 'Printable quick-start guide'],
  shipping: ['Tracking links for hardware orders', 'Replacement shipments use stale address', 'Delivery windows for on-site signature'],
  accessibility: ['Screen reader support in the scheduler', 'Contrast of status badges', 'Keyboard trap in the date picker'],
  reporting: ['Filter dashboard by region', 'Scheduled dashboard PDF', 'Weekly report for ops leads'],
  praise: ['Customer reference programme', 'Beta programme sign-up from renewals', 'Share the editor story'],
  notifications: ['Daily digest instead of one email per change', 'Mobile push on by default for mentions', 'Reduce notification email volume'],
};

export const RESOLUTION_NOTES = [
  'Fixed and released in this week’s update; customers confirmed it works.',
  'Shipped behind a setting, on by default for the affected accounts.',
  'Process changed with finance; the next invoices carry the fix.',
  'Documentation updated and linked from the product.',
  'Released to everyone after a two-week beta.',
];

export const WONT_FIX_NOTES = [
  'Not planned: it conflicts with how most customers use the feature. We offered a workaround.',
  'Duplicate of a larger project already on the roadmap.',
  'Out of scope for this year; we told the customers why.',
];

export const TOPICS: Topic[] = [
  {
    tags: ['export', 'csv'],
    sentiment: ['negative', 'negative', 'neutral'],
    owner: 'engineering',
    quotes: [
      'The CSV export cuts off after 10,000 rows, so their monthly report is always incomplete.',
      'Exported CSVs open with broken accents in Excel. They re-type customer names by hand every week.',
      'They want the export to include custom fields; today they merge two files manually.',
      'Export times out for their largest workspace. They tried three times during the call.',
    ],
  },
  {
    tags: ['billing', 'invoices'],
    sentiment: ['negative', 'neutral'],
    owner: 'operations',
    quotes: [
      'Their finance team needs the VAT number on every invoice or they cannot pay it.',
      'They were charged twice for the same seat after upgrading mid-month.',
      'Asked for invoices in their own currency; converting from USD every month is a pain.',
      'The renewal reminder arrived after the card was already charged.',
    ],
  },
  {
    tags: ['onboarding'],
    sentiment: ['neutral', 'positive', 'negative'],
    owner: 'product',
    quotes: [
      'The setup checklist was great, but nobody told them how to invite their second team.',
      'They loved the guided tour and finished setup in one afternoon.',
      'New hires do not know where to start; a sample project would help a lot.',
      'Importing from their old tool took two days because the field mapping was unclear.',
    ],
  },
  {
    tags: ['mobile', 'crash'],
    sentiment: ['negative'],
    owner: 'engineering',
    quotes: [
      'The Android app crashes when they attach a photo from the gallery.',
      'iOS app logs them out every morning; field staff lose their drafts.',
      'The app freezes on the sync screen on older phones in the warehouse.',
    ],
  },
  {
    tags: ['sso', 'security'],
    sentiment: ['neutral', 'negative'],
    owner: 'engineering',
    quotes: [
      'Their security review requires SAML single sign-on before they can roll out to 2,000 people.',
      'They need SCIM provisioning so leavers lose access the same day.',
      'Asked whether we can restrict sign-in to their office IP ranges.',
    ],
  },
  {
    tags: ['pricing'],
    sentiment: ['negative', 'neutral'],
    owner: 'sales',
    quotes: [
      'The jump from the Team plan to Business is too steep for a 30-person company.',
      'They would pay more for an annual plan with a nonprofit discount.',
      'Competitor offers read-only seats for free; they asked if we could match it.',
    ],
  },
  {
    tags: ['performance'],
    sentiment: ['negative'],
    owner: 'engineering',
    quotes: [
      'Search takes ten seconds on their big account every Monday morning.',
      'The dashboard loads slowly over their VPN; agents keep refreshing it.',
      'Opening a long thread makes the browser tab stutter.',
    ],
  },
  {
    tags: ['integrations', 'api'],
    sentiment: ['neutral', 'positive'],
    owner: 'product',
    quotes: [
      'They want a Salesforce sync so account managers stop copying notes by hand.',
      'The API rate limit blocks their nightly sync; they asked for a higher tier.',
      'They built a Zapier flow on top of our webhooks and love it.',
      'Asked for a Slack notification when a ticket is escalated.',
    ],
  },
  {
    tags: ['docs'],
    sentiment: ['neutral', 'negative'],
    owner: 'marketing',
    quotes: [
      'The help center article on permissions still shows the old screens.',
      'They could not find any documentation for the bulk edit feature.',
      'Their admins want a printable quick-start guide for the front desk.',
    ],
  },
  {
    tags: ['shipping', 'delivery'],
    sentiment: ['negative'],
    owner: 'operations',
    quotes: [
      'Hardware order arrived a week late and nobody sent a tracking link.',
      'The replacement scanner was shipped to their old address again.',
      'They asked for delivery windows so someone is on site to sign.',
    ],
  },
  {
    tags: ['accessibility'],
    sentiment: ['negative', 'neutral'],
    owner: 'product',
    quotes: [
      'A blind employee cannot use the scheduler with a screen reader.',
      'The contrast of the status badges is too low for several of their staff.',
      'Keyboard users get trapped in the date picker.',
    ],
  },
  {
    tags: ['reporting', 'dashboard'],
    sentiment: ['positive', 'neutral'],
    owner: 'product',
    quotes: [
      'The new weekly report saved their ops lead an hour every Friday.',
      'They want to schedule the dashboard as a PDF to their board.',
      'Charts are great, but they need to filter by region.',
    ],
  },
  {
    tags: ['praise'],
    sentiment: ['positive'],
    owner: 'marketing',
    quotes: [
      'Said our support team is the best they have worked with, and would happily be a reference.',
      'They posted a glowing thread about the new editor in their community forum.',
      'Renewed early and asked how they can join the beta programme.',
    ],
  },
  {
    tags: ['notifications'],
    sentiment: ['negative', 'neutral'],
    owner: 'engineering',
    quotes: [
      'Too many email notifications; people have started filtering them all to a folder.',
      'They missed an urgent mention because mobile push is off by default.',
      'Asked for a daily digest instead of one email per change.',
    ],
  },
];

export const REPLIES: Record<Topic['owner'], string[]> = {
  engineering: [
    'Reproduced it on staging. Looks like a limit we set years ago.',
    'We have a fix in review; I will post here when it ships.',
    'Can you ask which browser and version they use? That narrows it down a lot.',
    'This matches two other reports this month. Raising it with the team.',
  ],
  product: [
    'This keeps coming up. Adding it to next quarter’s discovery list.',
    'Would they join a 30-minute call to walk us through their workflow?',
    'We are redesigning this area; their feedback is exactly what we need.',
    'Thanks — linking this to the roadmap item so it counts as evidence.',
  ],
  sales: [
    'Same objection came up in two renewals this week.',
    'They are up for renewal in March, so this matters for the deal.',
    'I can offer a bridge discount while we look at packaging.',
  ],
  marketing: [
    'Can we quote this (anonymised) in the customer stories page?',
    'We will update the help article this sprint.',
    'Great signal for the launch messaging, thanks for posting.',
  ],
  operations: [
    'Checked with finance: we can fix the next invoice by hand.',
    'Carrier confirmed the delay; we are changing the default carrier for their region.',
    'I have refunded the duplicate charge; they will see it in 3–5 days.',
  ],
  support: [
    'Same here: three tickets about this since Monday.',
    'Workaround for now: they can split the job in two. I sent them the steps.',
    'I told the customer we are looking into it and will follow up.',
  ],
};

export const FIRST_NAMES = ['Maya', 'Lucas', 'Sofia', 'Ethan', 'Amara', 'Jonas', 'Hana', 'Mateo', 'Chloé', 'Arjun', 'Yuki', 'Olivia', 'Kwame', 'Freya', 'Diego', 'Leila', 'Tobias', 'Nadia', 'Samir', 'Ingrid', 'Paolo', 'Aisha', 'Felix', 'Marta'];
export const LAST_NAMES = ['García', 'Müller', 'Okoye', 'Svensson', 'Kowalski', 'Rossi', 'Dubois', 'Nakamura', 'Haddad', 'Byrne', 'Silva', 'Novak', 'Jensen', 'Costa', 'Ivanova', 'Mensah', 'Reyes', 'Larsen'];
export const COMPANIES = ['Northwind Logistics', 'Bluebird Clinics', 'Helios Energy', 'Fjord Outdoor', 'Atlas Retail', 'Copperleaf Bank', 'Umbra Studios', 'Pinecrest Schools', 'Vela Airlines', 'Quarry & Co', 'Lumen Labs', 'Harbor Foods', 'Tessera Insurance', 'Oakridge Hotels', 'Nimbus Software', 'Sable Telecom', 'Greenway Transit', 'Marble Legal', 'Kestrel Manufacturing', 'Beacon Health', 'Solstice Travel', 'Ironbark Construction'];

export const CHANNEL_WEIGHTS: [Channel, number][] = [
  ['call', 22],
  ['chat', 20],
  ['email', 18],
  ['social', 10],
  ['forum', 8],
  ['survey', 8],
  ['in_person', 8],
  ['other', 6],
];

export const OPENERS: Record<Channel, string[]> = {
  call: ['On today’s call:', 'Quarterly check-in call.', 'Phone call with their admin.'],
  chat: ['Live chat:', 'Came in over chat.', 'Chat with their team lead.'],
  email: ['Email thread with their ops manager.', 'By email:', 'Their CTO wrote in.'],
  social: ['Posted publicly on social media.', 'Tweeted at us this morning.', 'LinkedIn comment:'],
  forum: ['Community forum post.', 'Thread on our forum.', 'Forum reply with many upvotes.'],
  survey: ['NPS survey comment.', 'From the quarterly survey:', 'Survey free-text answer.'],
  in_person: ['At their office visit.', 'Said in person at the user meetup.', 'On-site training session.'],
  other: ['Heard via a partner.', 'From a reseller.', 'Mentioned during a webinar Q&A.'],
};
