// `npm start` runs this after the build: the playground on http://localhost:5173 (PORT overrides).
import { startPlayground } from './server.mjs';

const servers = await startPlayground({ port: Number(process.env.PORT ?? 5173) });
console.log(`Playground: ${servers.url}  (hosted importer on ${servers.hostedUrl}; Ctrl+C to stop)`);
const stop = async () => {
  await servers.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
