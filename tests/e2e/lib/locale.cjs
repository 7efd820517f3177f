// Preload (node -r) for the Agents Playground: its activities carry "locale":"en-US" (and a clientInfo entity with
// country "US") as constants that no option changes, so a bot that follows the client's language answers in English.
// With PLAYGROUND_LOCALE=fr-FR (any xx-YY), every request body sent to the bot's /api/messages says that locale
// instead, as a French Teams client would. Same length, so the Content-Length already set stays right.
const http = require('http');

const locale = process.env.PLAYGROUND_LOCALE;
if (locale && /^[a-z]{2}-[A-Z]{2}$/.test(locale) && locale !== 'en-US') {
  const from = [Buffer.from('"locale":"en-US"'), Buffer.from('"country":"US"')];
  const to = [Buffer.from(`"locale":"${locale}"`), Buffer.from(`"country":"${locale.slice(3)}"`)];

  const rewrite = (request, chunk) => {
    if (!/\/api\/messages(\?|$)/.test(request.path ?? '') || chunk == null || typeof chunk === 'function') return chunk;
    let body = Buffer.isBuffer(chunk) ? chunk : typeof chunk === 'string' ? Buffer.from(chunk) : null;
    if (!body) return chunk;
    for (let i = 0; i < from.length; i++) {
      for (let at = body.indexOf(from[i]); at >= 0; at = body.indexOf(from[i], at + to[i].length)) {
        body = Buffer.concat([body.subarray(0, at), to[i], body.subarray(at + from[i].length)]);
      }
    }
    return body;
  };

  const write = http.ClientRequest.prototype.write;
  http.ClientRequest.prototype.write = function (chunk, ...rest) {
    return write.call(this, rewrite(this, chunk), ...rest);
  };
  const end = http.ClientRequest.prototype.end;
  http.ClientRequest.prototype.end = function (chunk, ...rest) {
    return end.call(this, rewrite(this, chunk), ...rest);
  };
}
