/** Signs in through the public GraphQL mutation, as a browser would; returns the `Cookie` header value. */
export async function signInOverHttp(apiUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { id } }',
      variables: { u: username, p: password },
    }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (!setCookie) throw new Error(`sign-in failed for ${username}: ${await response.text()}`);
  return setCookie.split(';')[0] ?? '';
}
