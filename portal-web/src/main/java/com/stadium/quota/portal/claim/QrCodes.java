package com.stadium.quota.portal.claim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * A ticket's QR code as inline SVG: the same reference, error correction and margin as the code in the confirmation
 * mail (notification-adapter's QrCodes), drawn as vector squares so it stays sharp on any phone screen.
 */
public final class QrCodes {

    // quota-service's signed code: v1.<key id>.<base64url payload>.<base64url signature> (README, "Ticket codes")
    private static final Pattern SIGNED = Pattern
            .compile("^v1\\.[A-Za-z0-9_-]{1,32}\\.([A-Za-z0-9_-]{1,200})\\.[A-Za-z0-9_-]{1,200}$");

    private QrCodes() {
    }

    /**
     * Whether a text looks like the signed code of this ticket (its payload names the ticket). Only the shape: the
     * gate checks the signature; this keeps a public QR drawing to ticket codes.
     */
    public static boolean isCodeOf(UUID ticketId, String code) {
        var parts = code == null ? null : SIGNED.matcher(code);
        if (parts == null || !parts.matches()) {
            return false;
        }
        try {
            String payload = new String(Base64.getUrlDecoder().decode(parts.group(1)), StandardCharsets.UTF_8);
            return payload.startsWith(ticketId + "|");
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    public static String svg(String reference, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(reference, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for " + reference, e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" viewBox=\"0 0 "
                + matrix.getWidth() + " " + matrix.getHeight() + "\" shape-rendering=\"crispEdges\" data-reference=\""
                + escape(reference) + "\"><title>" + escape(label) + "</title><rect width=\"100%\" height=\"100%\" "
                + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
