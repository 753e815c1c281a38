package io.natrium.application.settings;

/**
 * Cookies a WebSocket client may authenticate with; each null when not used.
 *
 * @param jwt      the cookie holding a user JWT ({@code jwt_cookie})
 * @param user     the cookie holding a user name ({@code user_cookie})
 * @param password the cookie holding a password ({@code pass_cookie})
 * @param token    the cookie holding a token ({@code token_cookie})
 */
public record WebsocketCookieSettings(String jwt, String user, String password, String token) {

    public static WebsocketCookieSettings none() {
        return new WebsocketCookieSettings(null, null, null, null);
    }
}
