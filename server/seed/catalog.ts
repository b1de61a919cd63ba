// The vocabulary of the demo help desk: teams, names, ticket categories and their subjects,
// knowledge-base articles and survey comments.

export const TEAMS = ['Tier 1', 'Tier 2', 'Billing', 'Technical', 'Enterprise Success'] as const;
export type TeamName = (typeof TEAMS)[number];

/** Share of agents per team. */
export const TEAM_SIZES: ReadonlyArray<readonly [TeamName, number]> = [
  ['Tier 1', 40],
  ['Tier 2', 18],
  ['Billing', 15],
  ['Technical', 17],
  ['Enterprise Success', 10],
];

export const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elisa',
  'Felipe',
  'Gabriela',
  'Hugo',
  'Isabela',
  'João',
  'Karina',
  'Lucas',
  'Mariana',
  'Nicolas',
  'Olivia',
  'Paulo',
  'Rafaela',
  'Samuel',
  'Tatiana',
  'Vitor',
  'Amara',
  'Ben',
  'Chloe',
  'David',
  'Emma',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
];

export const LAST_NAMES = [
  'Souza',
  'Oliveira',
  'Santos',
  'Lima',
  'Costa',
  'Pereira',
  'Almeida',
  'Ferreira',
  'Rocha',
  'Gomes',
  'Martins',
  'Barbosa',
  'Ribeiro',
  'Carvalho',
  'Nakamura',
  'Okafor',
  'Schmidt',
  'Dubois',
  'Rossi',
  'Walsh',
];

export const COMPANY_PREFIXES = [
  'Acme',
  'Blue',
  'Cedar',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Kestrel',
  'Lumen',
  'Maple',
  'Nimbus',
  'Orbit',
  'Pioneer',
  'Quartz',
  'Ridge',
  'Summit',
  'Tidal',
];

export const COMPANY_SUFFIXES = ['Logistics', 'Foods', 'Health', 'Retail', 'Labs', 'Travel', 'Energy', 'Media', 'Finance', 'Studio'];

/** Customer segments with their share of customers and yearly churn hazard. */
export const SEGMENTS: ReadonlyArray<{ name: string | null; share: number; churnPerYear: number }> = [
  { name: 'enterprise', share: 10, churnPerYear: 0.08 },
  { name: 'mid-market', share: 25, churnPerYear: 0.15 },
  { name: 'smb', share: 55, churnPerYear: 0.28 },
  { name: null, share: 10, churnPerYear: 0.2 },
];

export interface Category {
  name: string | null;
  share: number;
  team: TeamName;
  subjects: string[];
  /** Share of its tickets that a knowledge-base article answers. */
  articleShare: number;
  /** Extra chance that a ticket needs more than one contact. */
  difficulty: number;
}

export const CATEGORIES: Category[] = [
  {
    name: 'billing',
    share: 18,
    team: 'Billing',
    articleShare: 0.15,
    difficulty: 0.1,
    subjects: [
      'Charged twice this month',
      'Invoice shows the wrong company name',
      'How do I change my payment method?',
      'Refund for cancelled order',
      'Discount code not applied',
    ],
  },
  {
    name: 'login',
    share: 14,
    team: 'Tier 1',
    articleShare: 0.4,
    difficulty: 0,
    subjects: ['Cannot log in', 'Password reset e-mail never arrives', 'Two-factor code rejected', 'Account locked after failed attempts'],
  },
  {
    name: 'bug',
    share: 16,
    team: 'Technical',
    articleShare: 0.05,
    difficulty: 0.25,
    subjects: [
      'Export to CSV fails',
      'Dashboard shows a blank page',
      'Mobile app crashes on start',
      'Sync stopped working',
      'Error 500 when saving settings',
    ],
  },
  {
    name: 'how-to',
    share: 20,
    team: 'Tier 1',
    articleShare: 0.45,
    difficulty: 0,
    subjects: [
      'How do I add a new user?',
      'Where can I download reports?',
      'How to set up notifications',
      'Can I change my plan?',
      'How do I connect the API?',
    ],
  },
  {
    name: 'shipping',
    share: 10,
    team: 'Tier 1',
    articleShare: 0.2,
    difficulty: 0.1,
    subjects: ['Order has not arrived', 'Tracking number does not work', 'Package arrived damaged', 'Change delivery address'],
  },
  {
    name: 'account',
    share: 10,
    team: 'Tier 2',
    articleShare: 0.3,
    difficulty: 0.05,
    subjects: ['Close my account', 'Transfer ownership of the workspace', 'Update company details', 'Merge two accounts'],
  },
  {
    name: 'feature-request',
    share: 6,
    team: 'Tier 2',
    articleShare: 0.05,
    difficulty: 0.05,
    subjects: ['Please add dark mode', 'Request: bulk edit', 'Integration with our CRM', 'More granular permissions'],
  },
  {
    name: null,
    share: 6,
    team: 'Tier 1',
    articleShare: 0.05,
    difficulty: 0.1,
    subjects: ['Question', 'Need help', 'Urgent: please call me', 'Follow-up on my last request'],
  },
];

export const ARTICLES_PER_CATEGORY = 6;

export const CSAT_COMMENTS: Record<'low' | 'mid' | 'high', string[]> = {
  low: ['Took far too long', 'Had to explain my problem three times', 'Still not solved properly'],
  mid: ['Fine, but slow', 'Solved in the end', 'OK'],
  high: ['Quick and kind', 'Great help, thanks!', 'Solved on the first call', 'Very clear explanation'],
};
