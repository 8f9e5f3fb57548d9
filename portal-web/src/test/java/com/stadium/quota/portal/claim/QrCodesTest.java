package com.stadium.quota.portal.claim;

import static org.assertj.core.api.Assertions.assertThat;

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
    void aLabelCannotBreakOutOfTheDrawing() {
        assertThat(QrCodes.svg("x", "<script>\"")).contains("&lt;script&gt;&quot;").doesNotContain("<script>");
    }
}
