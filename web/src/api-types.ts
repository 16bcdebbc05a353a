/** The JSON the recert HTTP API returns (see /openapi.json); only the fields the web app reads. */
export type Status = 'current' | 'in-progress' | 'due-soon' | 'grace' | 'lapsed' | 'never-expires' | 'not-yet-earned' | 'not-covered' | 'unconfirmed';

export interface Person {
  id: string;
  name: string;
  createdAt: string;
}

export interface ProgramSummary {
  id: string;
  name: string;
  body: string;
  kind: string;
  unit: string;
}

export interface Body {
  id: string;
  name: string;
  categories: { id: string; name: string }[];
}

export interface Renewal {
  id: number;
  credential: string;
  date: string;
}

export interface Credential {
  id: string;
  program: string;
  earned: string;
  number?: string;
  renewals: Renewal[];
}

export interface Evidence {
  id: string;
  activityId: string;
  name: string;
  type: string;
  size: number;
}

export interface Credit {
  body: string;
  units: number;
  category?: string;
}

export interface Activity {
  id: string;
  title: string;
  completed: string;
  hours?: number;
  provider?: string;
  credits: Credit[];
  evidence: Evidence[];
}

export interface CredentialReport {
  id: string;
  program: string;
  programName: string;
  body: string;
  kind: 'certification' | 'specialization' | 'prerequisite';
  status: Status;
  cycle: { start: string; end: string } | null;
  deadline: string | null;
  graceEnds: string | null;
  unit: string | null;
  required: number | null;
  earned: number;
  missing: number | null;
  components: { id: string; label: string; met: boolean; unconfirmed: boolean; detail: string }[];
  history: { index: number; start: string; end: string; renewedOn: string | null }[];
  findings: { kind: string; [key: string]: unknown }[];
  explanation: string[];
}

export interface ComplianceReport {
  asOf: string;
  credentials: CredentialReport[];
}

export interface ApiIssue {
  code: string;
  path: string;
  message: string;
}
