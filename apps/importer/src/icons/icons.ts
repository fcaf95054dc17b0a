import { html, svg } from 'lit';
import { ICON_ATTRIBUTES as A, ICON_PATHS, type IconName, iconClass } from './icon-paths.ts';

/**
 * An inline icon: decorative (`aria-hidden`), in the text's color and size (1.25em, set by the
 * shared styles' `.icon`), mirrored in right-to-left text where it points along the line. The
 * element's label says what the icon shows; the icon never carries meaning alone.
 */
export function icon(name: IconName) {
  return html`<svg
    class=${iconClass(name)}
    viewBox=${A.viewBox}
    fill=${A.fill}
    stroke=${A.stroke}
    stroke-width=${A['stroke-width']}
    stroke-linecap=${A['stroke-linecap']}
    stroke-linejoin=${A['stroke-linejoin']}
    aria-hidden=${A['aria-hidden']}
    focusable=${A.focusable}
  >${ICON_PATHS[name].map((d) => svg`<path d=${d}></path>`)}</svg>`;
}
