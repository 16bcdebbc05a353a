/**
 * What an empty wallet offers a newcomer: add the first credential, or load the example wallet (a
 * throwaway person holding the shipped example profile) to look around first.
 */
import { h } from './dom.js';

export interface EmptyStateActions {
  addCredential(): void;
  /** Creates the example person and goes there; rejects with the reason when it cannot. */
  loadExample(): Promise<void>;
}

export function renderEmptyState(actions: EmptyStateActions): HTMLElement {
  const load = h('button', { type: 'button', class: 'button secondary', id: 'load-example' }, 'Load the example wallet');
  load.addEventListener('click', () => {
    load.setAttribute('disabled', '');
    load.textContent = 'Loading the example…';
    actions.loadExample().catch(() => {
      load.removeAttribute('disabled');
      load.textContent = 'Load the example wallet';
    });
  });
  return h('div', { class: 'empty' },
    h('h2', {}, 'Your wallet is empty'),
    h('p', {}, 'Add the credentials you hold. recert works out each one’s cycle, counts your CE toward it, and tells you what is missing and by when.'),
    h('div', { class: 'empty-actions' },
      h('button', { type: 'button', class: 'button primary', onclick: () => actions.addCredential() }, 'Add your first credential'),
      load),
    h('p', { class: 'empty-note' }, 'The example is a NASM personal trainer with the Corrective Exercise specialization, a CPR/AED card and a logged workshop. It is kept as a separate person, so your own wallet stays empty.'));
}

/** Shown above the cards while looking at an example person: the way back, and a way to discard it. */
export function renderExampleNotice(discard: () => Promise<void>): HTMLElement {
  const remove = h('button', { type: 'button', class: 'link-button' }, 'Remove this example');
  remove.addEventListener('click', () => {
    remove.setAttribute('disabled', '');
    discard().catch(() => remove.removeAttribute('disabled'));
  });
  return h('p', { class: 'example-notice', role: 'note' },
    'You are looking at an example wallet: change anything you like, it is not yours. ',
    h('a', { href: '/' }, 'Back to your wallet'), ' · ', remove);
}
