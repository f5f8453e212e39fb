package io.stockbridge.console.shell;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * What the user sees when an action fails: the service's problem (title, detail, field errors) on a page of the
 * console, with the way back; anything unexpected as a plain sentence. Never a stack trace.
 */
public class ProblemPage {
  private static final Logger LOG = Logger.getLogger(ProblemPage.class);

  @CheckedTemplate
  static class Templates {
    static native TemplateInstance failed(Viewer viewer, String page, String notice, ServiceProblem problem);
  }

  private final SecurityIdentity identity;

  public ProblemPage(SecurityIdentity identity) {
    this.identity = identity;
  }

  @ServerExceptionMapper
  public Response refused(ServiceProblem problem) {
    // a service's 5xx is not the user's doing: 502 says the console's upstream failed
    int status = problem.status() >= 500 ? 502 : problem.status();
    return page(status, problem);
  }

  @ServerExceptionMapper
  public Response unexpected(RuntimeException failure) {
    if (failure instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
      return web.getResponse();
    }
    LOG.error("page failed", failure);
    return page(500, new ServiceProblem(500, "CONSOLE_FAILED", "This page could not be shown",
        "The failure is logged; the services' data is unchanged by it.", java.util.List.of()));
  }

  private Response page(int status, ServiceProblem problem) {
    Viewer viewer = identity == null || identity.isAnonymous() ? new Viewer("", null, java.util.Set.of())
        : Viewer.of(identity);
    return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
        .entity(Templates.failed(viewer, "", null, problem).render()).build();
  }
}
