// Authorization rules of the translation routes (dashboard, editor, languages, translator.json).
import { ADMIN_ONLY, ITEM, WORKSPACE, type MatrixEnv, type Rule } from '../matrix.ts';

export function translationRules(env: MatrixEnv): Record<string, Rule> {
  const editor = `/admin/translations/mn/item/${ITEM}/caption`;
  return {
    'GET /admin/translations': WORKSPACE,
    'GET /admin/translations/:lang/:entity/:id/:field': { ...WORKSPACE, prepare: async () => ({ url: editor }) },
    // Mongolian on a record of mn-mfa-ca: its translators and its curators; reviewers only review.
    'POST /admin/translations/:lang/:entity/:id/:field': {
      expect: { anonymous: 'login', admin: 'allow', curatorMfa: 'allow', translatorMn: 'allow' },
      rest: 'deny',
      prepare: async () => ({ url: editor, form: { action: 'save', value: `Тайлбар ${env.next()}` } }),
    },
    // Public pages ask it; it answers everyone (an empty list without a session).
    'GET /admin/translator.json': { expect: {}, rest: 'allow' },
    'GET /admin/languages': ADMIN_ONLY,
    'POST /admin/languages': { ...ADMIN_ONLY, prepare: async () => ({ url: '/admin/languages', form: { tag: `en-x-m${env.next()}`, name: 'Matrix English', dir: 'ltr', fallback: 'en', position: '9' } }) },
    'GET /admin/languages/:tag': { ...ADMIN_ONLY, prepare: async () => ({ url: '/admin/languages/en' }) },
    'POST /admin/languages/:tag': { ...ADMIN_ONLY, prepare: async () => ({ url: '/admin/languages/en', form: { name: 'English', dir: 'ltr', fallback: 'ja, mn', position: '3' } }) },
  };
}
