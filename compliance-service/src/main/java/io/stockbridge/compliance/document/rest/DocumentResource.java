package io.stockbridge.compliance.document.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.ComplianceProblem;
import io.stockbridge.compliance.document.DocumentTransition;
import io.stockbridge.compliance.document.DocumentView;
import io.stockbridge.compliance.document.repository.ComplianceDocumentRepository.DocumentFilter;
import io.stockbridge.compliance.document.repository.DocumentScope;
import io.stockbridge.compliance.document.repository.DocumentStatus;
import io.stockbridge.compliance.document.repository.DocumentType;
import io.stockbridge.compliance.document.service.DocumentService;
import io.stockbridge.compliance.document.service.DocumentService.Reviewer;
import io.stockbridge.compliance.document.service.FileFormat;
import io.stockbridge.compliance.market.Market;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.EnumParameter;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.rest.CompletesDespiteDisconnect;
import io.stockbridge.platform.security.Roles;
import io.stockbridge.platform.tenant.CurrentSeller;
import io.vertx.mutiny.core.Vertx;

@CompletesDespiteDisconnect
@Path("/v1/documents")
@Tag(name = "Documents", description = "Compliance documents and their review (CMP-2)")
public class DocumentResource {
  private final DocumentService service;
  private final CurrentSeller seller;
  private final SecurityIdentity identity;
  private final Vertx vertx;

  public DocumentResource(DocumentService service, CurrentSeller seller, SecurityIdentity identity,
      Vertx vertx) {
    this.service = service;
    this.seller = seller;
    this.identity = identity;
    this.vertx = vertx;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION })
  @Operation(summary = "Upload a compliance document (multipart: metadata fields and the file)",
      description = "The file must be a PDF, PNG or JPEG by its content (its name and declared type do not count); "
          + "415 otherwise, 413 above the size limit, 400 when empty; nothing is stored then. The new document is "
          + "SUBMITTED. Send an Idempotency-Key to make retries safe.")
  @APIResponse(responseCode = "201", description = "Stored; Idempotent-Replayed: true for a repeat",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = DocumentView.class)))
  public Uni<Response> upload(@HeaderParam("Idempotency-Key") String idempotencyKey, DocumentForm form) {
    String sellerId = seller.id();
    if (form.file != null && form.file.size() > service.maxFileBytes()) {
      throw new ProblemException(413, CommonProblem.FILE_TOO_LARGE, "Payload too large",
          "The file has " + form.file.size() + " bytes; the limit is " + service.maxFileBytes())
          .with("maxBytes", service.maxFileBytes());
    }
    if (form.file != null && form.file.size() == 0) {
      throw ProblemException.badRequest(CommonProblem.EMPTY_FILE, "The uploaded file is empty",
          java.util.List.of(new FieldError("file", "empty", "the file has no content")));
    }
    if (form.file == null) {
      form.validate(service.today(), null);
    }
    return vertx.fileSystem().readFile(form.file.uploadedFile().toString()).chain(buffer -> {
      byte[] content = buffer.getBytes();
      FileFormat format = FileFormat.of(content).orElseThrow(() -> new ProblemException(415,
          ComplianceProblem.UNSUPPORTED_FILE_TYPE, "Unsupported media type",
          "The file is not a PDF, PNG or JPEG by its content, whatever its name says"));
      var upload = form.validate(service.today(), DocumentService.sha256(content));
      return service.upload(sellerId, identity.getPrincipal().getName(), idempotencyKey, upload, format, content);
    }).map(result -> Response.status(Response.Status.CREATED).entity(result.value())
        .header(IdempotentResult.REPLAYED_HEADER, result.replayed())
        .header("Location", "/v1/documents/" + result.value().id()).build());
  }

  @GET
  @Path("{id}")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "One document with its review trail: the seller's own, or any for a reviewer")
  public Uni<DocumentView> getDocument(@PathParam("id") UUID id) {
    return service.find(scope(), id);
  }

  @GET
  @Path("{id}/file")
  @Produces({ "application/pdf", "image/png", "image/jpeg" })
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "The document's file, as uploaded")
  @APIResponse(responseCode = "200", content = {
      @Content(mediaType = "application/pdf", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")) })
  public Uni<Response> file(@PathParam("id") UUID id) {
    return service.file(scope(), id).map(file -> Response.ok(file.content(), file.contentType())
        .header("Content-Disposition", "attachment; filename=\"" + safeName(file.fileName(), id) + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build());
  }

  @GET
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "Documents, oldest first: the seller's own, or every seller's for a reviewer",
      description = "status filters by the status as of today: EXPIRED includes documents whose date has come.")
  public Uni<Page<DocumentView>> listDocuments(
      @Parameter(schema = @Schema(implementation = DocumentType.class)) @QueryParam("type") String type,
      @Parameter(schema = @Schema(implementation = DocumentStatus.class)) @QueryParam("status") String status,
      @Parameter(schema = @Schema(implementation = Market.class)) @QueryParam("market") String market,
      @Parameter(schema = @Schema(implementation = DocumentScope.class)) @QueryParam("scope") String scope,
      @QueryParam("scopeId") @Size(max = 100) String scopeId,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    var filter = new DocumentFilter(EnumParameter.parse(DocumentType.class, "type", type),
        EnumParameter.parse(DocumentStatus.class, "status", status),
        EnumParameter.parse(Market.class, "market", market),
        EnumParameter.parse(DocumentScope.class, "scope", scope), scopeId);
    return service.list(scope(), filter, cursor, limit);
  }

  @GET
  @Path("expiring")
  @RolesAllowed({ Roles.SELLER_ADMIN, Roles.SELLER_OPERATOR, Roles.ERP_INTEGRATION, Roles.COMPLIANCE_REVIEWER,
      Roles.PLATFORM_ADMIN })
  @Operation(summary = "Documents still in play that expire within the next `days` days, soonest first")
  public Uni<Page<DocumentView>> expiring(
      @QueryParam("days") @DefaultValue("30") @Min(1) @Max(3650) int days,
      @QueryParam("cursor") @Size(max = 200) String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    return service.expiring(scope(), days, cursor, limit);
  }

  @POST
  @Path("{id}/transitions")
  @RolesAllowed(Roles.COMPLIANCE_REVIEWER)
  @Operation(summary = "Move a document through its review: SUBMITTED -> PENDING_REVIEW -> VERIFIED | REJECTED",
      description = "Any other step, and any step on a document whose expiry date has come, answers 409 "
          + "ILLEGAL_TRANSITION. Nobody reviews a document of their own seller (403 SELF_REVIEW_FORBIDDEN).")
  public Uni<DocumentView> transition(@PathParam("id") UUID id, @NotNull @Valid DocumentTransition step) {
    return service.transition(id, new Reviewer(identity.getPrincipal().getName(), seller.ofToken()), step);
  }

  /** Reviewers and platform admins see every seller's documents; anyone else only their seller's. */
  private String scope() {
    return identity.hasRole(Roles.COMPLIANCE_REVIEWER) || identity.hasRole(Roles.PLATFORM_ADMIN) ? null
        : seller.id();
  }

  private static String safeName(String fileName, UUID id) {
    String name = fileName == null ? id.toString() : fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    return name.isEmpty() ? id.toString() : name;
  }
}
