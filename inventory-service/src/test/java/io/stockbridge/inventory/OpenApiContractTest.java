package io.stockbridge.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest {
  @Test
  void committedOpenApiDocumentIsTheOneThisBuildServes() throws Exception {
    assertThat(OpenApiContract.compareWithCommitted("inventory-service")).isNull();
  }
}
