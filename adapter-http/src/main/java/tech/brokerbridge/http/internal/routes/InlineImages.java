package tech.brokerbridge.http.internal.routes;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Moves the {@code data:} images of a style sheet into files of their own, so that the page needs no
 * {@code img-src data:} and keeps the CSP {@code default-src 'self'} (Swagger UI's style sheet embeds its
 * icons as {@code data:} URLs). Each becomes {@code url(img/<n>.<ext>)}, relative to the style sheet.
 */
final class InlineImages {
    private static final Pattern QUOTED = Pattern.compile("url\\(\"data:([a-z]+/[a-z0-9.+-]+)([^,\"]*),((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern BARE = Pattern.compile("url\\(data:([a-z]+/[a-z0-9.+-]+)([^,)]*),([^)]*)\\)");

    /** One extracted image. */
    record Image(String contentType, byte[] bytes) {
    }

    /** The rewritten style sheet and its images by file name. */
    record Extracted(String css, Map<String, Image> images) {
    }

    private InlineImages() {
    }

    static Extracted extract(String css) {
        Map<String, Image> images = new LinkedHashMap<>();
        String once = replace(QUOTED, css, images, true);
        return new Extracted(replace(BARE, once, images, false), images);
    }

    private static String replace(Pattern p, String css, Map<String, Image> images, boolean quoted) {
        Matcher m = p.matcher(css);
        StringBuilder out = new StringBuilder(css.length());
        while (m.find()) {
            String type = m.group(1);
            boolean base64 = m.group(2).contains(";base64");
            String data = quoted ? m.group(3).replaceAll("\\\\(.)", "$1") : m.group(3);
            byte[] bytes = base64 ? Base64.getDecoder().decode(data) : percentDecoded(data);
            String name = images.size() + "." + extension(type);
            images.put(name, new Image(type, bytes));
            m.appendReplacement(out, Matcher.quoteReplacement("url(img/" + name + ")"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String extension(String type) {
        return switch (type) {
            case "image/svg+xml" -> "svg";
            case "image/png" -> "png";
            case "image/jpeg" -> "jpg";
            case "image/gif" -> "gif";
            default -> "bin";
        };
    }

    /** %XX decoded; a '+' stays a '+' (this is a URL, not a form). */
    static byte[] percentDecoded(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                out.write(Integer.parseInt(new String(in, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toByteArray();
    }
}
