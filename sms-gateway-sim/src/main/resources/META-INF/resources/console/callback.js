// The console as a relying party: the redirect back from the hosted login. Checks the state,
// exchanges the code with the PKCE verifier (through this origin's proxy to the token endpoint),
// checks the nonce and shows the ID token's claims and userinfo. Signature checks are a real
// client library's job (see the README); the console shows what arrived.
const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const flow = JSON.parse(sessionStorage.getItem('lockstep-oidc') || '{}');
sessionStorage.removeItem('lockstep-oidc');

function claims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(atob(payload).split('').map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
  return JSON.parse(json);
}

async function finish() {
  if (params.get('error')) {
    $('oidc-result').textContent = 'The sign-in ended with ' + params.get('error')
      + (params.get('error_description') ? ': ' + params.get('error_description') : '');
    return;
  }
  if (!flow.state || params.get('state') !== flow.state) {
    $('oidc-result').textContent = 'Refused: the state does not match the sign-in this tab started.';
    return;
  }
  const answer = await fetch('/v1/console/auth/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: flow.redirectUri,
      client_id: flow.clientId, code_verifier: flow.verifier })
  });
  const tokens = await answer.json();
  if (!answer.ok) {
    $('oidc-result').textContent = 'The token endpoint said ' + tokens.error + ': ' + (tokens.error_description || '');
    return;
  }
  const id = claims(tokens.id_token);
  if (id.nonce !== flow.nonce) {
    $('oidc-result').textContent = 'Refused: the ID token does not carry this sign-in\'s nonce.';
    return;
  }
  $('oidc-result').textContent = 'Signed in as ' + (id.preferred_username || id.sub) + ' (acr ' + id.acr + ', amr '
    + (id.amr || []).join(' ') + ').';
  $('oidc-id-token').textContent = JSON.stringify(id, null, 2);
  const info = await fetch('/v1/console/auth/oauth2/userinfo', { headers: { Authorization: 'Bearer ' + tokens.access_token } });
  $('oidc-userinfo').textContent = JSON.stringify(await info.json(), null, 2);
}
finish().catch((e) => { $('oidc-result').textContent = 'Failed: ' + e.message; });
