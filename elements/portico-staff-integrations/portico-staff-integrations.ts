import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task, TaskStatus, initialState } from '@lit/task';
import { formStyles, hostStyles } from '../shared/host.styles.ts';
import { StaffView } from '../shared/staff-view.ts';
import { renderTaskError } from '../shared/task.ts';
import { staffPageStyles } from '../shared/staff-page.styles.ts';
import { viewStyles } from '../shared/view.styles.ts';
import type { IntegrationsEffects } from './staff-integrations.api.ts';
import { DeliveriesController } from './staff-integrations.deliveries.ts';
import { EndpointsController } from './staff-integrations.endpoints.ts';
import { KeysController } from './staff-integrations.keys.ts';
import { SecretReveal } from './staff-integrations.secret.ts';
import { styles } from './portico-staff-integrations.styles.ts';

/**
 * How the vendor's other systems stay in step with the portal (administrators only): webhook
 * endpoints that Portico sends signed events to, with every delivery, its answer and "Send
 * again"; and the keys the vendor's ERP uses to send order status, tracking numbers, invoices and
 * payments in. Secrets and keys are shown once, when made. An endpoint's address, description
 * and events can be changed in its row ("Edit"), keeping its signing secret. Agents see a line
 * saying this is for administrators.
 *
 * @summary Staff console webhooks and ERP keys (administrators only).
 * @csspart endpoints - The webhook endpoints.
 * @csspart endpoint-list - Their list.
 * @csspart endpoint - One endpoint.
 * @csspart endpoint-url - Its address.
 * @csspart endpoint-state - Whether it is on (also `state-on`, `state-off`).
 * @csspart state-on - `endpoint-state` of an endpoint that is on.
 * @csspart state-off - `endpoint-state` of an endpoint that is off.
 * @csspart endpoint-description - Its description.
 * @csspart endpoint-events - The events it is sent.
 * @csspart last-delivery - Its last delivery.
 * @csspart edit-endpoint - "Edit", which opens the endpoint's edit form in its row.
 * @csspart endpoint-editing - The row of the endpoint being edited (with `endpoint`).
 * @csspart endpoint-edit-form - That form: the same fields as the add form, Save and Cancel.
 * @csspart edit-url-input - Its address field.
 * @csspart edit-description-input - Its description field.
 * @csspart edit-events-input - Its event checkboxes.
 * @csspart save-endpoint - "Save".
 * @csspart cancel-endpoint-edit - "Cancel" (Escape too), which closes the form unchanged.
 * @csspart show-deliveries - "Deliveries", which filters the deliveries to it.
 * @csspart toggle-active - "Turn off" or "Turn on".
 * @csspart rotate - "New secret", which asks for confirmation.
 * @csspart confirm-rotate - "Yes, make a new secret".
 * @csspart remove-endpoint - "Remove", which asks for confirmation.
 * @csspart confirm-remove - "Yes, remove it".
 * @csspart keep - "Keep it as it is", which cancels a removal or a new secret.
 * @csspart endpoints-empty - The line shown when there are no endpoints.
 * @csspart endpoint-form - The form that adds an endpoint.
 * @csspart endpoint-url-input - Its address field.
 * @csspart endpoint-description-input - Its description field.
 * @csspart endpoint-events-input - Its event checkboxes.
 * @csspart add-endpoint - "Add endpoint".
 * @csspart secret-panel - A secret or key shown once.
 * @csspart secret-warning - The warning that it will not be shown again.
 * @csspart secret - The secret itself, in a read-only field.
 * @csspart copy - "Copy".
 * @csspart secret-done - "Done, hide it".
 * @csspart deliveries - The deliveries.
 * @csspart delivery-filters - Their filters.
 * @csspart endpoint-filter - The endpoint filter.
 * @csspart status-filter - The status filter.
 * @csspart refresh - "Refresh".
 * @csspart delivery-table - The deliveries' table.
 * @csspart delivery - One delivery.
 * @csspart delivery-event - Its event.
 * @csspart delivery-status - Its status (also `status-pending`, `status-delivered`, `status-failed`).
 * @csspart attempts - How often it was tried.
 * @csspart response-status - The endpoint's HTTP status.
 * @csspart delivery-error - Why it could not be sent.
 * @csspart response - The endpoint's answer, opened on demand.
 * @csspart response-body - Its body.
 * @csspart replay - "Send again".
 * @csspart deliveries-empty - The line shown when no delivery matches.
 * @csspart more - "Load more".
 * @csspart keys - The ERP keys.
 * @csspart key-list - Their list.
 * @csspart key - One key (also `key-active` or `key-revoked`).
 * @csspart key-active - A key that works. @csspart key-revoked - A revoked key.
 * @csspart key-title - Its name.
 * @csspart key-prefix - Its first characters.
 * @csspart key-used - When it was last used.
 * @csspart key-state - "Revoked".
 * @csspart revoke - "Revoke", which asks for confirmation.
 * @csspart confirm-revoke - "Yes, revoke …".
 * @csspart keep-key - "Keep it", which cancels a revocation.
 * @csspart keys-empty - The line shown when there are no keys.
 * @csspart key-form - The form that makes a key.
 * @csspart key-name - Its name field.
 * @csspart create-key - "Make key".
 * @csspart field-error - Why a field was refused.
 * @csspart error - A failure, with `role="alert"`.
 * @csspart retry - "Try again".
 * @csspart signed-out - The line shown to anyone not signed in as staff.
 * @csspart not-admin - The line shown to agents.
 * @cssproperty --gap - Space between blocks. Default: `var(--portico-space, 1rem)`.
 */
