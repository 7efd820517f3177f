// Reads the iTop sandbox straight over its REST API (not through the bot).
export class Itop {
  constructor(baseUrl, token = 'sandbox-token') { this.baseUrl = baseUrl.replace(/\/?$/, '/'); this.token = token; }

  /** The sandbox run.sh started (ITOP_URL). */
  static fromEnv() {
    if (!process.env.ITOP_URL) throw new Error('ITOP_URL is not set');
    return new Itop(process.env.ITOP_URL);
  }

  async query(cls, key, outputFields = '*') {
    const body = new URLSearchParams({ json_data: JSON.stringify({ operation: 'core/get', class: cls, key, output_fields: outputFields }) });
    const response = await fetch(this.baseUrl + 'webservices/rest.php?version=1.4', { method: 'POST', headers: { 'Auth-Token': this.token }, body });
    const json = await response.json();
    if (json.code !== 0) throw new Error('iTop core/get failed: ' + JSON.stringify(json));
    return Object.values(json.objects ?? {}).map((o) => o.fields);
  }

  async ticket(id) {
    const found = await this.query('UserRequest', Number(id));
    if (found.length !== 1) throw new Error(`ticket ${id}: ${found.length} objects`);
    return found[0];
  }
}
