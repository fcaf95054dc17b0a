import { expect } from 'chai';
import { controls, tokens } from '../styles/shared-styles.ts';
import { visibleRange } from './row-window.ts';
import { rowWindowTableStyles } from './row-window-styles.ts';

// A list styled as the match and values steps style theirs, in a shadow root of the page with the
// frame's shared styles: what RowWindow's arithmetic needs of it holds in a real layout.

const ROW_HEIGHT = 40;
const COUNT = 100;

let host: HTMLElement | undefined;
afterEach(() => host?.remove());

/** The rows `start` to `end` of COUNT rendered with their gap rows, the way the steps render them. */
function list(start: number, end: number, text: (row: number) => string = (row) => `value ${row}`) {
  host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens, controls, rowWindowTableStyles(ROW_HEIGHT, 5)].map((s) => s.styleSheet!);
  const gap = (rows: number) =>
    rows > 0 ? `<tr class="gap" style="height:${rows * ROW_HEIGHT}px"><td colspan="2"></td></tr>` : '';
  const rows = Array.from(
    { length: end - start },
    (_, i) => `<tr data-row="${start + i}"><th scope="row">${text(start + i)}</th><td>${start + i}</td></tr>`,
  ).join('');
  root.innerHTML = `<div class="rows"><table class="plain">
    <thead><tr><th scope="col">Value</th><th scope="col">Count</th></tr></thead>
    <tbody>${gap(start)}${rows}${gap(COUNT - end)}</tbody>
  </table></div>`;
  return root;
}

describe('rowWindowTableStyles', () => {
  it('every row is exactly the row height, however long its text', () => {
    const root = list(0, 20, (row) => (row === 3 ? 'a long header '.repeat(100) : `value ${row}`));
    const heights = [...root.querySelectorAll<HTMLElement>('tbody tr[data-row]')].map(
      (tr) => tr.getBoundingClientRect().height,
    );
    expect(new Set(heights)).to.deep.equal(new Set([ROW_HEIGHT]));
    const long = root.querySelector<HTMLElement>('tr[data-row="3"] th')!;
    expect(long.scrollWidth).to.be.greaterThan(long.clientWidth, 'the text is cut, not wrapped');
  });

  it('the box shows about the rows asked for, and the header stays at its top as the rows scroll', () => {
    const root = list(0, COUNT);
    const box = root.querySelector<HTMLElement>('.rows')!;
    expect(box.offsetHeight).to.equal(Math.min(innerHeight * 0.6, ROW_HEIGHT * 5 + 40));
    box.scrollTop = 1000;
    const header = root.querySelector('thead th')!.getBoundingClientRect();
    expect(header.top).to.equal(box.getBoundingClientRect().top);
  });

  it('the rows a window renders, with gap rows for the others, stand where the whole list would put them', () => {
    const whole = list(0, COUNT);
    const at = (root: ShadowRoot, row: number) => {
      const tbody = root.querySelector('tbody')!.getBoundingClientRect().top;
      return root.querySelector(`tr[data-row="${row}"]`)!.getBoundingClientRect().top - tbody;
    };
    const expected = [30, 37].map((row) => at(whole, row));
    host!.remove();
    const { start, end } = visibleRange(30 * ROW_HEIGHT, 5 * ROW_HEIGHT, ROW_HEIGHT, COUNT, 2);
    const windowed = list(start, end);
    expect([30, 37].map((row) => at(windowed, row))).to.deep.equal(expected);
  });
});
