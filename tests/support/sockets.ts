import { execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Counters on loopback that see what leaves a browser below HTTP: TCP connections accepted by a
// raw socket server, UDP datagrams (a socket posing as a STUN/TURN server), and DNS queries
// (a DNS-over-HTTPS responder the browser is configured to use for every name it does not map
// itself). Each listens on an ephemeral port of 127.0.0.1.

/**
 * A raw TCP server: counts connections and keeps the head each one sent; a connection that sent
 * a whole request head is answered with a tiny HTTP page and closed.
 */
export interface TcpSink {
  readonly port: number;
  readonly connections: number;
  /** The first line each connection sent (an HTTP request line, when it was HTTP). */
  readonly lines: readonly string[];
  /** The head each connection sent (up to its first blank line, or 4 KB): request line and headers. */
  readonly heads: readonly string[];
  close(): Promise<void>;
}

export async function tcpSink(): Promise<TcpSink> {
  let connections = 0;
  const lines: string[] = [];
  const heads: string[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = createTcpServer((socket) => {
    connections++;
    sockets.add(socket);
    let head = '';
    let done = false;
    socket.on('data', (data) => {
      if (done) return;
      head += data.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end < 0 && head.length < 4096) return;
      done = true;
      heads.push(end < 0 ? head : head.slice(0, end));
      // An HTTP request gets a small page, so a navigation to it completes.
      socket.end(
        'HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok',
      );
      lines.push(head.slice(0, head.indexOf('\n') < 0 ? undefined : head.indexOf('\n')).trimEnd());
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    get connections() {
      return connections;
    },
    lines,
    heads,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * An HTTP server that starts every answer and never finishes it: a page navigated to it commits
 * (the document it replaces is gone) but never fires `load`. Counts the requests.
 */
export interface StallSink {
  readonly port: number;
  readonly requests: number;
  close(): Promise<void>;
}

export async function stallSink(): Promise<StallSink> {
  let requests = 0;
  const sockets = new Set<import('node:net').Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.once('data', () => {
      requests++;
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\n\r\n<!doctype html><p>Loading');
    });
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A UDP socket: counts datagrams and their bytes, answers none. */
export interface UdpSink {
  readonly port: number;
  readonly packets: number;
  readonly bytes: number;
  close(): Promise<void>;
}

export async function udpSink(): Promise<UdpSink> {
  let packets = 0;
  let bytes = 0;
  const socket = createSocket('udp4');
  socket.on('message', (message) => {
    packets++;
    bytes += message.length;
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    port: socket.address().port,
    get packets() {
      return packets;
    },
    get bytes() {
      return bytes;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/**
 * A DNS-over-HTTPS responder (RFC 8484, GET and POST): it records every name asked for and
 * answers every A query with 127.0.0.1 (and other types with no record), so whatever a browser
 * looks up leads back to loopback. Its certificate is made for the run (self-signed, for
 * 127.0.0.1) with the `openssl` command; the browser is told to ignore certificate errors.
 */
export interface DnsSink {
  /** The DoH URL template the browser is given. */
  readonly template: string;
  /** Every name asked for, lower case, with repeats (one per query type and attempt). */
  readonly names: readonly string[];
  close(): Promise<void>;
}

export async function dnsSink(): Promise<DnsSink> {
  const dir = await mkdtemp(join(tmpdir(), 'csv-importer-doh-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1']
      .concat(['-addext', 'subjectAltName=IP:127.0.0.1'])
      .concat(['-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')]),
    { stdio: 'ignore' },
  );
  const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
  await rm(dir, { recursive: true, force: true });
  const names: string[] = [];
  const server = createHttpsServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const query =
        req.method === 'GET'
          ? Buffer.from(new URL(req.url ?? '/', 'https://x').searchParams.get('dns') ?? '', 'base64url')
          : Buffer.concat(chunks);
      const reply = dnsAnswer(query, names);
      if (!reply) {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/dns-message', 'cache-control': 'no-store' });
      res.end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    template: `https://127.0.0.1:${port}/dns-query{?dns}`,
    names,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The answer to one DNS query message: A 127.0.0.1 for an A question, no record otherwise. */
function dnsAnswer(query: Buffer, names: string[]): Buffer | undefined {
  if (query.length < 17) return undefined;
  const labels: string[] = [];
  let at = 12;
  while (at < query.length && query[at] !== 0) {
    const length = query[at]!;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += length + 1;
  }
  if (at + 5 > query.length) return undefined;
  const type = query.readUInt16BE(at + 1);
  names.push(labels.join('.').toLowerCase());
  const header = Buffer.from(query.subarray(0, 12));
  header.writeUInt16BE(0x8180, 2); // a response, recursion desired and available, no error
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(type === 1 ? 1 : 0, 6);
  header.writeUInt32BE(0, 8);
  const question = query.subarray(12, at + 5);
  // The answer names the question by a pointer to offset 12; 60 s TTL; 4 bytes of address.
  const record = Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]);
  return Buffer.concat(type === 1 ? [header, question, record] : [header, question]);
}
