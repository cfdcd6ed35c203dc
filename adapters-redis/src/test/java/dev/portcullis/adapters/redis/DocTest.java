package dev.portcullis.adapters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocTest {

    @Test
    void anyStringsListsAndAbsencesRoundTrip() {
        List<String> awkward = List.of("", "!", "3:abc", ":", "用户 zoë 🦊", "a\nb\u0000c", "!!");
        String encoded = Doc.write("v1")
                .put("plain")
                .put(Optional.empty())
                .put(Optional.of(""))
                .put(awkward)
                .put(List.of())
                .put(List.of(""))
                .encode();

        Doc.Reader r = Doc.read(encoded, "v1");
        assertThat(r.next()).isEqualTo("plain");
        assertThat(r.nextOptional()).isEmpty();
        assertThat(r.nextOptional()).contains("");
        assertThat(r.nextList()).isEqualTo(awkward);
        assertThat(r.nextList()).isEmpty();
        assertThat(r.nextList()).containsExactly("");
        r.end();
    }

    @Test
    void instantsKeepTheirNanosecondsAndTheirSign() {
        for (Instant i : List.of(Instant.parse("2030-01-01T10:00:00.123456789Z"), Instant.EPOCH,
                Instant.parse("1960-05-01T00:00:00.000000001Z"))) {
            assertThat(Doc.instant(Doc.instant(i))).isEqualTo(i);
        }
    }

    @Test
    void truncatedOrForeignValuesAreCorruptNotAnswers() {
        assertThatThrownBy(() -> Doc.read("2:v2", "v1")).isInstanceOf(Doc.CorruptValueException.class);
        assertThatThrownBy(() -> Doc.read("2:v15:abc", "v1").next()).isInstanceOf(Doc.CorruptValueException.class);
        assertThatThrownBy(() -> Doc.read("2:v1x:abc", "v1").next()).isInstanceOf(Doc.CorruptValueException.class);
        assertThatThrownBy(() -> Doc.read("2:v11:a1:b", "v1").end()).isInstanceOf(Doc.CorruptValueException.class);
        assertThatThrownBy(() -> RedisUserRepository.decode("5:user15:alice")).isInstanceOf(Doc.CorruptValueException.class);
    }
}
