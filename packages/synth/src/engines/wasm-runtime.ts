// The slice of the WebAssembly JS API this package uses. The project compiles without the DOM
// library, where TypeScript declares WebAssembly, so the global is typed here.

/** A compiled module; opaque to this package. */
export type WasmModule = object;
export type WasmInstance = object;

interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<WasmModule>;
  Instance: new (module: WasmModule, imports: object) => WasmInstance;
}

const api = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

export function compileWasm(bytes: Uint8Array): Promise<WasmModule> {
  return api.compile(bytes);
}

export function instantiateWasm(module: WasmModule, imports: object): WasmInstance {
  return new api.Instance(module, imports);
}
