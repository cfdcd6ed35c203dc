package dev.portcullis.adapters.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MongoSettingsTest {

    @Test
    void theTimeoutsReachTheDriver() {
        MongoClientSettings driver = new MongoSettings("mongodb://db.example:27017", "portcullis", 1_000, 3_000, 1_500)
                .clientSettings();

        assertThat(driver.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_000);
        assertThat(driver.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(3_000);
        assertThat(driver.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    }

    @Test
    void ourTimeoutsWinOverTheConnectionStrings() {
        MongoClientSettings driver = new MongoSettings(
                "mongodb://db.example/?connectTimeoutMS=60000&serverSelectionTimeoutMS=60000", "portcullis", 1_000,
                3_000, 1_500).clientSettings();

        assertThat(driver.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_000);
        assertThat(driver.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    }

    @Test
    void defaultsAreShort() {
        MongoSettings settings = MongoSettings.of("mongodb://localhost", "portcullis");

        assertThat(settings.connectTimeoutMs()).isEqualTo(2_000);
        assertThat(settings.readTimeoutMs()).isEqualTo(5_000);
        assertThat(settings.serverSelectionTimeoutMs()).isEqualTo(2_000);
    }

    @Test
    void theConnectionStringsPasswordIsNeverPrinted() {
        MongoSettings settings = MongoSettings.of("mongodb://portcullis:s3cr%40t@db1.example,db2.example/admin?replicaSet=rs0",
                "portcullis");

        assertThat(settings.toString())
                .doesNotContain("s3cr")
                .contains("mongodb://***@db1.example,db2.example/admin?replicaSet=rs0");
    }

    @Test
    void evenAMalformedUserInfoIsRedacted() {
        assertThat(MongoSettings.redact("mongodb://user:pa/ss@db.example/admin?authSource=a@b")).isEqualTo("mongodb://***@db.example/admin?authSource=a@b");
        assertThat(MongoSettings.redact("mongodb+srv://u:p@cluster0.example.net")).isEqualTo("mongodb+srv://***@cluster0.example.net");
        assertThat(MongoSettings.redact("mongodb://db.example:27017/?w=majority")).isEqualTo("mongodb://db.example:27017/?w=majority");
    }

    @Test
    void anInvalidConnectionStringIsRefusedWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> MongoSettings.of("mongodb://user:hunter2@", "portcullis"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a MongoDB connection string")
                .hasNoCause()
                .message().doesNotContain("hunter2");
        assertThatThrownBy(() -> MongoSettings.of("http://db.example", "portcullis"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoSettings.of(" ", "portcullis")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a.b", "a/b", "a b", "a$b", "a\"b"})
    void badDatabaseNamesAreRefused(String name) {
        assertThatThrownBy(() -> MongoSettings.of("mongodb://localhost", name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> new MongoSettings("mongodb://localhost", "p", 0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MongoSettings("mongodb://localhost", "p", 1, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MongoSettings("mongodb://localhost", "p", 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
