export const ROLES = ['member', 'lead', 'admin'] as const;
export type Role = (typeof ROLES)[number];