@customElement('portico-staff-integrations')
@localized()
export class PorticoStaffIntegrations extends StaffView {
  static override styles = [hostStyles, formStyles, viewStyles, staffPageStyles, styles];

  @state() private announcement = '';
  /** Bumped after an endpoint changed: they (and their deliveries) are read again. */
  @state() private endpointSyncs = 0;
  @state() private keySyncs = 0;

  private secret = new SecretReveal(
    this,
    (text) => (this.announcement = text),
    (selector) => this.focusSoon(selector),
  );

  private endpointEffects: IntegrationsEffects = {
    focusSoon: (selector) => this.focusSoon(selector),
    announce: (text) => (this.announcement = text),
    changed: () => {
      this.endpointSyncs += 1;
      this.deliveries.refresh();
    },
  };

  private deliveries = new DeliveriesController(this, this.endpointEffects);
  private endpoints = new EndpointsController(
    this,
    this.endpointEffects,
    this.secret,
    (endpoint) => {
      this.deliveries.showEndpoint(endpoint.id);
      this.announcement = msg(str`Deliveries to ${endpoint.url} are shown.`);
      this.focusSoon('#deliveries-title');
    },
  );
  private keys = new KeysController(
    this,
    { ...this.endpointEffects, changed: () => (this.keySyncs += 1) },
    this.secret,
  );

  private endpointsTask = new Task(this, {
    args: () => [this.api, this.isAdmin, this.endpointSyncs] as const,
    task: async ([api, isAdmin], { signal }) => {
      if (!api || !isAdmin) return initialState;
      return (await api.trpc.staff.webhook.list.query(undefined, { signal })).items;
    },
  });

  private keysTask = new Task(this, {
    args: () => [this.api, this.isAdmin, this.keySyncs] as const,
    task: async ([api, isAdmin], { signal }) => {
      if (!api || !isAdmin) return initialState;
      return (await api.trpc.staff.inbound.keys.query(undefined, { signal })).items;
    },
  });

  /** Whether an administrator is signed in. */
  get isAdmin(): boolean {
    return (
      this.staffId !== null &&
      this.session.status === 'signed-in' &&
      this.session.me.role === 'admin'
    );
  }

  override render() {
    if (!this.staffId) {
      return this.renderNotStaff(msg('Sign in with a staff account to see the integrations.'));
    }
    if (!this.isAdmin) {
      return html`<p part="not-admin">
        ${msg('Sorry, only administrators can see and change the webhooks and ERP keys.')}
      </p>`;
    }
    const endpoints = this.endpointsTask.value;
    return html`
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      <div class="page">
        <div class="block-group">
          ${this.endpoints.render(
            this.endpointsTask.status === TaskStatus.ERROR ? null : endpoints,
            this.secret,
          )}
          ${renderTaskError(this.endpointsTask, () => void this.endpointsTask.run())}
        </div>
        ${this.deliveries.render(endpoints ?? [])}
        <div class="block-group">
          ${this.keys.render(
            this.keysTask.status === TaskStatus.ERROR ? null : this.keysTask.value,
            this.secret,
          )}
          ${renderTaskError(this.keysTask, () => void this.keysTask.run())}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-staff-integrations': PorticoStaffIntegrations;
  }
}
