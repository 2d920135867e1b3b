// The few globals every runtime of the shared core provides (browsers, Node ≥ 20, Electron, Vitest).
// Declared here, instead of pulling in the DOM or Node typings, so that nothing else platform-bound
// can slip into shared/ unnoticed.
declare global {
  // eslint-disable-next-line no-var
  var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
  function structuredClone<T>(value: T): T;
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
    decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
  }
  const console: {
    log(...args: unknown[]): void;
    warn(...args: unknown[]): void;
    error(...args: unknown[]): void;
  };
}
export {};
