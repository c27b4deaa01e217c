package dev.cohort.connector.braze;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TrackAnswerTest {
    private static TrackAnswer parse(String body) {
        return TrackAnswer.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void errorsNamingAnArrayAndIndexAreObjectErrors() {
        TrackAnswer answer = parse("""
                {"message":"success","attributes_processed":2,"events_processed":1,
                 "errors":[{"type":"'time' is required","input_array":"events","index":1},
                           {"type":"bad attribute","input_array":"attributes","index":"0"},
                           {"type":"something about the request"},
                           "plain text error"],
                 "unknown":{"field":true}}
                """);

        assertThat(answer.success()).isTrue();
        assertThat(answer.objectErrors()).containsExactly(
                new TrackAnswer.ObjectError(TrackRequest.Array.EVENTS, 1, "'time' is required"),
                new TrackAnswer.ObjectError(TrackRequest.Array.ATTRIBUTES, 0, "bad attribute"));
        assertThat(answer.otherErrors()).containsExactly("something about the request", "plain text error");
    }

    @Test
    void aBodyThatIsNotJsonIsKeptAsTheMessage() {
        TrackAnswer answer = parse("<html>Bad Gateway</html>");

        assertThat(answer.success()).isFalse();
        assertThat(answer.message()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(answer.objectErrors()).isEmpty();
        assertThat(parse("").message()).isEmpty();
        assertThat(parse("[1,2]").message()).isEqualTo("[1,2]");
    }

    @Test
    void aFatalMessageIsNotSuccess() {
        TrackAnswer answer = parse("{\"message\":\"Invalid API key: ****\"}");

        assertThat(answer.success()).isFalse();
        assertThat(answer.message()).isEqualTo("Invalid API key: ****");
    }
}
