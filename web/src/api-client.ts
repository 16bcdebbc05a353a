/** The web app's only way to the data: the recert HTTP API. */
import type { Activity, ApiIssue, Body, Change, ComplianceReport, Credential, Credit, Evidence, OwnOffering, Person, Plan, PlannedItem, PlanRequest, PlanStep, ProgramSummary, Renewal, Saved } from './api-types.js';

/** A person's secret calendar feed (`path` is /ical/{token}.ics), or `enabled: false`. */
export interface CalendarFeed {
  enabled: boolean;
  token: string | null;
  path: string | null;
  createdAt: string | null;
}

/** A person's email reminder settings (GET/PUT /reminder-settings). */
export interface ReminderSettings {
  enabled: boolean;
  email: string | null;
  thresholds: number[];
  emailConfigured: boolean;
  unsubscribePath: string | null;
  updatedAt: string | null;
}

/** The reminders due on a date, each with its email's state. */
export interface Notifications {
  asOf: string;
  emailConfigured: boolean;
  items: {
    key: string; credentialId: string; cycle: number; threshold: string; dueOn: string; subject: string; body: string; missing: string; nextStep: string;
    email: { state: string; sentAt: string | null } | null;
  }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly issues: ApiIssue[], message: string) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, headers: { accept: 'application/json' } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, 'content-type': 'application/json' };
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, [], 'Cannot reach the recert server. Is it still running?');
  }
  // Accounts exist and this browser has no session: sign in first.
  if (response.status === 401) location.assign('/sign-in.html');
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data as { message?: string; issues?: ApiIssue[] } | null;
    throw new ApiError(response.status, error?.issues ?? [], error?.message ?? `The server answered ${response.status}.`);
  }
  return data as T;
}

export function createApi(person: string) {
  const p = `/api/people/${encodeURIComponent(person)}`;
  const id = encodeURIComponent;
  return {
    programs: () => request<ProgramSummary[]>('GET', '/api/programs'),
    bodies: () => request<Body[]>('GET', '/api/bodies'),
    /** A new throwaway person holding the example profile (examples/seed-nasm.json). */
    createExampleWallet: () => request<Person>('POST', '/api/example-wallets'),
    /** Removes this person and everything they hold (used to discard an example wallet). */
    removePerson: () => request<void>('DELETE', p),
    status: (asOf: string) => request<ComplianceReport>('GET', `${p}/status?asOf=${id(asOf)}&detail=full`),
    credentials: () => request<Credential[]>('GET', `${p}/credentials`),
    addCredential: (body: { program: string; earned: string; number?: string }) => request<Credential & Saved>('POST', `${p}/credentials`, body),
    updateCredential: (credentialId: string, body: { program?: string; earned?: string; number?: string | null }) =>
      request<Credential & Saved>('PATCH', `${p}/credentials/${id(credentialId)}`, body),
    removeCredential: (credentialId: string) => request<void>('DELETE', `${p}/credentials/${id(credentialId)}`),
    renew: (credentialId: string, date: string) => request<Renewal & Saved>('POST', `${p}/credentials/${id(credentialId)}/renewals`, { date }),
    moveRenewal: (credentialId: string, renewalId: number, date: string) =>
      request<Renewal & Saved>('PATCH', `${p}/credentials/${id(credentialId)}/renewals/${renewalId}`, { date }),
    removeRenewal: (credentialId: string, renewalId: number) => request<void>('DELETE', `${p}/credentials/${id(credentialId)}/renewals/${renewalId}`),
    activities: () => request<Activity[]>('GET', `${p}/activities`),
    addActivity: (body: Omit<Activity, 'id' | 'evidence'>) => request<Activity & Saved>('POST', `${p}/activities`, body),
    updateActivity: (activityId: string, body: { title?: string; completed?: string; hours?: number | null; provider?: string | null; credits?: Credit[] }) =>
      request<Activity & Saved>('PATCH', `${p}/activities/${id(activityId)}`, body),
    changes: (limit = 50) => request<Change[]>('GET', `${p}/changes?limit=${limit}`),
    removeActivity: (activityId: string) => request<void>('DELETE', `${p}/activities/${id(activityId)}`),
    upload: (activityId: string, file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<Evidence>('POST', `${p}/activities/${id(activityId)}/evidence`, form);
    },
    fileUrl: (evidenceId: string, inline = false) => `${p}/evidence/${id(evidenceId)}/file${inline ? '?inline=true' : ''}`,
    exportUrl: (format: 'json' | 'csv') => `${p}/export?format=${format}`,
    calendarFeed: () => request<CalendarFeed>('GET', `${p}/calendar-feed`),
    issueCalendarFeed: () => request<CalendarFeed>('POST', `${p}/calendar-feed`),
    rotateCalendarFeed: () => request<CalendarFeed>('POST', `${p}/calendar-feed/rotate`),
    revokeCalendarFeed: () => request<void>('DELETE', `${p}/calendar-feed`),
    reminderSettings: () => request<ReminderSettings>('GET', `${p}/reminder-settings`),
    saveReminderSettings: (body: { enabled: boolean; email: string | null; thresholds: number[] }) => request<ReminderSettings>('PUT', `${p}/reminder-settings`, body),
    notifications: (asOf: string) => request<Notifications>('GET', `${p}/notifications?asOf=${id(asOf)}`),
    /** Solves a plan on the server (worker threads); 429 PLAN_BUSY when this person already has plans queued. */
    plan: (options: PlanRequest) => request<Plan>('POST', `${p}/plan`, options),
    ownOfferings: () => request<OwnOffering[]>('GET', `${p}/offerings`),
    addOwnOffering: (body: unknown) => request<OwnOffering>('POST', `${p}/offerings`, body),
    removeOwnOffering: (offeringId: string) => request<void>('DELETE', `${p}/offerings/${id(offeringId)}`),
    plannedItems: () => request<PlannedItem[]>('GET', `${p}/planned-items`),
    addPlannedItems: (items: readonly PlanStep[], mode: 'keep' | 'replace') =>
      request<{ added: PlannedItem[]; removed: string[] }>('POST', `${p}/planned-items`, { mode, items: items.map(({ offering, from, by, session, completed, counts }) => ({ offering: { id: offering.id }, from, by, session, completed, counts })) }),
    removePlannedItem: (itemId: string) => request<void>('DELETE', `${p}/planned-items/${id(itemId)}`),
    /** Turns a planned item into a CE activity (with the certificate, if given) in one step. */
    completePlannedItem: (itemId: string, completed: string, file?: File) => {
      const form = new FormData();
      form.append('completed', completed);
      if (file !== undefined) form.append('file', file, file.name);
      return request<{ activity: Activity; credential: Credential | null; item: PlannedItem }>('POST', `${p}/planned-items/${id(itemId)}/done`, form);
    },
    auditUrl: (credentialId: string, file: 'transcript.pdf' | 'audit-packet.zip', asOf: string) => `${p}/credentials/${id(credentialId)}/${file}?asOf=${id(asOf)}`,
  };
}

export type Api = ReturnType<typeof createApi>;
