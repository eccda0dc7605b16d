// The developers' explorer (GraphiQL), built from the installed packages with the console, so it
// works on an intranet with no internet; its editor's workers are bundled too. It sends what the
// caller types to the gateway through the console, with the token of the signed-in session.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readSession } from './lib/session';

const session = readSession();
const fetcher = createGraphiQLFetcher({ url: new URL('graphql', window.location.href).toString() });
const headers = JSON.stringify(
  { authorization: session ? `Bearer ${session.token}` : 'Bearer <令牌>', 'accept-language': 'zh-CN' },
  null,
  2,
);

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} initialHeaders={headers} defaultQuery={'{\n  myOrganizations { id name kind }\n}\n'} />
  </StrictMode>,
);
