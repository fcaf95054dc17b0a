import { expect } from 'chai';
import './csv-importer.ts';
import type { CsvImporter } from './csv-importer.component.ts';
import { CsvImporterErrorEvent } from './events.ts';

const COLUMNS = [
  { key: 'name', label: 'Name', required: true },
  { key: 'email', label: 'E-mail', type: 'email' as const },
];

function mount(): CsvImporter {
  const element = document.createElement('csv-importer');
  document.body.append(element);
  return element;
}

function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => target.addEventListener(type, (e) => resolve(e as E), { once: true }));
}

afterEach(() => {
  for (const element of document.querySelectorAll('csv-importer')) element.remove();
});

describe('<csv-importer>', () => {
  it('opens a srcdoc frame sandboxed with allow-scripts only, whose CSP forbids connections', async () => {
    const element = mount();
    element.columns = COLUMNS;
    element.open();
    await element.updateComplete;
    const frame = element.shadowRoot!.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).to.equal('allow-scripts');
    expect(frame.hasAttribute('src')).to.equal(false);
    const doc = new DOMParser().parseFromString(frame.srcdoc, 'text/html');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).to.include("connect-src 'none'");
    expect(csp).to.include("require-trusted-types-for 'script'");
    expect(csp).not.to.include('unsafe-eval');
    expect(csp).to.match(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.to.include('unsafe-eval');
    expect(element.hasAttribute('open')).to.equal(true);
  });

  it('refuses invalid columns with an error event naming the problem, and stays closed', async () => {
    const element = mount();
    element.columns = [{ key: '', label: 'Nameless' }];
    const error = nextEvent<CsvImporterErrorEvent>(element, 'csv-importer-error');
    element.open();
    const event = await error;
    await element.updateComplete;
    expect(event).to.be.instanceOf(CsvImporterErrorEvent);
    expect(event.code).to.equal('invalid_columns');
    expect(event.message).to.include('columns.0.key');
    expect(element.isOpen).to.equal(false);
    expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
  });

  it('copies columns and metadata held in proxies (framework state) and frozen objects into the init message', async () => {
    // What Vue `reactive`, Svelte `$state` and MobX hand over: proxies at every depth, which
    // postMessage refuses (DataCloneError).
    const deepProxy = <T extends object>(target: T): T =>
      new Proxy(target, {
        get: (object, key, receiver) => {
          const value = Reflect.get(object, key, receiver);
          return typeof value === 'object' && value !== null ? deepProxy(value) : value;
        },
      });
    const columns = [
      ...COLUMNS,
      { key: 'plan', label: 'Plan', type: 'select' as const, options: [{ value: 'pro', label: 'Pro' }] },
    ];
    const element = mount();
    element.debug = true;
    element.columns = deepProxy(columns.map((c) => ({ ...c, validate: () => null })));
    element.metadata = Object.freeze(deepProxy({ tenant: 'acme' }));
    expect(() => structuredClone(element.columns)).to.throw();
    const init = new Promise<Record<string, unknown>>((resolve) =>
      element.addEventListener('csv-importer-message', (e) => {
        if (e.direction === 'sent' && e.message.type === 'init') resolve(e.message);
      }),
    );
    element.open();
    const message = await init;
    expect(message.columns).to.deep.equal(columns);
    expect((message.options as { metadata: unknown }).metadata).to.deep.equal({ tenant: 'acme' });
  });

  it('refuses a value that cannot be sent to the frame with an error event naming its path', async () => {
    // What a page without types can hand over: a label computed by a function, a Date.
    const cases: [Record<string, unknown>, string, string][] = [
      [
        {
          columns: [
            ...COLUMNS,
            { key: 'plan', label: 'Plan', type: 'select', options: [{ value: 'pro', label: () => 'Pro' }] },
          ],
        },
        'invalid_columns',
        'columns[2].options[0].label: a function cannot be sent to the importer',
      ],
      [{ columns: COLUMNS, metadata: { since: new Date(0) } }, 'invalid_options', 'metadata.since: a Date'],
    ];
    for (const [properties, code, message] of cases) {
      const element = mount();
      Object.assign(element, properties);
      const error = nextEvent<CsvImporterErrorEvent>(element, 'csv-importer-error');
      element.open();
      const event = await error;
      await element.updateComplete;
      expect(event.code).to.equal(code);
      expect(event.message).to.include(message);
      expect(element.isOpen).to.equal(false);
      expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
      element.remove();
    }
  });

  it("refuses a hosted importer on the page's own origin, which its sandbox could not contain", async () => {
    const element = mount();
    element.columns = COLUMNS;
    element.src = '/importer/';
    const error = nextEvent<CsvImporterErrorEvent>(element, 'csv-importer-error');
    element.open();
    const event = await error;
    await element.updateComplete;
    expect(event.code).to.equal('invalid_options');
    expect(event.message).to.include('another origin');
    expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
  });

  it('close() removes the frame and dispatches a composed close event', async () => {
    const element = mount();
    element.columns = COLUMNS;
    element.open();
    await element.updateComplete;
    const closed = nextEvent<Event>(document, 'csv-importer-close');
    element.close();
    const event = await closed;
    await element.updateComplete;
    expect(event.composed).to.equal(true);
    expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
  });

  it('close() then open() in one task gives a fresh frame, not the old one', async () => {
    const element = mount();
    element.columns = COLUMNS;
    element.open();
    await element.updateComplete;
    const first = element.shadowRoot!.querySelector('iframe');
    element.close();
    element.open();
    await element.updateComplete;
    const second = element.shadowRoot!.querySelector('iframe');
    expect(second).to.not.equal(null);
    expect(second).to.not.equal(first);
    expect(first!.isConnected).to.equal(false);
  });

  it('reads its attributes into properties and reflects open and display back', async () => {
    const element = mount();
    element.setAttribute('max-rows', '250');
    element.setAttribute('include-unmatched', '');
    element.setAttribute('locale', 'de-AT');
    expect(element.maxRows).to.equal(250);
    expect(element.includeUnmatched).to.equal(true);
    expect(element.locale).to.equal('de-AT');
    element.removeAttribute('max-rows');
    element.removeAttribute('include-unmatched');
    element.removeAttribute('locale');
    expect(element.maxRows).to.equal(undefined);
    expect(element.includeUnmatched).to.equal(false);
    expect(element.locale).to.equal('en');
    element.columns = COLUMNS;
    element.display = 'modal';
    element.setAttribute('open', '');
    await element.updateComplete;
    expect(element.isOpen).to.equal(true);
    expect(element.getAttribute('display')).to.equal('modal');
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('iframe')!.getAttribute('sandbox')).to.equal('allow-scripts');
    element.close();
    await element.updateComplete;
    expect(element.hasAttribute('open')).to.equal(false);
    expect(element.shadowRoot!.querySelector('dialog')).to.equal(null);
  });

  it('keeps properties a page set before the element was defined, also under another tag', async () => {
    const { CsvImporter } = await import('./csv-importer.component.ts');
    const element = document.createElement('csv-importer-late') as CsvImporter;
    element.columns = COLUMNS;
    element.display = 'modal';
    document.body.append(element);
    customElements.define('csv-importer-late', class extends CsvImporter {});
    expect(element).to.be.instanceOf(CsvImporter);
    expect(element.columns).to.equal(COLUMNS);
    expect(Object.hasOwn(element, 'columns')).to.equal(false);
    element.open();
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('dialog iframe')).to.not.equal(null);
    element.remove();
  });

  it('importFile() opens a closed importer and hands the file to its frame, which applies the same limits', async () => {
    const element = mount();
    element.columns = COLUMNS;
    element.maxFileSize = 10;
    const error = nextEvent<CsvImporterErrorEvent>(element, 'csv-importer-error');
    await element.importFile(
      new Blob(['name,email\nAda,ada@example.com\n'], { type: 'text/csv' }),
      'people.csv',
    );
    expect(element.isOpen).to.equal(true);
    // The frame read the file's size and refused it as the upload step refuses a chosen file.
    const event = await error;
    expect(event.code).to.equal('file_too_large');
    expect(event.message).to.include('larger than');
  });

  it('importFile() on an open importer: the frame reads the file up to the match step', async () => {
    const element = mount();
    element.columns = COLUMNS;
    element.debug = true;
    element.open();
    await element.updateComplete;
    // The frame tells the host once it holds work (a file read and waiting at the match step).
    const working = new Promise<void>((resolve) =>
      element.addEventListener('csv-importer-message', (e) => {
        if (e.direction === 'received' && e.message.type === 'work' && e.message.unsaved === true) resolve();
      }),
    );
    await element.importFile(
      new File(['name,email\nAda,ada@example.com\n'], 'people.csv', { type: 'text/csv' }),
    );
    await working;
  });

  it('is defined once even when its registration runs again', async () => {
    const first = customElements.get('csv-importer');
    // A second copy of the registration module, as a second bundle on the page would run it.
    const again = './csv-importer.ts?again';
    await import(again);
    expect(customElements.get('csv-importer')).to.equal(first);
  });
});
