// The message extension (issue 16) through the real client (Agents Playground): a search from the compose box and a
// pasted iTop link, sent as the playground sends them (composeExtension/query without commandId nor parameter name,
// composeExtension/queryLink), by the Lyon support (sees INSA Lyon's tickets only) and the group desk (sees all).
// Two tickets are created straight in iTop (as in its console): one of INSA Lyon, one of INSA Rennes.
// Needs ITOP_URL and PLAYGROUND_<LYON|NATHALIE> (run.sh sets them).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { playgrounds } from './lib/playground.mjs';
import { Itop } from './lib/itop.mjs';

const CARD = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';
const clients = playgrounds('lyon', 'nathalie');
const itop = Itop.fromEnv();
// Letters first: a number alone would be read as a ticket reference.
const stamp = 'e2e' + Date.now().toString(36);

/** The composeExtension part of the bot's answer, whether the playground hands back the body or wraps it. */
const extension = (answer) => answer.composeExtension ?? answer.value?.composeExtension ?? assert.fail('no composeExtension in ' + JSON.stringify(answer));
const refs = (answer) => extension(answer).attachments.map((a) => a.preview.content.title.split(' ')[0]);
const search = (pg, text) => pg.invoke('composeExtension/query', { parameters: [{ value: text }], queryOptions: { skip: 0, count: 25 }, commandContext: 'compose', context: { theme: 'default' } });
const unfurl = (pg, url) => pg.invoke('composeExtension/queryLink', { url });

describe('message extension through the Agents Playground', { concurrency: 1 }, () => {
  let lyon, rennes;

  before(async () => {
    await Promise.all(Object.values(clients).map((c) => c.connect()));
    assert.equal(clients.lyon.me.email, 'support@insa-lyon.fr');
    lyon = await itop.createTicket({ org_id: 3, caller_id: 11, service_id: 4, title: `Recherche ${stamp} Lyon`, description: 'e2e' });
    rennes = await itop.createTicket({ org_id: 5, caller_id: 5, service_id: 4, title: `Recherche ${stamp} Rennes`, description: 'e2e' });
  });

  after(() => Object.values(clients).forEach((c) => c.close()));

  it('a search lists the tickets one may see, each with its preview and the ticket card to insert', async () => {
    const mine = await search(clients.lyon, stamp);
    assert.equal(extension(mine).type, 'result');
    assert.equal(extension(mine).attachmentLayout, 'list');
    assert.deepEqual(refs(mine), [lyon.ref], 'the Lyon support sees INSA Lyon\'s ticket only');
    const [result] = extension(mine).attachments;
    assert.equal(result.contentType, CARD);
    assert.equal(result.preview.contentType, THUMBNAIL);
    assert.match(result.preview.content.title, new RegExp(`^${lyon.ref} · Recherche ${stamp} Lyon$`));
    assert.ok(JSON.stringify(result.content).includes(lyon.ref), 'the inserted card is the ticket\'s');
    assert.deepEqual(result.content.refresh.userIds, [clients.lyon.me.id], 'the searcher\'s client fetches their own view');

    assert.deepEqual(refs(await search(clients.nathalie, stamp)).sort(), [lyon.ref, rennes.ref].sort(), 'the group desk sees both');
    assert.deepEqual(refs(await search(clients.lyon, `${stamp} rennes`)), []);
    assert.deepEqual(refs(await search(clients.lyon, lyon.ref)), [lyon.ref]);
  });

  it('a pasted iTop ticket link becomes the card for who may see it, the restricted card otherwise', async () => {
    const link = (ticket) => `${process.env.ITOP_URL.replace(/\/?$/, '/')}pages/UI.php?operation=details&class=UserRequest&id=${ticket.ref}`;

    const own = await unfurl(clients.lyon, link(lyon));
    assert.match(extension(own).attachments[0].preview.content.title, new RegExp(`^${lyon.ref} · Recherche`));
    // cacheInfo is not checked here: the playground hands back the answer's composeExtension only (LinkUnfurlingTests checks it).

    const other = await unfurl(clients.lyon, link(rennes));
    const restricted = extension(other).attachments[0];
    assert.match(restricted.preview.content.title, new RegExp(`^Ticket ${rennes.ref} \\((restricted|accès restreint)\\)$`));
    assert.ok(!JSON.stringify(restricted).includes('Recherche'), 'nothing of the ticket is shown');

    const desk = await unfurl(clients.nathalie, link(rennes));
    assert.match(extension(desk).attachments[0].preview.content.title, new RegExp(`^${rennes.ref} · Recherche ${stamp} Rennes$`));
  });
});
