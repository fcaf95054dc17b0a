import { hostileCorpusTests } from './hostile-corpus-run.ts';

// The hostile corpus except its workbooks, through the real frame in srcdoc mode (see
// hostile-corpus-run.ts); hosted mode is in security-corpus-hosted.test.ts, the workbooks in
// security-workbooks.test.ts, so each file stays within the runner's time per file.
hostileCorpusTests((file) => !file.name.endsWith('.xlsx'), { modes: ['srcdoc'] });
