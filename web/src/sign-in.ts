/**
 * The sign-in page: asks for an email link, and, opened from that link (`#token=…`), trades the
 * token for a session (a POST, so a mail scanner following the link cannot use it up).
 */
import { byId, h } from './dom.js';

const status = byId('sign-in-status');
const form = byId<HTMLFormElement>('sign-in-form');

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) });
}

async function message(response: Response): Promise<string> {
  const data = (await response.json().catch(() => null)) as { message?: string } | null;
  return data?.message ?? `The server answered ${response.status}.`;
}

async function signInFromLink(): Promise<void> {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token === null) return;
  history.replaceState(null, '', location.pathname); // the token leaves the address bar at once
  status.textContent = 'Signing you in…';
  const response = await post('/api/auth/email-link/verify', { token });
  if (response.ok) location.assign('/');
  else status.textContent = await message(response);
}

/** WebAuthn through the browser's own JSON helpers (PublicKeyCredential.parse…FromJSON, toJSON). */
async function passkeySignIn(): Promise<void> {
  status.textContent = 'Waiting for your passkey…';
  const options = await (await post('/api/auth/passkeys/sign-in/options', {})).json();
  const credential = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) }) as PublicKeyCredential | null;
  if (credential === null) return;
  const response = await post('/api/auth/passkeys/sign-in/verify', { response: credential.toJSON() });
  if (response.ok) location.assign('/');
  else status.textContent = await message(response);
}

async function addPasskey(): Promise<void> {
  status.textContent = 'Creating a passkey…';
  const options = await (await post('/api/auth/passkeys/register/options', {})).json();
  const credential = await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) }) as PublicKeyCredential | null;
  if (credential === null) return;
  const response = await post('/api/auth/passkeys/register/verify', { response: credential.toJSON() });
  status.textContent = response.ok ? 'Passkey added. Next time, sign in with it.' : await message(response);
}

const fail = (error: unknown): void => {
  status.textContent = error instanceof Error ? error.message : String(error);
};
byId('passkey-sign-in').addEventListener('click', () => void passkeySignIn().catch(fail));
byId('add-passkey').addEventListener('click', () => void addPasskey().catch(fail));
byId('sign-out').addEventListener('click', () => void post('/api/auth/sign-out', {}).then(() => location.reload(), fail));

/** Erasure: the server checks the typed email against the account's; on success the session is gone too. */
const deleteForm = byId<HTMLFormElement>('delete-account-form');
deleteForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const confirmEmail = (new FormData(deleteForm).get('confirmEmail') ?? '').toString();
  status.textContent = 'Deleting your account…';
  void fetch('/api/account', { method: 'DELETE', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ confirmEmail }) }).then(async (response) => {
    if (!response.ok) {
      status.textContent = await message(response);
      return;
    }
    byId('signed-in').hidden = true;
    form.hidden = false;
    byId('passkey-sign-in').hidden = false;
    status.textContent = 'Your account and everything in it are deleted.';
  }, fail);
});

const me = await (await fetch('/api/auth/me', { headers: { accept: 'application/json' } })).json() as { via: string | null; account: { email: string } | null };
if (me.via === 'session' && me.account !== null) {
  byId('signed-in-email').textContent = me.account.email;
  byId('signed-in').hidden = false;
  form.hidden = true;
  byId('passkey-sign-in').hidden = true;
  await showSessions();
}

/** The account's sessions (devices), each revocable at once; this one is marked. */
async function showSessions(): Promise<void> {
  const sessions = await (await fetch('/api/auth/sessions', { headers: { accept: 'application/json' } })).json() as { id: string; userAgent: string | null; createdAt: string; current: boolean }[];
  byId('session-list').replaceChildren(...sessions.map((session) => h('li', { 'data-session': session.id },
    `${session.userAgent ?? 'unknown device'}, since ${session.createdAt.slice(0, 10)}${session.current ? ' (this one)' : ''} `,
    session.current ? null : h('button', {
      type: 'button', class: 'button ghost small',
      onclick: () => void fetch(`/api/auth/sessions/${session.id}`, { method: 'DELETE' }).then(() => showSessions(), fail),
    }, 'Sign out there'))));
}

// Opened from the link, or the link pasted into this page's address bar (only the #fragment changes).
window.addEventListener('hashchange', () => void signInFromLink());
await signInFromLink();

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = (new FormData(form).get('email') ?? '').toString();
  status.textContent = 'Sending…';
  void post('/api/auth/email-link', { email }).then(async (response) => {
    status.textContent = response.ok ? `A sign-in link is on its way to ${email}.` : await message(response);
  });
});
