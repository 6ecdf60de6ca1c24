import type { AdminContext } from './context.ts';
import type { AdminFrame } from './plugin.ts';

export function registerSheetRoutes(_f: AdminFrame, _ctx: AdminContext): void {}
