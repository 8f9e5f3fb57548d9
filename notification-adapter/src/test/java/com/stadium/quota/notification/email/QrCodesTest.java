package com.stadium.quota.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

class QrCodesTest {

    /** What a gate scanner reads from the image. */
    public static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
    }

    @Test
    void theImageIsAPngThatScansBackToTheTicketReference() throws Exception {
        byte[] png = QrCodes.png("T-2026-000123-W1-12-7");
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(decode(png)).isEqualTo("T-2026-000123-W1-12-7");
    }

    @Test
    void aSignedTicketCodeOfAbout150CharactersScansBack() throws Exception {
        String code = "v1.demo2026.ZjJjNWQ4YjQtM2IxZS00YzZhLWE3ZDAtOTg1YzRlMWYwYjE3fDJ8MTE3fDE."
                + "q0b7c1TtV0p9eQm2kC4lS8nW3xYzA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3zA4bC5dE6fG7hI8jK9lM-_";
        assertThat(decode(QrCodes.png(code))).isEqualTo(code);
    }

    @Test
    void referencesWithAnyCharactersScanBack() throws Exception {
        assertThat(decode(QrCodes.png("Tür 7 · Reihe ß"))).isEqualTo("Tür 7 · Reihe ß");
    }
}
