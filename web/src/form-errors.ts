/** Shows the API's issues next to the fields they name (by `data-path`), or above the buttons. */
import { ApiError } from './api-client.js';
import { h } from './dom.js';

export function clearErrors(form: HTMLFormElement): void {
  for (const element of form.querySelectorAll('.field-error')) element.remove();
  for (const element of form.querySelectorAll('[aria-invalid]')) {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('aria-describedby');
  }
  const general = form.querySelector<HTMLElement>('.form-error');
  if (general !== null) {
    general.hidden = true;
    general.textContent = '';
  }
}

let counter = 0;

/** Returns true when at least one issue was placed on a field. */
export function showErrors(form: HTMLFormElement, error: unknown): void {
  clearErrors(form);
  const general: string[] = [];
  const issues = error instanceof ApiError ? error.issues : [];
  for (const issue of issues) {
    const path = issue.path.replace(/^body\.?/, '');
    const field = path === '' ? null : form.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    if (field === null) {
      general.push(path === '' || path === 'url' ? issue.message : `${path}: ${issue.message}`);
      continue;
    }
    const id = `field-error-${++counter}`;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', id);
    field.insertAdjacentElement('afterend', h('p', { class: 'field-error', id }, sentence(issue.message)));
  }
  if (issues.length === 0) general.push(error instanceof Error ? error.message : String(error));
  const box = form.querySelector<HTMLElement>('.form-error');
  if (box !== null && general.length > 0) {
    box.textContent = general.map(sentence).join(' ');
    box.hidden = false;
  }
  form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
