// What the workspace's route modules share: services, the view of a request, and replies.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../../domain/permissions.ts';
import type { AuthService } from '../../services/auth.ts';
import type { WorkflowService } from '../../services/workflow.ts';
import type { AdminView } from '../../views/admin/layout.tsx';
import type { RouteDeps } from '../app.ts';

export interface AdminContext {
  deps: RouteDeps;
  auth: AuthService;
  workflow: WorkflowService;
  /** The language, principal and CSRF token a workspace page is rendered with. */
  view(req: FastifyRequest): AdminView;
  html(reply: FastifyReply, body: string, status?: number): FastifyReply;
  /** The signed-in principal; throws Forbidden without one. */
  me(req: FastifyRequest): Principal;
}
