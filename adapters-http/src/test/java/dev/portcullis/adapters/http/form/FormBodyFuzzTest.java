package dev.portcullis.adapters.http.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The form parser on arbitrary bytes: it never throws, and a body it accepts re-encodes to a body
 * that parses to the same parameters. {@code mvn verify} replays the committed corpus; fuzz longer with
 * {@code JAZZER_FUZZ=1 ./mvnw -pl adapters-http -am test -Dtest=FormBodyFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FormBodyFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parsesAnyBodyWithoutThrowing(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        switch (FormBody.parse(body)) {
            case FormBody.Malformed malformed -> assertThat(malformed.reason()).isNotBlank();
            case FormBody.Parsed parsed -> {
                FormBody form = parsed.form();
                StringBuilder again = new StringBuilder();
                for (String name : form.names()) {
                    assertThat(name).isNotEmpty();
                    List<String> values = form.all(name);
                    assertThat(values).isNotEmpty().allMatch(v -> !v.isEmpty());
                    for (String value : values) {
                        again.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
                    }
                }
                FormBody reparsed = ((FormBody.Parsed) FormBody.parse(again.toString())).form();
                assertThat(reparsed.names()).isEqualTo(form.names());
                for (String name : form.names()) {
                    assertThat(reparsed.all(name)).isEqualTo(form.all(name));
                    assertThat(form.param(name)).isInstanceOf(form.all(name).size() == 1 ? FormBody.Single.class : FormBody.Repeated.class);
                }
                assertThat(form.toString()).doesNotContain("=");
            }
        }
    }
}
