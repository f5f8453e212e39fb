package io.stockbridge.catalog.product.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.CatalogProblem;
import io.stockbridge.catalog.product.ImageView;
import io.stockbridge.catalog.product.ProductRequest;
import io.stockbridge.catalog.product.ProductView;
import io.stockbridge.catalog.product.image.ProductImageRepository;
import io.stockbridge.catalog.product.repository.Ingredients;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.ProductFilter;
import io.stockbridge.catalog.product.repository.ProductRepository;
import io.stockbridge.catalog.product.repository.Sku;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.CommonProblem;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Products and their SKUs. A seller SKU names one SKU of one seller: it is what the channel, the warehouses and
 * the ledger all key on.
 */
@ApplicationScoped
public class ProductService {
  static final String LEDGER = "inventory-service";

  private final ProductRepository products;
  private final SkuRepository skus;
  private final IdempotentWrites idempotentWrites;
  private final Outbox outbox;
  private final ProductImageRepository images;
  private final SuiteClock clock;

  public ProductService(ProductRepository products, SkuRepository skus, IdempotentWrites idempotentWrites,
      Outbox outbox, ProductImageRepository images, SuiteClock clock) {
    this.products = products;
    this.skus = skus;
    this.images = images;
    this.idempotentWrites = idempotentWrites;
    this.outbox = outbox;
    this.clock = clock;
  }

  @WithTransaction
  public Uni<IdempotentResult<ProductView>> create(String sellerId, String idempotencyKey, ProductRequest request) {
    return idempotentWrites.once(sellerId, "product.create", idempotencyKey, request, ProductView.class,
        () -> insert(sellerId, request));
  }

  private Uni<ProductView> insert(String sellerId, ProductRequest request) {
    List<String> requested = request.skus().stream().map(ProductRequest.SkuRequest::sellerSku).toList();
    rejectRepeats(requested);
    return skus.takenSellerSkus(sellerId, requested).chain(taken -> {
      if (!taken.isEmpty()) {
        throw new ProblemException(409, CatalogProblem.SELLER_SKU_TAKEN, "Conflict",
            "Seller SKUs must be unique per seller; these already exist: " + String.join(", ", taken),
            taken.stream().map(sku -> new FieldError("skus[" + requested.indexOf(sku) + "].sellerSku", "taken",
                "'" + sku + "' already belongs to another SKU")).toList());
      }
      Product product = new Product();
      product.id = UUID.randomUUID();
      product.sellerId = sellerId;
      // the database keeps microseconds: the cursor must compare equal to what is stored
      product.createdAt = clock.now();
      describe(product, request);
      List<Sku> created = new ArrayList<>();
      for (int i = 0; i < request.skus().size(); i++) {
        Sku entity = new Sku();
        entity.id = UUID.randomUUID();
        entity.sellerId = sellerId;
        entity.productId = product.id;
        describe(entity, request.skus().get(i), i);
        created.add(entity);
      }
      return products.persist(product)
          .chain(() -> skus.persist(created))
          .chain(() -> products.flush())
          // the ledger accepts stock only for SKUs it knows (WH-3); tell it in the same transaction
          .chain(() -> registerWithLedger(sellerId, created))
          .map(ignored -> ProductView.of(product, created));
    });
  }

  /** The ledger accepts stock only for SKUs it knows (WH-3); it is told in the same transaction. */
  private Uni<Void> registerWithLedger(String sellerId, List<Sku> added) {
    return Multi.createFrom().iterable(added)
        .onItem().transformToUniAndConcatenate(sku -> outbox.enqueue(new OutboxMessage(LEDGER,
            "/internal/v1/skus/" + sku.sellerSku, "sku.registered", sellerId, Map.of("sellerSku", sku.sellerSku))))
        .collect().asList().replaceWithVoid();
  }

  private static void describe(Product product, ProductRequest request) {
    product.titles = Map.copyOf(request.titles());
    product.description = request.description();
    product.category = request.category();
    product.brand = request.brand();
    product.originCountry = request.originCountry();
    product.manufacturerName = request.manufacturer() == null ? null : request.manufacturer().name();
    product.manufacturerAddress = request.manufacturer() == null ? null : request.manufacturer().registeredAddress();
    product.attributes = request.attributes() == null ? Map.of() : Map.copyOf(request.attributes());
    product.ingredients = Ingredients.of(request.ingredients());
    product.modelNumber = request.modelNumber();
    product.modelFirstRegisteredAt = request.modelFirstRegisteredAt();
  }

  private static void describe(Sku entity, ProductRequest.SkuRequest sku, int position) {
    entity.sellerSku = sku.sellerSku();
    entity.barcode = sku.barcode();
    entity.weightValue = sku.weight() == null ? null : sku.weight().value();
    entity.weightUnit = sku.weight() == null ? null : sku.weight().unit().name();
    ProductRequest.Dimensions size = sku.dimensions();
    entity.lengthValue = size == null ? null : size.length();
    entity.widthValue = size == null ? null : size.width();
    entity.heightValue = size == null ? null : size.height();
    entity.dimensionUnit = size == null ? null : size.unit().name();
    entity.position = position;
  }

