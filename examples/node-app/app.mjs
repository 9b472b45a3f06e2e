// A small web application that signs its users in through an OpenID Connect provider with the
// openid-client library, unchanged: nothing here knows the provider is a sandbox. It is told the
// issuer (ISSUER, an https URL), its client id (CLIENT_ID, a public client: PKCE, no secret) and
// its port (PORT); Node trusts the sandbox's CA through NODE_EXTRA_CA_CERTS, with no "insecure" switch.
//
//   GET /          who is signed in (JSON)
//   GET /login     the code flow with PKCE: off to the provider's hosted login
//   GET /callback  back from the provider: the code is exchanged, the ID token checked
//   GET /refresh   a refresh grant
//   GET /logout    RP-initiated logout, back to /bye
import * as http from 'node:http';
import { randomUUID } from 'node:crypto';
import * as client from 'openid-client';

const issuer = new URL(process.env.ISSUER);
const clientId = process.env.CLIENT_ID;
const port = Number(process.env.PORT || 3000);
const base = `http://127.0.0.1:${port}`;

const config = await client.discovery(issuer, clientId, undefined, client.None());
const sessions = new Map();

function session(request, response) {
  const cookie = /(?:^|;\s*)app_session=([^;]+)/.exec(request.headers.cookie || '');
  let id = cookie && sessions.has(cookie[1]) ? cookie[1] : null;
  if (!id) {
    id = randomUUID();
    sessions.set(id, {});
    response.setHeader('Set-Cookie', `app_session=${id}; Path=/; HttpOnly; SameSite=Lax`);
  }
  return sessions.get(id);
}

function json(response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
}

function redirect(response, location) {
  response.writeHead(302, { Location: location.toString() });
  response.end();
}

const routes = {
  '/': async (request, response, state) => json(response, 200, state.user
    ? { signedIn: true, ...state.user } : { signedIn: false }),

  '/login': async (request, response, state) => {
    state.verifier = client.randomPKCECodeVerifier();
    state.state = client.randomState();
    redirect(response, client.buildAuthorizationUrl(config, {
      redirect_uri: `${base}/callback`,
      scope: 'openid profile offline_access',
      code_challenge: await client.calculatePKCECodeChallenge(state.verifier),
      code_challenge_method: 'S256',
      state: state.state,
    }));
  },

  '/callback': async (request, response, state) => {
    const tokens = await client.authorizationCodeGrant(config, new URL(request.url, base), {
      pkceCodeVerifier: state.verifier,
      expectedState: state.state,
    });
    const claims = tokens.claims();
    state.tokens = tokens;
    state.user = { sub: claims.sub, username: claims.preferred_username, acr: claims.acr, amr: claims.amr };
    json(response, 200, { signedIn: true, ...state.user });
  },

  '/refresh': async (request, response, state) => {
    state.tokens = await client.refreshTokenGrant(config, state.tokens.refresh_token);
    json(response, 200, { refreshed: true, expiresIn: state.tokens.expires_in });
  },

  '/logout': async (request, response, state) => {
    const idToken = state.tokens.id_token;
    state.user = undefined;
    state.tokens = undefined;
    redirect(response, client.buildEndSessionUrl(config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: `${base}/bye`,
    }));
  },

  '/bye': async (request, response) => json(response, 200, { signedOut: true }),
};

http.createServer(async (request, response) => {
  const route = routes[new URL(request.url, base).pathname];
  if (!route) {
    return json(response, 404, { error: 'not found' });
  }
  try {
    await route(request, response, session(request, response));
  } catch (error) {
    json(response, 500, { error: error.code || error.name, message: error.message });
  }
}).listen(port, '127.0.0.1', () => console.log(`listening on ${base}`));
