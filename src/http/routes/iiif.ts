// IIIF Image and Presentation API routes.
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from '../app.ts';

export async function iiifRoutes(_app: FastifyInstance, _deps: RouteDeps): Promise<void> {}
