package io.stockbridge.inventory.webhook.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.webhook.config.WebhookConfig;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;

/**
 * Keeps webhook deliveries out of the operator's own network (server-side request forgery): a receiver's URL must
 * be http(s) and every address its host resolves to must be public, unless it lies in a network the operator allows.
 * Checked when a subscription is made and again before every delivery, since a name can be pointed elsewhere later.
 */
@ApplicationScoped
public class ReceiverAddressGuard {
  private final List<NetworkRange> allowed;

  public ReceiverAddressGuard(WebhookConfig config) {
    this.allowed = config.allowedNetworks().orElse(List.of()).stream().filter(cidr -> !cidr.isBlank())
        .map(NetworkRange::parse).toList();
  }

  /** The rule a URL breaks, as a 422 (400 when it is not a usable http(s) URL); null item when it is fine. */
  public Uni<Void> check(String url) {
    URI uri = parse(url);
    return Uni.createFrom().item(() -> resolve(uri.getHost()))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .map(addresses -> {
          for (InetAddress address : addresses) {
            Optional<String> rule = forbiddenBy(address);
            if (rule.isPresent()) {
              throw refusal(InventoryProblem.WEBHOOK_URL_NOT_ALLOWED, uri.getHost() + " resolves to "
                  + address.getHostAddress() + ", " + rule.get() + "; receivers must be reachable on the internet",
                  rule.get());
            }
          }
          return null;
        });
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
        throw badUrl();
      }
      return uri;
    } catch (URISyntaxException e) {
      throw badUrl();
    }
  }

  private static List<InetAddress> resolve(String host) {
    try {
      return List.of(InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host));
    } catch (UnknownHostException e) {
      throw refusal(InventoryProblem.WEBHOOK_URL_UNRESOLVABLE, host + " does not resolve to any address",
          "the host name has no address");
    }
  }

  /** Which rule an address breaks: empty when it is public or in an allowed network. */
  Optional<String> forbiddenBy(InetAddress address) {
    if (allowed.stream().anyMatch(range -> range.contains(address))) {
      return Optional.empty();
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address");
    }
    if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
      return Optional.of("not a unicast address");
    }
    if (address.isSiteLocalAddress() || isUniqueLocal(address) || isSharedOrReserved(address)) {
      return Optional.of("a private network address");
    }
    return Optional.empty();
  }

  private static boolean isUniqueLocal(InetAddress address) {
    return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
  }

  /** Carrier-grade NAT (100.64/10) and the IPv4 blocks reserved for other than public hosts. */
  private static boolean isSharedOrReserved(InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      return false;
    }
    int first = address.getAddress()[0] & 0xff;
    int second = address.getAddress()[1] & 0xff;
    return first == 0 || first == 100 && second >= 64 && second < 128 || first >= 240
        || first == 198 && (second == 18 || second == 19);
  }

  private static ProblemException badUrl() {
    return ProblemException.badRequest(io.stockbridge.platform.problem.CommonProblem.VALIDATION_FAILED,
        "The receiver's URL must be an absolute http or https URL without credentials",
        List.of(new FieldError("url", "invalid", "an absolute http(s) URL such as https://erp.example.com/hooks")));
  }

  private static ProblemException refusal(InventoryProblem code, String detail, String rule) {
    return new ProblemException(422, code, "Receiver not allowed", detail,
        List.of(new FieldError("url", code.name().toLowerCase(), rule)));
  }
}
