package org.havewemet.it.webadmin;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.havewemet.it.HaveWeMetServer;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;

/**
 * A real RSA key pair made for one test class, WebAdmin configured to verify tokens with its public key (as
 * production runs it: {@code jwt.enabled=true}, {@code jwt.publickeypem.url}), and tokens signed with it or not.
 */
final class JwtKeys {
    static final String PUBLIC_KEY_FILE = "jwt_publickey";
    private final KeyPair keys = generate();

    /** Turns JWT on in the server's {@code webadmin.properties}, with this key pair's public key. */
    HaveWeMetServer configure(HaveWeMetServer server) {
        return server
            .appendToConf("webadmin.properties", "\njwt.enabled=true\njwt.publickeypem.url=file://conf/"
                + PUBLIC_KEY_FILE + "\n")
            .appendToConf(PUBLIC_KEY_FILE, publicKeyPem());
    }

    /** An admin token for {@code subject}, signed with the private key WebAdmin trusts. */
    String admin(String subject) {
        return signed(subject, true, keys.getPrivate());
    }

    /** Signed with the trusted key, for someone who is not an admin ({@code admin: false}). */
    String notAdmin(String subject) {
        return signed(subject, false, keys.getPrivate());
    }

    private static String signed(String subject, boolean admin, PrivateKey key) {
        return Jwts.builder().setSubject(subject).claim("admin", admin)
            .setIssuedAt(Date.from(Instant.now()))
            .signWith(key, SignatureAlgorithm.RS256).compact();
    }

    /** The same claims as {@link #admin} with no signature at all ({@code alg: none}). */
    static String unsigned(String subject) {
        return Jwts.builder().setSubject(subject).claim("admin", true).compact();
    }

    /** An admin token signed by a key WebAdmin does not know. */
    static String signedByStranger(String subject) {
        return signed(subject, true, generate().getPrivate());
    }

    private String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(keys.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
