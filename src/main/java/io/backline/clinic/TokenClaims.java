package io.backline.clinic;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;

/**
 * Reads a claim the JWT standard does not name ({@code organization}, {@code name}) from the claims Quarkus OIDC's
 * principal keeps of the verified token, a plain map lookup, instead of smallrye-jwt's throw-and-catch detour for
 * every non-standard name (docs/adr/0009).
 */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** The claim's value as parsed from the verified token: a String, a List for a JSON array; null when absent. */
    public static Object claim(JsonWebToken token, String name) {
        return token instanceof OidcJwtCallerPrincipal oidc ? oidc.getClaims().getClaimValue(name) : token.getClaim(name);
    }

    public static String text(JsonWebToken token, String name) {
        Object value = claim(token, name);
        return value == null ? null : value.toString();
    }
}
