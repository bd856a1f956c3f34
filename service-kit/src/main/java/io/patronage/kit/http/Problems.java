package io.patronage.kit.http;

import io.micronaut.http.HttpStatus;

final class Problems {

    private Problems() {
    }

    static String type(int status) {
        return switch (status) {
            case 400 -> type("invalid-request");
            case 401 -> type("unauthorized");
            case 403 -> type("forbidden");
            case 404 -> type("not-found");
            case 405 -> type("method-not-allowed");
            case 409 -> type("conflict");
            case 413 -> type("payload-too-large");
            case 415 -> type("unsupported-media-type");
            case 429 -> type("too-many-requests");
            default -> status >= 500 ? type("server-error") : "about:blank";
        };
    }

    static String type(String name) {
        return "urn:patronage:problem:" + name;
    }

    static String title(HttpStatus status) {
        return status.getReason();
    }
}
