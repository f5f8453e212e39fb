package io.stockbridge.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.ServiceAccountCallContract;

@QuarkusTest
class ServiceAccountCallTest extends ServiceAccountCallContract {
}
