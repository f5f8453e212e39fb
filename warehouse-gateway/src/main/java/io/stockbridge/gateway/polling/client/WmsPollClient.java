package io.stockbridge.gateway.polling.client;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * Asks one WMS API style for a warehouse's stock. Every assumption about the partner's API (paths, signing, paging,
 * errors) lives in its implementation.
 */
public interface WmsPollClient {
  AdapterType adapter();

  /**
   * @param mappedItems the partner item ids mapped to the seller's SKUs (an API that is asked per item asks for these)
   * @param fetchedAt   when this poll started, for styles whose items carry no version
   */
  Uni<List<PolledItem>> fetch(PollTarget target, Collection<String> mappedItems, OffsetDateTime fetchedAt);

  /**
   * Fails with {@link RateLimited} for 429, {@link PartnerUnavailable} (retried) for 5xx, {@link PartnerError} (a
   * refusal, not retried) for any other non-2xx.
   */
  static void checkStatus(String partner, int status) {
    if (status == 429) {
      throw new RateLimited(partner + " answered 429 Too Many Requests");
    }
    if (status >= 500) {
      throw new PartnerUnavailable(partner + " answered HTTP " + status);
    }
    if (status < 200 || status >= 300) {
      throw new PartnerError(partner + " answered HTTP " + status);
    }
  }

  /** The partner's answer as JSON; anything else fails the poll with a {@link PartnerError}. */
  static JsonNode json(ObjectMapper mapper, String partner, String body) {
    try {
      JsonNode answer = mapper.readTree(body == null ? "" : body);
      if (answer == null || answer.isMissingNode()) {
        throw new PartnerError(partner + "'s answer is empty");
      }
      return answer;
    } catch (JsonProcessingException e) {
      throw new PartnerError(partner + "'s answer is not JSON");
    }
  }
}
