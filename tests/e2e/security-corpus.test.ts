import { hostileCorpusTests } from './hostile-corpus-run.ts';

// The hostile corpus except its workbooks, through the real frame in both modes (see
// hostile-corpus-run.ts); the workbooks are in security-workbooks.test.ts.
hostileCorpusTests((file) => !file.name.endsWith('.xlsx'));
