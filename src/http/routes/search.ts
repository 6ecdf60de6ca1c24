// Search page and search API routes.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../app.ts';

export async function searchRoutes(_app: FastifyInstance, _deps: RouteDeps): Promise<void> {}
