/**
 * The importer's icons as data: the outline paths of each (24 × 24, drawn with a 2 px stroke in
 * `currentColor`) and the attributes every icon's `<svg>` carries. icons.ts renders them; the
 * hostile-input test reads the same table to tell an icon of ours from markup a file smuggled in,
 * so the two cannot drift apart. Plain data, no DOM: Node imports it too.
 */
export const ICON_PATHS = {
  upload: ['M12 15V3', 'M7 8l5-5 5 5', 'M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'],
  download: ['M12 3v12', 'M7 10l5 5 5-5', 'M21 15v4a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-4'],
  file: ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5', 'M9 13h6', 'M9 17h6'],
  check: ['M20 6 9 17l-5-5'],
  success: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M8 12.5l2.5 2.5L16 9.5'],
  warning: [
    'M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
    'M12 9v4',
    'M12 17h.01',
  ],
  error: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M12 7.5v5', 'M12 16.5h.01'],
  info: ['M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z', 'M12 11v5', 'M12 7.5h.01'],
  close: ['M18 6 6 18', 'M6 6l12 12'],
  back: ['M19 12H5', 'M12 19l-7-7 7-7'],
  forward: ['M5 12h14', 'M12 5l7 7-7 7'],
  up: ['M18 15l-6-6-6 6'],
  down: ['M6 9l6 6 6-6'],
  search: ['M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M21 21l-4.35-4.35'],
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  redo: ['M15 14l5-5-5-5', 'M20 9H9.5a5.5 5.5 0 0 0 0 11H13'],
  trash: [
    'M3 6h18',
    'M8 6V4a2 2 0 0 1 2-2h4a2 2 0 0 1 2 2v2',
    'M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6',
  ],
  settings: [
    'M4 21v-7',
    'M4 10V3',
    'M12 21v-9',
    'M12 8V3',
    'M20 21v-5',
    'M20 12V3',
    'M1 14h6',
    'M9 8h6',
    'M17 16h6',
  ],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICON_PATHS;

/** Icons that point along the reading direction: mirrored in right-to-left text. */
export const MIRRORED_ICONS: ReadonlySet<IconName> = new Set(['back', 'forward', 'undo', 'redo']);

/**
 * Every attribute an icon's `<svg>` has, with its value; `class` is `icon`, or `icon mirrored`
 * for the icons above. Its `<path>` children have a `d` attribute only.
 */
export const ICON_ATTRIBUTES = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': '2',
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
  'aria-hidden': 'true',
  focusable: 'false',
} as const;

/** The `class` of icon `name`'s `<svg>`. */
export const iconClass = (name: IconName): string => (MIRRORED_ICONS.has(name) ? 'icon mirrored' : 'icon');
