import { hostileCorpusTests } from './hostile-corpus-run.ts';

// The hostile corpus's workbooks through the real element, frame and worker in both modes, with
// both main threads measured while each is read, and the header-matching and column-pattern
// cases (see hostile-corpus-run.ts).
hostileCorpusTests((file) => file.name.endsWith('.xlsx'), { boundedWork: true });
