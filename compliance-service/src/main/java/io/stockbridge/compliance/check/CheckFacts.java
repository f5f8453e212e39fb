package io.stockbridge.compliance.check;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the catalogue knows about the product, as the rules need it")
public record CheckFacts(
    @Size(max = 500) String title,
    @Size(max = 200) String brand,
    @Size(max = 100) String modelNumber,
    @Schema(description = "When the model was first registered; an FCC report may not predate it (CMP-3)")
    LocalDate modelFirstRegisteredAt,
    @Schema(description = "The ingredient list as the CPI states it, in order (CMP-3)")
    @Size(max = 300) List<@NotBlank @Size(max = 200) String> ingredients,
    @Schema(description = "Product attributes the rules look at, e.g. {\"wireless\": true, \"battery\": true, "
        + "\"forChildren\": false}")
    @Size(max = 100) Map<@NotBlank @Size(max = 64) String, Object> attributes) {

  public static final CheckFacts NONE = new CheckFacts(null, null, null, null, List.of(), Map.of());

  public List<String> ingredientList() {
    return ingredients == null ? List.of() : ingredients;
  }

  public Map<String, Object> attributeMap() {
    return attributes == null ? Map.of() : attributes;
  }
}
