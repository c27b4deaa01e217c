package dev.cohort.sandbox.insider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void eventsShowNeitherAPresignedQueryNorACallbackToken() {
        assertThat(Urls.shown(URI.create("https://bucket.example.com/exports/a.csv?X-Amz-Signature=abc")))
                .isEqualTo("https://bucket.example.com/exports/a.csv?…");
        assertThat(Urls.shown(URI.create("http://127.0.0.1:8080/callbacks/runs/3/QSih-9tBXJJP4BtobWgUObieWOYfTp2sN8Tz6vwQrP4")))
                .isEqualTo("http://127.0.0.1:8080/callbacks/runs/3/…");
        assertThat(Urls.shown(URI.create("http://127.0.0.1:8080/files/2gFoiYmuAB_XSNPUQcBDmg/platinum-email-optins-run-3.csv")))
                .isEqualTo("http://127.0.0.1:8080/files/2gFoiYmuAB_XSNPUQcBDmg/platinum-email-optins-run-3.csv");
    }
}
