package io.stockbridge.testing;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.specification.RequestSpecification;

/**
 * Request shortcuts for service tests: a JSON request with a bearer token, problem documents parsed as JSON.
 */
public final class Api {
  static {
    RestAssured.registerParser("application/problem+json", Parser.JSON);
  }

  private Api() {
  }

  /** A JSON request carrying {@code token} as its bearer token. */
  public static RequestSpecification as(String token) {
    return given().contentType(ContentType.JSON).accept(ContentType.JSON).auth().oauth2(token);
  }

  /** A JSON request with no token at all. */
  public static RequestSpecification anonymous() {
    return given().contentType(ContentType.JSON).accept(ContentType.JSON);
  }
}
