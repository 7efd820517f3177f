// Writes one playground config per acting person: the playground sends every message and invoke as its
// currentUser (the `from` of its internal API is ignored), so each person of the flow gets their own client, like
// in Teams. The configs are derived from ../.m365agentsplayground.yml (the Lyon support's client) by swapping
// currentUser with one of the users; JSON is valid YAML, so the playground reads them as they are.
// Usage: node lib/configs.mjs <out-dir> <email>...  → <out-dir>/<email>.yml
import fs from 'node:fs';
import path from 'node:path';

const source = fs.readFileSync(new URL('../.m365agentsplayground.yml', import.meta.url), 'utf8');

// The file is a plain subset of YAML (scalars, maps, lists of maps): parsed by indentation.
function parse(text) {
  const root = {};
  const stack = [{ indent: -1, node: root }];
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    let indent = raw.search(/\S/);
    let line = raw.trim();
    while (stack.at(-1).indent >= indent) stack.pop();
    let parent = stack.at(-1).node;
    if (line.startsWith('- ')) {
      const item = {};
      parent.push(item);
      stack.push({ indent, node: item });
      parent = item;
      line = line.slice(2);
      indent += 2;
    }
    const [, key, value] = line.match(/^([^:]+):\s*(.*)$/);
    if (value === '') {
      const child = /^\s*- /.test(text.split('\n')[text.split('\n').indexOf(raw) + 1] ?? '') ? [] : {};
      parent[key] = child;
      stack.push({ indent, node: child });
    } else {
      parent[key] = value.replace(/^"(.*)"$/, '$1');
    }
  }
  return root;
}

/**
 * The config of `email`'s client. Someone outside the file (`user`, a config user of another person of the seed)
 * takes the place of its last user: the playground accepts exactly 5 users besides currentUser.
 */
export function configFor(email, user = null) {
  const config = parse(source);
  let index = config.users.findIndex((u) => u.email === email);
  if (config.currentUser.email !== email) {
    if (index < 0 && user?.email === email) config.users[(index = config.users.length - 1)] = user;
    if (index < 0) throw new Error('not a playground user: ' + email);
    [config.currentUser, config.users[index]] = [config.users[index], config.currentUser];
    config.personalChat.id += '-' + email.split('@')[0].replace(/[^a-z]/g, '');
  }
  return config;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const [outDir, ...emails] = process.argv.slice(2);
  fs.mkdirSync(outDir, { recursive: true });
  for (const email of emails) fs.writeFileSync(path.join(outDir, email + '.yml'), JSON.stringify(configFor(email), null, 2));
}
