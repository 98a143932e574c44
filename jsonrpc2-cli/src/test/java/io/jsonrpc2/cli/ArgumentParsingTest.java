package io.jsonrpc2.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** How command-line words become params, URLs become endpoints and words become durations. */
class ArgumentParsingTest {

  @Test
  void wordsThatAreJsonAreJson() {
    assertThat(
            JsonArguments.positional(
                List.of(
                    "42",
                    "-7",
                    "1.50",
                    "true",
                    "null",
                    "\"quoted\"",
                    "[1,2]",
                    "{\"a\":{\"b\":null}}")))
        .hasToString("[42,-7,1.50,true,null,\"quoted\",[1,2],{\"a\":{\"b\":null}}]");
  }

  @Test
  void otherWordsAreStrings() {
    assertThat(
            JsonArguments.positional(
                List.of("hello", "Mittens the cat", "", " ", "1 2", "{oops", "'x'", "NaN", "tru")))
        .hasToString(
            "[\"hello\",\"Mittens the cat\",\"\",\" \",\"1 2\",\"{oops\",\"'x'\",\"NaN\",\"tru\"]");
  }

  @Test
  void bigNumbersKeepEveryDigit() {
    assertThat(JsonArguments.value("123456789012345678901234567890").toString())
        .isEqualTo("123456789012345678901234567890");
    assertThat(JsonArguments.value("0.1000000000000000000001").toString())
        .isEqualTo("0.1000000000000000000001");
  }

  @Test
  void namedParamsSplitAtTheFirstEquals() {
    assertThat(
            JsonArguments.named(
                List.of("name=Mittens", "age=5", "formula=a=b", "empty=", "list=[1]")))
        .hasToString(
            "{\"name\":\"Mittens\",\"age\":5,\"formula\":\"a=b\",\"empty\":\"\",\"list\":[1]}");
  }

  @Test
  void badNamedParamsAreUsageErrors() {
    assertThatThrownBy(() -> JsonArguments.named(List.of("novalue")))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("name=value");
    assertThatThrownBy(() -> JsonArguments.named(List.of("=5"))).hasMessageContaining("name=value");
    assertThatThrownBy(() -> JsonArguments.named(List.of("a=1", "a=2")))
        .hasMessageContaining("'a' twice");
  }

  @Test
  void endpointsOfEveryScheme() {
    assertThat(Endpoint.parse("http://127.0.0.1:8080/rpc"))
        .isEqualTo(
            new Endpoint(
                Endpoint.Kind.HTTP, "http://127.0.0.1:8080/rpc", "127.0.0.1", 8080, false));
    assertThat(Endpoint.parse("https://example.org/").tls()).isTrue();
    assertThat(Endpoint.parse("netstring://localhost:7080"))
        .isEqualTo(
            new Endpoint(
                Endpoint.Kind.NETSTRING, "netstring://localhost:7080", "localhost", 7080, false));
    assertThat(Endpoint.parse("netstring+tls://127.0.0.1:7443"))
        .isEqualTo(
            new Endpoint(
                Endpoint.Kind.NETSTRING,
                "netstring+tls://127.0.0.1:7443",
                "127.0.0.1",
                7443,
                true));
    Endpoint zmq = Endpoint.parse("zmq+tcp://127.0.0.1:5555");
    assertThat(zmq.kind()).isEqualTo(Endpoint.Kind.ZMQ);
    assertThat(zmq.zmqEndpoint()).isEqualTo("tcp://127.0.0.1:5555");
    assertThat(Endpoint.parse("netstring://[::1]:7080").host()).isEqualTo("::1");
    assertThat(Endpoint.parse("zmq+tcp://[::1]:5555").zmqEndpoint()).isEqualTo("tcp://[::1]:5555");
  }

  @Test
  void badEndpointsSayWhatIsExpected() {
    assertThatThrownBy(() -> Endpoint.parse("ftp://x:1")).hasMessageContaining(Endpoint.SCHEMES);
    assertThatThrownBy(() -> Endpoint.parse("127.0.0.1:8080"))
        .hasMessageContaining(Endpoint.SCHEMES);
    assertThatThrownBy(() -> Endpoint.parse("netstring://127.0.0.1"))
        .hasMessageContaining("needs a host and a port");
    assertThatThrownBy(() -> Endpoint.parse("netstring://127.0.0.1:7080/path"))
        .hasMessageContaining("just netstring://HOST:PORT");
    assertThatThrownBy(() -> Endpoint.parse("http:///nohost")).hasMessageContaining("no host");
    assertThatThrownBy(() -> Endpoint.parse("http://bad host/")).hasMessageContaining("not a URL");
  }

  @Test
  void durations() {
    DurationConverter converter = new DurationConverter();
    assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(converter.convert("1.5")).isEqualTo(Duration.ofMillis(1500));
    assertThat(converter.convert("PT0.25S")).isEqualTo(Duration.ofMillis(250));
    for (String bad : List.of("", "soon", "-1s", "0", "1.5.2s", "0.0000000001s")) {
      assertThatThrownBy(() -> converter.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }
}
