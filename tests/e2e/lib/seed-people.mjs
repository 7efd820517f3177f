// The people of the iTop sandbox seed (src/ChatOpsBot.ItopSandbox/Seed/seed.json), the bot's embedded defaults: who can
// chat with the bot (a Teams user is matched to an iTop person by email), and how a name on the command line finds one.
import fs from 'node:fs';

const seed = JSON.parse(fs.readFileSync(new URL('../../../src/ChatOpsBot.ItopSandbox/Seed/seed.json', import.meta.url), 'utf8'));

const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every seed person with an email: { id, name, givenName, surname, email, organization, teams }. */
export const people = seed.objects
  .filter((o) => o.class === 'Person' && o.fields.email)
  .map((o) => ({
    id: o.id,
    givenName: o.fields.first_name,
    surname: o.fields.name,
    name: `${o.fields.first_name} ${o.fields.name}`,
    email: o.fields.email,
    organization: o.fields.org_name ?? o.fields.org_id_friendlyname ?? '',
    teams: (o.fields.team_list ?? []).map((t) => t.team_name),
  }));

/**
 * The person a word names: an email, or a piece of a name that only one person's name holds ("hamid", "helene",
 * "support insa lyon", "lyon"), else of one email ("le-moane"). Accents and case do not matter.
 */
export function findPerson(word) {
  const w = fold(word.trim());
  const exact = people.find((p) => fold(p.email) === w || fold(p.name) === w);
  if (exact) return exact;
  for (const field of ['name', 'email']) {
    const found = people.filter((p) => fold(p[field]).includes(w));
    if (found.length === 1) return found[0];
    if (found.length > 1) throw new Error(`"${word}" names several people: ${found.map((p) => p.name).join(', ')}`);
  }
  throw new Error(`"${word}" names nobody of the seed (bash tests/e2e/chat.sh --list shows who can chat)`);
}

/** A Teams-shaped user of the playground's config for a seed person (ids derived from the iTop person id). */
export function playgroundUser(person) {
  const letters = fold(person.name).replace(/[^a-z]/g, '');
  return {
    id: ('29:1' + letters + 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789').slice(0, 48),
    name: person.name,
    userPrincipleName: person.email,
    aadObjectId: `3b9d2c1e-1111-4a2b-8c3d-${String(person.id).padStart(12, '0')}`,
    givenName: person.givenName,
    surname: person.surname,
    email: person.email,
  };
}
