package io.stockbridge.catalog.product.service;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.ProductRepository;
import io.stockbridge.catalog.product.repository.Sku;
import io.stockbridge.catalog.product.repository.SkuRepository;
import io.stockbridge.catalog.product.rest.ProductRequest;
import io.stockbridge.catalog.product.rest.ProductView;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.stockbridge.platform.idempotency.IdempotentWrites;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

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

  public ProductService(ProductRepository products, SkuRepository skus, IdempotentWrites idempotentWrites,
      Outbox outbox) {
    this.products = products;
    this.skus = skus;
    this.idempotentWrites = idempotentWrites;
    this.outbox = outbox;
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
        throw new ProblemException(409, "SELLER_SKU_TAKEN", "Conflict",
            "Seller SKUs must be unique per seller; these already exist: " + String.join(", ", taken),
            taken.stream().map(sku -> new FieldError("skus[" + requested.indexOf(sku) + "].sellerSku", "taken",
                "'" + sku + "' already belongs to another SKU")).toList());
      }
      Product product = new Product();
      product.id = UUID.randomUUID();
      product.sellerId = sellerId;
      product.titles = Map.copyOf(request.titles());
      product.description = request.description();
      product.category = request.category();
      product.brand = request.brand();
      product.originCountry = request.originCountry();
      if (request.manufacturer() != null) {
        product.manufacturerName = request.manufacturer().name();
        product.manufacturerAddress = request.manufacturer().registeredAddress();
      }
      // the database keeps microseconds: the cursor must compare equal to what is stored
      product.createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
      List<Sku> created = new ArrayList<>();
      for (int i = 0; i < request.skus().size(); i++) {
        ProductRequest.SkuRequest sku = request.skus().get(i);
        Sku entity = new Sku();
        entity.id = UUID.randomUUID();
        entity.sellerId = sellerId;
        entity.productId = product.id;
        entity.sellerSku = sku.sellerSku();
        entity.barcode = sku.barcode();
        if (sku.weight() != null) {
          entity.weightValue = sku.weight().value();
          entity.weightUnit = sku.weight().unit().name();
        }
        entity.position = i;
        created.add(entity);
      }
      return products.persist(product)
          .chain(() -> skus.persist(created))
          .chain(() -> products.flush())
          // the ledger accepts stock only for SKUs it knows (WH-3); tell it in the same transaction
          .chain(() -> Multi.createFrom().iterable(created)
              .onItem().transformToUniAndConcatenate(sku -> outbox.enqueue(new OutboxMessage(LEDGER,
                  "/internal/v1/skus/" + sku.sellerSku, "sku.registered", sellerId, Map.of("sellerSku", sku.sellerSku))))
              .collect().last())
          .map(ignored -> ProductView.of(product, created));
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
      throw ProblemException.badRequest("VALIDATION_FAILED", "A seller SKU is listed twice", repeats);
    }
  }

  @WithSession
  public Uni<ProductView> find(String sellerId, UUID id) {
    return products.findOwned(sellerId, id)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", id.toString()))
        .chain(product -> skus.ofProducts(List.of(product.id)).map(list -> ProductView.of(product, list)));
  }

  @WithSession
  public Uni<Page<ProductView>> list(String sellerId, String category, String cursor, int limit) {
    PageCursor after = PageCursor.decode(cursor);
    return products.page(sellerId, category, after, limit + 1).chain(rows -> {
      if (rows.isEmpty()) {
        return Uni.createFrom().item(new Page<ProductView>(List.of(), null));
      }
      return skus.ofProducts(rows.stream().map(p -> p.id).toList()).map(all -> {
        Map<UUID, List<Sku>> byProduct = all.stream().collect(Collectors.groupingBy(s -> s.productId));
        return Page.of(rows, limit, p -> new PageCursor(p.createdAt, p.id),
            p -> ProductView.of(p, byProduct.getOrDefault(p.id, List.of())));
      });
    });
  }
}
