import { XliffService } from '../../../src/services/xliff.ts';
import { EXHIBITION, WORKSPACE, type MatrixEnv, type Rule } from '../matrix.ts';

export function xliffRules(env: MatrixEnv): Record<string, Rule> {
  return {
    'GET /admin/xliff': WORKSPACE,
    'GET /admin/xliff/export': { ...WORKSPACE, prepare: async () => ({ url: `/admin/xliff/export?exhibition=${EXHIBITION}&lang=mn&version=1.2` }) },
    // The check step of an import (a dry run): everyone who may write some text reaches the report.
    'POST /admin/xliff/import': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', curatorNaj: 'allow', translatorMn: 'allow' },
      rest: 'deny',
      prepare: async () => {
        const { xml } = await new XliffService(env.app().storage).export({ exhibitionId: EXHIBITION, lang: 'mn', version: '2.0' });
        return { url: '/admin/xliff/import', upload: { fields: {}, file: { filename: 'mn.xlf', type: 'application/xliff+xml', data: Buffer.from(xml) } } };
      },
    },
  };
}
