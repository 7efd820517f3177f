// The chat command's side of the playground configs (../chat.sh): resolves the people named on its command line among
// the seed's and writes one config per person with configs.mjs, as the end-to-end run does.
// Usage: node lib/chat-configs.mjs <out-dir> <word>...  → prints "<email>\t<name>\t<organization>\t<teams>" per person
//        node lib/chat-configs.mjs --list               → every person of the seed who can chat
import fs from 'node:fs';
import path from 'node:path';
import { configFor } from './configs.mjs';
import { findPerson, people, playgroundUser } from './seed-people.mjs';

const line = (p) => [p.email, p.name, p.organization, p.teams.join(', ')].join('\t');
const [first, ...words] = process.argv.slice(2);
try {
  if (first === '--list') {
    for (const p of people) console.log(line(p));
  } else {
    const chosen = words.map(findPerson);
    const twice = chosen.find((p, i) => chosen.indexOf(p) !== i);
    if (twice) throw new Error(`${twice.name} is named twice`);
    fs.mkdirSync(first, { recursive: true });
    for (const p of chosen) {
      fs.writeFileSync(path.join(first, p.email + '.yml'), JSON.stringify(configFor(p.email, playgroundUser(p)), null, 2));
      console.log(line(p));
    }
  }
} catch (e) {
  console.error('chat: ' + e.message);
  process.exit(2);
}
