package io.stockbridge.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.stockbridge.testing.PackagedServiceContract;

@QuarkusIntegrationTest
class PackagedServiceIT extends PackagedServiceContract {
}
