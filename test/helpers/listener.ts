import { createServer } from "node:net";
import { after } from "node:test";

/** A loopback TCP listener that counts connections (and drops them): what must never be reached. */
export interface Tripwire {
  port: number;
  connections(): number;
}

/** Opens the listener now; it closes when the test file ends. */
export async function tripwire(): Promise<Tripwire> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  after(() => server.close());
  return { port: (server.address() as { port: number }).port, connections: () => connections };
}
