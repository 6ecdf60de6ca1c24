// `tsuzuri user add|set-password|disable|enable|list`
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { RoleGrant } from '../domain/permissions.ts';
import { AuthService } from '../services/auth.ts';
import { ValidationError } from '../services/content.ts';
import type { Storage } from '../storage/index.ts';

export const USER_HELP = `  user add --email <e> --name <n> [--admin] [--curator <institution-id>]…
           [--translator <lang>]… [--reviewer] [--viewer] [--password <p>]
  user set-password --email <e> [--password <p>]
  user disable|enable --email <e>
  user list
                   the password is read from standard input when --password is not given`;

async function readPassword(given: string | undefined): Promise<string> {
  if (given) return given;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: false });
  if (process.stdin.isTTY) process.stderr.write('password: ');
  const line = await rl.question('');
  rl.close();
  return line.trim();
}

export async function userCommand(args: string[], storage: Storage): Promise<number> {
  const [sub, ...rest] = args;
  const auth = new AuthService(storage.workspace);
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      admin: { type: 'boolean', default: false },
      reviewer: { type: 'boolean', default: false },
      viewer: { type: 'boolean', default: false },
      curator: { type: 'string', multiple: true, default: [] },
      translator: { type: 'string', multiple: true, default: [] },
    },
  });
  try {
    switch (sub) {
      case 'add': {
        const institutions = new Set((await storage.store.listInstitutions()).map((i) => i.id));
        const unknown = values.curator.filter((c) => !institutions.has(c));
        if (unknown.length) {
          console.error(`unknown institution ${unknown.join(', ')}; known: ${[...institutions].join(', ')}`);
          return 1;
        }
        const roles: RoleGrant[] = [
          ...values.curator.map((scope) => ({ role: 'curator' as const, scope })),
          ...values.translator.map((scope) => ({ role: 'translator' as const, scope })),
          ...(values.reviewer ? [{ role: 'reviewer' as const, scope: '' }] : []),
          ...(values.viewer ? [{ role: 'viewer' as const, scope: '' }] : []),
        ];
        const password = await readPassword(values.password);
        await auth.createUser({ email: values.email ?? '', name: values.name ?? values.email ?? '', password, isAdmin: values.admin, roles });
        console.log(`user ${values.email} added${values.admin ? ' (administrator)' : ''}`);
        return 0;
      }
      case 'set-password': {
        await auth.setPassword(values.email ?? '', await readPassword(values.password));
        console.log(`password of ${values.email} changed; their sessions are closed`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        await auth.setDisabled(values.email ?? '', sub === 'disable');
        console.log(`user ${values.email} ${sub}d`);
        return 0;
      }
      case 'list': {
        for (const u of await storage.workspace.listUsers()) {
          const roles = [u.isAdmin ? 'admin' : '', ...u.roles.map((r) => (r.scope ? `${r.role}:${r.scope}` : r.role))].filter(Boolean);
          console.log(`${u.email}\t${u.name}\t${roles.join(',')}${u.disabled ? '\tdisabled' : ''}`);
        }
        return 0;
      }
      default:
        console.error(`unknown user command "${sub ?? ''}"\n${USER_HELP}`);
        return 2;
    }
  } catch (err) {
    if (err instanceof ValidationError) {
      for (const e of err.errors) console.error(`${e.where}: ${e.why}`);
      return 1;
    }
    throw err;
  }
}
