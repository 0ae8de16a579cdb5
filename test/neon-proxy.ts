// A WebSocket-to-TCP relay standing in for Neon's edge, so the Neon driver can reach a local PostgreSQL.
import net from 'node:net';
import { WebSocketServer } from 'ws';

export async function startNeonProxy(): Promise<{ url: string; close: () => Promise<void> }> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (socket, request) => {
    const address = new URL(request.url ?? '/', 'http://localhost').searchParams.get('address') ?? '';
    const [host, port] = address.split(':');
    if (host !== '127.0.0.1' && host !== 'localhost') {
      socket.close(1008, 'only local databases');
      return;
    }
    const tcp = net.connect(Number(port) || 5432, host);
    tcp.on('data', (data) => socket.readyState === socket.OPEN && socket.send(data));
    tcp.on('close', () => socket.close());
    tcp.on('error', () => socket.close());
    socket.on('message', (data) => tcp.write(data as Buffer));
    socket.on('close', () => tcp.destroy());
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as net.AddressInfo;
  return {
    url: `127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close(() => resolve());
      }),
  };
}
