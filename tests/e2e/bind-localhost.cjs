// Preload (node -r) that forces every net.Server.listen() without an explicit host onto 127.0.0.1:
// the playground calls server.listen(port, cb), which would otherwise bind all interfaces.
const net = require('net');
const orig = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const a0 = args[0];
  if (typeof a0 === 'number' || (typeof a0 === 'string' && /^\d+$/.test(a0))) {
    if (typeof args[1] !== 'string') {
      if (args.length > 1 && args[1] == null) args[1] = '127.0.0.1';
      else args.splice(1, 0, '127.0.0.1');
    }
  } else if (a0 && typeof a0 === 'object' && !a0.path && a0.host == null && !(a0 instanceof net.Server) && !a0._handle && !a0.fd) {
    args[0] = { ...a0, host: '127.0.0.1' };
  }
  return orig.apply(this, args);
};
