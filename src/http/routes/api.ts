import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../app.ts';

export async function apiRoutes(_app: FastifyInstance, _deps: RouteDeps): Promise<void> {}
