/** The bundle of an entry point for the current sources: its URL and whether it is built; null without esbuild. */
export function bundleOf(name: string, entry: string): { url: URL; built: boolean } | null;
/** Builds the bundle of an entry point at the URL {@link bundleOf} gave, leaving `shared` modules outside it. */
export function buildBundle(url: URL, entry: string, shared?: readonly string[]): Promise<void>;