  /**
   * Replaces the product's description and SKUs. Every SKU it has must still be in the request: a SKU carries stock,
   * warehouse mappings and listings, so it is never dropped by omission. New seller SKUs are registered with the
   * ledger. With {@code expectedVersion} the update applies only to that version (If-Match).
   */
  @WithTransaction
  public Uni<ProductView> update(String sellerId, UUID id, Long expectedVersion, ProductRequest request) {
    List<String> requested = request.skus().stream().map(ProductRequest.SkuRequest::sellerSku).toList();
    rejectRepeats(requested);
    return products.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", id.toString()))
        .call(product -> Panache.getSession().chain(session -> session.lock(product, LockMode.PESSIMISTIC_WRITE)))
        .chain(product -> {
          if (expectedVersion != null && expectedVersion != product.version) {
            throw new ProblemException(412, CommonProblem.VERSION_MISMATCH, "Precondition failed",
                "The product is at version " + product.version + ", not " + expectedVersion + "; read it again");
          }
          return skus.ofProducts(List.of(id)).chain(existing -> {
            Map<String, Sku> bySellerSku = existing.stream().collect(Collectors.toMap(sku -> sku.sellerSku, sku -> sku));
            List<String> dropped = existing.stream().map(sku -> sku.sellerSku).filter(sku -> !requested.contains(sku))
                .toList();
            if (!dropped.isEmpty()) {
              throw ProblemException.conflict(CatalogProblem.SKU_REMOVAL_REFUSED, "A product keeps its SKUs; these are missing"
                  + " from the request: " + String.join(", ", dropped));
            }
            List<String> added = requested.stream().filter(sku -> !bySellerSku.containsKey(sku)).toList();
            return (added.isEmpty() ? Uni.createFrom().item(List.<String>of()) : skus.takenSellerSkus(sellerId, added))
                .chain(taken -> {
                  if (!taken.isEmpty()) {
                    throw new ProblemException(409, CatalogProblem.SELLER_SKU_TAKEN, "Conflict",
                        "Seller SKUs must be unique per seller; these already exist: " + String.join(", ", taken),
                        taken.stream().map(sku -> new FieldError("skus[" + requested.indexOf(sku) + "].sellerSku",
                            "taken", "'" + sku + "' already belongs to another SKU")).toList());
                  }
                  describe(product, request);
                  product.updatedAt = clock.now();
                  List<Sku> all = new ArrayList<>();
                  List<Sku> created = new ArrayList<>();
                  for (int i = 0; i < request.skus().size(); i++) {
                    ProductRequest.SkuRequest wanted = request.skus().get(i);
                    Sku entity = bySellerSku.get(wanted.sellerSku());
                    if (entity == null) {
                      entity = new Sku();
                      entity.id = UUID.randomUUID();
                      entity.sellerId = sellerId;
                      entity.productId = id;
                      created.add(entity);
                    }
                    describe(entity, wanted, i);
                    all.add(entity);
                  }
                  // Panache refuses to persist an empty list: an update that adds no SKU persists none
                  return (created.isEmpty() ? Uni.createFrom().voidItem() : skus.persist(created))
                      .chain(() -> products.flush())
                      .chain(() -> registerWithLedger(sellerId, created))
                      .chain(() -> images.ofProducts(List.of(id)))
                      .map(found -> ProductView.of(product, all, found.stream().map(ImageView::of).toList()));
                });
          });
        });
  }

  private static void rejectRepeats(List<String> sellerSkus) {
    Set<String> seen = new HashSet<>();
    List<FieldError> repeats = new ArrayList<>();
    for (int i = 0; i < sellerSkus.size(); i++) {
      if (!seen.add(sellerSkus.get(i))) {
        repeats.add(new FieldError("skus[" + i + "].sellerSku", "duplicate", "listed twice in this product"));
      }
    }
    if (!repeats.isEmpty()) {
      throw ProblemException.badRequest(CommonProblem.VALIDATION_FAILED, "A seller SKU is listed twice", repeats);
    }
  }

  @WithSession
  public Uni<ProductView> find(String sellerId, UUID id) {
    return products.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", id.toString()))
        .chain(product -> skus.ofProducts(List.of(product.id))
            .chain(list -> images.ofProducts(List.of(product.id))
                .map(found -> ProductView.of(product, list, found.stream().map(ImageView::of).toList()))));
  }

  @WithSession
  public Uni<Page<ProductView>> list(String sellerId, ProductFilter filter, String cursor, int limit) {
    PageCursor after = PageCursor.decode(cursor);
    return products.page(sellerId, filter, after, limit + 1).chain(rows -> {
      if (rows.isEmpty()) {
        return Uni.createFrom().item(new Page<ProductView>(List.of(), null));
      }
      List<UUID> ids = rows.stream().map(p -> p.id).toList();
      return skus.ofProducts(ids).chain(all -> images.ofProducts(ids).map(pictures -> {
        Map<UUID, List<Sku>> byProduct = all.stream().collect(Collectors.groupingBy(s -> s.productId));
        Map<UUID, List<ImageView>> imagesOf = pictures.stream().collect(Collectors.groupingBy(i -> i.productId,
            Collectors.mapping(ImageView::of, Collectors.toList())));
        return Page.of(rows, limit, p -> new PageCursor(p.createdAt, p.id),
            p -> ProductView.of(p, byProduct.getOrDefault(p.id, List.of()), imagesOf.getOrDefault(p.id, List.of())));
      }));
    });
  }
}
