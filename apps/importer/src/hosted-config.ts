import { decodeEmbedConfig, type EmbedConfig } from '@csv-importer/protocol';

/** Name of the `<meta>` through which the deployer lists the host origins a hosted frame accepts. */
export const ALLOWED_ORIGINS_META = 'csv-importer-allowed-origins';

/** How this frame document was loaded, and what it may talk to. */
export type FrameMode =
  /** Inside `<csv-importer>` as srcdoc: an opaque origin; only the parent window is trusted. */
  | { readonly kind: 'srcdoc' }
  /** From its own origin, in `<csv-importer src>`: the parent must be in the allow-list. */
  | { readonly kind: 'hosted'; readonly allowedOrigins: readonly string[] }
  /** A plain `<iframe src=".../#config=…">`: results go only to the configured parent origin. */
  | { readonly kind: 'embed'; readonly config: EmbedConfig }
  /** Not usable; `message` says why. */
  | { readonly kind: 'refused'; readonly message: string };

/**
 * Reads the mode from the document. The allow-list comes from the deployer (a build option, or
 * the static server rewriting the `<meta>`), never from the embedding page; its
 * `frame-ancestors` header comes from the same list.
 */
export function frameMode(doc: Document = document, location: Location = window.location): FrameMode {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${ALLOWED_ORIGINS_META}"]`);
  if (!meta) return { kind: 'srcdoc' };
  const allowedOrigins = meta.content.split(/\s+/).filter((o) => o !== '');
  const fragment = new URLSearchParams(location.hash.slice(1)).get('config');
  if (fragment === null) return { kind: 'hosted', allowedOrigins };
  let config: EmbedConfig;
  try {
    config = decodeEmbedConfig(fragment);
  } catch (error) {
    return { kind: 'refused', message: (error as Error).message };
  }
  const origin = new URL(config.parentOrigin).origin;
  if (!allowedOrigins.includes(origin)) {
    return { kind: 'refused', message: `This importer does not accept pages from ${origin}.` };
  }
  return { kind: 'embed', config: { ...config, parentOrigin: origin } };
}
