/** The stdio transport of the language server, with a reader that gives up cleanly on a broken stream. */
import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/**
 * Header errors leave the reader unable to find the next message (a wrong Content-Length, a line that is no header):
 * the stream cannot be trusted again. A body that is not JSON is framed correctly and the next message can be read.
 */
function isFramingError(error: Error): boolean {
  return /Header must provide a Content-Length|Content-Length value must be a number|Message header must separate key and value/.test(error.message);
}

/** What the transport needs from the server: whether `shutdown` came, and where to say why it stops. */
export interface TransportHost {
  shutdownReceived(): boolean;
  log(message: string): void;
}

/**
 * Reader and writer over stdin/stdout. On a framing error the server says so on stderr and exits with status 1
 * instead of waiting forever for a message that cannot come; when stdin ends it exits as the library would (0
 * after `shutdown`, else 1). A body that does not parse is logged and skipped.
 */
export function stdioTransport(host: TransportHost): { reader: MessageReader; writer: MessageWriter } {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    if (isFramingError(error)) {
      process.stderr.write(`kernel-rust-language-server: the message stream from the editor is broken (${error.message.split('\n')[0]}); exiting\n`);
      process.exit(1);
    }
    host.log(`a message from the editor could not be read and was skipped: ${error.message.split('\n')[0]}`);
  });
  const end = (): void => process.exit(host.shutdownReceived() ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  return { reader, writer };
}
