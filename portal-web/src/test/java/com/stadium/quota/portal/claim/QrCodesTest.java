package com.stadium.quota.portal.claim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

class QrCodesTest {

    @Test
    void theCodeOnThePageReadsAsTheTicketsReference() throws Exception {
        String reference = UUID.randomUUID().toString();
        String svg = QrCodes.svg(reference, "QR code of the ticket W3 12 17");
        assertThat(svg).contains("data-reference=\"" + reference + "\"").contains("<title>QR code of the ticket");

        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int size = Integer.parseInt(box.group(1));
        int margin = 2;
        BitMatrix modules = new BitMatrix(size - 2 * margin);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            modules.set(Integer.parseInt(square.group(1)) - margin, Integer.parseInt(square.group(2)) - margin);
        }
        assertThat(new Decoder().decode(modules).getText()).isEqualTo(reference);
    }

    @Test
    void onlyASignedCodeNamingTheTicketIsDrawnForIt() {
        UUID ticket = UUID.fromString("0e6f2a7c-1111-4c8e-9f2d-1a2b3c4d5e6f");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((ticket + "|1|4711|2").getBytes(StandardCharsets.UTF_8));
        String code = "v1.k2026." + payload + ".c2lnbmF0dXJlLW9mLTY0LWJ5dGVz";
        assertThat(QrCodes.isCodeOf(ticket, code)).isTrue();
        assertThat(QrCodes.isCodeOf(UUID.randomUUID(), code)).as("another ticket's code").isFalse();
        assertThat(QrCodes.isCodeOf(ticket, ticket.toString())).as("a bare id").isFalse();
        assertThat(QrCodes.isCodeOf(ticket, "v2.k2026." + payload + ".c2ln")).as("another format").isFalse();
        assertThat(QrCodes.isCodeOf(ticket, code + "<script>")).isFalse();
        assertThat(QrCodes.isCodeOf(ticket, null)).isFalse();
    }

    @Test
    void aLabelCannotBreakOutOfTheDrawing() {
        assertThat(QrCodes.svg("x", "<script>\"")).contains("&lt;script&gt;&quot;").doesNotContain("<script>");
    }
}
