import { Writable } from 'node:stream';

/** A stream that keeps every chunk written to it, for a test to read what a logger wrote. */
export function memoryStream(): { destination: Writable; chunks: string[]; text: () => string } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { destination, chunks, text: () => chunks.join('') };
}
