import { hostileCorpusTests } from './hostile-corpus-run.ts';

// The hostile corpus except its workbooks, through the real frame in hosted mode (see
// hostile-corpus-run.ts and security-corpus.test.ts).
hostileCorpusTests((file) => !file.name.endsWith('.xlsx'), { modes: ['hosted'] });
