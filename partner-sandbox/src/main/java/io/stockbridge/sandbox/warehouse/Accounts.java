package io.stockbridge.sandbox.warehouse;

import java.util.Map;

/**
 * The credentials the sandbox's partner APIs accept; anything else is refused as the partner would.
 *
 * @param shipBobToken   ShipBob personal access token (Bearer)
 * @param winitAppKey    WINIT {@code app_key} (the account name)
 * @param winitToken     WINIT token, the secret its requests are signed with
 * @param fourPxAppKey   4PX {@code app_key}
 * @param fourPxSecret   4PX app secret, the secret its requests are signed with
 */
public record Accounts(String shipBobToken, String winitAppKey, String winitToken, String fourPxAppKey,
    String fourPxSecret) {

  public static Accounts defaults() {
    return new Accounts("sandbox-shipbob-token", "sandbox-winit", "sandbox-winit-token", "sandbox-4px",
        "sandbox-4px-secret");
  }

  /** Reads {@code SANDBOX_SHIPBOB_TOKEN}, {@code SANDBOX_WINIT_APP_KEY}, ... falling back to the defaults. */
  public static Accounts fromEnvironment(Map<String, String> env) {
    Accounts d = defaults();
    return new Accounts(env.getOrDefault("SANDBOX_SHIPBOB_TOKEN", d.shipBobToken()),
        env.getOrDefault("SANDBOX_WINIT_APP_KEY", d.winitAppKey()),
        env.getOrDefault("SANDBOX_WINIT_TOKEN", d.winitToken()),
        env.getOrDefault("SANDBOX_4PX_APP_KEY", d.fourPxAppKey()),
        env.getOrDefault("SANDBOX_4PX_SECRET", d.fourPxSecret()));
  }
}
