// Reads the bot's iTop (the sandbox, or the real iTop with E2E_ITOP=real) straight over its REST API, not through the bot.
export class Itop {
  constructor(baseUrl, token = 'sandbox-token') { this.baseUrl = baseUrl.replace(/\/?$/, '/'); this.token = token; }

  /** The iTop run.sh gave the bot (ITOP_URL, and ITOP_TOKEN for a real one). */
  static fromEnv() {
    if (!process.env.ITOP_URL) throw new Error('ITOP_URL is not set');
    return new Itop(process.env.ITOP_URL, process.env.ITOP_TOKEN || undefined);
  }

  async query(cls, key, outputFields = '*') {
    const body = new URLSearchParams({ json_data: JSON.stringify({ operation: 'core/get', class: cls, key, output_fields: outputFields }) });
    const response = await fetch(this.baseUrl + 'webservices/rest.php?version=1.4', { method: 'POST', headers: { 'Auth-Token': this.token }, body });
    const json = await response.json();
    if (json.code !== 0) throw new Error('iTop core/get failed: ' + JSON.stringify(json));
    return Object.values(json.objects ?? {}).map((o) => o.fields);
  }

  /** Creates a UserRequest as someone in the iTop console would (not through the bot); returns its id and ref. */
  async createTicket(fields) {
    const body = new URLSearchParams({ json_data: JSON.stringify({ operation: 'core/create', class: 'UserRequest', comment: 'e2e', fields, output_fields: 'id,ref' }) });
    const response = await fetch(this.baseUrl + 'webservices/rest.php?version=1.4', { method: 'POST', headers: { 'Auth-Token': this.token }, body });
    const json = await response.json();
    if (json.code !== 0) throw new Error('iTop core/create failed: ' + JSON.stringify(json));
    const created = Object.values(json.objects)[0];
    return { id: Number(created.key), ref: created.fields.ref };
  }

  /** Applies a stimulus as the console would (e.g. ev_wait_for_approval naming no approver). */
  async applyStimulus(id, stimulus, fields = {}) {
    const body = new URLSearchParams({ json_data: JSON.stringify({ operation: 'core/apply_stimulus', class: 'UserRequest', key: Number(id), stimulus, comment: 'e2e', fields, output_fields: 'id,status' }) });
    const response = await fetch(this.baseUrl + 'webservices/rest.php?version=1.4', { method: 'POST', headers: { 'Auth-Token': this.token }, body });
    const json = await response.json();
    if (json.code !== 0) throw new Error('iTop core/apply_stimulus failed: ' + JSON.stringify(json));
  }

  async ticket(id) {
    const found = await this.query('UserRequest', Number(id));
    if (found.length !== 1) throw new Error(`ticket ${id}: ${found.length} objects`);
    return found[0];
  }
}
