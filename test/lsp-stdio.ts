// A minimal LSP client over a child's stdio, for tests: Content-Length framing, requests matched to responses,
// and waits that fail after a deadline instead of hanging the run.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string };
}

interface Waiter {
  accepts: (message: Message) => boolean;
  resolve: (message: Message) => void;
}

export class LspStdioClient {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<Waiter>();
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  stderr = '';

  constructor(command: string, args: string[]) {
    this.child = spawn(command, args, { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  send(message: Omit<Message, 'jsonrpc'>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  notify(method: string, params?: unknown): void {
    this.send({ method, params });
  }

  async request(method: string, params: unknown, timeoutMs = 10_000): Promise<Message> {
    const id = this.nextId++;
    this.send({ id, method, params });
    return this.waitFor((m) => m.id === id && m.method === undefined, `response to ${method}`, timeoutMs);
  }

  /**
   * Resolves with the next message that `accepts` takes. Call it in the same tick as the send that causes the
   * message: data is only read between ticks, so nothing can arrive unseen.
   */
  waitFor(accepts: (message: Message) => boolean, what: string, timeoutMs = 10_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms; server stderr:\n${this.stderr}`));
      }, timeoutMs);
      const waiter: Waiter = {
        accepts,
        resolve: (message) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(message);
        },
      };
      this.waiters.add(waiter);
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      for (const waiter of [...this.waiters]) if (waiter.accepts(message)) waiter.resolve(message);
    }
  }
}
