// A byte relay between a Unix socket and a TCP port on 127.0.0.1, so that the bot inside run.sh's network namespace
// reaches a real iTop listening on the host's loopback: a Unix socket is a file, visible from every network namespace.
//   node relay.mjs to-tcp  <socket> <port>   (host side: the socket's connections go to 127.0.0.1:<port>)
//   node relay.mjs to-unix <port> <socket>   (namespace side: 127.0.0.1:<port> goes to the socket)
import net from 'node:net';

const [mode, from, to] = process.argv.slice(2);
const connect = mode === 'to-tcp' ? () => net.connect(Number(to), '127.0.0.1') : () => net.connect(to);
const server = net.createServer((client) => {
  const target = connect();
  client.pipe(target).pipe(client);
  client.on('error', () => target.destroy());
  target.on('error', () => client.destroy());
});
server.on('listening', () => console.log(`relay ${mode} listening on ${from}`));
if (mode === 'to-tcp') server.listen(from);
else if (mode === 'to-unix') server.listen(Number(from), '127.0.0.1');
else { console.error('usage: relay.mjs to-tcp <socket> <port> | to-unix <port> <socket>'); process.exit(2); }
